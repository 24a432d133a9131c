//! The shape of the house (issue 9): no file in `src/` over 600 lines, and no import circle
//! between the library's top-level modules.
//!
//! A module depends on another when any of its files names `crate::other` (in a `use` or
//! inline; comments aside). Names the crate root re-exports (`crate::Engine`) count for the
//! module they come from. `scripts/module-graph.sh` prints the graph, lowest layer first.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

/// Files allowed over [`MAX_LINES`] for now, each to be split by the work that owns it now;
/// take a file off once it is split.
const NOT_YET_SPLIT: &[&str] = &[];

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its line and doc comments (the crate has no block comments;
/// `/*` occurs only inside strings, as a pointer's wildcard).
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" // ").next().unwrap_or(line));
        out.push('\n');
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The first names after every `crate::` (`crate::{a::X, b}` gives `a` and `b`).
fn crate_refs(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut start = 0usize;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(group[start..].trim_start()).to_owned());
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(group[start..].trim_start()).to_owned());
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest).to_owned());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The library's top-level modules (`mod x;` in lib.rs) and the names lib.rs re-exports,
/// by the module they come from.
fn root() -> (BTreeSet<String>, BTreeMap<String, String>) {
    let lib = code(&std::fs::read_to_string(src().join("lib.rs")).unwrap());
    let mut modules = BTreeSet::new();
    let mut reexports = BTreeMap::new();
    for stmt in lib.split(';') {
        let s = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
        let s = s.rsplit("] ").next().unwrap_or(&s).trim();
        if let Some(m) = s.strip_prefix("pub mod ").or_else(|| s.strip_prefix("mod ")) {
            modules.insert(m.trim().to_owned());
        } else if let Some(u) = s.strip_prefix("pub use ") {
            // `pub use chrono`: a dependency re-exported whole, no module of ours.
            let Some((module, names)) = u.split_once("::") else { continue };
            for name in names.trim_matches(|c| c == '{' || c == '}' || c == ' ').split(',') {
                let name = name.trim();
                if !name.is_empty() {
                    reexports.insert(name.to_owned(), module.trim().to_owned());
                }
            }
        }
    }
    (modules, reexports)
}

/// Which top-level module each library file belongs to (`src/pack/doc.rs` → `pack`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
    if first == "lib.rs" || first == "bin" {
        return None;
    }
    Some(first.strip_suffix(".rs").unwrap_or(&first).to_owned())
}

/// The `crate::` graph between top-level modules.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let (modules, reexports) = root();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for f in files {
        let Some(from) = module_of(&f) else { continue };
        assert!(modules.contains(&from), "{}: not under a `mod` of lib.rs", f.display());
        let text = code(&std::fs::read_to_string(&f).unwrap());
        for name in crate_refs(&text) {
            let to = if modules.contains(&name) {
                name
            } else {
                reexports
                    .get(&name)
                    .unwrap_or_else(|| panic!("{}: `crate::{name}` is neither a module nor a re-export", f.display()))
                    .clone()
            };
            if to != from {
                g.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    g
}

/// The modules in layers: each depends only on earlier ones. `Err` names a circle.
fn layers(g: &BTreeMap<String, BTreeSet<String>>) -> Result<Vec<String>, Vec<String>> {
    let mut order = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    while done.len() < g.len() {
        let ready: Vec<&str> = g
            .iter()
            .filter(|(m, deps)| !done.contains(m.as_str()) && deps.iter().all(|d| done.contains(d.as_str())))
            .map(|(m, _)| m.as_str())
            .collect();
        if ready.is_empty() {
            // Walk from any module left: every one of them depends on another left, so the walk loops.
            let left: BTreeSet<&str> = g.keys().map(String::as_str).filter(|m| !done.contains(m)).collect();
            let mut path: Vec<String> = Vec::new();
            let mut at = *left.first().unwrap();
            while !path.iter().any(|p| p == at) {
                path.push(at.to_owned());
                at = g[at].iter().map(String::as_str).find(|d| left.contains(d)).unwrap();
            }
            let start = path.iter().position(|p| p == at).unwrap();
            let mut circle = path.split_off(start);
            circle.push(at.to_owned());
            return Err(circle);
        }
        for m in ready {
            done.insert(m);
            order.push(m.to_owned());
        }
    }
    Ok(order)
}

#[test]
fn no_import_circle_between_top_level_modules() {
    let g = graph();
    match layers(&g) {
        Ok(order) => {
            for m in &order {
                let deps: Vec<&str> = g[m].iter().map(String::as_str).collect();
                println!("{m} -> {}", if deps.is_empty() { "(nothing)".to_owned() } else { deps.join(", ") });
            }
        }
        Err(circle) => panic!("import circle: {}", circle.join(" -> ")),
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let refs = crate_refs("use crate::{a::X, b, c::{D, E}};\nlet x = crate::d::f(); my_crate::e;");
    assert_eq!(refs, ["a", "b", "c", "d"]);
    let g: BTreeMap<String, BTreeSet<String>> = [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])]
        .into_iter()
        .map(|(m, d)| (m.to_owned(), d.iter().map(|x| (*x).to_owned()).collect()))
        .collect();
    assert_eq!(layers(&g), Err(vec!["a".to_owned(), "b".to_owned(), "c".to_owned(), "a".to_owned()]));
}

#[test]
fn no_file_in_src_over_600_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(src()).unwrap().display().to_string();
        let n = std::fs::read_to_string(f).unwrap().lines().count();
        let listed = NOT_YET_SPLIT.contains(&rel.as_str());
        if n > MAX_LINES && !listed {
            long.push(format!("{rel} ({n} lines)"));
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {}", long.join(", "));
}

/// The command-line tool's own dependencies (rayon, simdutf8, mimalloc) are optional, enabled
/// only by the `cli` feature the binary requires, and no file of the library outside `src/bin`
/// names them: a crate embedding the library (`default-features = false`) builds none of them,
/// mimalloc's C code included (CLI audit, thirty-fifth session: every embedder built them).
#[test]
fn the_clis_dependencies_are_the_clis_alone() {
    let manifest = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let line_of = |name: &str| {
        manifest.lines().find(|l| l.starts_with(&format!("{name} ="))).unwrap_or_else(|| panic!("{name} in Cargo.toml"))
    };
    let cli = line_of("cli");
    for dep in ["rayon", "simdutf8", "mimalloc"] {
        assert!(line_of(dep).contains("optional = true"), "{dep} is not optional");
        assert!(cli.contains(&format!("\"dep:{dep}\"")), "the cli feature does not enable {dep}");
    }
    assert!(manifest.contains("required-features = [\"cli\"]"), "the binary does not require the cli feature");
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for f in files.iter().filter(|f| !f.starts_with(src().join("bin"))) {
        let text = code(&std::fs::read_to_string(f).unwrap());
        for dep in ["rayon::", "simdutf8::", "mimalloc::"] {
            assert!(!text.contains(dep), "{} names {dep}", f.display());
        }
    }
}
