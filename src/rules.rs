//! The generic rules of every pack, whatever they judge: `field` checks (identifiers,
//! dates, counts, texts), `assert` expressions, per-person `isolation` and the `gate`s of
//! 六个坚决不放手. Each entry point (filing, inspection, indicators, screening) runs these on
//! its subject, then its own scoring.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use validator::ValidateRange;

use crate::answer::{Cause, Diagnostic, EarliestStart, GateResult, Normalized, Severity};
use crate::expr::{Env, Missing, Val, to_json};
use crate::ids;
use crate::pack::doc::FieldCheckKind;
use crate::pack::{AssertCheck, FieldCheck, FieldPath, IsolationRule, Pack, RuleBody, Seg};
use crate::pointer::Pointer;
use crate::schema::{Subject, field_id, is_missing};

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
    /// Rules that could not be judged because a value they need is missing or invalid.
    pub undetermined: BTreeSet<String>,
}

/// Where `field.required` diagnostics go: each missing value is reported once, at its own
/// pointer, by the first rule that needs it, and never where the input already has a shape
/// diagnostic (a value of the wrong type is not "missing").
struct Sink<'a> {
    out: Outcome,
    reported: BTreeSet<String>,
    shape_errors: &'a BTreeSet<String>,
}

impl Sink<'_> {
    fn require(&mut self, path: String, field: &str, rule_id: &str, severity: Severity) {
        // A value under a wrongly typed parent is not missing: the parent's type is the problem.
        let mut at = path.as_str();
        loop {
            if self.shape_errors.contains(at) {
                return;
            }
            match at.rfind('/') {
                Some(i) => at = at.get(..i).unwrap_or_default(),
                None => break,
            }
        }
        if self.reported.contains(&path) {
            return;
        }
        self.reported.insert(path.clone());
        self.out.diagnostics.push(Diagnostic::required(path, field, rule_id, severity));
    }

    /// Report the missing fields an expression needs; `at` is the array element the
    /// expression was judged for (its pointer is the base of fields of the document).
    fn missing(&mut self, missing: &[Missing<'_>], at: Option<(&[String], usize)>, rule_id: &str, severity: Severity) {
        for m in missing {
            let (mut ptr, id) = match m.element {
                Some((array, i)) => (element_pointer(array, i), field_id(Some(array), m.path)),
                None => (at_pointer(at), field_id(None, m.path)),
            };
            for s in m.path {
                ptr.push(s);
            }
            self.require(ptr.to_string(), &id, rule_id, severity);
        }
    }
}

/// The pointer of element `i` of the array at `array`.
fn element_pointer(array: &[String], i: usize) -> Pointer {
    let mut p = Pointer::from_segments(array.iter().map(String::as_str));
    p.push_index(i);
    p
}

/// The pointer of the place a check is judged at: the element, or the whole document.
fn at_pointer(at: Option<(&[String], usize)>) -> Pointer {
    at.map_or_else(Pointer::root, |(array, i)| element_pointer(array, i))
}

