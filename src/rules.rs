//! The generic rules of every pack, whatever they judge: `field` checks (identifiers,
//! dates, counts, texts), `assert` expressions, per-person `isolation` and the `gate`s of
//! 六个坚决不放手. Each entry point (filing, inspection, indicators, screening) runs these on
//! its subject, then its own scoring.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use validator::ValidateRange;

use crate::answer::{Cause, Diagnostic, EarliestStart, GateResult, Normalized, Severity};
use crate::expr::{Env, Val, to_json};
use crate::ids;
use crate::pack::doc::{FieldCheckKind, Subject};
use crate::pack::{AssertCheck, FieldCheck, FieldPath, IsolationRule, Pack, RuleBody, Seg};
use crate::pointer::Pointer;

/// What evaluating a canonical submission against a pack's rules produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Diagnostics, in pack order (messages not yet rendered).
    pub diagnostics: Vec<Diagnostic>,
    /// Gates, in pack order.
    pub gates: Vec<GateResult>,
    /// Employees who cannot start on the planned date.
    pub earliest_start: Vec<EarliestStart>,
    /// Values normalised by identifier checks.
    pub normalized: Vec<Normalized>,
}

/// Evaluate the field, assert, isolation and gate rules of `pack` on `subject` against the canonical document `doc`.
/// `shape_errors` are the pointers that already have a shape diagnostic (not reported twice).
pub fn evaluate(
    pack: &Pack,
    subject: Subject,
    doc: &Value,
    today: NaiveDate,
    shape_errors: &BTreeSet<String>,
) -> Outcome {
    let env = Env { doc, elem: None, today };
    let mut out = Outcome::default();
    for rule in pack.rules.iter().filter(|r| r.subject == subject) {
        match &rule.body {
            RuleBody::Field(checks) => {
                for c in checks {
                    field_check(c, &rule.id, doc, today, shape_errors, &mut out);
                }
            }
            RuleBody::Assert(checks) => {
                for c in checks {
                    assert_check(c, &rule.id, &env, &mut out.diagnostics);
                }
            }
            RuleBody::Isolation(iso) => isolation(iso, &rule.id, &env, &mut out),
            _ => {}
        }
    }
    for rule in pack.rules.iter().filter(|r| r.subject == subject) {
        if let RuleBody::Gate { causes, checks } = &rule.body {
            let mut own = Vec::new();
            for c in checks {
                assert_check(c, &rule.id, &env, &mut own);
            }
            let mut found: Vec<Cause> = out
                .diagnostics
                .iter()
                .chain(own.iter())
                .filter(|d| d.rule_id == rule.id || causes.contains(&d.rule_id))
                .map(|d| Cause { rule_id: d.rule_id.clone(), code: d.code.clone(), path: d.path.clone() })
                .collect();
            found.dedup();
            out.gates.push(GateResult { id: rule.id.clone(), passed: found.is_empty(), causes: found });
            out.diagnostics.extend(own);
        }
    }
    out
}

