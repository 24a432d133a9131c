//! What a pack's text gives for nothing (`lint-pack`, npm `lint`): a message for a code that no
//! rule of any of its versions, and not the engine, can report — a typo in the code, which would
//! change nothing (client audit, thirty-fifth session: `lint` said ok, and the district's own
//! words never showed).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::pack::doc::FieldCheckKind;
use crate::pack::{Locale, Pack};

/// Every code a version of `family` may report: the engine's own, those of the kinds of rules
/// (items, indicators, the checklist, field checks), and each `code` its rules name (with the
/// `_undated` form a screen rule's code has).
fn reportable<'a>(family: impl IntoIterator<Item = &'a Pack>) -> BTreeSet<String> {
    let fixed = [
        crate::pack::ENGINE_CODES,
        crate::pack::LATER_CODES,
        crate::pack::ITEM_CODES,
        crate::pack::INDICATOR_CODES,
        crate::pack::CHECKLIST_CODES,
        &[crate::pack::NA_NOT_ALLOWED, crate::answer::REQUIRED, "screening.date_missing"],
    ];
    let mut known: BTreeSet<String> = fixed.iter().flat_map(|c| c.iter()).map(|c| (*c).to_owned()).collect();
    for kind in FieldCheckKind::ALL {
        known.extend(crate::pack::field_check_codes(kind).iter().map(|c| (*c).to_owned()));
    }
    fn named(v: &Value, known: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if let (true, Some(code)) = (k == "code", x.as_str()) {
                        known.insert(crate::pack::undated_code(code));
                        known.insert(code.to_owned());
                    }
                    named(x, known);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| named(x, known)),
            _ => {}
        }
    }
    for pack in family {
        named(pack.json.get("rules").unwrap_or(&Value::Null), &mut known);
    }
    known
}

/// Messages the pack's text gives (`text`: as written, one version or an array) for a code
/// no version of `family` can report. Each entry is (locale, code).
pub fn unknown_messages<'a>(family: impl IntoIterator<Item = &'a Pack>, text: &Value) -> Vec<(Locale, String)> {
    let known = reportable(family);
    let docs = text.as_array().map_or_else(|| vec![text], |a| a.iter().collect());
    let mut out = BTreeSet::new();
    for messages in docs.iter().filter_map(|d| d.get("messages").and_then(Value::as_object)) {
        for (tag, entries) in messages {
            let Some(l) = Locale::parse(tag) else { continue };
            for code in entries.as_object().into_iter().flat_map(|m| m.keys()) {
                if !known.contains(code) {
                    out.insert((l, code.clone()));
                }
            }
        }
    }
    out.into_iter().collect()
}
