//! Inspections: the 六必须检查 checklist (scores, vetoes), the 六必须明确 facts, the
//! outcome ladder, rectifications with deadlines and re-inspection (domain.md §3).
//!
//! Missing is not a fact: an unanswered item (`answers.<item id>`) and a fact not recorded
//! (`facts.basics`, `facts.knowledge.sampled` …) are each reported once as `field.required`
//! (`missing: true`) at their own pointer, and the inspection is `incomplete`.
//!
//! A veto item cannot be `na`, unless the pack's `naWhen` of that item holds (INS-S3-3
//! when no key-area staff returned). A veto item answered `na` otherwise is an error
//! `inspection.veto_not_applicable` at `/answers/<id>/result`; the answer is not accepted
//! (it is neither waived nor scored) and the inspection stays `incomplete` until it is
//! corrected. Where `naWhen` holds, the item is `na` whatever was answered: a `fail` or
//! `partial` there is no veto and not scored (`inspection.answer_not_applicable`, info). When
//! `naWhen` cannot be decided because a value it reads is missing (`keyAreaStaffReturned`),
//! that value is asked for (`field.required`) before an `na`, `fail` or `partial` counts.

use std::borrow::Cow;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::answer::{Decision, Diagnostic, InspectionAnswer, Rectification, Reinspected, SectionScore, Severity};
use crate::engine::{Engine, Options, ask, ask_needs, render};
use crate::expr::Env;
use crate::pack::RuleBody;
use crate::pointer::Pointer;
use crate::schema::Subject;

pub use crate::schema::EVIDENCE;

mod score;
mod support;
mod values;

pub use score::Answer;
use score::{Tally, credit};
use values::{date_error, fact_present};

fn date_str(d: NaiveDate) -> String {
    crate::time::fmt_date(d)
}

fn ptr(segs: &[&str]) -> String {
    Pointer::from_segments(segs.iter().copied()).to_string()
}

struct Item<'p> {
    id: &'p str,
    section: &'p str,
    weight: f64,
    veto: bool,
    answer: Option<Answer>,
}

impl Engine {
    /// Score an inspection given as JSON text.
    pub fn score_inspection_json(&self, text: &str, opts: &Options) -> InspectionAnswer {
        self.judge_json(text, opts, |v| self.score_inspection_input(Cow::Owned(v), opts))
    }

    /// Score an inspection given as a JSON value.
    pub fn score_inspection_value(&self, input: &Value, opts: &Options) -> InspectionAnswer {
        self.score_inspection_input(Cow::Borrowed(input), opts)
    }

