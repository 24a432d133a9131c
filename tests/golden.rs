//! Golden cases as data: `tests/cases/filing/*.json`, one harness for all of them.
//!
//! A case names the rules it is about, the input (inline, or a base file plus an RFC 7386
//! merge patch), `now`, and what must come out: the decision, the exact set of
//! diagnostics by `ruleId` + `path` (+ `code` where given), and the gates. A second test
//! removes each rule from the pack in turn and proves that every case that expects
//! something of that rule then fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{Case, CaseKind, load_cases, run_case};
use fangkong::DEFAULT_PACK;
use serde_json::Value;

#[test]
fn every_golden_case_passes() {
    let cases = load_cases();
    assert!(cases.len() >= 60, "expected at least 60 golden cases, found {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(e) = run_case(case, DEFAULT_PACK) {
            failures.push(format!("{}: {e}", case.file));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Rule ids of the default pack, in order.
fn rule_ids(pack: &Value) -> Vec<String> {
    pack["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

/// The default pack without rule `id` (and without it in any gate's causes).
fn without_rule(pack: &Value, id: &str) -> String {
    let mut p = pack.clone();
    let rules = p["rules"].as_array_mut().unwrap();
    rules.retain(|r| r["id"] != id);
    for r in rules.iter_mut() {
        if let Some(causes) = r.get_mut("causes").and_then(Value::as_array_mut) {
            causes.retain(|c| c != id);
        }
    }
    serde_json::to_string(&p).unwrap()
}

#[test]
fn removing_a_rule_makes_its_cases_fail() {
    let pack: Value = serde_json::from_str(DEFAULT_PACK).unwrap();
    let cases = load_cases();
    let mut survivors = Vec::new();
    let mut checked = 0;
    for id in rule_ids(&pack) {
        let reduced = without_rule(&pack, &id);
        let about: Vec<&Case> = cases.iter().filter(|c| c.expects_failure_of(&id)).collect();
        assert!(!about.is_empty(), "no golden case expects a failure of {id}");
        for case in about {
            checked += 1;
            if run_case(case, &reduced).is_ok() {
                survivors.push(format!("{} still passes without {id}", case.file));
            }
        }
    }
    assert!(survivors.is_empty(), "cases that do not depend on their rule:\n{}", survivors.join("\n"));
    assert!(checked > 0);
}

#[test]
fn every_rule_of_domain_section_2_has_passing_and_failing_cases() {
    let mut ids: Vec<String> = Vec::new();
    for (prefix, n) in [("RTW-F", 6), ("RTW-C", 7), ("RTW-T", 3), ("RTW-P", 10), ("RTW-G", 6)] {
        for i in 1..=n {
            ids.push(format!("{prefix}{i}"));
        }
    }
    let pack: Value = serde_json::from_str(DEFAULT_PACK).unwrap();
    let in_pack = rule_ids(&pack);
    let cases: Vec<Case> = load_cases().into_iter().filter(|c| c.kind == CaseKind::Filing).collect();
    let mut missing = Vec::new();
    for id in &ids {
        if !in_pack.contains(id) {
            missing.push(format!("{id}: not in the default pack"));
        }
        let about: Vec<&Case> = cases.iter().filter(|c| c.rules.contains(id)).collect();
        if !about.iter().any(|c| c.expects_failure_of(id)) {
            missing.push(format!("{id}: no failing case"));
        }
        if !about.iter().any(|c| !c.expects_failure_of(id)) {
            missing.push(format!("{id}: no passing case"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
