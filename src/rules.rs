//! The generic rules of every pack, whatever they judge: `field` checks (identifiers,
//! dates, counts, texts), `assert` expressions, per-person `isolation` and the `gate`s of
//! 六个坚决不放手. Each entry point (filing, inspection, indicators, screening) runs these on
//! its subject, then its own scoring.
//!
//! A rule is judged in [`Piece`]s (one required field or checked field of a field check, one
//! assertion, the isolation rule), each at every place or at one array element, into a
//! [`Part`]; an [`Assembly`] then turns the parts, in pack order, into the [`Outcome`]. A
//! draft ([`crate::draft`]) keeps the parts and re-judges only those a change can affect.

mod assembly;

pub use assembly::merge_normalized;
pub use assembly::{Assembly, Item, gate_passed};

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::answer::{Diagnostic, EarliestStart, GateResult, Normalized, Severity};
use crate::expr::{Env, Missing, Val, to_json};
use crate::ids;
use crate::pack::doc::FieldCheckKind;
use crate::pack::{AssertCheck, FieldCheck, FieldPath, IsolationRule, Pack, RuleBody, Seg};
use crate::pointer::Pointer;
use crate::schema::{Doc, Items, Subject, field_id, items_at, keys_at, missing};

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
    /// Rules that could not be judged because a value they need is missing or invalid, in
    /// pack order (each once: at most the pack's rules).
    pub undetermined: Vec<String>,
}

/// Something a piece of a rule found, in the order it was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A diagnostic.
    Fired(Diagnostic),
    /// A value the rule needs is missing (reported by the [`Assembly`], once).
    Required {
        /// Its pointer.
        path: String,
        /// Its field id (`roster[].arrivedOn`).
        field: String,
        /// The severity of the check that needs it.
        severity: Severity,
    },
}

/// What judging one [`Piece`] of a rule (everywhere, or at one array element) produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// Diagnostics and missing values, in order.
    pub events: Vec<Event>,
    /// An assertion's diagnostics: they follow the missing values of every element.
    pub fired: Vec<Diagnostic>,
    /// Values normalised by identifier checks.
    pub normalized: Vec<Normalized>,
    /// Employees who cannot start on the planned date.
    pub earliest_start: Vec<EarliestStart>,
    /// A value it needs is missing or invalid.
    pub undetermined: bool,
}

impl Part {
    /// Whether it found nothing at all.
    pub fn is_empty(&self) -> bool {
        // One test of the lengths together (judged once per piece: most pieces find nothing).
        (self.events.len() | self.fired.len() | self.normalized.len() | self.earliest_start.len()) == 0
            && !self.undetermined
    }

    fn require(&mut self, path: String, field: String, severity: Severity) {
        self.events.push(Event::Required { path, field, severity });
    }