/// Evaluate the field, assert, isolation and gate rules of `pack` on `subject` against the canonical document `doc`.
/// `shape_errors` are the pointers that already have a shape diagnostic (not reported twice).
///
/// Missing is never a fact: a value a check needs that is absent, `null` or blank is
/// reported once as `field.required` (with `missing: true`), and the check does not fire.
/// A gate is `passed: false` when a cause fired, `null` (undetermined) when a cause or its
/// own checks could not be judged, and `true` otherwise.
pub fn evaluate(
    pack: &Pack,
    subject: Subject,
    doc: &Value,
    today: NaiveDate,
    shape_errors: &BTreeSet<String>,
) -> Outcome {
    let env = Env { doc, elem: None, today };
    let mut sink = Sink { out: Outcome::default(), reported: BTreeSet::new(), shape_errors };
    for rule in pack.rules.iter().filter(|r| r.subject == subject) {
        let undetermined = match &rule.body {
            RuleBody::Field(checks) => {
                let mut u = false;
                for c in checks {
                    u |= field_check(c, &rule.id, doc, today, &mut sink);
                }
                u
            }
            RuleBody::Assert(checks) => {
                let mut u = false;
                for c in checks {
                    let mut fired = Vec::new();
                    u |= assert_check(c, &rule.id, &env, &mut sink, &mut fired);
                    sink.out.diagnostics.extend(fired);
                }
                u
            }
            RuleBody::Isolation(iso) => isolation(iso, &rule.id, &env, &mut sink),
            _ => false,
        };
        if undetermined {
            sink.out.undetermined.insert(rule.id.clone());
        }
    }
    for rule in pack.rules.iter().filter(|r| r.subject == subject) {
        if let RuleBody::Gate { causes, checks } = &rule.body {
            let mut own = Vec::new();
            let mut undetermined = causes.iter().any(|c| sink.out.undetermined.contains(c));
            for c in checks {
                undetermined |= assert_check(c, &rule.id, &env, &mut sink, &mut own);
            }
            let mut found: Vec<Cause> = sink
                .out
                .diagnostics
                .iter()
                .chain(own.iter())
                .filter(|d| !d.missing && (d.rule_id == rule.id || causes.contains(&d.rule_id)))
                .map(|d| Cause { rule_id: d.rule_id.clone(), code: d.code.clone(), path: d.path.clone() })
                .collect();
            found.dedup();
            let passed = if !found.is_empty() {
                Some(false)
            } else if undetermined {
                None
            } else {
                Some(true)
            };
            sink.out.gates.push(GateResult { id: rule.id.clone(), passed, causes: found });
            sink.out.diagnostics.extend(own);
        }
    }
    sink.out
}

/// Every location of a field path in the document, in document order: `f` gets the index
/// taken at each `Each` segment (the position; [`pointer_at`] spells it) and the value, or
/// `None` when absent. Absent array elements are skipped; absent leaves inside present
/// parents are reported. Nothing is allocated for paths without `Each`.
fn locate<'v>(doc: &'v Value, path: &FieldPath, f: &mut impl FnMut(&[usize], Option<&'v Value>)) {
    fn visit<'v>(
        v: Option<&'v Value>,
        segs: &[Seg],
        idx: &mut Vec<usize>,
        f: &mut impl FnMut(&[usize], Option<&'v Value>),
    ) {
        let Some((seg, rest)) = segs.split_first() else {
            f(idx, v);
            return;
        };
        match seg {
            Seg::Key(k) => {
                let child = v.and_then(|v| v.get(k.as_str())).filter(|c| !is_missing(Some(c)));
                visit(child, rest, idx, f);
            }
            Seg::Each(k) => {
                if let Some(items) = v.and_then(|v| v.get(k.as_str())).and_then(Value::as_array) {
                    for (i, item) in items.iter().enumerate() {
                        if item.is_object() {
                            idx.push(i);
                            visit(Some(item), rest, idx, f);
                            idx.pop();
                        }
                    }
                }
            }
        }
    }
    visit(Some(doc), &path.segs, &mut Vec::new(), f);
}

/// The JSON Pointer of a place [`locate`] found: `idx` holds the index of each `Each` segment.
fn pointer_at(path: &FieldPath, idx: &[usize]) -> Pointer {
    let mut p = Pointer::root();
    let mut idx = idx.iter();
    for seg in &path.segs {
        match seg {
            Seg::Key(k) => p.push(k),
            Seg::Each(k) => {
                p.push(k);
                if let Some(i) = idx.next() {
                    p.push_index(*i);
                }
            }
        }
    }
    p
}

