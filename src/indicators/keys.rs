//! Keys a pack does not know, under a unit's `counts` or `checklist`: what is not scored decides
//! nothing (sixteenth session audit: `"remark": "见附件"` among the counts was a wrong type, an
//! error, and deferred an all-met report; a checklist under a pack without one, likewise).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::answer::{Diagnostic, Severity};

/// How a unit is named in params: its `name` (塘家社区), else its id, else `None`, `null` in params
/// (told as not given in the locale's words, while `params` stay the same in every locale: audit).
pub(super) fn unit_name(u: &Value) -> Option<&str> {
    let given = |k: &str| u.get(k).and_then(Value::as_str).filter(|t| !t.trim().is_empty());
    given("name").or_else(|| given("id"))
}

/// A unit's name as a param value (out of line: every diagnostic of a unit has one).
#[inline(never)]
pub(super) fn unit_value(name: Option<&str>) -> Value {
    name.map_or(Value::Null, Value::from)
}

/// Each value a unit left out (`/units/3/counts/rentalUnits`) carries the unit's name in
/// `unit`, as every other diagnostic of a unit does, so its message names the unit: a grid
/// worker reading 请填写：出租屋数 could not tell which grid (messages audit, thirty-sixth
/// session). A unit with neither name nor id is named by its place already (`value:entry`).
pub(super) fn name_units_of_missing(diagnostics: &mut [Diagnostic], doc: &Value) {
    for d in diagnostics.iter_mut().filter(|d| d.missing) {
        let Some((i, _field)) = d.path.strip_prefix("/units/").and_then(|p| p.split_once('/')) else { continue };
        let Some(name) = i.parse::<usize>().ok().and_then(|i| doc.get("units")?.get(i)).and_then(unit_name) else {
            continue;
        };
        if let Value::Object(m) = &mut d.params {
            m.insert("unit".into(), Value::from(name));
        }
    }
}

/// Drops the shape diagnostics at or under a key the pack does not know — a count or checklist
/// item not the pack's, or a checklist where the pack has none — and reports each such key once
/// as unknown instead, unless the document still holds it (then the kind's own pass reports it,
/// as for any unknown key). (Their paths stay among the shape errors: nothing is asked there.)
pub(super) fn unknown_keys_decide_nothing(
    diagnostics: &mut Vec<Diagnostic>,
    doc: &Value,
    counts: &[&str],
    items: &[&str],
) {
    // Each key once, in the order first met: a set beside the list (a `Vec::contains` made a
    // checklist of 80,000 keys take 18 s; acceptance replay, eighteenth session).
    let mut keys: Vec<(usize, String, Option<String>)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    crate::engine::drop_under_unknown_keys(diagnostics, &mut |path| {
        let Some(key) = unknown_key(path, counts, items) else { return false };
        // Keyed by text, as the shape errors' set is (no set of tuples in the .wasm). A holder's
        // keys are all named or, for a checklist the pack has not, all `None`: never both.
        let (unit, holder, name) = &key;
        if seen.insert(format!("{unit}/{holder}/{}", name.as_deref().unwrap_or_default())) {
            keys.push(key);
        }
        true
    });
    for (unit, holder, key) in keys {
        let u = doc.get("units").and_then(|us| us.get(unit));
        let held = u.and_then(|u| u.get(&holder));
        let (code, mut params) = match &key {
            // Still held (a number, an object): reported where every unknown key is.
            Some(k) if held.and_then(|h| h.get(k)).is_some() => continue,
            Some(k) => {
                let known = if holder == "counts" { counts } else { items };
                let code = if holder == "counts" { "indicators.unknown_count" } else { "checklist.unknown_item" };
                (code, crate::answer::suggestion(crate::schema::lookalike(k, known.iter().copied())))
            }
            None if held.is_some() => continue,
            None => ("checklist.not_in_pack", Value::Object(serde_json::Map::new())),
        };
        if holder == "checklist"
            && let Value::Object(m) = &mut params
        {
            m.insert("unit".into(), unit_value(u.and_then(unit_name)));
        }
        let mut at = crate::pointer::Pointer::root();
        at.push("units");
        at.push_index(unit);
        at.push(&holder);
        key.iter().for_each(|k| at.push(k));
        diagnostics.push(Diagnostic::engine(code, Severity::Info, at.to_string(), params));
    }
}

/// The unknown key `path` is at or under, if any: (unit, `counts` or `checklist`, the key
/// unescaped) with the key not the pack's, or (unit, `checklist`, none) when the pack has no
/// checklist.
fn unknown_key(path: &str, counts: &[&str], items: &[&str]) -> Option<(usize, String, Option<String>)> {
    let mut segs = path.strip_prefix("/units/")?.splitn(3, '/');
    let digits = segs.next()?;
    let unit = digits.bytes().try_fold(0usize, |n, b| {
        if b.is_ascii_digit() { n.checked_mul(10)?.checked_add(usize::from(b - b'0')) } else { None }
    })?;
    let holder = segs.next()?;
    let known = match holder {
        "checklist" if items.is_empty() => return Some((unit, holder.to_owned(), None)),
        "counts" => counts,
        "checklist" => items,
        _ => return None,
    };
    let key = crate::pointer::unescape(segs.next()?.split('/').next()?);
    (!known.contains(&key.as_str())).then(|| (unit, holder.to_owned(), Some(key)))
}

/// A `parent` not in the report. A community's own report names its street without including
/// it: info only. But a look-alike of a unit in the report (`c` for `C`) is a typo that takes
/// this unit out of its parent's roll-up, which then looks met: a warning naming the unit meant
/// (`params.suggestion`; QA, nineteenth session).
/// Looked up in the report's ids by [`folded_ids`] (hostile audit, thirty-second session: each
/// unknown parent was compared with every id, 32,000 units in 9 s), which finds the first unit
/// [`crate::schema::lookalike`] would.
pub(super) fn unknown_parent(pid: &str, folded: &BTreeMap<String, usize>, ids: &[&str], at: String) -> Diagnostic {
    // Not an id of the report: the look-alike is the first id equal to it normalised, with
    // ASCII letters in either case.
    let meant = folded.get(&crate::ids::normalize_text(pid).to_ascii_lowercase()).and_then(|&k| ids.get(k).copied());
    let mut params = crate::answer::params([("parent", Value::from(pid))]);
    if let (Some(meant), Value::Object(m)) = (meant, &mut params) {
        m.insert("suggestion".to_owned(), Value::from(meant));
    }
    let severity = if meant.is_some() { Severity::Warning } else { Severity::Info };
    Diagnostic::at("indicators.unknown_parent", severity, at, crate::answer::INPUT_RULE, params)
}

/// The report's ids by their ASCII lower case: the place of the first of each (for
/// [`unknown_parent`]).
pub(super) fn folded_ids<'u>(ids: impl Iterator<Item = &'u str>) -> (BTreeMap<String, usize>, Vec<&'u str>) {
    let ids: Vec<&str> = ids.collect();
    let mut folded = BTreeMap::new();
    for (k, id) in ids.iter().enumerate() {
        let lower = id.to_ascii_lowercase();
        if !folded.contains_key(lower.as_str()) {
            folded.insert(lower, k);
        }
    }
    (folded, ids)
}
