//! What the kinds ask for: `field.required` where a value is missing, unless the input has a
//! shape diagnostic there; and the shape diagnostics under keys a pack does not know, dropped.

use std::collections::BTreeSet;

use crate::answer::{Diagnostic, Severity};

/// `field.required` at `at`, unless the input has a shape diagnostic there: a value of the wrong
/// type is not missing, and is reported once (domain.md §7). The kinds' own checks ask through
/// this, as the rules' `field.required` do (`rules::assembly`).
pub(crate) fn ask(
    diags: &mut Vec<Diagnostic>,
    shape_errors: &BTreeSet<String>,
    at: String,
    field: &str,
    rule_id: &str,
    severity: Severity,
) {
    if !crate::pointer::at_or_under(shape_errors, &at) {
        diags.push(Diagnostic::required(at, field, rule_id, severity));
    }
}

/// Asks for each value `e` needs to be known (`field.required`), unless already asked.
pub(crate) fn ask_needs<'a>(
    diags: &mut Vec<Diagnostic>,
    shape_errors: &BTreeSet<String>,
    e: &'a crate::expr::Expr,
    env: &crate::expr::Env<'a>,
    rule_id: &str,
) {
    let mut need = Vec::new();
    e.needs(env, None, &mut need);
    for m in need {
        let at = crate::pointer::Pointer::from_segments(m.path.iter().map(String::as_str)).to_string();
        if !diags.iter().any(|d| d.missing && d.path == at) {
            ask(diags, shape_errors, at, &m.path.join("."), rule_id, Severity::Warning);
        }
    }
}

/// Drops the shape diagnostics (`ruleId` `INPUT`) for which `under_unknown` says their path is
/// at or under a key the pack does not know: what is not scored decides nothing, and each kind
/// tells such a key once as unknown instead (sixteenth session audits). One instance for every
/// kind (a `dyn` callback: each closure would compile its own `retain` into the .wasm).
pub(crate) fn drop_under_unknown_keys(diagnostics: &mut Vec<Diagnostic>, under_unknown: &mut dyn FnMut(&str) -> bool) {
    diagnostics.retain(|d| d.rule_id != crate::answer::INPUT_RULE || !under_unknown(&d.path));
}
