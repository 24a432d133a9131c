//! What a kind's rules read and need: the fields each rule reads, the fields a form must
//! always have (`required`), and those some rule asks for only in some cases (`requiredWhen`).

use crate::expr::{Expr, FieldRef};
use crate::pack::{AssertCheck, Pack, RuleBody};
use crate::schema::Subject;

fn ref_id((elem, path): FieldRef<'_>) -> String {
    crate::schema::field_id(elem, path)
}

pub(super) fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn check_reads(c: &AssertCheck, out: &mut Vec<String>) {
    let elem = c.each.as_deref();
    let mut refs = Vec::new();
    for e in c.when.iter().chain(c.assert.iter()).chain(c.params.iter().map(|(_, e)| e)) {
        e.reads(elem, &mut refs);
    }
    for r in refs {
        push_unique(out, ref_id(r));
    }
    for r in &c.required {
        push_unique(out, ref_id((elem, r)));
    }
}

fn expr_reads(e: &Expr, out: &mut Vec<String>, elem: Option<&[String]>) {
    let mut refs = Vec::new();
    e.reads(elem, &mut refs);
    for r in refs {
        push_unique(out, ref_id(r));
    }
}

/// The fields a rule reads (dotted ids).
pub fn rule_reads(body: &RuleBody) -> Vec<String> {
    let mut out = Vec::new();
    match body {
        RuleBody::Field(checks) => {
            for c in checks {
                for f in c.fields.iter().chain(c.required.iter()) {
                    push_unique(&mut out, f.id());
                }
            }
        }
        RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
            for c in checks {
                check_reads(c, &mut out);
            }
        }
        RuleBody::Isolation(iso) => {
            [&iso.when, &iso.start, &iso.days].into_iter().for_each(|e| expr_reads(e, &mut out, Some(&iso.each)));
            expr_reads(&iso.by, &mut out, None);
        }
        RuleBody::Item { na_when, .. } => {
            if let Some(e) = na_when {
                expr_reads(e, &mut out, None);
            }
        }
        RuleBody::Fact { path } => {
            let id = path.join(".");
            // A group's counts are read too, where its diagnostics are (describe audit,
            // thirty-sixth session: INS-K5 listed only `facts.knowledge`).
            let counts =
                KNOWLEDGE_COUNTS.iter().filter(|c| c.strip_prefix(id.as_str()).is_some_and(|r| r.starts_with('.')));
            out.push(id.clone());
            counts.for_each(|c| out.push((*c).to_owned()));
        }
        RuleBody::Indicator { numerator, denominator, .. } => {
            out.push(format!("units[].counts.{numerator}"));
            out.push(format!("units[].counts.{denominator}"));
        }
        RuleBody::Screen(sc) => {
            expr_reads(&sc.when, &mut out, None);
            sc.from.iter().for_each(|e| expr_reads(e, &mut out, None));
        }
        RuleBody::Section | RuleBody::ChecklistItem => {}
    }
    out
}

/// The fields a rule's diagnostics depend on, in its pack (`describe`'s `reads`): what its body
/// reads ([`rule_reads`]) and what the kind's engine reads for it besides (describe audit,
/// thirty-second session: 26 of the 27 inspection items read nothing, by `describe`):
/// - an inspection item: its answer's result and evidence, and the rectifications carried over
///   for it (overdue against `inspectedOn`);
/// - a community checklist item: its answer's result and evidence, and the unit it is told of;
/// - an indicator: the unit (its id, name and parent: the roll-up) and every count of the
///   pack's indicators (a unit that gives any of them is asked for the others);
/// - a screen rule: what every screen rule before it reads (they are tried in order, and one
///   that holds decides) and, counting days, `declaredOn`.
pub fn rule_reads_in(pack: &Pack, rule: &crate::pack::Rule) -> Vec<String> {
    let mut out = rule_reads(&rule.body);
    let mut extend = |fields: &mut dyn Iterator<Item = String>| fields.for_each(|f| push_unique(&mut out, f));
    match &rule.body {
        RuleBody::Item { .. } => extend(&mut INSPECTION_ITEM_READS.iter().map(|f| (*f).to_owned())),
        RuleBody::ChecklistItem => extend(&mut CHECKLIST_ITEM_READS.iter().map(|f| (*f).to_owned())),
        RuleBody::Indicator { .. } => {
            extend(&mut UNIT_READS.iter().map(|f| (*f).to_owned()));
            extend(&mut indicator_counts(pack, rule.subject).into_iter());
        }
        RuleBody::Screen(sc) => {
            let kind = pack.rules.iter().filter(|r| r.subject == rule.subject);
            extend(&mut kind.take_while(|r| r.id != rule.id).flat_map(|r| rule_reads(&r.body)));
            if sc.from.is_some() {
                extend(&mut std::iter::once("declaredOn".to_owned()));
            }
        }
        _ => {}
    }
    out
}

