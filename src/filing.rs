//! Return-to-work filings (复工备案): the typed input of domain.md §2 and its evaluation
//! against a compiled pack — field checks, assertions, per-employee isolation and the
//! six gates of 六个坚决不放手.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use validator::ValidateRange;

use crate::answer::{Cause, Diagnostic, EarliestStart, GateResult, Normalized, Severity};
use crate::expr::{Env, Val, to_json};
use crate::ids;
use crate::pack::doc::{FieldCheckKind, Subject};
use crate::pack::{AssertCheck, FieldCheck, FieldPath, IsolationRule, Pack, RuleBody, Seg};
use crate::pointer::Pointer;

/// A return-to-work filing. Every field is optional so that a half-filled form can be
/// checked as it is typed; what is missing is reported by the rules. Dates are text
/// (`2020-02-04`, `2020/2/4` or `2020年2月4日`); counts are numbers so that a negative
/// or fractional count can be reported rather than refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filing {
    /// Date of filing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_on: Option<String>,
    /// Planned date of resumption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_resumption: Option<String>,
    /// The enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<Enterprise>,
    /// 第一责任人 and 健康联络员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Contacts>,
    /// Headcounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<Staff>,
    /// Employees, one by one (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<Vec<RosterEntry>>,
    /// Prevention supplies in stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplies: Option<Supplies>,
    /// Prevention measures in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Measures>,
    /// Rectifications from this firm's inspections that are still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_rectifications: Option<Vec<OpenRectification>>,
}

/// The enterprise that files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Enterprise {
    /// Registered name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 统一社会信用代码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<String>,
    /// GB/T 2260 district code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_code: Option<String>,
    /// 街道.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// 社区.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<String>,
    /// Site address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 保障类 (city running, epidemic control, daily necessities): exempt from the province's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelisted: Option<bool>,
}

/// A named person with a phone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Mobile or landline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 居民身份证号码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
}

/// Responsible people.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contacts {
    /// 第一责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_responsible: Option<Person>,
    /// 健康联络员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_liaison: Option<Person>,
}

/// Headcounts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Staff {
    /// All employees.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub total: Option<f64>,
    /// Employees returning to work.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub returning: Option<f64>,
    /// Returning employees who stayed locally.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub local: Option<f64>,
    /// Returning employees coming from outside.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub from_outside: Option<f64>,
    /// Employees with key-area (重点疫区) history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_area: Option<KeyArea>,
}

/// Key-area employees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyArea {
    /// Returned from a key area.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub returned: Option<f64>,
    /// Of those, isolation completed.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub isolation_complete: Option<f64>,
    /// Still in the key area.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub still_there: Option<f64>,
    /// Of those, unreachable.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub unreachable: Option<f64>,
}

/// One employee.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RosterEntry {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 居民身份证号码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Returning to work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returning: Option<bool>,
    /// Has been in a key area within 14 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_area_history: Option<bool>,
    /// Close contact of a confirmed case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_contact: Option<bool>,
    /// Date of arrival in the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<String>,
}

/// Supplies in stock.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Supplies {
    /// Masks.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub masks: Option<f64>,
    /// Thermometers.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub thermometers: Option<f64>,
    /// Disinfectant, litres.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub disinfectant_liters: Option<f64>,
    /// Gloves.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub gloves: Option<f64>,
}

/// Canteen arrangements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Canteen {
    /// There is a canteen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// 错峰 staggered meal times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staggered: Option<bool>,
    /// Boxed meals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boxed_meals: Option<bool>,
    /// Dispersed dining (分散就餐).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispersed_dining: Option<bool>,
}

/// Dormitory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dormitory {
    /// Rooms.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub rooms: Option<f64>,
    /// Residents.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub residents: Option<f64>,
    /// Floor area, m².
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::answer::ser_opt_num",
        rename = "areaM2"
    )]
    pub area_m2: Option<f64>,
}

/// Prevention measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measures {
    /// 防疫小组 size.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub prevention_team_size: Option<f64>,
    /// Team trained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_trained: Option<bool>,
    /// 应急处置预案.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_plan: Option<bool>,
    /// Isolation rooms.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub isolation_rooms: Option<f64>,
    /// 单人单间.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_room_isolation: Option<bool>,
    /// Closed management of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_management: Option<bool>,
    /// Temperature checks a day.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::answer::ser_opt_num")]
    pub temperature_checks_per_day: Option<f64>,
    /// Fingerprint time clock suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint_clock_suspended: Option<bool>,
    /// Canteen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canteen: Option<Canteen>,
    /// Dormitory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dormitory: Option<Dormitory>,
    /// Daily disinfection log kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disinfection_log: Option<bool>,
    /// Commitment letter signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment_signed: Option<bool>,
}

/// An open rectification from an inspection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenRectification {
    /// Inspection item (`INS-S4-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Resolved by a passing re-inspection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<bool>,
    /// A veto item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<bool>,
}

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