/// Every location of a field path in the document: (pointer, value or None when absent).
/// Absent array elements are skipped; absent leaves inside present parents are reported.
fn locate<'v>(doc: &'v Value, path: &FieldPath) -> Vec<(Pointer, Option<&'v Value>)> {
    let mut here: Vec<(Pointer, Option<&'v Value>)> = vec![(Pointer::root(), Some(doc))];
    for seg in &path.segs {
        let mut next = Vec::new();
        for (ptr, v) in here {
            match seg {
                Seg::Key(k) => {
                    let child = v.and_then(|v| v.get(k.as_str())).filter(|c| !c.is_null());
                    next.push((ptr.child(k), child));
                }
                Seg::Each(k) => {
                    if let Some(items) = v.and_then(|v| v.get(k.as_str())).and_then(Value::as_array) {
                        for (i, item) in items.iter().enumerate() {
                            if item.is_object() {
                                let mut p = ptr.child(k);
                                p.push_index(i);
                                next.push((p, Some(item)));
                            }
                        }
                    }
                }
            }
        }
        here = next;
    }
    here
}

fn field_check(
    c: &FieldCheck,
    rule_id: &str,
    doc: &Value,
    today: NaiveDate,
    shape_errors: &BTreeSet<String>,
    out: &mut Outcome,
) {
    let push = |out: &mut Outcome, code: &str, sev: Severity, ptr: &Pointer| {
        out.diagnostics.push(Diagnostic::new(code, sev, ptr.to_string(), rule_id, json!({})));
    };
    for req in &c.required {
        for (ptr, v) in locate(doc, req) {
            if v.is_none() && !shape_errors.contains(ptr.as_str()) {
                push(out, "field.required", c.severity, &ptr);
            }
        }
    }
    for f in &c.fields {
        for (ptr, v) in locate(doc, f) {
            let Some(v) = v else { continue };
            match c.check {
                FieldCheckKind::Count | FieldCheckKind::Amount => {
                    let Some(x) = v.as_f64() else { continue };
                    if !x.validate_range(Some(0.0), None, None, None) {
                        let code = if c.check == FieldCheckKind::Count { "count.negative" } else { "amount.negative" };
                        push(out, code, c.severity, &ptr);
                    } else if c.check == FieldCheckKind::Count && x.fract() != 0.0 {
                        push(out, "count.fraction", c.severity, &ptr);
                    }
                }
                kind => {
                    let Some(s) = v.as_str() else { continue };
                    let result = match kind {
                        FieldCheckKind::CreditCode => ids::check_credit_code(s),
                        FieldCheckKind::DistrictCode => ids::check_district_code(s),
                        FieldCheckKind::Phone => ids::check_phone(s).map(|p| p.normalized),
                        FieldCheckKind::IdNumber => ids::check_id_number(s, today),
                        FieldCheckKind::Date => ids::parse_date(s).map(crate::time::fmt_date),
                        _ => {
                            if s.trim().is_empty() {
                                push(out, "text.blank", c.severity, &ptr);
                            }
                            continue;
                        }
                    };
                    match result {
                        Err(e) => {
                            let sev = if e.code().ends_with(".checksum") && kind == FieldCheckKind::CreditCode {
                                c.checksum_severity
                            } else {
                                c.severity
                            };
                            push(out, e.code(), sev, &ptr);
                        }
                        Ok(norm) => {
                            if c.allowed.as_ref().is_some_and(|a| !a.contains(&norm)) {
                                push(out, "district_code.not_allowed", c.severity, &ptr);
                            }
                            if norm != s {
                                out.normalized.push(Normalized { path: ptr.to_string(), value: Value::String(norm) });
                            }
                        }
                    }
                }
            }
        }
    }
}

fn params_of(c: &AssertCheck, env: &Env<'_>) -> Value {
    let mut m = serde_json::Map::new();
    for (name, e) in &c.params {
        m.insert(name.clone(), to_json(&e.eval(env)));
    }
    Value::Object(m)
}

fn judge(c: &AssertCheck, rule_id: &str, env: &Env<'_>, ptr: Pointer, out: &mut Vec<Diagnostic>) {
    if c.when.as_ref().is_some_and(|w| w.truth(env) != Some(true)) {
        return;
    }
    if c.assert.truth(env) == Some(false) {
        let mut p = ptr;
        for s in &c.path {
            p.push(s);
        }
        out.push(Diagnostic::new(c.code.clone(), c.severity, p.to_string(), rule_id, params_of(c, env)));
    }
}

fn elements<'v>(doc: &'v Value, path: &[String]) -> (Pointer, &'v [Value]) {
    let mut v = Some(doc);
    for s in path {
        v = v.and_then(|x| x.get(s.as_str()));
    }
    let items = v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    (Pointer::from_segments(path.iter().map(String::as_str)), items)
}

fn assert_check(c: &AssertCheck, rule_id: &str, env: &Env<'_>, out: &mut Vec<Diagnostic>) {
    match &c.each {
        None => judge(c, rule_id, env, Pointer::root(), out),
        Some(path) => {
            let (base, items) = elements(env.doc, path);
            for (i, item) in items.iter().enumerate() {
                if item.is_object() {
                    let mut p = base.clone();
                    p.push_index(i);
                    judge(c, rule_id, &env.with_elem(item), p, out);
                }
            }
        }
    }
}

fn isolation(iso: &IsolationRule, rule_id: &str, env: &Env<'_>, out: &mut Outcome) {
    let (base, items) = elements(env.doc, &iso.each);
    let by = match iso.by.eval(env) {
        Val::Date(d) => Some(d),
        _ => None,
    };
    for (i, item) in items.iter().enumerate() {
        if !item.is_object() {
            continue;
        }
        let e = env.with_elem(item);
        if iso.when.truth(&e) != Some(true) {
            continue;
        }
        let mut ptr = base.clone();
        ptr.push_index(i);
        let mut at = ptr.clone();
        for s in &iso.path {
            at.push(s);
        }
        let (Val::Date(start), Val::Num(days)) = (iso.start.eval(&e), iso.days.eval(&e)) else {
            out.diagnostics.push(Diagnostic::new(
                "isolation.arrival_missing",
                iso.severity,
                at.to_string(),
                rule_id,
                json!({}),
            ));
            continue;
        };
        let Some(earliest) = start.checked_add_days(Days::new(days.max(0.0) as u64)) else {
            continue;
        };
        let earliest_s = crate::time::fmt_date(earliest);
        if by.is_some_and(|b| earliest > b) {
            let params = json!({ "earliestStart": earliest_s, "isolationDays": days as i64 });
            out.diagnostics.push(Diagnostic::new(iso.code.clone(), iso.severity, at.to_string(), rule_id, params));
            out.earliest_start.push(EarliestStart { path: ptr.to_string(), index: i, earliest_start: earliest_s });
        }
    }
}

/// Merge normalisations: the last one for a path wins; sorted by path.
pub fn merge_normalized(lists: impl IntoIterator<Item = Normalized>) -> Vec<Normalized> {
    let mut by_path: BTreeMap<String, Value> = BTreeMap::new();
    for n in lists {
        by_path.insert(n.path, n.value);
    }
    by_path.into_iter().map(|(path, value)| Normalized { path, value }).collect()
}
