//! "Did you mean": a pack's reference to a field, parameter, rule or function that does not
//! exist is told with the nearest one that does, when one is near (`supplies.mask` →
//! `supplies.masks`, `$stockDay` → `$stockDays`, `RTW-P44` → `RTW-P4`). Compiler only: the
//! runtime reads packs compiled already.

use crate::pack::{PackError, PackErrorKind};
use crate::schema::{Shape, Subject, shape_for};

/// The functions of the expression language (README, "The expression language").
const FUNCTIONS: &[&str] = &["present", "days", "addDays", "latest", "date", "count", "any", "size", "in", "if"];

/// What a pack names, for the suggestions: each rule's subject (by index), the version's
/// parameters and the rule ids.
pub(super) struct Known<'a> {
    pub subjects: &'a [Subject],
    pub params: Vec<&'a str>,
    pub rules: Vec<&'a str>,
}

/// Each unknown reference among `errors` with a near name gets "; did you mean `…`?" (and
/// "；是否应为 `…`？" in its Chinese).
pub(super) fn hint(errors: &mut [PackError], known: &Known<'_>) {
    for e in errors.iter_mut().filter(|e| e.kind == PackErrorKind::UnknownReference) {
        let Some(suggestion) = suggestion(e, known) else { continue };
        e.message.push_str("; did you mean `");
        e.message.push_str(&suggestion);
        e.message.push_str("`?");
        e.zh.push_str("；是否应为 `");
        e.zh.push_str(&suggestion);
        e.zh.push_str("`？");
    }
}

fn suggestion(e: &PackError, known: &Known<'_>) -> Option<String> {
    let quoted = |after: &str| e.message.split_once(after).and_then(|(_, rest)| rest.split_once('`')).map(|(n, _)| n);
    if let Some(name) = quoted("unknown field `") {
        // The rule's own subject, from its pointer (`/rules/3/…`); else every subject's fields.
        let rule =
            e.path.strip_prefix("/rules/").and_then(|r| r.split('/').next()).and_then(|i| i.parse::<usize>().ok());
        let subjects: Vec<Subject> = match rule.and_then(|i| known.subjects.get(i)) {
            Some(s) => vec![*s],
            None => vec![Subject::Filing, Subject::Inspection, Subject::Indicators, Subject::Screening],
        };
        let mut fields = Vec::new();
        for s in subjects {
            field_ids(shape_for(s), "", &mut fields);
        }
        return nearest(name, fields.iter().map(String::as_str)).map(str::to_owned);
    }
    if let Some(name) = quoted("unknown parameter `") {
        let bare = name.strip_prefix('$').unwrap_or(name);
        let dollar = if name.starts_with('$') { "$" } else { "" };
        return nearest(bare, known.params.iter().copied()).map(|p| format!("{dollar}{p}"));
    }
    if let Some(name) = quoted("unknown rule `") {
        return nearest(name, known.rules.iter().copied()).map(str::to_owned);
    }
    quoted("unknown function `").and_then(|name| nearest(name, FUNCTIONS.iter().copied())).map(str::to_owned)
}

/// Every field of `shape` as rules name it: dotted, an array's element fields both under it
/// (`roster[].phone`) and on their own (`phone`, as an `each` rule reads them).
fn field_ids(shape: &Shape, prefix: &str, out: &mut Vec<String>) {
    let Shape::Object(fields) = shape else { return };
    for f in fields.iter() {
        let id = if prefix.is_empty() { f.name.to_owned() } else { format!("{prefix}.{}", f.name) };
        match &f.shape {
            Shape::Object(_) => field_ids(&f.shape, &id, out),
            Shape::Array(el) => {
                field_ids(el, &format!("{id}[]"), out);
                field_ids(el, "", out);
            }
            _ => {}
        }
        out.push(id);
    }
}

/// The known name nearest to `name`: the same but for letter case, or at most two edits away
/// (and fewer than a third of its characters), the first of the nearest.
fn nearest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // ASCII case only: names are identifiers, and Unicode's case tables cost the compiler
    // module 10 KB gzipped.
    let lower = |s: &str| s.chars().map(|c| c.to_ascii_lowercase()).collect::<Vec<char>>();
    let want = lower(name);
    let limit = 2.min(want.len() / 3);
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        if k == name {
            continue;
        }
        let d = distance(&want, &lower(k));
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Levenshtein distance of two texts, by characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = i;
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&left), Some(&up)) = (row.get(j), row.get(j + 1)) else { continue };
            let here = (diagonal + usize::from(ca != cb)).min(left + 1).min(up + 1);
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = here;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_name_or_none() {
        let names = ["supplies.masks", "supplies.thermometers", "staff.total"];
        assert_eq!(nearest("supplies.mask", names.iter().copied()), Some("supplies.masks"));
        assert_eq!(nearest("Supplies.Masks", names.iter().copied()), Some("supplies.masks"));
        assert_eq!(nearest("enterprise.name", names.iter().copied()), None);
        // Short names need to be close: `ab` is no typo of `abc`'s neighbours two edits away.
        assert_eq!(nearest("xy", ["ab"].iter().copied()), None);
        assert_eq!(distance(&['a', 'b', 'c'], &['a', 'c']), 1);
        assert_eq!(distance(&[], &['a', 'b']), 2);
    }
}
