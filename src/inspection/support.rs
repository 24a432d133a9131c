//! The firm's needs as the district's support list (domain.md §3.2: "Needs become a support list
//! for the district"): each need once, in order. A need written as one of the pack's choices in
//! another case, or as a choice's words in any locale (`MASKS`, `Masks`, `口罩`), is that choice
//! (`masks`), so the district counts it once (inspection audit, thirty-fourth session: four
//! spellings of one need were four needs). Any other need is kept as written.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::describe::NEEDS;
use crate::pack::{Locale, Pack};

/// A need that says there is none (`无`, `暂无`, `none`): recorded, as `[]` is, but nothing for the
/// district to supply (inspector audit, thirty-fifth session: `["无", "暂无", "none"]` were three
/// needs on the support list of a firm that asked for nothing).
const NONE: &[&str] = &[
    "无",
    "無",
    "暂无",
    "暫無",
    "没有",
    "沒有",
    "无需求",
    "無需求",
    "暂无需求",
    "暫無需求",
    "无需",
    "無需",
    "none",
    "no",
    "nil",
    "n/a",
    "-",
    "—",
    "/",
];

/// The support list of an inspection's `facts.needs` (the walked document: text normalised).
pub(super) fn list(pack: &Pack, doc: &Value) -> Vec<String> {
    // Each choice's words in every locale, read once (a hundred thousand needs are bounded work:
    // hostile audit, thirty-second session).
    let mut words: Vec<(&str, &'static str)> = Vec::new();
    for w in NEEDS {
        for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
            if let Some((label, _)) = pack.labels.lookup(locale, &format!("value:needs.{w}")) {
                words.push((label.trim(), w));
            }
        }
    }
    let (mut support, mut seen): (Vec<String>, BTreeSet<String>) = Default::default();
    let needs = doc.get("facts").and_then(|f| f.get("needs")).and_then(Value::as_array);
    for n in needs.into_iter().flatten().filter_map(Value::as_str) {
        let choice = NEEDS.iter().copied().find(|w| w.eq_ignore_ascii_case(n));
        let choice = choice.or_else(|| words.iter().find(|(l, _)| l.eq_ignore_ascii_case(n)).map(|(_, w)| *w));
        let n = choice.unwrap_or(n);
        if !n.is_empty() && !NONE.iter().any(|w| w.eq_ignore_ascii_case(n.trim())) && seen.insert(n.to_owned()) {
            support.push(n.to_owned());
        }
    }
    support
}
