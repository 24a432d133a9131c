//! Loading an [`Engine`]: the embedded packs precompiled by build.rs ([`Engine::precompiled`],
//! and `with_pack_id` without the pack compiler), a compact form ([`Engine::from_compiled`]), or
//! pack JSON compiled here, `extends` resolved against the given and the embedded packs (with
//! the compiler: native builds and `fangkong/compiler`).

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use serde_json::Value;

use super::Engine;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use super::{EMBEDDED_PACKS, MAX_PACK_VERSIONS};
use crate::pack::{Pack, PackError, PackErrorKind, PackErrors};

/// Largest compact form of a pack family ([`Engine::to_compiled`], `compilePack`), in bytes:
/// 16 MiB. The embedded `shenzhen-2020` (165 KB of JSON) compiles to 89 KB, but the 2 MiB limit
/// of a pack's text bounds no compiled form: each of 64 versions keeps its own parameters, and
/// an expression a copy of each list it names (0.36 MB of text, 64 versions of a list of 40,000
/// codes, compiled to 18.3 MB; 0.9 MB, one rule naming a list of 100,000 codes 40 times, to 30
/// MB). So the bound is kept where the compact form is made: a family that would compile to more
/// is `pack.unbounded`, and [`Engine::from_compiled`] (the npm package's `Engine.fromCompiled`,
/// before it copies anything into wasm memory) refuses more bytes.
pub const MAX_COMPILED_BYTES: usize = 16 << 20;

/// The embedded packs, compiled by build.rs into the compact form of
/// [`crate::pack::compact`]: what [`Engine::precompiled`] loads, with no pack compiler.
#[cfg(fangkong_precompiled)]
pub static PRECOMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs.bin"));
/// Versions of a family in the order they take effect (stable: equal dates keep their order),
/// the first apart. In place, by swaps (a family has a handful of versions): the runtime .wasm
/// then carries no stable sort for packs (BENCHMARKS.md, "The runtime, smaller"), and the
/// first engine's code moves no `Vec` of packs into another.
fn by_date(mut packs: Vec<Pack>) -> Option<(Pack, Vec<Pack>)> {
    for i in 1..packs.len() {
        let mut j = i;
        while j > 0 && packs.get(j - 1).map(|p| p.effective_from) > packs.get(j).map(|p| p.effective_from) {
            packs.swap(j - 1, j);
            j -= 1;
        }
    }
    if packs.is_empty() {
        return None;
    }
    Some((packs.remove(0), packs))
}