    /// The same, borrowed or owned (JSON text parsed here is taken apart, not copied).
    fn score_inspection_input(&self, input: Cow<'_, Value>, opts: &Options) -> InspectionAnswer {
        let p = match self.prepare(input, Subject::Inspection, "inspectedOn", true, opts) {
            Ok(p) => p,
            Err(unusable) => return unusable,
        };
        let pack = p.pack;
        let doc = &p.doc;
        let mut diags: Vec<Diagnostic> = p.diagnostics;
        // A date after today (INS-D1, an error) is not judged on.
        let on = p.date.filter(|d| *d <= p.today).unwrap_or(p.today);
        let env = Env::new(doc, p.today);
        let answers = doc.get("answers").and_then(Value::as_object);

        // Items, in pack order.
        let mut items: Vec<Item<'_>> = Vec::new();
        let mut incomplete = false;
        for rule in pack.rules.iter().filter(|r| r.subject == Subject::Inspection) {
            let RuleBody::Item { section, weight, veto, na_when } = &rule.body else { continue };
            let given = answers.and_then(|a| a.get(rule.id.as_str()));
            let at = ptr(&["answers", &rule.id]);
            let mut answer = None;
            // An answer given but not accepted (not an answer, or a veto item answered `na`):
            // already reported, and not asked for again.
            let mut rejected = false;
            if let Some(g) = given {
                if let Some(ev) = g.get("evidence").and_then(Value::as_str)
                    && !EVIDENCE.contains(&ev)
                {
                    diags.push(Diagnostic::at(
                        "inspection.invalid_answer",
                        Severity::Warning,
                        format!("{at}/evidence"),
                        &rule.id,
                        crate::answer::params([("allowed", Value::from(EVIDENCE))]),
                    ));
                }
                // An answer given but refused: its error at its result, and it is not scored.
                // Where the item's `naWhen` decides (INS-S3-3: key-area staff returned?), it
                // decides for every answer: holding, the item is `na` whatever was answered (a
                // `fail` there is no veto: domain.md §3.1, the item is na when no key-area staff
                // returned; fourteenth session audit); unknown, the value is asked for first.
                let parsed = g.get("result").and_then(Value::as_str).map(Answer::parse);
                let na = match (&parsed, na_when) {
                    (Some(Some(Answer::Na)), _) if !*veto => None,
                    (Some(Some(_)), Some(e)) => Some((e, e.truth(&env))),
                    _ => None,
                };
                let refused = match (parsed, na) {
                    (Some(Some(a)), Some((_, Some(true)))) => {
                        answer = Some(Answer::Na);
                        if matches!(a, Answer::Fail | Answer::Partial) {
                            diags.push(Diagnostic::at(
                                "inspection.answer_not_applicable",
                                Severity::Info,
                                format!("{at}/result"),
                                &rule.id,
                                crate::answer::params([("weight", crate::num::json(*weight))]),
                            ));
                        }
                        None
                    }
                    // Whether the item applies depends on a value not given: ask for it, whatever
                    // the answer (a `pass` scored as given made 90 of what is 89.47 with no
                    // key-area staff, approved for conditional: sixteenth session audit).
                    (Some(Some(_)), Some((_, None))) => {
                        rejected = true;
                        None
                    }
                    // A veto item may be `na` only when its `naWhen` holds. Where it has one (known
                    // not to hold here), the answer says so in the item's own words
                    // (`inspection.na_not_allowed`: key-area staff returned), not as if the item
                    // could never be `na` (wording audit, twenty-sixth session).
                    (Some(Some(Answer::Na)), na) if *veto => Some((
                        if na.is_some() { crate::pack::NA_NOT_ALLOWED } else { "inspection.veto_not_applicable" },
                        crate::answer::params([("weight", crate::num::json(*weight))]),
                    )),
                    (Some(Some(a)), _) => {
                        answer = Some(a);
                        None
                    }
                    // Given but not an answer: reported once, as that (not also as missing).
                    (Some(None), _) => Some((
                        "inspection.invalid_answer",
                        crate::answer::params([("allowed", Value::from(&["pass", "partial", "fail", "na"][..]))]),
                    )),
                    (None, _) => None,
                };
                if let Some((code, params)) = refused {
                    rejected = true;
                    diags.push(Diagnostic::at(code, Severity::Error, format!("{at}/result"), &rule.id, params));
                }
            }
            // An answer that is not an object (`"pass"`): its shape error, reported once.
            if p.shape_errors.contains(&at) {
                rejected = true;
            }
            if answer.is_none() && !rejected && na_when.as_ref().is_some_and(|e| e.truth(&env) == Some(true)) {
                answer = Some(Answer::Na);
            }
            // What decides whether the item applies (INS-S3-3: key-area staff returned?) is asked for
            // however it is answered, or unanswered (inspection audit, 34th session: not while so).
            if let Some(e) = na_when.as_ref().filter(|e| e.truth(&env).is_none()) {
                ask_needs(&mut diags, &p.shape_errors, e, &env, &rule.id);
            }
            match answer {
                None if rejected => incomplete = true,
                // Not asked under `answers` (or a submission) of the wrong type: its type is the error.
                None => {
                    // An item begun (evidence or note given) lacks its result: asked for there,
                    // where the form's result input is (sixteenth session audit).
                    let result = given.map(|_| format!("{at}/result"));
                    // A result of another type than text (`true`, `[]`, `{}`) is its shape error,
                    // `input.invalid_type`, once: given, never also asked for as missing
                    // (missing-values audit, thirty-ninth session).
                    let refused = result.as_ref().is_some_and(|r| p.shape_errors.contains(r));
                    if refused {
                        incomplete = true;
                    } else if !crate::pointer::at_or_under(&p.shape_errors, &at) {
                        incomplete = true;
                        let at = result.unwrap_or(at);
                        diags.push(Diagnostic::required(
                            at,
                            &format!("answers.{}", rule.id),
                            &rule.id,
                            Severity::Warning,
                        ));
                    }
                }
                Some(Answer::Fail) => {
                    let code = if *veto { "inspection.veto_failed" } else { "inspection.item_failed" };
                    let sev = if *veto { Severity::Error } else { Severity::Warning };
                    diags.push(Diagnostic::at(
                        code,
                        sev,
                        at,
                        &rule.id,
                        crate::answer::params([("weight", crate::num::json(*weight))]),
                    ));
                }
                Some(Answer::Partial) => {
                    let code = if *veto { "inspection.veto_partial" } else { "inspection.item_partial" };
                    diags.push(Diagnostic::at(
                        code,
                        Severity::Warning,
                        at,
                        &rule.id,
                        crate::answer::params([("weight", crate::num::json(*weight))]),
                    ));
                }
                Some(Answer::Pass | Answer::Na) => {}
            }
            items.push(Item { id: &rule.id, section, weight: *weight, veto: *veto, answer });
        }
        // An unknown item given as anything but an object (`"INS-S9-9": "pass"`) is told as unknown,
        // as any other, not as a wrong type that made the inspection incomplete (sixteenth
        // session audit; as indicators' unknown keys).
        let known = |k: &str| items.iter().any(|i| i.id == k);
        // Each key once, in the order first met; a set beside the list, since a submission may
        // hold a hundred thousand such keys (a `Vec::contains` here made them quadratic: 20 s
        // for 100,000 keys in 1 MB; acceptance replay, eighteenth session).
        let mut typed: Vec<String> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        crate::engine::drop_under_unknown_keys(&mut diags, &mut |path| {
            let Some(key) = path.strip_prefix("/answers/").and_then(|r| r.split('/').next()) else { return false };
            let key = crate::pointer::unescape(key);
            if known(&key) {
                return false;
            }
            if answers.is_none_or(|a| !a.contains_key(&key)) && seen.insert(key.clone()) {
                typed.push(key);
            }
            true
        });
        for key in answers.into_iter().flat_map(|a| a.keys()).chain(typed.iter()) {
            if !known(key) {
                // Its own key at its own pointer, never merged into a look-alike item. A
                // warning: it is not scored, so it cannot change the verdict either way (the
                // item it was meant for is still asked for, or judged as answered).
                diags.push(Diagnostic::engine(
                    "inspection.unknown_item",
                    Severity::Warning,
                    ptr(&["answers", key]),
                    crate::answer::suggestion(crate::schema::lookalike(key, items.iter().map(|i| i.id))),
                ));
            }
        }

        // The six facts.
        let empty = Value::Object(serde_json::Map::new());
        for rule in pack.rules.iter().filter(|r| r.subject == Subject::Inspection) {
            let RuleBody::Fact { path } = &rule.body else { continue };
            let mut v = Some(doc);
            for s in path {
                v = v.and_then(|x| x.get(s.as_str()));
            }
            let at = Pointer::from_segments(path.iter().map(String::as_str)).to_string();
            let field_id = path.join(".");
            // A group of counts (knowledge: sampled, correct) is asked for value by value, at
            // each one's own path, as a filing's `staff: {}` is (missing audit, thirty-sixth
            // session: `{}`, nulls, or one count of the wrong type beside none, were asked for
            // once at `/facts/knowledge`).
            let group = matches!(
                crate::schema::resolve(
                    crate::schema::shape_for(Subject::Inspection),
                    &path.iter().map(String::as_str).collect::<Vec<_>>()
                ),
                Some(crate::schema::Resolved::Object)
            );
            let v = if group && v.is_none_or(Value::is_null) { Some(&empty) } else { v };
            if !fact_present(v) && !group {
                incomplete |= !crate::pointer::at_or_under(&p.shape_errors, &at);
                ask(&mut diags, &p.shape_errors, at, &field_id, &rule.id, Severity::Warning);
            } else if let Some(Value::Array(list)) = v {
                // A list's entry left null or blank is asked for at its own path.
                for (i, _) in list.iter().enumerate().filter(|(_, x)| x.is_null()) {
                    let entry = format!("{at}/{i}");
                    incomplete |= !crate::pointer::at_or_under(&p.shape_errors, &entry);
                    ask(&mut diags, &p.shape_errors, entry, &field_id, &rule.id, Severity::Warning);
                }
            } else if let Some(Value::Object(k)) = v {
                let (s, c) = (k.get("sampled").and_then(Value::as_f64), k.get("correct").and_then(Value::as_f64));
                // Counts of people: whole numbers, not negative (as a filing's, RTW-F6).
                let mut bad_count = false;
                for (name, n) in [("sampled", s), ("correct", c)] {
                    let code = match n {
                        Some(n) if n < 0.0 => "count.negative",
                        Some(n) if n.fract() != 0.0 => "count.fraction",
                        Some(n) if n > crate::num::MAX_EXACT => "count.too_large",
                        _ => continue,
                    };
                    bad_count = true;
                    incomplete = true;
                    diags.push(Diagnostic::at(
                        code,
                        Severity::Error,
                        format!("{at}/{name}"),
                        &rule.id,
                        if code == "count.too_large" {
                            serde_json::json!({ "max": crate::num::MAX_EXACT })
                        } else {
                            Value::Object(serde_json::Map::new())
                        },
                    ));
                }
                // Knowledge must say how many were sampled and how many answered correctly.
                // A count refused beside one not given: the one not given is still asked for
                // (schema audit, thirty-first session: `incomplete` with nothing said why).
                match (s, c) {
                    (Some(s), Some(c)) if bad_count || c <= s => {}
                    (Some(_), Some(_)) => {
                        incomplete = true;
                        diags.push(Diagnostic::at(
                            "inspection.knowledge_inconsistent",
                            Severity::Error,
                            format!("{at}/correct"),
                            &rule.id,
                            Value::Object(serde_json::Map::new()),
                        ));
                    }
                    (s, c) => {
                        // One given as no number is its shape error, never asked for as missing
                        // (client pages, nineteenth session: `correct: "abc"` was both).
                        for (name, given) in [("sampled", s.is_some()), ("correct", c.is_some())] {
                            if !given {
                                let (at, field) = (format!("{at}/{name}"), format!("{field_id}.{name}"));
                                incomplete |= !crate::pointer::at_or_under(&p.shape_errors, &at) || bad_count;
                                ask(&mut diags, &p.shape_errors, at, &field, &rule.id, Severity::Warning);
                            }
                        }
                    }
                }
            }
        }

        // Scores: per section in pack order, then overall.
        let mut sections: Vec<SectionScore> = Vec::new();
        // An item not answered (or not readably) is neither `na` nor scored: a score over the items
        // answered would state one the checklist does not hold (audits 1 and 2: one item of 27
        // answered `pass` scored 100). Its section's score, and the overall score, are `null`
        // until it is; `earned` and `applicable` are the sums over the items answered so far.
        let places = score::places(items.iter().map(|i| i.weight).chain(
            ["partialCredit", "conditionalScore", "approvedScore"].map(|n| pack.num(n)).into_iter().chain([1.0]),
        ));
        let mut totals: Vec<(&str, Tally)> = Vec::new();
        for it in &items {
            let at = match totals.iter().position(|(s, _)| *s == it.section) {
                Some(i) => i,
                None => {
                    totals.push((it.section, Tally::new(places)));
                    totals.len() - 1
                }
            };
            let Some((_, t)) = totals.get_mut(at) else { continue };
            match it.answer {
                Some(Answer::Na) => {}
                Some(a) => t.add(it.weight, credit(pack, a), places),
                None => t.unanswered = true,
            }
        }
        for rule in pack.rules.iter().filter(|r| matches!(r.body, RuleBody::Section)) {
            let t = totals.iter().find(|(s, _)| *s == rule.id).map_or(Tally::new(places), |(_, t)| *t);
            sections.push(SectionScore {
                id: rule.id.clone(),
                score: t.score(places),
                earned: t.earned(places),
                applicable: t.applicable(places),
            });
        }
        let mut all = Tally::new(places);
        totals.iter().for_each(|(_, t)| all.merge(t));
        let unanswered = all.unanswered;
        let overall = all.score(places);
        // No score is never approved: also where the pack has no item at all (packs audit,
        // thirty-fourth session: a variant that removed them approved every inspection).
        if overall.is_none() && !unanswered && !incomplete {
            incomplete = true;
            diags.push(Diagnostic::engine(
                "inspection.nothing_applicable",
                Severity::Warning,
                "/answers".into(),
                Value::Object(serde_json::Map::new()),
            ));
        }

        // Re-inspection of previous rectifications.
        let mut reinspection = Vec::new();
        let mut overdue = false;
        for (i, prev) in doc.get("previous").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let on_at = format!("/previous/{i}/inspectedOn");
            if let Some(text) = prev.get("inspectedOn").and_then(Value::as_str)
                && crate::time::parse_iso_date(text).is_none()
                && !p.shape_errors.contains(&on_at)
            {
                diags.push(date_error(text, on_at));
            }
            for (j, r) in prev.get("rectifications").and_then(Value::as_array).into_iter().flatten().enumerate() {
                let at = format!("/previous/{i}/rectifications/{j}");
                if r.get("resolved").and_then(Value::as_bool) == Some(true) {
                    diags.extend(values::resolved_deadline(r, &at, &p.shape_errors));
                    continue;
                }
                // `resolved` of the wrong type (`"true"`, `1`): whether it was resolved is not
                // known, so it is judged neither way, as a deadline of the wrong type is; its shape
                // error says so (spec audit, thirtieth session: told overdue "仍未整改到位").
                if !p.shape_errors.is_empty() && p.shape_errors.contains(&format!("{at}/resolved")) {
                    continue;
                }
                // Nothing carried over is dropped unsaid (domain.md §3.3, §7): an item not given is
                // asked for, one not on the checklist is named, and a deadline not given (or not a
                // date) leaves the item's re-inspection undecided.
                let item_at = format!("{at}/itemId");
                let item = match r.get("itemId").and_then(Value::as_str) {
                    Some(id) if items.iter().any(|it| it.id == id) => id,
                    Some(id) => {
                        // Named, so that a look-alike's help says what differs (inspection audit,
                        // thirty-first session: `ins-s3-6` was told it had spaces).
                        let params = crate::schema::lookalike_params("itemId", id, items.iter().map(|i| i.id));
                        diags.push(Diagnostic::engine("inspection.unknown_item", Severity::Warning, item_at, params));
                        // An item written in another case or in full width is still that item's
                        // rectification, judged (inspector audit, thirty-fifth session: `ins-s4-2`
                        // overdue and failing was dropped, and the firm approved, while a filing's
                        // RTW-G5 counted it overdue; rectifications audit, thirty-sixth: `INS－S4－2`).
                        match crate::describe::item_id(items.iter().map(|i| i.id), id) {
                            Some(it) => it,
                            None => continue,
                        }
                    }
                    None => {
                        ask(
                            &mut diags,
                            &p.shape_errors,
                            item_at,
                            "previous[].rectifications[].itemId",
                            crate::answer::INPUT_RULE,
                            Severity::Warning,
                        );
                        continue;
                    }
                };
                // Its result now: not answered yet, it is neither resolved nor overdue (audit 2: an
                // unanswered item was told "仍未整改合格").
                let now = items.iter().find(|it| it.id == item).and_then(|it| it.answer);
                // Answered `pass`, it is resolved, also where the item is now `na` by its `naWhen`
                // (INS-S3-3 with no key-area staff: audit, it could never be resolved).
                let answered = answers.and_then(|a| a.get(item)).and_then(|g| g.get("result")).and_then(Value::as_str);
                let now_passes = now == Some(Answer::Pass) || answered.and_then(Answer::parse) == Some(Answer::Pass);
                let deadline_at = format!("{at}/deadline");
                let given = r.get("deadline").and_then(Value::as_str);
                let Some(deadline) = given.and_then(crate::time::parse_iso_date) else {
                    // (A deadline of the wrong type has its shape error already.)
                    let shape_error = p.shape_errors.contains(&deadline_at);
                    if let Some(text) = given.filter(|_| !shape_error) {
                        diags.push(date_error(text, deadline_at));
                    } else if !now_passes && !shape_error {
                        // Passing now, it is resolved whatever its deadline was.
                        diags.push(Diagnostic::required(
                            deadline_at,
                            "previous[].rectifications[].deadline",
                            item,
                            Severity::Warning,
                        ));
                    }
                    continue;
                };
                let status = if now_passes {
                    "resolved"
                } else if answered.is_none() {
                    // Not answered: whether it was rectified is not known, so it is never told
                    // overdue. An item `na` by its `naWhen` (INS-S3-3 with no key-area staff) is
                    // not asked for by itself; named by a rectification, it is (QA, nineteenth
                    // session: it was told 仍未整改合格, deferred, with nothing to answer).
                    let item_at = ptr(&["answers", item]);
                    let begun = answers.and_then(|a| a.get(item)).is_some_and(Value::is_object);
                    let item_at = if begun { format!("{item_at}/result") } else { item_at };
                    if now.is_some() && !diags.iter().any(|d| d.missing && d.path == item_at) {
                        incomplete = true;
                        ask(&mut diags, &p.shape_errors, item_at, &format!("answers.{item}"), item, Severity::Warning);
                    }
                    "open"
                } else if deadline < on && now.is_some() && p.date.is_some_and(|d| d <= p.today) {
                    // Without the inspection's date, or with one refused (after today: INS-D1),
                    // whether it was overdue is not known (audit; time audit, thirty-fourth session).
                    overdue = true;
                    diags.push(Diagnostic::at(
                        "inspection.rectification_overdue",
                        Severity::Error,
                        at.clone(),
                        item,
                        crate::answer::params([
                            ("deadline", Value::from(date_str(deadline))),
                            ("itemId", Value::from(item)),
                        ]),
                    ));
                    "overdue"
                } else {
                    "open"
                };
                reinspection.push(Reinspected {
                    item_id: item.to_owned(),
                    deadline: date_str(deadline),
                    status: status.into(),
                    path: at,
                });
            }
        }