/// Every count of the pack's indicators (`units[].counts.compounds`, …): a unit that gives any
/// of them is asked for the others.
fn indicator_counts(pack: &Pack, subject: Subject) -> Vec<String> {
    let indicators = pack.rules.iter().filter(|r| r.subject == subject && matches!(r.body, RuleBody::Indicator { .. }));
    indicators.flat_map(|r| rule_reads(&r.body)).collect()
}

const INSPECTION_ITEM_READS: [&str; 6] = [
    "answers.*.result",
    "answers.*.evidence",
    "inspectedOn",
    "previous[].rectifications[].itemId",
    "previous[].rectifications[].deadline",
    "previous[].rectifications[].resolved",
];
const CHECKLIST_ITEM_READS: [&str; 4] =
    ["units[].checklist.*.result", "units[].checklist.*.evidence", "units[].id", "units[].name"];
const UNIT_READS: [&str; 3] = ["units[].id", "units[].name", "units[].parent"];

/// INS-K5's two counts: each asked for when missing, whole numbers ≥ 0 (src/inspection.rs).
pub(super) const KNOWLEDGE_COUNTS: [&str; 2] = ["facts.knowledge.sampled", "facts.knowledge.correct"];

/// The fields a kind needs whatever else is given (a form's `required`).
pub fn required_fields(pack: &Pack, subject: Subject) -> Vec<String> {
    let mut out = Vec::new();
    match subject {
        Subject::Inspection => {
            push_unique(&mut out, "inspectedOn".into());
            KNOWLEDGE_COUNTS.iter().for_each(|f| push_unique(&mut out, (*f).into()));
            // Every item is answered (domain.md §3.3: an item unanswered is `incomplete`; an item
            // with `naWhen` is `na` by itself when it holds), and a rectification carried over
            // names its item and deadline (src/inspection.rs; audit 1: all were `required: false`).
            if pack.rules.iter().any(|r| matches!(r.body, RuleBody::Item { .. })) {
                for f in
                    ["answers.*.result", "previous[].rectifications[].itemId", "previous[].rectifications[].deadline"]
                {
                    push_unique(&mut out, f.into());
                }
            }
            // What decides whether an item applies (INS-S3-3: `keyAreaStaffReturned`) is asked for
            // however the item is answered, or while it is not (inspection audit, thirty-fourth
            // session; it was `requiredWhen` the item's result).
            for r in &pack.rules {
                if let RuleBody::Item { na_when: Some(e), .. } = &r.body {
                    let mut reads = Vec::new();
                    expr_reads(e, &mut reads, None);
                    reads.into_iter().for_each(|x| push_unique(&mut out, x));
                }
            }
        }
        Subject::Indicators => {
            push_unique(&mut out, "date".into());
            push_unique(&mut out, "units".into());
            push_unique(&mut out, "units[].id".into());
            // A checklist item given is answered (src/indicators/checklist.rs asks for its
            // result, as an inspection's; it was `required: false`, so a form left the question
            // unmarked and could not place the item's message under its result).
            if pack.rules.iter().any(|r| matches!(r.body, RuleBody::ChecklistItem)) {
                push_unique(&mut out, "units[].checklist.*.result".into());
            }
        }
        _ => {}
    }
    for r in pack.rules.iter().filter(|r| r.subject == subject) {
        match &r.body {
            RuleBody::Field(checks) => {
                for c in checks {
                    c.required.iter().for_each(|f| push_unique(&mut out, f.id()));
                }
            }
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                for c in checks {
                    let elem = c.each.as_deref();
                    let mut refs = Vec::new();
                    // A condition is read every time: what it always needs is always asked for
                    // (`measures.canteen.present`; third audit).
                    if let Some(w) = &c.when {
                        // Unless its assertion holds without it (RTW-P9 asks for
                        // `measures.canteen.present` only while the canteen's answers fall short:
                        // sixteenth session audit), then it is `requiredWhen`.
                        if c.assert.is_none() {
                            w.always_needs(elem, &mut refs);
                        }
                        // Under `present(xs)`, what the check always needs of each element of
                        // `xs` is asked of every element there is (`roster[].returning` in
                        // RTW-C6's `count(roster, returning == true)`).
                        if let (None, Some(xs), Some(a)) = (elem, w.presence_of(), &c.assert) {
                            let mut inner = Vec::new();
                            a.always_needs(None, &mut inner);
                            refs.extend(inner.into_iter().filter(|(e, _)| *e == Some(xs)));
                        }
                        refs.into_iter().for_each(|x| push_unique(&mut out, ref_id(x)));
                        continue;
                    }
                    if let Some(a) = &c.assert {
                        a.always_needs(elem, &mut refs);
                    }
                    refs.into_iter().for_each(|x| push_unique(&mut out, ref_id(x)));
                    c.required.iter().for_each(|x| push_unique(&mut out, ref_id((elem, x))));
                }
            }
            RuleBody::Fact { path } => push_unique(&mut out, path.join(".")),
            _ => {}
        }
    }
    out
}