/// The embedded packs, compiled (none while build.rs itself is being compiled).
#[cfg(not(fangkong_precompiled))]
pub static PRECOMPILED: &[u8] = &[];

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn too_many_versions(n: usize) -> PackErrors {
    let zh = format!("规则包系列有 {n} 个版本：最多 {MAX_PACK_VERSIONS} 个");
    let en = format!("a pack family of {n} versions: at most {MAX_PACK_VERSIONS}");
    PackErrors(vec![one("", PackErrorKind::Unbounded, zh, en)])
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
mod names;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
mod size;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use size::FamilySize;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub use size::MAX_FAMILY_RESOLVED_BYTES;
#[cfg(test)]
mod zh_tests;

/// A pack document with its identity, while resolving `extends`.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
struct Doc {
    id: String,
    version: String,
    effective_from: String,
    value: Value,
    /// Pointer prefix of this document in what the caller gave (`/1` in an array), or `None` when embedded.
    at: Option<String>,
    /// A variant once resolved: where the rules it gives are, for its errors.
    origins: Option<crate::pack::RuleOrigins>,
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn identity(v: &Value) -> (String, String, String) {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    (s("id"), s("version"), s("effectiveFrom"))
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn prefix(errors: PackErrors, at: &Option<String>) -> PackErrors {
    match at {
        Some(p) if !p.is_empty() => {
            PackErrors(errors.0.into_iter().map(|e| PackError { path: format!("{p}{}", e.path), ..e }).collect())
        }
        _ => errors,
    }
}

/// Resolve `extends` of every given document, looking parents up among the given ones,
/// then the embedded packs.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn resolve_all(given: Vec<Doc>) -> Result<Vec<Doc>, PackErrors> {
    let unnamed = names::unnamed_variants(&given);
    if !unnamed.is_empty() {
        return Err(PackErrors(unnamed));
    }
    let mut embedded: Vec<Doc> = Vec::new();
    for text in EMBEDDED_PACKS {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            let (id, version, effective_from) = identity(&value);
            embedded.push(Doc { id, version, effective_from, value, at: None, origins: None });
        }
    }
    embedded.extend(followed_versions(&embedded));
    let mut out = Vec::new();
    let mut memo = Resolved::new();
    let mut total = FamilySize::default();
    for doc in &given {
        let (value, _) = resolve_one(doc, &given, &embedded, 0, &mut memo).map_err(|e| prefix(e, &doc.at))?;
        total.add(&value)?;
        let origins = doc.value.get("extends").map(|_| crate::pack::RuleOrigins::of(&doc.value, &value));
        out.push(Doc { value, origins, ..clone_head(doc) });
    }
    // A variant of a whole family (`extends` without `@version`) follows the family: each
    // later version of the parent, up to the variant's own next version, yields a version
    // of the variant with the parent's version label and date.
    for doc in &given {
        let Some(parent_id) = doc.value.get("extends").and_then(Value::as_str).filter(|r| !r.contains('@')) else {
            continue;
        };
        let pool = if given.iter().any(|d| d.id == parent_id) { &given } else { &embedded };
        for pj in later_versions(doc, &given, pool, parent_id) {
            if out.iter().any(|o| o.id == doc.id && o.version == pj.version) {
                continue;
            }
            let (parent_value, height) =
                resolve_memo(pj, &given, &embedded, 1, &mut memo).map_err(|e| prefix(e, &doc.at))?;
            if height >= MAX_EXTENDS_DEPTH {
                return Err(prefix(too_deep(parent_id), &doc.at));
            }
            let mut child = doc.value.clone();
            if let Some(o) = child.as_object_mut() {
                o.insert("version".into(), Value::String(pj.version.clone()));
                o.insert("effectiveFrom".into(), Value::String(pj.effective_from.clone()));
                o.insert("extends".into(), Value::String(format!("{parent_id}@{}", pj.version)));
            }
            let value = merge_over(&child, &parent_value, Some(parent_id), (&given, &embedded, 1), &mut memo)
                .map_err(|e| prefix(e, &doc.at))?;
            total.add(&value)?;
            let origins = Some(crate::pack::RuleOrigins::of(&doc.value, &value));
            out.push(Doc {
                id: doc.id.clone(),
                version: pj.version.clone(),
                effective_from: pj.effective_from.clone(),
                value,
                at: doc.at.clone(),
                origins,
            });
        }
    }
    Ok(out)
}

/// The versions an embedded family has by following its parent (guangming-2020's 2020-04-07),
/// as documents a variant can follow and `id@version` can name (packs audit, twenty-seventh
/// session: a variant of guangming-2020 judged April filings by February's rules).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn followed_versions(embedded: &[Doc]) -> Vec<Doc> {
    let mut out = Vec::new();
    for doc in embedded {
        let Some(parent_id) = doc.value.get("extends").and_then(Value::as_str).filter(|r| !r.contains('@')) else {
            continue;
        };
        for pj in later_versions(doc, embedded, embedded, parent_id)
            .filter(|pj| !embedded.iter().any(|o| o.id == doc.id && o.version == pj.version))
        {
            let mut value = doc.value.clone();
            if let Some(o) = value.as_object_mut() {
                o.insert("version".into(), Value::String(pj.version.clone()));
                o.insert("effectiveFrom".into(), Value::String(pj.effective_from.clone()));
            }
            out.push(Doc {
                id: doc.id.clone(),
                version: pj.version.clone(),
                effective_from: pj.effective_from.clone(),
                value,
                at: None,
                origins: None,
            });
        }
    }
    out
}

/// The versions of the family `parent_id` in `pool` that `doc`, a version of a variant of the
/// whole family, follows: those after it, up to its own family's next version in `own`.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn later_versions<'a>(doc: &Doc, own: &[Doc], pool: &'a [Doc], parent_id: &'a str) -> impl Iterator<Item = &'a Doc> {
    let from = doc.effective_from.clone();
    let next_own =
        own.iter().filter(|d| d.id == doc.id && d.effective_from > from).map(|d| d.effective_from.clone()).min();
    pool.iter().filter(move |d| {
        d.id == parent_id && d.effective_from > from && next_own.as_ref().is_none_or(|n| d.effective_from < *n)
    })
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn clone_head(d: &Doc) -> Doc {
    Doc {
        id: d.id.clone(),
        version: d.version.clone(),
        effective_from: d.effective_from.clone(),
        value: Value::Null,
        at: d.at.clone(),
        origins: None,
    }
}

