//! Golden cases as data: `tests/cases/{filing,inspection,indicators,screening}/*.json`,
//! one harness for all of them.
//!
//! A case names the rules it is about, the input (inline, or a base file plus an RFC 7386
//! merge patch), `now`, and what must come out: the decision, the exact set of
//! diagnostics by `ruleId` + `path` (+ `code` where given), the gates, and any other
//! field of the answer as a pattern. A second test removes each rule from the default
//! pack in turn and proves that every case that expects something of that rule then fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{Case, CaseKind, default_family, load_cases, run_case, run_case_default};
use serde_json::Value;

#[test]
fn every_golden_case_passes() {
    let cases = load_cases();
    assert!(cases.len() >= 60, "expected at least 60 golden cases, found {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(e) = run_case_default(case) {
            failures.push(format!("{}: {e}", case.file));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Rule ids and kinds of the default pack, in order.
fn rules(pack: &Value) -> Vec<(String, String)> {
    pack["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r["kind"].as_str().unwrap().to_owned()))
        .collect()
}

/// The default family (as a JSON array) without rule `id` in its first version (and
/// without it in any gate's causes).
fn without_rule(family: &[Value], id: &str) -> String {
    let mut fam = family.to_vec();
    let p = &mut fam[0];
    let rules = p["rules"].as_array_mut().unwrap();
    rules.retain(|r| r["id"] != id);
    for r in rules.iter_mut() {
        if let Some(causes) = r.get_mut("causes").and_then(Value::as_array_mut) {
            causes.retain(|c| c != id);
        }
    }
    serde_json::to_string(&fam).unwrap()
}

#[test]
fn removing_a_rule_makes_its_cases_fail() {
    let family = default_family();
    assert_eq!(family[0]["version"], "2020-02-10", "the first embedded version is the base of the others");
    let cases: Vec<Case> = load_cases().into_iter().filter(|c| c.pack.is_none()).collect();
    let mut survivors = Vec::new();
    let mut uncovered = Vec::new();
    let mut checked = 0;
    for (id, kind) in rules(&family[0]) {
        let reduced = without_rule(&family, &id);
        let about: Vec<&Case> = cases.iter().filter(|c| c.expects_failure_of(&id)).collect();
        if about.is_empty() && kind != "section" {
            uncovered.push(id.clone());
        }
        for case in about {
            checked += 1;
            if run_case(case, &reduced).is_ok() {
                survivors.push(format!("{} still passes without {id}", case.file));
            }
        }
    }
    assert!(uncovered.is_empty(), "no golden case expects a failure of: {}", uncovered.join(", "));
    assert!(survivors.is_empty(), "cases that do not depend on their rule:\n{}", survivors.join("\n"));
    assert!(checked > 0);
}

fn domain_ids() -> Vec<(CaseKind, String)> {
    let mut ids = Vec::new();
    for (prefix, n) in [("RTW-F", 6), ("RTW-C", 7), ("RTW-T", 3), ("RTW-P", 10), ("RTW-G", 6)] {
        for i in 1..=n {
            ids.push((CaseKind::Filing, format!("{prefix}{i}")));
        }
    }
    for (s, n) in [(1, 4), (2, 4), (3, 7), (4, 4), (5, 5), (6, 3)] {
        for i in 1..=n {
            ids.push((CaseKind::Inspection, format!("INS-S{s}-{i}")));
        }
    }
    for i in 1..=6 {
        ids.push((CaseKind::Inspection, format!("INS-K{i}")));
    }
    for i in 1..=5 {
        ids.push((CaseKind::Indicators, format!("IND-{i}")));
    }
    for i in 1..=10 {
        ids.push((CaseKind::Indicators, format!("IND-R{i}")));
    }
    for i in 1..=4 {
        ids.push((CaseKind::Screening, format!("SCR-{i}")));
    }
    ids
}

#[test]
fn every_rule_of_the_domain_has_passing_and_failing_cases() {
    let family = default_family();
    let in_pack: Vec<String> = rules(&family[0]).into_iter().map(|r| r.0).collect();
    let cases = load_cases();
    let mut missing = Vec::new();
    for (kind, id) in domain_ids() {
        if !in_pack.contains(&id) {
            missing.push(format!("{id}: not in the default pack"));
        }
        let about: Vec<&Case> = cases.iter().filter(|c| c.kind == kind && c.rules.contains(&id)).collect();
        if !about.iter().any(|c| c.expects_failure_of(&id)) {
            missing.push(format!("{id}: no failing case"));
        }
        if !about.iter().any(|c| !c.expects_failure_of(&id)) {
            missing.push(format!("{id}: no passing case"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