    /// Record the missing fields an expression needs; `at` is the array element the
    /// expression was judged for (its pointer is the base of fields of the document).
    fn missing(&mut self, missing: &[Missing<'_>], at: Option<(&[String], usize)>, severity: Severity) {
        for m in missing {
            let (mut ptr, id) = match m.element {
                Some((array, i)) if m.path.is_empty() /* a row left `null` */ => (element_pointer(array, i), field_id(None, array)),
                Some((array, i)) => (element_pointer(array, i), field_id(Some(array), m.path)),
                None => (at_pointer(at), field_id(None, m.path)),
            };
            for s in m.path {
                ptr.push(s);
            }
            self.require(ptr.to_string(), id, severity);
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

/// One piece of a rule, judged on its own: a field check's required field or checked
/// field, an assertion (of an `assert` rule or a gate), or an isolation rule.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'p> {
    /// A field a field check requires.
    Required(&'p FieldCheck, &'p FieldPath),
    /// A field a field check checks.
    Value(&'p FieldCheck, &'p FieldPath),
    /// An assertion.
    Assert(&'p AssertCheck),
    /// Per-person isolation.
    Isolation(&'p IsolationRule),
}

/// Piece `k` of a rule, in the order the rule is judged (a gate's pieces are its own checks;
/// sections, items and the other kinds have none).
pub fn piece(body: &RuleBody, k: usize) -> Option<Piece<'_>> {
    match body {
        RuleBody::Field(checks) => {
            let mut k = k;
            for c in checks {
                if let Some(r) = c.required.get(k) {
                    return Some(Piece::Required(c, r));
                }
                k -= c.required.len();
                if let Some(f) = c.fields.get(k) {
                    return Some(Piece::Value(c, f));
                }
                k -= c.fields.len();
            }
            None
        }
        RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => checks.get(k).map(Piece::Assert),
        RuleBody::Isolation(iso) => (k == 0).then_some(Piece::Isolation(iso)),
        _ => None,
    }
}

/// `f` on every piece of a rule, in the order of [`piece`] (plain loops: no lookup of piece
/// `k` from the start, no iterator adapters).
fn each_piece<'p>(body: &'p RuleBody, mut f: impl FnMut(Piece<'p>)) {
    match body {
        RuleBody::Field(checks) => {
            for c in checks {
                c.required.iter().for_each(|r| f(Piece::Required(c, r)));
                c.fields.iter().for_each(|x| f(Piece::Value(c, x)));
            }
        }
        RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => checks.iter().for_each(|c| f(Piece::Assert(c))),
        RuleBody::Isolation(iso) => f(Piece::Isolation(iso)),
        _ => {}
    }
}

/// The position of the first `Each` segment of a field path.
fn first_each(path: &FieldPath) -> Option<usize> {
    path.segs.iter().position(|s| matches!(s, Seg::Each(_)))
}

impl<'p> Piece<'p> {
    /// The array whose elements this piece is judged for one by one (keys from the root),
    /// or `None` when it is judged once for the document.
    pub fn array(&self) -> Option<Vec<String>> {
        match self {
            Piece::Required(_, f) | Piece::Value(_, f) => {
                let k = first_each(f)?;
                let segs = f.segs.get(..=k)?;
                Some(
                    segs.iter()
                        .map(|s| match s {
                            Seg::Key(k) | Seg::Each(k) => k.clone(),
                        })
                        .collect(),
                )
            }
            Piece::Assert(c) => c.each.clone(),
            Piece::Isolation(iso) => Some(iso.each.clone()),
        }
    }

    /// Judge the piece everywhere (`elem: None`), or only for element `elem` of its
    /// [`Self::array`] (nothing when that element is not an object).
    pub fn judge(&self, rule_id: &str, env: &Env<'p>, elem: Option<usize>, part: &mut Part) {
        match *self {
            Piece::Required(c, req) => {
                locate(env.doc, req, elem, &mut |idx, v| {
                    if v.is_none() {
                        part.undetermined = true;
                        part.require(pointer_at(req, idx).to_string(), req.id(), c.severity);
                    }
                });
            }
            Piece::Value(c, f) => field_value(c, f, rule_id, env.doc, env.today, elem, part),
            Piece::Assert(c) => assert_check(c, rule_id, env, elem, part),
            Piece::Isolation(iso) => isolation(iso, rule_id, env, elem, part),
        }
    }
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
    doc: Doc<'_>,
    today: NaiveDate,
    shape_errors: &BTreeSet<String>,
) -> Outcome {
    let env = Env { doc, elem: None, today };
    let mut asm = Assembly::new(shape_errors, true);
    let rules: &[crate::pack::Rule] = pack.rules.span(subject);
    // One part, reused: an empty part adds nothing (the passing path: nothing moved or scanned).
    let mut part = Part::default();
    // The gates come after every other rule: one walk over the pack's rules judges the others
    // and notes where the subject's gates lie (and how many there are), for the second walk.
    let (mut gates_from, mut gates_to, mut gate_count) = (usize::MAX, 0, 0);
    for (i, rule) in rules.iter().enumerate() {
        if rule.subject != subject {
            continue;
        }
        if matches!(rule.body, RuleBody::Gate { .. }) {
            gates_from = gates_from.min(i);
            gates_to = i + 1;
            gate_count += 1;
            continue;
        }
        each_piece(&rule.body, |p| {
            p.judge(&rule.id, &env, None, &mut part);
            if !part.is_empty() {
                asm.piece(&rule.id, std::mem::take(&mut part), false);
            }
        });
        asm.end_rule(&rule.id);
    }
    asm.expect_gates(gate_count);
    for rule in rules.get(gates_from..gates_to).unwrap_or_default() {
        if rule.subject != subject {
            continue;
        }
        if let RuleBody::Gate { causes, .. } = &rule.body {
            each_piece(&rule.body, |p| {
                p.judge(&rule.id, &env, None, &mut part);
                if !part.is_empty() {
                    asm.piece(&rule.id, std::mem::take(&mut part), true);
                }
            });
            asm.end_gate(&rule.id, causes);
        }
    }
    asm.finish()
}

/// Every location of a field path in the document, in document order: `f` gets the index
/// taken at each `Each` segment (the position; [`pointer_at`] spells it) and the value, or
/// `None` when absent. Absent array elements are skipped; absent leaves inside present
/// parents are reported. Nothing is allocated for paths without `Each`. With `elem`, only
/// the locations inside that element of the path's first `Each` array.
fn locate<'v>(doc: Doc<'v>, path: &FieldPath, elem: Option<usize>, f: &mut impl FnMut(&[usize], Option<Doc<'v>>)) {
    /// `at`: the segments' positions in the slot document's shapes, when `v` is one.
    fn visit<'v>(
        v: Option<Doc<'v>>,
        segs: &[Seg],
        at: Option<&[u32]>,
        idx: &mut Vec<usize>,
        only: Option<usize>,
        f: &mut impl FnMut(&[usize], Option<Doc<'v>>),
    ) {
        let Some((seg, rest)) = segs.split_first() else {
            f(idx, v);
            return;
        };
        let (pos, at) = match at.and_then(<[u32]>::split_first) {
            Some((p, r)) => (Some(*p), Some(r)),
            None => (None, None),
        };
        let member = |v: Doc<'v>, k: &str| match pos {
            Some(p) => v.member_at(p),
            None => v.member(k),
        };
        match seg {
            Seg::Key(k) => {
                let child = v.and_then(|v| member(v, k)).filter(|c| !missing(Some(*c)));
                visit(child, rest, at, idx, only, f);
            }
            Seg::Each(k) => {
                let items = v.and_then(|v| member(v, k)).and_then(Doc::items).unwrap_or(Items::EMPTY);
                let mut each = |i: usize, item: Doc<'v>| {
                    if item.is_object() {
                        idx.push(i);
                        visit(Some(item), rest, at, idx, None, f);
                        idx.pop();
                    }
                };
                match only {
                    Some(i) => {
                        if let Some(item) = items.get(i) {
                            each(i, item);
                        }
                    }
                    None => items.iter().enumerate().for_each(|(i, item)| each(i, item)),
                }
            }
        }
    }
    if elem.is_some() && first_each(path).is_none() {
        return;
    }
    let keys = || {
        path.segs.iter().map(|s| match s {
            Seg::Key(k) => (k.as_str(), false),
            Seg::Each(k) => (k.as_str(), true),
        })
    };
    let at = path.slots.plan(doc, keys);
    // A path of keys only, in a slot document: one place, read by the keys' positions.
    if let Some(at) = at
        && elem.is_none()
        && path.segs.iter().all(|s| matches!(s, Seg::Key(_)))
    {
        let v = at.iter().try_fold(doc, |v, &p| v.member_at(p).filter(|c| !missing(Some(*c))));
        f(&[], v);
        return;
    }
    visit(Some(doc), &path.segs, at, &mut Vec::new(), elem, f);
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

/// Check the values of one field of a field check. Pointers are spelt only for what is
/// reported.
fn field_value(
    c: &FieldCheck,
    f: &FieldPath,
    rule_id: &str,
    doc: Doc<'_>,
    today: NaiveDate,
    elem: Option<usize>,
    part: &mut Part,
) {
    let push = |part: &mut Part, code: &str, sev: Severity, ptr: Pointer| {
        part.events.push(Event::Fired(Diagnostic::new(code, sev, ptr.to_string(), rule_id, json!({}))));
    };
    locate(doc, f, elem, &mut |idx, v| {
        let Some(v) = v else { return };
        let ptr = || pointer_at(f, idx);
        match c.check {
            FieldCheckKind::Count | FieldCheckKind::Amount => {
                let Some(x) = v.number() else { return };
                let Some(problem) = c.check.num_check().and_then(|check| check.refuses(x)) else { return };
                let params = if problem == "too_large" { json!({ "max": crate::num::MAX_EXACT }) } else { json!({}) };
                let code = format!("{}.{problem}", c.check.name());
                part.events.push(Event::Fired(Diagnostic::new(&code, c.severity, ptr().to_string(), rule_id, params)));
            }
            kind => {
                let Some(s) = v.text() else { return };
                // The normalised value, borrowed when it is `s` (nothing allocated for a valid one).
                let result = match kind {
                    FieldCheckKind::CreditCode => ids::credit_code(s),
                    FieldCheckKind::DistrictCode => ids::district_code(s),
                    FieldCheckKind::Phone => ids::phone(s),
                    FieldCheckKind::IdNumber => ids::id_number(s, today),
                    FieldCheckKind::Date => match ids::iso_date(s) {
                        Some(_) => Ok(Cow::Borrowed(s)),
                        None => ids::parse_date(s).map(|d| Cow::Owned(crate::time::fmt_date(d))),
                    },
                    // Text: blank is missing (above); length is the walker's.
                    _ => return,
                };
                match result {
                    Err(e) => {
                        // The check character alone, of a credit code or an ID number (README: the
                        // ID number's was documented and ignored; spec audit, thirtieth session).
                        let checksum = e.code().ends_with(".checksum") && kind.has_check_character();
                        push(part, e.code(), if checksum { c.checksum_severity } else { c.severity }, ptr());
                        // Refused, an identifier is still given back as §6 normalises it, as a valid one
                        // is: full width, `＋`, `（）` to ASCII, a code upper-cased (ids audit,
                        // thirty-first session: a code a pack accepts with a warning kept its lower
                        // case, and a refused phone came back as `＋86 138…`, half of it converted).
                        let form = match kind {
                            FieldCheckKind::CreditCode => ids::credit_code_form(s),
                            FieldCheckKind::IdNumber => ids::id_number_form(s),
                            FieldCheckKind::Phone | FieldCheckKind::DistrictCode => ids::normalize_text(s),
                            _ => return,
                        };
                        if form != s {
                            let value = Value::String(form.into_owned());
                            part.normalized.push(Normalized { path: ptr().to_string(), value });
                        }
                    }
                    Ok(norm) => {
                        if c.allowed
                            .as_ref()
                            .is_some_and(|a| !a.iter().any(|x| crate::swar::eq_bytes(x.as_bytes(), norm.as_bytes())))
                        {
                            push(part, "district_code.not_allowed", c.severity, ptr());
                        }
                        // Most values are valid as given: `norm` is `s` itself, no need to compare.
                        if !matches!(norm, Cow::Borrowed(b) if std::ptr::eq(b, s)) && norm != s {
                            let value = Value::String(norm.into_owned());
                            part.normalized.push(Normalized { path: ptr().to_string(), value });
                        }
                    }
                }
            }
        }
    });
}

fn params_of(c: &AssertCheck, env: &Env<'_>) -> Value {
    let mut m = serde_json::Map::new();
    for (name, e) in &c.params {
        m.insert(name.clone(), to_json(&e.eval(env)));
    }
    Value::Object(m)
}

/// Judge one check at one place (`at`: its array element). Fired diagnostics go to `part.fired`,
/// missing values to its events; records whether a value it needs is missing or invalid.
fn judge<'a>(c: &'a AssertCheck, env: &Env<'a>, at: Option<(&'a [String], usize)>, rule_id: &str, part: &mut Part) {
    if let Some(w) = &c.when {
        match w.truth(env) {
            Some(true) => {}
            Some(false) => return,
            // `when W assert A` holds whatever W is once A holds (audit: G4 was null with RTW-P6 met).
            None if c.required.is_empty() && c.assert.as_ref().is_some_and(|a| a.truth(env) == Some(true)) => return,
            None => {
                let mut m = Vec::new();
                w.needs(env, at, &mut m);
                part.missing(&m, at, c.severity);
                part.undetermined = true;
                return;
            }
        }
    }
    let root = env.elem.unwrap_or(env.doc);
    for (r, slots) in c.required.iter().zip(c.required_slots.get(c.required.len())) {
        if missing(keys_at(root, r, slots)) {
            part.undetermined = true;
            let mut p = at_pointer(at);
            r.iter().for_each(|s| p.push(s));
            part.require(p.to_string(), field_id(at.map(|(a, _)| a), r), c.severity);
        }
    }
    let Some(assert) = &c.assert else { return };
    match assert.truth(env) {
        Some(true) => {}
        Some(false) => {
            let mut p = at_pointer(at);
            for s in &c.path {
                p.push(s);
            }
            part.fired.push(Diagnostic::new(c.code.clone(), c.severity, p.to_string(), rule_id, params_of(c, env)));
        }
        None => {
            let mut m = Vec::new();
            assert.needs(env, at, &mut m);
            part.missing(&m, at, c.severity);
            part.undetermined = true;
        }
    }
}

/// The elements of `array` to judge: every one, or only `elem` — with their indices.
fn chosen<'v>(doc: Doc<'v>, array: &[String], elem: Option<usize>) -> impl Iterator<Item = (usize, Doc<'v>)> {
    let items = items_at(doc, array);
    let (from, to) = match elem {
        Some(i) => (i.min(items.len()), i.saturating_add(1).min(items.len())),
        None => (0, items.len()),
    };
    (from..to).filter_map(move |i| items.get(i).map(|v| (i, v)))
}