/// Parents resolved so far, by (id, version), with the length of their `extends` chain: each
/// is resolved once and merged into every child from there, however many versions extend it
/// (21,000 versions extending the embedded pack resolved it 21,000 times; the family's size is
/// capped too, `MAX_PACK_VERSIONS`). The length is kept with it, so that a chain is as long
/// when its parents were resolved first as when they were not (an 11-version chain given in
/// ascending order was accepted, the same chain reversed refused).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
type Resolved = std::collections::BTreeMap<(String, String), (Value, usize)>;

/// Most `extends` links from a version to a pack that extends nothing: 8 parents.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
const MAX_EXTENDS_DEPTH: usize = 8;

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn too_deep(parent_ref: &str) -> PackErrors {
    PackErrors(vec![one(
        "/extends",
        PackErrorKind::UnknownReference,
        format!("经由 `{parent_ref}` 的 `extends` 继承链超过 {MAX_EXTENDS_DEPTH} 层（是否有循环？）"),
        format!("`extends` chain through `{parent_ref}` is longer than {MAX_EXTENDS_DEPTH} (a cycle?)"),
    )])
}

/// The versions of the family `id` that a variant of the whole family follows: the given ones
/// if any is given, else the embedded ones.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn family_pool<'a>(id: &str, given: &'a [Doc], embedded: &'a [Doc]) -> &'a [Doc] {
    if given.iter().any(|d| d.id == id) { given } else { embedded }
}

/// `doc` resolved, and the length of its `extends` chain, once per (id, version).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn resolve_memo(
    doc: &Doc,
    given: &[Doc],
    embedded: &[Doc],
    depth: usize,
    memo: &mut Resolved,
) -> Result<(Value, usize), PackErrors> {
    let key = (doc.id.clone(), doc.version.clone());
    if let Some(done) = memo.get(&key) {
        return Ok(done.clone());
    }
    let done = resolve_one(doc, given, embedded, depth, memo)?;
    memo.insert(key, done.clone());
    Ok(done)
}