/// The fields some rule asks for only in some cases, each with the rule and the fields its
/// condition reads (`measures.isolationRooms`: RTW-P6, once `staff.keyArea.returned` says key-area
/// staff returned; `roster[].arrivedOn`: RTW-T3, for an employee with key-area history). A form
/// can mark them required when those fields say so; the answer asks for them (`field.required`)
/// then. Fields always required (`always`: [`required_fields`]) are left out.
pub fn conditional_fields(pack: &Pack, subject: Subject, always: &[String]) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    // `on`: the fields the asking check reads besides this one (its condition).
    let mut add = |field: String, rule: &str, on: &[String]| {
        let on: Vec<String> = on.iter().filter(|f| **f != field).cloned().collect();
        if always.contains(&field) || on.is_empty() {
            return;
        }
        // A rule asking in several cases (SCR-D2's `lastContactOn`: either contact) is one entry.
        match out.iter_mut().find(|(f, r, _)| *f == field && r == rule) {
            Some((_, _, fields)) => on.into_iter().for_each(|x| push_unique(fields, x)),
            None => out.push((field, rule.to_owned(), on)),
        }
    };
    for r in pack.rules.iter().filter(|r| r.subject == subject) {
        match &r.body {
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                for c in checks {
                    let elem = c.each.as_deref();
                    // What the check may ask for: what its assertion may need (RTW-T2's
                    // `whitelisted`, once the planned date is before the province's), and under a
                    // condition its `required` fields.
                    let mut asked = Vec::new();
                    if let Some(a) = &c.assert {
                        a.may_need(elem, &mut asked);
                    }
                    if c.when.is_some() {
                        asked.extend(c.required.iter().map(|x| (elem, x.as_slice())));
                    }
                    let mut cond = Vec::new();
                    c.when.iter().for_each(|e| expr_reads(e, &mut cond, elem));
                    let mut on = cond.clone();
                    c.assert.iter().for_each(|e| expr_reads(e, &mut on, elem));
                    for x in asked.into_iter().map(ref_id) {
                        // A check of a value when it is given (`present(leftAreaOn)`) asks for nothing.
                        if !cond.contains(&x) {
                            add(x, &r.id, &on);
                        }
                    }
                    // What its condition always needs, once its assertion does not hold without it.
                    if let (Some(w), Some(a)) = (&c.when, &c.assert) {
                        let mut needs = Vec::new();
                        w.always_needs(elem, &mut needs);
                        let mut by = Vec::new();
                        expr_reads(a, &mut by, elem);
                        needs.into_iter().for_each(|x| add(ref_id(x), &r.id, &by));
                    }
                }
            }
            RuleBody::Isolation(iso) => {
                let mut refs = Vec::new();
                iso.start.always_needs(Some(&iso.each), &mut refs);
                let mut on = Vec::new();
                expr_reads(&iso.when, &mut on, Some(&iso.each));
                refs.into_iter().for_each(|x| add(ref_id(x), &r.id, &on));
            }
            // Each count is asked for once the unit gives any other count of the pack's
            // indicators (IND-1 … IND-5: a unit that reports some indicators and not this one is
            // missing here, and asked for both of its counts; describe audit, thirty-second
            // session: only its partner was listed).
            RuleBody::Indicator { .. } => {
                let counts = indicator_counts(pack, subject);
                rule_reads(&r.body).into_iter().for_each(|x| add(x, &r.id, &counts));
            }
            _ => {}
        }
    }
    out
}