/// Run a field check; returns whether a required value is missing. Pointers are spelt only
/// for what is reported.
fn field_check(c: &FieldCheck, rule_id: &str, doc: &Value, today: NaiveDate, sink: &mut Sink<'_>) -> bool {
    let push = |out: &mut Outcome, code: &str, sev: Severity, ptr: Pointer| {
        out.diagnostics.push(Diagnostic::new(code, sev, ptr.to_string(), rule_id, json!({})));
    };
    let mut undetermined = false;
    for req in &c.required {
        locate(doc, req, &mut |idx, v| {
            if v.is_none() {
                undetermined = true;
                sink.require(pointer_at(req, idx).to_string(), &req.id(), rule_id, c.severity);
            }
        });
    }
    let out = &mut sink.out;
    for f in &c.fields {
        locate(doc, f, &mut |idx, v| {
            let Some(v) = v else { return };
            let ptr = || pointer_at(f, idx);
            match c.check {
                FieldCheckKind::Count | FieldCheckKind::Amount => {
                    let Some(x) = v.as_f64() else { return };
                    if !x.validate_range(Some(0.0), None, None, None) {
                        let code = if c.check == FieldCheckKind::Count { "count.negative" } else { "amount.negative" };
                        push(out, code, c.severity, ptr());
                    } else if c.check == FieldCheckKind::Count && x.fract() != 0.0 {
                        push(out, "count.fraction", c.severity, ptr());
                    }
                }
                kind => {
                    let Some(s) = v.as_str() else { return };
                    let result = match kind {
                        FieldCheckKind::CreditCode => ids::check_credit_code(s),
                        FieldCheckKind::DistrictCode => ids::check_district_code(s),
                        FieldCheckKind::Phone => ids::check_phone(s).map(|p| p.normalized),
                        FieldCheckKind::IdNumber => ids::check_id_number(s, today),
                        FieldCheckKind::Date => ids::parse_date(s).map(crate::time::fmt_date),
                        // Text: blank is missing (above); length is the walker's.
                        _ => return,
                    };
                    match result {
                        Err(e) => {
                            let sev = if e.code().ends_with(".checksum") && kind == FieldCheckKind::CreditCode {
                                c.checksum_severity
                            } else {
                                c.severity
                            };
                            push(out, e.code(), sev, ptr());
                        }
                        Ok(norm) => {
                            if c.allowed.as_ref().is_some_and(|a| !a.contains(&norm)) {
                                push(out, "district_code.not_allowed", c.severity, ptr());
                            }
                            if norm != s {
                                out.normalized.push(Normalized { path: ptr().to_string(), value: Value::String(norm) });
                            }
                        }
                    }
                }
            }
        });
    }
    undetermined
}

fn params_of(c: &AssertCheck, env: &Env<'_>) -> Value {
    let mut m = serde_json::Map::new();
    for (name, e) in &c.params {
        m.insert(name.clone(), to_json(&e.eval(env)));
    }
    Value::Object(m)
}

/// Judge one check at one place (`at`: the array element it is judged for). Fired
/// diagnostics go to `fired`, missing values to the sink. Returns whether it could not be
/// judged (a value it needs is missing or invalid).
fn judge<'a>(
    c: &'a AssertCheck,
    rule_id: &str,
    env: &Env<'a>,
    at: Option<(&'a [String], usize)>,
    sink: &mut Sink<'_>,
    fired: &mut Vec<Diagnostic>,
) -> bool {
    if let Some(w) = &c.when {
        match w.truth(env) {
            Some(true) => {}
            Some(false) => return false,
            None => {
                let mut m = Vec::new();
                w.needs(env, at, &mut m);
                sink.missing(&m, at, rule_id, c.severity);
                return true;
            }
        }
    }
    let mut undetermined = false;
    let root = env.elem.unwrap_or(env.doc);
    for r in &c.required {
        let mut v = Some(root);
        for s in r {
            v = v.and_then(|x| x.get(s.as_str()));
        }
        if is_missing(v) {
            undetermined = true;
            let mut p = at_pointer(at);
            r.iter().for_each(|s| p.push(s));
            sink.require(p.to_string(), &field_id(at.map(|(a, _)| a), r), rule_id, c.severity);
        }
    }
    let Some(assert) = &c.assert else { return undetermined };
    match assert.truth(env) {
        Some(true) => {}
        Some(false) => {
            let mut p = at_pointer(at);
            for s in &c.path {
                p.push(s);
            }
            fired.push(Diagnostic::new(c.code.clone(), c.severity, p.to_string(), rule_id, params_of(c, env)));
        }
        None => {
            let mut m = Vec::new();
            assert.needs(env, at, &mut m);
            sink.missing(&m, at, rule_id, c.severity);
            undetermined = true;
        }
    }
    undetermined
}