fn assert_check<'a>(c: &'a AssertCheck, rule_id: &str, env: &Env<'a>, elem: Option<usize>, part: &mut Part) {
    match &c.each {
        None => {
            if elem.is_none() {
                judge(c, env, None, rule_id, part);
            }
        }
        Some(path) => {
            for (i, item) in chosen(env.doc, path, elem) {
                if item.is_object() {
                    judge(c, &env.with_elem(item), Some((path, i)), rule_id, part);
                } else {
                    empty_row(path, i, c.severity, part);
                }
            }
        }
    }
}

/// A row left `null` is asked for itself (员工花名册 at `/roster/0`) and undetermined (fourth audit).
fn empty_row(path: &[String], i: usize, severity: Severity, part: &mut Part) {
    part.undetermined = true;
    part.require(element_pointer(path, i).to_string(), field_id(None, path), severity);
}

/// Per-person isolation (RTW-T3); records whether someone could not be judged.
fn isolation(iso: &IsolationRule, rule_id: &str, env: &Env<'_>, elem: Option<usize>, part: &mut Part) {
    let by = match iso.by.eval(env) {
        Val::Date(d) => Some(d),
        _ => None,
    };
    for (i, item) in chosen(env.doc, &iso.each, elem) {
        if !item.is_object() {
            empty_row(&iso.each, i, Severity::Warning, part);
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
                part.missing(&m, at, iso.severity);
                part.undetermined = true;
                continue;
            }
        }
        let (Val::Date(start), Val::Num(days)) = (iso.start.eval(&e), iso.days.eval(&e)) else {
            let mut m = Vec::new();
            iso.start.needs(&e, at, &mut m);
            iso.days.needs(&e, at, &mut m);
            part.missing(&m, at, iso.severity);
            part.undetermined = true;
            continue;
        };
        let Some(earliest) = start.checked_add_days(Days::new(days.max(0.0) as u64)) else {
            continue;
        };
        let Some(by) = by else {
            part.undetermined = true;
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
            part.events.push(Event::Fired(Diagnostic::new(
                iso.code.clone(),
                iso.severity,
                at.to_string(),
                rule_id,
                params,
            )));
            part.earliest_start.push(EarliestStart { path: ptr.to_string(), index: i, earliest_start: earliest_s });
        }
    }
}
