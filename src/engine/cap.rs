//! An answer's size bounded by its input's: at most [`MAX_DIAGNOSTICS_PER_CODE`] diagnostics of
//! one code at one field, then one `answer.truncated` saying how many more there were; and at
//! most [`MAX_DIAGNOSTICS_PER_ANSWER`] in all, then one `answer.too_many`.

use serde_json::Value;

use crate::answer::Diagnostic;

/// Most diagnostics of one code at one field in one answer (the roster's phones, say). Past
/// it, the first ones are kept and one `answer.truncated` diagnostic says how many more there
/// were, so the answer's size is bounded by the input's however many roster rows or units repeat
/// the same problem.
pub const MAX_DIAGNOSTICS_PER_CODE: usize = 100;

/// Most diagnostics listed in one answer, whatever their codes: past it, the first ones are kept
/// and one `answer.too_many` says how many more there were (with the most serious severity among
/// them). A pack of many codes multiplied the cap of each (hostile audit, thirty-eighth session:
/// 200 codes on a 100-row roster gave a 124 MB answer, 330 times its input). The embedded pack's
/// answers stay within it but for a submission wrong in every row of several lists.
pub const MAX_DIAGNOSTICS_PER_ANSWER: usize = 1000;

/// Keep the first [`MAX_DIAGNOSTICS_PER_CODE`] diagnostics of each code at each field (the path
/// with its array indexes left out: `/roster/*/phone`; for a typed key, the object holding it),
/// in order, and add one `answer.truncated` (with the code, how many were left out, the
/// severity of the first left out and whether it is a missing value) after the last kept one
/// of that group. A field's own problem is never hidden behind a hundred of another field's
/// (sixteenth session audit: the 101st `field.required`, `supplies.masks`, was not listed
/// after 100 roster rows'). The decision is taken before, on them all.
pub(crate) fn cap_per_code(diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.len() <= MAX_DIAGNOSTICS_PER_CODE {
        return;
    }
    let mut seen: std::collections::HashMap<String, (usize, Option<Diagnostic>)> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(diagnostics.len().min(4 * MAX_DIAGNOSTICS_PER_CODE));
    let mut kept_groups = Vec::with_capacity(kept.capacity());
    let mut order: Vec<String> = Vec::new();
    for d in diagnostics.drain(..) {
        let group = field_group(&d);
        let entry = seen.entry(group.clone()).or_insert_with(|| {
            order.push(group.clone());
            (0, None)
        });
        entry.0 += 1;
        if entry.0 <= MAX_DIAGNOSTICS_PER_CODE {
            kept.push(d);
            kept_groups.push(group);
        } else if entry.1.is_none() {
            entry.1 = Some(d);
        }
    }
    for group in order {
        let Some((count, Some(first_left_out))) = seen.remove(&group) else { continue };
        let omitted = count - MAX_DIAGNOSTICS_PER_CODE;
        let last = kept_groups.iter().rposition(|g| *g == group).map_or(kept.len(), |i| i + 1);
        let first = first_path(&first_left_out.code, first_left_out.path);
        let mut summary = Diagnostic::new(
            "answer.truncated",
            first_left_out.severity,
            String::new(),
            first_left_out.rule_id,
            crate::answer::params([
                ("code", Value::from(first_left_out.code)),
                ("omitted", Value::from(omitted)),
                ("total", Value::from(count)),
                ("first", Value::from(first)),
            ]),
        );
        // Standing for missing values, it is one (a page lists it with what is still to fill in).
        summary.missing = first_left_out.missing;
        kept.insert(last, summary);
        kept_groups.insert(last, group);
    }
    *diagnostics = kept;
    cap_per_answer(diagnostics);
}

/// Keep the first [`MAX_DIAGNOSTICS_PER_ANSWER`] diagnostics and add one `answer.too_many` (how
/// many were left out, the total, the most serious severity among them and whether they are all
/// missing values) at the end.
fn cap_per_answer(diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.len() <= MAX_DIAGNOSTICS_PER_ANSWER {
        return;
    }
    let total = diagnostics.len();
    let left_out = diagnostics.split_off(MAX_DIAGNOSTICS_PER_ANSWER);
    let Some(first) = left_out.first() else { return };
    let severity = left_out.iter().map(|d| d.severity).min().unwrap_or(first.severity);
    let mut summary = Diagnostic::new(
        "answer.too_many",
        severity,
        String::new(),
        first.rule_id.clone(),
        crate::answer::params([("omitted", Value::from(left_out.len())), ("total", Value::from(total))]),
    );
    // Standing for missing values only, it is one (a page lists it with what is left to fill in).
    summary.missing = left_out.iter().all(|d| d.missing);
    diagnostics.push(summary);
}

/// A diagnostic's group for [`cap_per_code`]: its code and its field, `code` + `/roster/*/phone`.
fn field_group(d: &Diagnostic) -> String {
    let at = first_path(&d.code, d.path.clone());
    let mut group = d.code.clone();
    group.push('\0');
    for seg in at.split('/').skip(1) {
        group.push('/');
        group.push_str(if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) { "*" } else { seg });
    }
    group
}

/// Codes whose path ends in a key typed into the input (a field, item or count not in the pack).
const TYPED_KEY_CODES: [&str; 4] =
    ["input.unknown_field", "inspection.unknown_item", "checklist.unknown_item", "indicators.unknown_count"];

/// `answer.truncated`'s `first`: the first path left out, or for a typed key the object that holds
/// it, so text typed into a key never comes back in `params` (SECURITY.md; twelfth session).
fn first_path(code: &str, path: String) -> String {
    match path.rsplit_once('/') {
        Some((holder, _)) if TYPED_KEY_CODES.contains(&code) => holder.to_owned(),
        _ => path,
    }
}