        // The outcome ladder.
        let veto_failed = items.iter().any(|i| i.veto && i.answer == Some(Answer::Fail));
        let veto_partial = items.iter().any(|i| i.veto && i.answer == Some(Answer::Partial));
        // An error in what was recorded (the input's, or a check of the pack's such as INS-D1's
        // date after today) is to be corrected first: never approved over it (twelfth session).
        let checked = |id: &str| pack.rules.iter().any(|r| r.id == id && matches!(r.body, RuleBody::Assert(_)));
        let any_error = diags
            .iter()
            .any(|d| d.severity == Severity::Error && (d.rule_id == crate::answer::INPUT_RULE || checked(&d.rule_id)));
        let decision = if incomplete || any_error || diags.iter().any(|d| d.missing) {
            Decision::Incomplete
        } else if veto_failed || overdue || !all.reaches(pack.num("conditionalScore"), places) {
            Decision::Deferred
        } else if all.reaches(pack.num("approvedScore"), places) && !veto_partial {
            Decision::Approved
        } else {
            Decision::Conditional
        };

        let follow_up = matches!(decision, Decision::Conditional | Decision::Deferred);
        let mut rectifications = Vec::new();
        // The latest deadline, as a date: compared as text, 10000-01-01 came before 9999-12-30
        // (server audit, twenty-sixth session).
        let mut latest: Option<NaiveDate> = None;
        if follow_up {
            for it in &items {
                if matches!(it.answer, Some(Answer::Fail | Answer::Partial)) {
                    let days = if it.veto { pack.num("vetoRectifyDays") } else { pack.num("rectifyDays") };
                    let deadline = on.checked_add_days(Days::new(days.max(0.0) as u64)).unwrap_or(on);
                    latest = latest.max(Some(deadline));
                    rectifications.push(Rectification {
                        item_id: it.id.to_owned(),
                        deadline: date_str(deadline),
                        veto: it.veto,
                    });
                }
            }
        }
        let reinspect_by = latest.map(date_str);
        let support = support::list(pack, doc);
        let pending = render(pack, &mut diags, opts);
        InspectionAnswer {
            pack: pack.stamp.clone(),
            decision,
            today: date_str(p.today),
            locale: opts.locale,
            pending,
            score: overall,
            sections,
            rectifications,
            reinspect_by,
            daily_reporting: follow_up,
            support,
            reinspection,
            diagnostics: diags,
            normalized: values::credit_code_upper(p.normalized, doc),
        }
    }
}
