//! The 十个一律 checklist of one unit (IND-R1 … IND-R10), answered like an inspection's items
//! (domain.md §4).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::{keys, unit_ptr};
use crate::answer::{ChecklistResult, Diagnostic, Severity};
use crate::engine::ask;

/// The checklist `answers` of unit `i` (named `name`) against the pack's items `checklist_ids`:
/// what was answered, passed, failed and partial; unknown keys, unanswered items and answers
/// that are none of the choices told in `diags`.
pub(super) fn answered(
    answers: &Map<String, Value>,
    checklist_ids: &[&str],
    i: usize,
    name: Option<&str>,
    shape_errors: &BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> ChecklistResult {
    let mut r = ChecklistResult { answered: 0, passed: 0, failed: Vec::new(), partial: Vec::new() };
    for key in answers.keys().filter(|k| !checklist_ids.contains(&k.as_str())) {
        let mut params = crate::answer::suggestion(crate::schema::lookalike(key, checklist_ids.iter().copied()));
        if let Value::Object(m) = &mut params {
            m.insert("unit".into(), keys::unit_value(name));
        }
        // `info`: a key that is not on the list is not scored, and cannot change the
        // verdict (issue 10), as an unknown count (third audit: as an error, `IND-r1`
        // made an all-met report `deferred`; fourth: as a warning, `conditional`).
        diags.push(Diagnostic::engine(
            "checklist.unknown_item",
            Severity::Info,
            unit_ptr(i, &["checklist", key]),
            params,
        ));
    }
    for item in checklist_ids.iter() {
        let at = unit_ptr(i, &["checklist", item]);
        // An evidence kind that is none of them is told, as in an inspection (twentieth
        // session: a checklist took `"photo"` without a word); an `info`, as it is not scored
        // and cannot change the verdict (a warning makes an all-met report 未全部达标).
        if let Some(ev) = answers.get(*item).and_then(|a| a.get("evidence")).and_then(Value::as_str)
            && !crate::schema::EVIDENCE.contains(&ev)
        {
            diags.push(not_a_choice(Severity::Info, format!("{at}/evidence"), item, name, crate::schema::EVIDENCE));
        }
        // A checklist given is answered like an inspection's items (domain.md §4):
        // each of its rules unanswered is asked for.
        // No result, or a null or blank one, is unanswered too, as in an inspection
        // (fourth audit: it was an invalid answer, an error); an item begun, at its result.
        let answer = answers.get(*item).filter(|a| {
            a.get("result").is_some_and(|r| !r.is_null() && r.as_str().is_none_or(|t| !t.trim().is_empty()))
        });
        let Some(a) = answer else {
            let at = if answers.contains_key(*item) { format!("{at}/result") } else { at };
            ask(diags, shape_errors, at, &format!("units[].checklist.{item}"), item, Severity::Warning);
            continue;
        };
        match a.get("result").and_then(Value::as_str) {
            Some("pass") => {
                r.answered += 1;
                r.passed += 1;
            }
            Some("na") => r.answered += 1,
            Some(word @ ("partial" | "fail")) => {
                r.answered += 1;
                let (list, code) = if word == "partial" {
                    (&mut r.partial, "checklist.partial")
                } else {
                    (&mut r.failed, "checklist.failed")
                };
                list.push((*item).to_owned());
                diags.push(Diagnostic::at(
                    code,
                    Severity::Warning,
                    at,
                    item,
                    crate::answer::params([("unit", keys::unit_value(name))]),
                ));
            }
            _ => {
                diags.push(not_a_choice(Severity::Error, format!("{at}/result"), item, name, crate::describe::RESULTS))
            }
        }
    }
    r
}

/// `checklist.invalid_answer`: the answer of `item` at `at` is none of `allowed`.
fn not_a_choice(severity: Severity, at: String, item: &str, name: Option<&str>, allowed: &[&str]) -> Diagnostic {
    let params = crate::answer::params([("unit", keys::unit_value(name)), ("allowed", Value::from(allowed))]);
    Diagnostic::at("checklist.invalid_answer", severity, at, item, params)
}
