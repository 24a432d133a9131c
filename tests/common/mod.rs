//! Shared loader and runner of golden cases (`tests/cases/**/*.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::collapsible_if,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

use std::path::{Path, PathBuf};

use fangkong::time::parse_now;
use fangkong::{Engine, Locale, Options};
use serde_json::Value;

mod changes;
mod json_readers;
#[allow(unused_imports)] // not every test file that includes this module uses them
pub use {changes::changes_add_up, json_readers::both_readers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    Filing,
    Inspection,
    Indicators,
    Screening,
}

impl CaseKind {
    pub const ALL: [CaseKind; 4] = [CaseKind::Filing, CaseKind::Inspection, CaseKind::Indicators, CaseKind::Screening];

    pub fn dir(self) -> &'static str {
        match self {
            CaseKind::Filing => "filing",
            CaseKind::Inspection => "inspection",
            CaseKind::Indicators => "indicators",
            CaseKind::Screening => "screening",
        }
    }

    /// The kind of submission its cases hold.
    pub fn subject(self) -> fangkong::schema::Subject {
        use fangkong::schema::Subject;
        match self {
            CaseKind::Filing => Subject::Filing,
            CaseKind::Inspection => Subject::Inspection,
            CaseKind::Indicators => Subject::Indicators,
            CaseKind::Screening => Subject::Screening,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Case {
    pub file: String,
    pub kind: CaseKind,
    pub name: String,
    pub rules: Vec<String>,
    pub now: String,
    pub locale: Option<String>,
    /// An embedded pack family other than the default (`guangming-2020`).
    pub pack: Option<String>,
    /// A pack version to force.
    pub pack_version: Option<String>,
    /// Progressive checking: the option `scope`.
    pub scope: Option<Vec<String>>,
    /// The option `personal`: normalised values of personal fields given back too.
    pub personal: bool,
    /// Either a JSON value or raw text (`inputText`, for not-JSON cases).
    pub input: Input,
    pub expect: Value,
}

#[derive(Debug, Clone)]
pub enum Input {
    Json(Value),
    Text(String),
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub use fangkong::pack::merge_patch;

/// Resolve a case's input: `input`, `inputText`, or `base` + `patch`.
pub fn case_input(raw: &Value) -> Input {
    if let Some(t) = raw.get("inputText").and_then(Value::as_str) {
        return Input::Text(t.to_owned());
    }
    if let Some(i) = raw.get("input") {
        return Input::Json(i.clone());
    }
    let base = raw["base"].as_str().expect("a case needs `input`, `inputText` or `base`");
    let text = std::fs::read_to_string(root().join(base)).unwrap_or_else(|e| panic!("{base}: {e}"));
    let mut v: Value = serde_json::from_str(&text).unwrap();
    if let Some(p) = raw.get("patch") {
        merge_patch(&mut v, p);
    }
    Input::Json(v)
}

fn load_dir(dir: &Path, kind: CaseKind, out: &mut Vec<Case>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        if f.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let raw: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.push(Case {
            file: f.strip_prefix(root()).unwrap_or(&f).display().to_string(),
            kind,
            name: raw["name"].as_str().unwrap_or_default().to_owned(),
            rules: raw["rules"]
                .as_array()
                .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default(),
            now: raw["now"].as_str().unwrap_or_else(|| panic!("{}: needs `now`", f.display())).to_owned(),
            locale: raw.get("locale").and_then(Value::as_str).map(str::to_owned),
            pack: raw.get("pack").and_then(Value::as_str).map(str::to_owned),
            pack_version: raw.get("packVersion").and_then(Value::as_str).map(str::to_owned),
            scope: raw
                .get("scope")
                .and_then(Value::as_array)
                .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect()),
            personal: raw.get("personal").and_then(Value::as_bool).unwrap_or(false),
            input: case_input(&raw),
            expect: raw["expect"].clone(),
        });
    }
}

pub fn load_cases() -> Vec<Case> {
    let mut out = Vec::new();
    for kind in CaseKind::ALL {
        let dir = root().join("tests/cases").join(kind.dir());
        if dir.is_dir() {
            load_dir(&dir, kind, &mut out);
        }
    }
    out
}

/// The default family as JSON text (an array of its versions), for tests that change it.
pub fn default_family() -> Vec<Value> {
    fangkong::engine::EMBEDDED_PACKS
        .iter()
        .map(|t| serde_json::from_str::<Value>(t).unwrap())
        .filter(|v| v["id"] == "shenzhen-2020")
        .collect()
}

impl Case {
    /// Whether the case expects a diagnostic of `rule` or a failed gate `rule`.
    pub fn expects_failure_of(&self, rule: &str) -> bool {
        let diag = self.expect["diagnostics"].as_array().is_some_and(|a| a.iter().any(|d| d["ruleId"] == rule));
        let gate = self.expect["gates"].get(rule).is_some_and(|g| *g == false || g.is_array());
        let cause = self.expect["gates"]
            .as_object()
            .is_some_and(|g| g.values().any(|v| v.as_array().is_some_and(|c| c.iter().any(|x| x == rule))));
        diag || gate || cause
    }
}

/// The answer of an engine to a case.
pub fn answer(engine: &Engine, case: &Case) -> Result<Value, String> {
    Ok(answer_with(engine, case, &options(case)?))
}

/// A case's options: its `now`, locale, pack version, scope and `personal`.
pub fn options(case: &Case) -> Result<Options, String> {
    Ok(Options {
        now: parse_now(&case.now)?,
        locale: case.locale.as_deref().map_or(Locale::ZhCn, |l| Locale::parse(l).unwrap()),
        pack_version: case.pack_version.clone(),
        scope: case.scope.clone(),
        personal: case.personal,
        budget: fangkong::budget::WORK_BUDGET,
    })
}

/// The answer of an engine to a case's input (as JSON text) under other options.
pub fn answer_with(engine: &Engine, case: &Case, opts: &Options) -> Value {
    let text = match &case.input {
        Input::Json(v) => v.to_string(),
        Input::Text(t) => t.clone(),
    };
    match case.kind {
        CaseKind::Filing => serde_json::to_value(engine.check_filing_json(&text, opts)),
        CaseKind::Inspection => serde_json::to_value(engine.score_inspection_json(&text, opts)),
        CaseKind::Indicators => serde_json::to_value(engine.evaluate_indicators_json(&text, opts)),
        CaseKind::Screening => serde_json::to_value(engine.screen_person_json(&text, opts)),
    }
    .unwrap()
}

/// Run the case with its own pack (the default family unless it names another).
pub fn run_case_default(case: &Case) -> Result<Value, String> {
    let engine = match &case.pack {
        Some(id) => Engine::with_pack_id(id).map_err(|e| format!("pack: {e}"))?,
        None => Engine::with_default_pack().map_err(|e| format!("pack: {e}"))?,
    };
    let got = answer(&engine, case)?;
    check_answer(&got, &case.expect)?;
    Ok(got)
}

/// Run the case against a pack given as JSON text (a pack or an array of versions).
pub fn run_case(case: &Case, pack: &str) -> Result<Value, String> {
    let engine = Engine::from_pack_json(pack).map_err(|e| format!("pack: {e}"))?;
    let got = answer(&engine, case)?;
    check_answer(&got, &case.expect)?;
    Ok(got)
}

/// Does `got` match the pattern `want`? Objects match on the keys the pattern lists,
/// arrays element by element (same length), numbers within 1e-9, the rest exactly.
pub fn matches(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w.iter().all(|(k, wv)| matches(g.get(k).unwrap_or(&Value::Null), wv)),
        (Value::Array(g), Value::Array(w)) => g.len() == w.len() && g.iter().zip(w).all(|(a, b)| matches(a, b)),
        (Value::Number(a), Value::Number(b)) => (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-9,
        (a, b) => a == b,
    }
}

const SPECIAL: &[&str] = &["decision", "diagnostics", "gates", "messages", "normalized", "unitsById", "allGatesPass"];

/// Compare an answer with a case's expectations.
pub fn check_answer(got: &Value, expect: &Value) -> Result<(), String> {
    if let Some(d) = expect.get("decision") {
        if got["decision"] != *d {
            return Err(format!("decision {} instead of {d}; diagnostics: {}", got["decision"], brief(got)));
        }
    }
    if let Some(want) = expect.get("diagnostics").and_then(Value::as_array) {
        let have = got["diagnostics"].as_array().cloned().unwrap_or_default();
        let mut unmatched: Vec<Value> = have.clone();
        for w in want {
            let pos = unmatched.iter().position(|h| {
                ["ruleId", "path", "code", "severity"].iter().all(|k| w.get(*k).is_none_or(|wv| h.get(*k) == Some(wv)))
            });
            match pos {
                Some(i) => {
                    unmatched.remove(i);
                }
                None => return Err(format!("missing diagnostic {w}; got: {}", brief(got))),
            }
        }
        if !unmatched.is_empty() {
            return Err(format!(
                "unexpected diagnostics: {}",
                unmatched
                    .iter()
                    .map(|d| format!("{}@{} {}", d["ruleId"], d["path"], d["code"]))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    for (k, w) in expect.as_object().into_iter().flatten() {
        if !SPECIAL.contains(&k.as_str()) && !matches(&got[k], w) {
            return Err(format!("{k}: got {} expected {w}", got[k]));
        }
    }
    if let Some(units) = expect.get("unitsById").and_then(Value::as_object) {
        for (id, w) in units {
            let u = got["units"].as_array().unwrap().iter().find(|u| u["id"] == *id).ok_or(format!("no unit {id}"))?;
            if !matches(u, w) {
                return Err(format!("unit {id}: got {u} expected {w}"));
            }
        }
    }
    // Gates: listed ones as given (false = failed, or a list of cause rule ids); unlisted must pass.
    let gates = got["gates"].as_array().cloned().unwrap_or_default();
    let want_gates = expect.get("gates").and_then(Value::as_object).cloned().unwrap_or_default();
    for (id, w) in &want_gates {
        let g = gates.iter().find(|g| g["id"] == *id).ok_or_else(|| format!("gate {id} missing"))?;
        match w {
            Value::Null => {
                if !g["passed"].is_null() {
                    return Err(format!("gate {id} passed={} instead of null (undetermined)", g["passed"]));
                }
            }
            Value::Bool(b) => {
                if g["passed"] != *b {
                    return Err(format!("gate {id} passed={} instead of {b}", g["passed"]));
                }
            }
            Value::Array(causes) => {
                if g["passed"] != false {
                    return Err(format!("gate {id} passed, expected failure by {causes:?}"));
                }
                for c in causes {
                    if !g["causes"].as_array().unwrap().iter().any(|x| x["ruleId"] == *c) {
                        return Err(format!("gate {id} not caused by {c}: {}", g["causes"]));
                    }
                }
            }
            other => return Err(format!("bad gate expectation {other}")),
        }
    }
    for g in &gates {
        let id = g["id"].as_str().unwrap_or_default();
        if !want_gates.contains_key(id) && g["passed"] != true {
            return Err(format!("gate {id} failed unexpectedly: {}", g["causes"]));
        }
    }
    if let Some(norm) = expect.get("normalized").and_then(Value::as_array) {
        for n in norm {
            if !got["normalized"].as_array().unwrap().contains(n) {
                return Err(format!("normalized lacks {n}: {}", got["normalized"]));
            }
        }
    }
    if let Some(msgs) = expect.get("messages").and_then(Value::as_array) {
        for m in msgs {
            let code = &m["code"];
            let d = got["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                // `path`, when given, picks which of several diagnostics of one code.
                .find(|d| d["code"] == *code && m.get("path").is_none_or(|p| d["path"] == *p))
                .ok_or(format!("no diagnostic {code}"))?;
            if let Some(text) = m.get("message") {
                if d["message"] != *text {
                    return Err(format!("message {} instead of {text}", d["message"]));
                }
            }
            if let Some(text) = m.get("help") {
                if d["help"] != *text {
                    return Err(format!("help {} instead of {text}", d["help"]));
                }
            }
        }
    }
    Ok(())
}

fn brief(got: &Value) -> String {
    got["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter().map(|d| format!("{}@{} {}", d["ruleId"], d["path"], d["code"])).collect::<Vec<_>>().join(", ")
        })
        .unwrap_or_default()
}

/// The text of every JSON file under `examples/`, `tests/cases/` and `packs/` (the inputs the
/// JSON reader tests compare with serde_json).
pub fn json_texts() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut texts = Vec::new();
    for d in ["examples", "tests/cases", "packs"] {
        walk(&root().join(d), &mut texts);
    }
    assert!(texts.len() > 100, "{}", texts.len());
    texts
}

/// The paths of an answer's diagnostics with `code`, in order.
#[allow(dead_code)] // not every test file that includes this module uses it
pub fn paths_of(answer: &Value, code: &str) -> Vec<String> {
    answer["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == code)
        .filter_map(|d| d["path"].as_str().map(str::to_owned))
        .collect()
}

/// A file in a scratch folder of its own, removed with the folder when dropped, so a test run
/// leaves nothing in the temp dir (some of these files are 4 MiB).
pub struct Tmp(PathBuf);

impl AsRef<std::path::Path> for Tmp {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Tmp {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl std::ops::Deref for Tmp {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

pub fn tmp(prefix: &str, name: &str, text: &str) -> Tmp {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    Tmp(p)
}