/// `child` over `parent` (resolved); for a variant of a whole family (`extends: "id"`), a rule
/// or parameter it names that this version of the parent lacks but another has is skipped.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn merge_over(
    child: &Value,
    parent: &Value,
    family_id: Option<&str>,
    (given, embedded, depth): (&[Doc], &[Doc], usize),
    memo: &mut Resolved,
) -> Result<Value, PackErrors> {
    let strict = crate::pack::resolve_extends(child, parent);
    let Some(fid) = family_id else { return strict };
    // Every version of the family, resolved: even when this version has everything the variant
    // names, a rule the variant gives whole may be one this version dropped, and a gate's cause
    // one only another version has (packs audit, thirty-first session). A version that cannot
    // be resolved from here (its chain too long at this depth) leaves a variant that resolves
    // without the family's names as it is.
    let mut names = crate::pack::FamilyNames::default();
    for v in family_pool(fid, given, embedded).iter().filter(|d| d.id == fid) {
        match resolve_memo(v, given, embedded, depth, memo) {
            Ok((value, _)) => names.add(&value),
            Err(e) => return strict.map_err(|_| e),
        }
    }
    crate::pack::resolve_in_family(child, parent, Some(&names))
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn resolve_one(
    doc: &Doc,
    given: &[Doc],
    embedded: &[Doc],
    depth: usize,
    memo: &mut Resolved,
) -> Result<(Value, usize), PackErrors> {
    let Some(parent_ref) = doc.value.get("extends").and_then(Value::as_str) else {
        return Ok((doc.value.clone(), 0));
    };
    let fail = |zh: String, en: String| PackErrors(vec![one("/extends", PackErrorKind::UnknownReference, zh, en)]);
    // `depth` links above the version being resolved, and this one: its chain is longer still.
    if depth >= MAX_EXTENDS_DEPTH {
        return Err(too_deep(parent_ref));
    }
    let (pid, pver) = match parent_ref.split_once('@') {
        Some((i, v)) => (i, Some(v)),
        None => (parent_ref, None),
    };
    let pick = |pool: &[Doc]| -> Option<usize> {
        let family: Vec<(usize, &Doc)> = pool
            .iter()
            .enumerate()
            .filter(|(_, d)| d.id == pid && !(d.id == doc.id && d.version == doc.version))
            .collect();
        match pver {
            Some(v) => family.iter().find(|(_, d)| d.version == v).map(|(i, _)| *i),
            None => family
                .iter()
                .filter(|(_, d)| d.effective_from <= doc.effective_from)
                .max_by(|a, b| a.1.effective_from.cmp(&b.1.effective_from))
                .or_else(|| family.iter().min_by(|a, b| a.1.effective_from.cmp(&b.1.effective_from)))
                .map(|(i, _)| *i),
        }
    };
    let parent = match pick(given) {
        Some(i) => given.get(i),
        None => pick(embedded).and_then(|i| embedded.get(i)),
    };
    let Some(parent) = parent else {
        // (packs audit: a pack naming itself was told "no pack `dx` to extend")
        if pid == doc.id && pver.is_none_or(|v| v == doc.version) {
            return Err(fail(
                format!(
                    "`{parent_ref}` 继承了自身：请写明所基于的规则包（如 `shenzhen-2020`）或其自身的较早版本（`{}@VERSION`）",
                    doc.id
                ),
                format!(
                    "`{parent_ref}` extends itself: name the pack it varies (such as `shenzhen-2020`), or an earlier version of its own (`{}@VERSION`)",
                    doc.id
                ),
            ));
        }
        return Err(fail(format!("没有可继承的规则包 `{parent_ref}`"), format!("no pack `{parent_ref}` to extend")));
    };
    let (parent_value, height) = resolve_memo(parent, given, embedded, depth + 1, memo)?;
    if height >= MAX_EXTENDS_DEPTH {
        return Err(too_deep(parent_ref));
    }
    // A version that extends its own family (`extends: "z"` in z's array) follows one version,
    // not the family it is part of.
    let family = (pver.is_none() && pid != doc.id).then_some(pid);
    let value = merge_over(&doc.value, &parent_value, family, (given, embedded, depth + 1), memo)?;
    Ok((value, height + 1))
}

impl Engine {
    /// The engine with the embedded `shenzhen-2020` family.
    pub fn with_default_pack() -> Result<Engine, PackErrors> {
        Self::with_pack_id("shenzhen-2020")
    }

    /// The engine with an embedded pack family: `shenzhen-2020`, `guangming-2020` or `hangzhou-2020`.
    /// Without the pack compiler (the npm package's runtime module) it is
    /// [`Self::precompiled`]; with it, the family is compiled here from its JSON, so that
    /// [`Pack::json`](crate::pack::Pack::json) is there too.
    #[cfg(all(target_arch = "wasm32", not(feature = "compiler")))]
    pub fn with_pack_id(id: &str) -> Result<Engine, PackErrors> {
        Self::precompiled(id)
    }

    /// The engine with an embedded pack family, as build.rs compiled it: no JSON is parsed and
    /// no expression compiled here. Equal to [`Self::with_pack_id`] compiled at run time
    /// (`tests/precompiled.rs`), except that [`Pack::json`](crate::pack::Pack::json) is `Null`.
    pub fn precompiled(id: &str) -> Result<Engine, PackErrors> {
        match crate::pack::compact::decode_embedded(PRECOMPILED, Some(id)) {
            Ok(Some(packs)) => Self::from_versions(packs),
            Ok(None) => Err(no_embedded(id)),
            Err(e) => Err(compiled_error(None, e)),
        }
    }

    /// An engine from the compact form of one compiled pack family, as [`Self::to_compiled`]
    /// (or `compilePack` of the npm package's compiler module) wrote it with this version of
    /// the crate: a custom pack, loaded without the pack compiler.
    /// Its last 8 bytes are a checksum of the rest ([`Self::to_compiled`]): a blob changed or
    /// cut anywhere is refused, never read as some other pack under the original's hash
    /// (fourth audit: one byte changed could turn `approved` into `deferred`, same `pack.hash`).
    /// A check against accidents (storage, transfer), not a signature.
    pub fn from_compiled(bytes: &[u8]) -> Result<Engine, PackErrors> {
        if bytes.len() > MAX_COMPILED_BYTES {
            return Err(compiled_error(
                Some("不是已编译的规则包：超过 16 MiB"),
                "not a compiled pack: none is larger than 16 MiB",
            ));
        }
        let body = match bytes.len().checked_sub(8).map(|n| bytes.split_at(n)) {
            Some((body, sum)) if sum == crate::pack::compact::checksum(body).to_le_bytes() => body,
            _ => {
                return Err(compiled_error(
                    Some("不是已编译的规则包，或已损坏（校验和不符）"),
                    "not a compiled pack, or a damaged one (its checksum does not match)",
                ));
            }
        };
        match crate::pack::compact::decode(body, None) {
            Ok(Some(packs)) => Self::from_versions(packs),
            Ok(None) => Err(compiled_error(Some("已编译的规则包中没有系列"), "a compiled pack without a family")),
            Err(e) => Err(compiled_error(None, e)),
        }
    }

    /// The compact form of this engine's pack family, for [`Self::from_compiled`].
    /// At most [`MAX_COMPILED_BYTES`]: a family that would compile to more is
    /// `pack.unbounded`.
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub fn to_compiled(&self) -> Result<Vec<u8>, PackErrors> {
        let mut bytes = crate::pack::compact::encode(&[self.packs().collect()])
            .map_err(|e| compiled_error(Some(&format!("无法生成已编译的规则包：{e}")), e))?;
        let sum = crate::pack::compact::checksum(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        if bytes.len() > MAX_COMPILED_BYTES {
            return Err(PackErrors(vec![one(
                "",
                PackErrorKind::Unbounded,
                format!(
                    "规则包编译后为 {} 字节：`Engine.fromCompiled` 最多加载 {MAX_COMPILED_BYTES} 字节（16 MiB）；\
                     减少版本，或缩短规则所用参数中的列表，可使其变小",
                    bytes.len()
                ),
                format!(
                    "the pack compiles to {} bytes: at most {MAX_COMPILED_BYTES} (16 MiB), what `Engine.fromCompiled` loads; \
                     fewer versions, or shorter lists in parameters that rules name, make it smaller",
                    bytes.len()
                ),
            )]));
        }
        Ok(bytes)
    }

    /// An engine from compiled versions of one family, in any order.
    fn from_versions(packs: Vec<Pack>) -> Result<Engine, PackErrors> {
        let Some((first, later)) = by_date(packs) else {
            return Err(compiled_error(Some("已编译的规则包系列没有版本"), "a compiled pack family without versions"));
        };
        Ok(Engine { first, later })
    }

    /// The engine with an embedded pack family: `shenzhen-2020`, `guangming-2020` or `hangzhou-2020`.
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub fn with_pack_id(id: &str) -> Result<Engine, PackErrors> {
        let values: Vec<Value> = EMBEDDED_PACKS
            .iter()
            .filter_map(|t| serde_json::from_str::<Value>(t).ok())
            .filter(|v| v.get("id").and_then(Value::as_str) == Some(id))
            .collect();
        if values.is_empty() {
            return Err(no_embedded(id));
        }
        let docs = values
            .into_iter()
            .map(|value| {
                let (id, version, effective_from) = identity(&value);
                Doc { id, version, effective_from, value, at: None, origins: None }
            })
            .collect();
        Self::from_docs(docs)
    }

    /// Load, check and compile a pack from JSON text: one pack document, or an array of
    /// versions of one family. `extends` may name a given or an embedded pack.
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub fn from_pack_json(text: &str) -> Result<Engine, PackErrors> {
        Self::from_pack_value(crate::pack::read_json(text)?)
    }

    /// Load, check and compile a pack (or an array of versions) given as a JSON value.
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub fn from_pack_value(value: Value) -> Result<Engine, PackErrors> {
        // Bounded before anything is resolved: each version that `extends` another is a
        // resolved copy of it (21,000 versions of 94 KB each took 804 MB and more).
        if let Value::Array(items) = &value
            && items.len() > MAX_PACK_VERSIONS
        {
            return Err(too_many_versions(items.len()));
        }
        let docs = match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, value)| {
                    let (id, version, effective_from) = identity(&value);
                    Doc { id, version, effective_from, value, at: Some(format!("/{i}")), origins: None }
                })
                .collect(),
            value => {
                let (id, version, effective_from) = identity(&value);
                vec![Doc { id, version, effective_from, value, at: Some(String::new()), origins: None }]
            }
        };
        Self::from_docs(docs)
    }

    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    fn from_docs(docs: Vec<Doc>) -> Result<Engine, PackErrors> {
        let resolved = resolve_all(docs)?;
        // A variant of a whole family gains a version for each of its parent's.
        if resolved.len() > MAX_PACK_VERSIONS {
            return Err(too_many_versions(resolved.len()));
        }
        let mut packs: Vec<Pack> = Vec::new();
        let mut errors = Vec::new();
        let mut seen: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        // Each mistake once: a variant of a whole family is compiled once per version of its
        // parent, and its versions repeat what its text says.
        let mut once = |err: PackError, errors: &mut Vec<PackError>| {
            if seen.insert(format!("{}\u{0}{}\u{0}{}", err.path, err.kind.code(), err.message)) {
                errors.push(err);
            }
        };
        for d in resolved {
            match Pack::from_value(d.value) {
                Ok(p) => {
                    let at = d.at.clone().unwrap_or_default();
                    if let Some(first) = packs.first().filter(|f| f.stamp.id != p.stamp.id) {
                        once(names::other_family(&at, &p.stamp.id, &first.stamp.id), &mut errors);
                        continue;
                    }
                    if packs.iter().any(|q| q.stamp.version == p.stamp.version) {
                        let v = &p.stamp.version;
                        let (zh, en) = (format!("版本 `{v}` 重复给出"), format!("version `{v}` is given twice"));
                        errors.push(one(&format!("{at}/version"), PackErrorKind::DuplicateId, zh, en));
                    } else if let Some(q) = packs.iter().find(|q| q.effective_from == p.effective_from) {
                        // Two versions in force from one day: the one later in the array judged
                        // everything from then on and the other nothing, silently (packs audit,
                        // thirty-first session: a copied version whose date was not changed).
                        let (a, b, day) = (&q.stamp.version, &p.stamp.version, crate::time::fmt_date(p.effective_from));
                        errors.push(one(
                            &format!("{at}/effectiveFrom"),
                            PackErrorKind::DuplicateId,
                            format!(
                                "版本 `{a}` 与 `{b}` 的生效日期都是 {day}：当天的提交应按哪个版本判断？\
                                 请为每个版本设定不同的 `effectiveFrom`"
                            ),
                            format!(
                                "versions `{a}` and `{b}` both take effect on {day}: which would judge a submission of that day? \
                                 give each version its own `effectiveFrom`"
                            ),
                        ));
                    }
                    packs.push(p);
                }
                // A variant of a whole family is compiled once per version of its parent: a
                // mistake in its text is reported once, not once per version.
                Err(e) => {
                    // A variant's mistakes are told in the variant as written.
                    let e = match &d.origins {
                        Some(o) => PackErrors(e.0.into_iter().map(|x| o.place(x)).collect()),
                        None => e,
                    };
                    for err in prefix(e, &d.at).0 {
                        once(err, &mut errors);
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(PackErrors(errors));
        }
        let Some((first, later)) = by_date(packs) else {
            return Err(PackErrors(vec![one("", PackErrorKind::Syntax, "未给出规则包", "no pack given")]));
        };
        Ok(Engine { first, later })
    }
}

/// One mistake at `path`, in Chinese (`zh`) and English (`en`).
fn one(path: &str, kind: PackErrorKind, zh: impl Into<String>, en: impl Into<String>) -> PackError {
    PackError { path: path.into(), kind, message: en.into(), zh: zh.into() }
}

/// No embedded family `id`.
fn no_embedded(id: &str) -> PackErrors {
    let (id, all) = (crate::pointer::shown(id), super::EMBEDDED_PACK_IDS.join(", "));
    let zh = format!("没有内置规则包 `{id}`；内置：{}", super::EMBEDDED_PACK_IDS.join("、"));
    PackErrors(vec![one("", PackErrorKind::UnknownReference, zh, format!("no embedded pack `{id}`; embedded: {all}"))])
}

/// A compact form that cannot be read (or made), as a pack error: `zh`, or the reason the
/// reader gave in Chinese ([`crate::pack::compact::reason_zh`]).
fn compiled_error(zh: Option<&str>, message: impl Into<String>) -> PackErrors {
    let message = message.into();
    let zh = zh.map_or_else(|| crate::pack::compact::reason_zh(&message), str::to_owned);
    PackErrors(vec![one("", PackErrorKind::Syntax, zh, message)])
}
