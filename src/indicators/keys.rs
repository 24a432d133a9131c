//! Keys a pack does not know, under a unit's `counts` or `checklist`: what is not scored decides
//! nothing (sixteenth session audit: `"remark": "见附件"` among the counts was a wrong type, an
//! error, and deferred an all-met report; a checklist under a pack without one, likewise).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::answer::{Diagnostic, INPUT_RULE, Severity};

/// How a unit is named in params: its `name` (塘家社区), else its id, else `null` (told as not
/// given in the locale's words, while `params` stay the same in every locale: audit).
pub(super) fn unit_name(u: &Value) -> Value {
    let given = |k: &str| u.get(k).and_then(Value::as_str).filter(|t| !t.trim().is_empty());
    given("name").or_else(|| given("id")).map_or(Value::Null, Value::from)
}

/// Drops the shape diagnostics at or under a key the pack does not know — a count or checklist
/// item not the pack's, or a checklist where the pack has none — from `diagnostics` and
/// `shape_errors`, and reports each such key once as unknown instead, unless the document
/// still holds it (then the kind's own pass reports it, as for any unknown key).
pub(super) fn unknown_keys_decide_nothing(
    diagnostics: &mut Vec<Diagnostic>,
    shape_errors: &mut BTreeSet<String>,
    doc: &Value,
    counts: &[&str],
    items: &[&str],
) {
    let mut keys: Vec<String> = Vec::new();
    diagnostics.retain(|d| match unknown_key(&d.path, counts, items).filter(|_| d.rule_id == INPUT_RULE) {
        Some(key) => {
            if !keys.contains(&key) {
                keys.push(key);
            }
            false
        }
        None => true,
    });
    if keys.is_empty() {
        return;
    }
    shape_errors.retain(|p| unknown_key(p, counts, items).is_none());
    for key in keys.into_iter().filter(|k| doc.pointer(k).is_none()) {
        let mut segs = key.split('/').skip(2);
        let (Some(unit), Some(holder)) = (segs.next().and_then(|i| i.parse::<usize>().ok()), segs.next()) else {
            continue;
        };
        let name = doc.get("units").and_then(|u| u.get(unit)).map_or(Value::Null, unit_name);
        let typed = segs.next().map(crate::pointer::unescape);
        let (code, mut params) = match (holder, &typed) {
            ("counts", Some(k)) => ("indicators.unknown_count", suggestion(k, counts)),
            ("checklist", Some(k)) => ("checklist.unknown_item", suggestion(k, items)),
            _ => ("checklist.not_in_pack", Value::Object(serde_json::Map::new())),
        };
        if holder == "checklist"
            && let Value::Object(m) = &mut params
        {
            m.insert("unit".into(), name);
        }
        diagnostics.push(Diagnostic::engine(code, Severity::Info, key, params));
    }
}

fn suggestion(key: &str, known: &[&str]) -> Value {
    crate::answer::suggestion(crate::schema::lookalike(key, known.iter().copied()))
}

/// The pointer of the key the pack does not know that `path` is at or under, if any:
/// `/units/N/counts/K` or `/units/N/checklist/K` with `K` not the pack's, or `/units/N/checklist`
/// when the pack has no checklist.
fn unknown_key(path: &str, counts: &[&str], items: &[&str]) -> Option<String> {
    let mut segs = path.split('/').skip(1);
    let (units, unit, holder) = (segs.next()?, segs.next()?, segs.next()?);
    if units != "units" {
        return None;
    }
    match holder {
        "checklist" if items.is_empty() => Some(format!("/units/{unit}/checklist")),
        "counts" | "checklist" => {
            let key = segs.next()?;
            let known = if holder == "counts" { counts } else { items };
            (!known.contains(&crate::pointer::unescape(key).as_str())).then(|| format!("/units/{unit}/{holder}/{key}"))
        }
        _ => None,
    }
}
