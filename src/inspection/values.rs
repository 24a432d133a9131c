//! What an inspection's values are when given: a fact recorded, a date that is none, the
//! firm's credit code as it is written.

use serde_json::Value;

use crate::answer::{Diagnostic, Normalized, Severity};

/// Whether a recorded fact is there: non-blank text, a non-empty object, or a list (even empty).
pub(super) fn fact_present(v: Option<&Value>) -> bool {
    match v {
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
        Some(Value::Array(_)) | Some(Value::Number(_)) | Some(Value::Bool(_)) => true,
        _ => false,
    }
}

/// A date given in `previous` that is not one: `date.format`, or `date.impossible` for a day the
/// calendar does not have (`2020-02-30`), as the shape's dates elsewhere.
pub(super) fn date_error(text: &str, at: String) -> Diagnostic {
    let code = crate::ids::parse_date(text).err().map_or("date.format", |e| e.code());
    Diagnostic::engine(code, Severity::Error, at, Value::Object(serde_json::Map::new()))
}

/// The firm's credit code given back in its written form, lower case upper-cased (domain.md
/// §6.1), as a filing gives it back: `９１４４…ma５g…` came back `9144…ma5g…` (identifiers audit,
/// thirty-sixth session). Not checked here: no INS rule judges it.
pub(super) fn credit_code_upper(mut normalized: Vec<Normalized>, doc: &Value) -> Vec<Normalized> {
    const AT: &str = "/enterprise/creditCode";
    let Some(given) = doc.get("enterprise").and_then(|e| e.get("creditCode")).and_then(Value::as_str) else {
        return normalized;
    };
    let form = crate::ids::credit_code_form(given);
    if form == given {
        return normalized;
    }
    match normalized.iter_mut().find(|n| n.path == AT) {
        Some(n) => n.value = Value::from(form.into_owned()),
        None => normalized.push(Normalized { path: AT.to_owned(), value: Value::from(form.into_owned()) }),
    }
    normalized
}

/// A resolved rectification is not judged, but a deadline given that is no date is still told
/// (describe audit, thirty-sixth session: `2020-02-30` passed unsaid), as a filing's is.
pub(super) fn resolved_deadline(
    r: &Value,
    at: &str,
    shape_errors: &std::collections::BTreeSet<String>,
) -> Option<Diagnostic> {
    let deadline_at = format!("{at}/deadline");
    let text = r.get("deadline").and_then(Value::as_str)?;
    (crate::time::parse_iso_date(text).is_none() && !shape_errors.contains(&deadline_at))
        .then(|| date_error(text, deadline_at))
}