fn elements<'v>(doc: &'v Value, path: &[String]) -> &'v [Value] {
    let mut v = Some(doc);
    for s in path {
        v = v.and_then(|x| x.get(s.as_str()));
    }
    v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
}

fn assert_check<'a>(
    c: &'a AssertCheck,
    rule_id: &str,
    env: &Env<'a>,
    sink: &mut Sink<'_>,
    fired: &mut Vec<Diagnostic>,
) -> bool {
    match &c.each {
        None => judge(c, rule_id, env, None, sink, fired),
        Some(path) => {
            let items = elements(env.doc, path);
            let mut undetermined = false;
            for (i, item) in items.iter().enumerate() {
                if item.is_object() {
                    undetermined |= judge(c, rule_id, &env.with_elem(item), Some((path, i)), sink, fired);
                }
            }
            undetermined
        }
    }
}

/// Per-person isolation (RTW-T3); returns whether someone could not be judged.
fn isolation(iso: &IsolationRule, rule_id: &str, env: &Env<'_>, sink: &mut Sink<'_>) -> bool {
    let items = elements(env.doc, &iso.each);
    let by = match iso.by.eval(env) {
        Val::Date(d) => Some(d),
        _ => None,
    };
    let mut undetermined = false;
    for (i, item) in items.iter().enumerate() {
        if !item.is_object() {
            continue;
        }
        let e = env.with_elem(item);
        let at = Some((iso.each.as_slice(), i));
        match iso.when.truth(&e) {
            Some(true) => {}
            Some(false) => continue,
            None => {
                let mut m = Vec::new();
                iso.when.needs(&e, at, &mut m);
                sink.missing(&m, at, rule_id, iso.severity);
                undetermined = true;
                continue;
            }
        }
        let (Val::Date(start), Val::Num(days)) = (iso.start.eval(&e), iso.days.eval(&e)) else {
            let mut m = Vec::new();
            iso.start.needs(&e, at, &mut m);
            iso.days.needs(&e, at, &mut m);
            sink.missing(&m, at, rule_id, iso.severity);
            undetermined = true;
            continue;
        };
        let Some(earliest) = start.checked_add_days(Days::new(days.max(0.0) as u64)) else {
            continue;
        };
        let Some(by) = by else {
            undetermined = true;
            continue;
        };
        if earliest > by {
            let ptr = at_pointer(at);
            let mut at = ptr.clone();
            for s in &iso.path {
                at.push(s);
            }
            let earliest_s = crate::time::fmt_date(earliest);
            let params = json!({ "earliestStart": earliest_s, "isolationDays": days as i64 });
            sink.out.diagnostics.push(Diagnostic::new(iso.code.clone(), iso.severity, at.to_string(), rule_id, params));
            sink.out.earliest_start.push(EarliestStart { path: ptr.to_string(), index: i, earliest_start: earliest_s });
        }
    }
    undetermined
}

/// Merge normalisations: the last one for a path wins; sorted by path.
pub fn merge_normalized(lists: impl IntoIterator<Item = Normalized>) -> Vec<Normalized> {
    let mut by_path: BTreeMap<String, Value> = BTreeMap::new();
    for n in lists {
        by_path.insert(n.path, n.value);
    }
    by_path.into_iter().map(|(path, value)| Normalized { path, value }).collect()
}
