//! Personal screening (排查 / 自主申报): fever clinic, central quarantine, home observation
//! or normal, with the deciding rule and the `until` date (domain.md §5).
//!
//! Screen rules are tried in pack order; the first whose condition holds decides. Its
//! observation runs `days` from its `from` date, counted in CST calendar days; `until` is
//! the first day after it. An observation that is already over on the declaration date
//! does not decide (the next rule is tried).
//!
//! Missing is not a fact. A declaration with a value missing that a rule needs (a
//! `missing: true` diagnostic, e.g. `field.required` at `/contactWithConfirmed`) is
//! `incomplete`. A rule whose condition holds on what was declared decides the outcome when
//! every rule before it is known not to hold, and `normal` ("none of the above") is given only
//! when every rule's condition is known to be false: while an earlier one is left open by a
//! missing value, the outcome is `null` (third audit: an empty declaration was `normal`;
//! fifteenth session: an area visit with the contact question open was `home_observation`).
//! A later rule then neither decides nor tells its instruction (thirty-seventh session; the
//! fifteenth had kept its diagnostic). A rule whose period is counted from a date that an
//! unanswered question chooses decides only if the period runs whatever the answer. A value with an error
//! at its own path (a temperature outside 34–43 °C, such as 99.5 typed in °F; an
//! impossible date) is set aside: screen rules are evaluated on a copy of the declaration
//! without it, so an implausible temperature is never read as a fever. When a rule tried
//! reads a value set aside, the declaration is `incomplete` too: the value must be measured
//! or given again (an impossible date that no rule needed leaves its error, as before).
//!
//! When a rule's `from` date cannot be computed because a date is missing, that date is
//! asked for once (`field.required` at its path, unless a rule already did). Whether the period
//! may still run is judged from the latest date it can start (the declaration date, or a later
//! date given); if it may, the rule decides the outcome, told with `<code>_undated` and the
//! number of days, and `until` is `null`: no end date is stated from a date not given. With
//! the start known, `until` is the first free day; the diagnostics also carry `lastDay`, the
//! last day of the period.
//!
//! The declaration date is not after today (SCR-D4). While it is missing or wrong, it is some
//! day up to today: a period still running today decides, and one over by today leaves the
//! outcome open (it may not have been over when the person declared).

use std::borrow::Cow;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::answer::{Decision, Diagnostic, ScreenOutcome, ScreeningAnswer, Severity, decide};
use crate::engine::{Engine, Options, render};
use crate::expr::{Env, Expr, FieldRef, Val};
use crate::pack::RuleBody;
use crate::pointer::Pointer;
use crate::schema::Subject;

/// The declaration date's field.
const DATE: &str = "declaredOn";

/// Whether `path` (a JSON Pointer) is the declaration date's.
fn is_date(path: &str) -> bool {
    path.strip_prefix('/') == Some(DATE)
}

impl Engine {
    /// Screen a person's declaration given as JSON text.
    pub fn screen_person_json(&self, text: &str, opts: &Options) -> ScreeningAnswer {
        self.judge_json(text, opts, |v| self.screen_person_input(Cow::Owned(v), opts))
    }

    /// Screen a person's declaration given as a JSON value.
    pub fn screen_person_value(&self, input: &Value, opts: &Options) -> ScreeningAnswer {
        self.screen_person_input(Cow::Borrowed(input), opts)
    }

    /// The same, borrowed or owned (JSON text parsed here is taken apart, not copied).
    fn screen_person_input(&self, input: Cow<'_, Value>, opts: &Options) -> ScreeningAnswer {
        let p = match self.prepare(input, Subject::Screening, DATE, false, opts) {
            Ok(p) => p,
            Err(unusable) => return unusable,
        };
        let pack = p.pack;
        let mut diags = p.diagnostics;
        // The declaration date, if given, readable and not after today (SCR-D4); else unknown,
        // judged as the module says (twelfth session: it was read as today, or as given).
        let declared = p
            .date
            .filter(|d| *d <= p.today && !diags.iter().any(|x| x.severity == Severity::Error && is_date(&x.path)));
        let on = declared.unwrap_or(p.today);

        // Values with an error at their own path (an implausible temperature, an impossible
        // date) are set aside: no screen rule is decided on them.
        // Set aside in place (the submission is this check's own): `null`, which reads as missing.
        let mut read = p.doc;
        let mut set_aside: Vec<String> = Vec::new();
        // Every value with an error is set aside, also one the walker already left out (`"3O"`
        // for a temperature): given, but unusable, it must be given again as an implausible one
        // must (hostile audit, eighteenth session: a typo was `deferred`, 须立即处置, while 99.5
        // was `incomplete`).
        for d in diags.iter().filter(|d| d.severity == Severity::Error && !d.missing && !d.path.is_empty()) {
            if !set_aside.contains(&d.path) {
                set_aside_at(&mut read, &d.path);
                set_aside.push(d.path.clone());
            }
        }
        let env = Env::new(&read, p.today);

        // The fields the rules tried consulted: a value set aside among them must be given again.
        let mut consulted: Vec<FieldRef<'_>> = Vec::new();
        let mut decided: Option<(ScreenOutcome, String, Option<NaiveDate>)> = None;
        // A rule tried whose condition a missing (or set-aside) value leaves open: then no rule
        // deciding is not `normal`, which is "none of the above" (domain.md §5), but not known.
        let mut undetermined = false;
        for rule in pack.rules.iter().filter(|r| r.subject == Subject::Screening) {
            let RuleBody::Screen(sc) = &rule.body else { continue };
            sc.when.reads(None, &mut consulted);
            match sc.when.truth(&env) {
                Some(true) => {}
                Some(false) => continue,
                None => {
                    undetermined = true;
                    continue;
                }
            }
            // A rule is tried only once every rule before it is known not to hold (SCR-1 "checked
            // first"): while one is left open by a missing answer, a later one neither decides nor
            // tells its instruction (portal audit, thirty-seventh session: 居家观察14天 with the
            // symptoms not yet answered, which would send the person to a fever clinic instead).
            if undetermined {
                break;
            }
            // What the period is counted from on the branch it takes: a date named only on another
            // (`lastContactOn` with no contact declared) is not needed, even set aside (indicators
            // and screening audit, thirty-first session: such a date made the declaration
            // `incomplete` with nothing asked for).
            for e in sc.from.iter().chain(sc.days.iter()) {
                let mut need = Vec::new();
                e.needs(&env, None, &mut need);
                consulted.extend(need.iter().map(|m| (m.element.map(|(a, _)| a), m.path)));
            }
            let at = Pointer::from_segments(asked_by(&sc.when, &sc.path, &read).iter().map(String::as_str)).to_string();
            // Whether the start of the period is known: while a date it is counted from is
            // missing, the period runs from a day not yet given, and no end date is stated.
            let mut dated = true;
            let mut n = 0;
            let mut by_answer = None;
            let until = match (&sc.from, &sc.days) {
                (Some(from), Some(days)) => {
                    n = match days.eval(&env) {
                        Val::Num(n) if n >= 0.0 => n as u64,
                        _ => 0,
                    };
                    let start = match from.eval(&env) {
                        Val::Date(d) => d,
                        _ => {
                            dated = false;
                            // Judged meanwhile from the latest start it can be (the longest possible
                            // observation). A missing date is asked for once, at its own path; a
                            // date set aside for an error is told by that error (field audit,
                            // twenty-eighth session: "须填写…日期" beside a date typed, after today).
                            let mut need = Vec::new();
                            from.needs(&env, None, &mut need);
                            // The declaration date's own error tells it; a value of the wrong type
                            // has its shape error (not asked for again: reported once, §7).
                            let mut told = false;
                            for m in need.iter().filter(|m| m.element.is_none()) {
                                let path = Pointer::from_segments(m.path.iter().map(String::as_str)).to_string();
                                let shape_error = p.shape_errors.contains(&path);
                                told |= shape_error || is_date(&path) || set_aside.contains(&path);
                                if shape_error || set_aside.contains(&path) {
                                    continue;
                                }
                                told = true;
                                if !diags.iter().any(|d| d.missing && d.path == path) {
                                    diags.push(Diagnostic::required(
                                        path,
                                        &m.path.join("."),
                                        &rule.id,
                                        Severity::Warning,
                                    ));
                                }
                            }
                            // The latest it can be: a date given after the declaration (a warning)
                            // counts too (twelfth session: it shortened the period).
                            let start = latest_start(from, &read, on);
                            // Counted from a date chosen by a question not answered yet (SCR-3 from
                            // the visit or the contact): decided only when the period runs whatever
                            // the answer (screening audit, thirty-seventh session: a contact whose
                            // observation was over decided 居家观察 on the visit left blank).
                            let questions: Vec<&[String]> = need
                                .iter()
                                .filter(|m| m.element.is_none() && top_reads(&sc.when).any(|q| q == m.path))
                                .map(|m| m.path)
                                .collect();
                            if !questions.is_empty() {
                                by_answer = Some(runs_by_answer(sc, &read, &questions, p.today, on, n));
                            }
                            if !told {
                                diags.push(Diagnostic::at(
                                    "screening.date_missing",
                                    Severity::Warning,
                                    at.clone(),
                                    &rule.id,
                                    // No date in it: the start is not known (thirteenth session).
                                    Value::Object(serde_json::Map::new()),
                                ));
                            }
                            start
                        }
                    };
                    let until = start.checked_add_days(Days::new(n)).unwrap_or(start);
                    if let Some((all, any)) = by_answer
                        && !all
                    {
                        // Over whatever the answer: as a period over; else it depends on it.
                        undetermined |= any || declared.is_none();
                        continue;
                    }
                    if until <= on {
                        undetermined |= declared.is_none();
                        continue;
                    }
                    Some(until)
                }
                _ => None,
            };
            // Decided, but counted from a date not given: the outcome without an end date
            // (audits 1 and 2: "集中隔离至2020-02-14" was counted from the declaration date).
            let until = until.filter(|_| dated);
            if !dated {
                let params =
                    crate::answer::params([("outcome", Value::from(sc.outcome.name())), ("days", Value::from(n))]);
                diags.push(Diagnostic::at(&crate::pack::undated_code(&sc.code), rule.severity, at, &rule.id, params));
                decided = Some((sc.outcome, rule.id.clone(), None));
                break;
            }
            let params = match until {
                Some(u) => {
                    let last = u.pred_opt().unwrap_or(u);
                    crate::answer::params([
                        ("outcome", Value::from(sc.outcome.name())),
                        ("until", Value::from(date(u))),
                        ("lastDay", Value::from(date(last))),
                    ])
                }
                None => crate::answer::params([("outcome", Value::from(sc.outcome.name()))]),
            };
            diags.push(Diagnostic::at(&sc.code, rule.severity, at, &rule.id, params));
            decided = Some((sc.outcome, rule.id.clone(), until));
            break;
        }
        // A value the declaration must give (SCR-D2's `required`, where its `when` holds), set
        // aside, must be given again, whichever rule decides (same audit: a leaving date after
        // today with a cough was `deferred`, with no cough `incomplete`).
        for rule in pack.rules.iter().filter(|r| r.subject == Subject::Screening) {
            let RuleBody::Assert(checks) = &rule.body else { continue };
            for c in checks.iter().filter(|c| c.each.is_none() && !c.required.is_empty()) {
                if c.when.as_ref().is_none_or(|w| w.truth(&env) == Some(true)) {
                    consulted.extend(c.required.iter().map(|r| (None, r.as_slice())));
                }
            }
        }
        // Held back by `scope` or not, a missing value leaves the declaration incomplete.
        let needed_again = consulted.iter().any(|(elem, path)| {
            elem.is_none() && {
                let at = Pointer::from_segments(path.iter().map(String::as_str)).to_string();
                set_aside.iter().any(|s| within(&at, s) || within(s, &at))
            }
        });
        let incomplete = needed_again || diags.iter().any(|d| d.missing);
        let pending = render(pack, &mut diags, opts);
        // Rules are tried in order and the first that holds decides (SCR-1 "checked first"): while
        // an earlier one is left open by a missing value, a later one that holds decides nothing,
        // as `normal` does not (audit: a declared area visit with `contactWithConfirmed` not
        // given was `home_observation`, though it may be central quarantine). Its diagnostic
        // stays: what was declared already calls for it.
        let (outcome_kind, rule_id, until) = match decided {
            Some(_) | None if undetermined => (None, None, None),
            Some((o, r, u)) => (Some(o), Some(r), u),
            None => (Some(ScreenOutcome::Normal), None, None),
        };
        // The outcome's rung, or a worse one the diagnostics give: an error in the declaration
        // (an unknown field, an impossible date) defers it whatever the outcome, as it does a
        // normal one (fourth audit: home observation stayed conditional with an error).
        let by_outcome = match outcome_kind {
            Some(ScreenOutcome::FeverClinic | ScreenOutcome::CentralQuarantine) => Decision::Deferred,
            Some(ScreenOutcome::HomeObservation) => Decision::Conditional,
            Some(ScreenOutcome::Normal) | None => Decision::Approved,
        };
        let decision = match by_outcome.max(decide(&diags, false)) {
            _ if incomplete => Decision::Incomplete,
            // Open although nothing is missing: the declaration itself is unreadable (`5`, `[]`);
            // never approved without an outcome.
            d if outcome_kind.is_none() && d < Decision::Deferred => Decision::Incomplete,
            d => d,
        };
        ScreeningAnswer {
            pack: pack.stamp.clone(),
            decision,
            today: date(p.today),
            locale: opts.locale,
            pending,
            outcome: outcome_kind,
            rule_id,
            until: until.map(date),
            diagnostics: diags,
            normalized: p.normalized,
        }
    }
}

/// Where a rule that holds points: its own question when that was answered yes (or is a group,
/// such as `symptoms`), else the first question its condition reads that was (SCR-3 on a contact
/// with people from the area points there, not at the visit answered no: portal audit).
fn asked_by<'a>(when: &'a Expr, own: &'a [String], doc: &Value) -> &'a [String] {
    if matches!(field(doc, own), Some(Value::Bool(true) | Value::Object(_))) {
        return own;
    }
    top_reads(when).find(|p| field(doc, p) == Some(&Value::Bool(true))).unwrap_or(own)
}

/// Whether the period of `sc` still runs on `on` with each of the unanswered `questions`
/// answered yes and no, in every combination: (in all, in any).
fn runs_by_answer(
    sc: &crate::pack::ScreenRule,
    read: &Value,
    questions: &[&[String]],
    today: NaiveDate,
    on: NaiveDate,
    n: u64,
) -> (bool, bool) {
    let (mut all, mut any) = (true, false);
    // Screen rules read a few questions; more than four are judged on the first four.
    let asked = questions.get(..questions.len().min(4)).unwrap_or_default();
    for combo in 0u32..(1 << asked.len()) {
        let mut alt = read.clone();
        for (i, q) in asked.iter().enumerate() {
            put(&mut alt, q, Value::Bool(combo >> i & 1 == 1));
        }
        let env = Env::new(&alt, today);
        let runs = sc.when.truth(&env) == Some(true) && {
            let start = match sc.from.as_ref().map(|f| f.eval(&env)) {
                Some(Val::Date(d)) => d,
                _ => sc.from.as_ref().map_or(on, |f| latest_start(f, &alt, on)),
            };
            start.checked_add_days(Days::new(n)).unwrap_or(start) > on
        };
        all &= runs;
        any |= runs;
    }
    (all, any)
}

/// `v` put at `path` in `doc`, where its parent object is given.
fn put(doc: &mut Value, path: &[String], v: Value) {
    let Some((last, parents)) = path.split_last() else { return };
    let parent = parents.iter().try_fold(doc, |at, s| at.get_mut(s.as_str()));
    if let Some(o) = parent.and_then(Value::as_object_mut) {
        o.insert(last.clone(), v);
    }
}

/// The latest day a period counted from `e` can start while a date it reads is missing: the
/// latest date given, or the declaration day `on` if later.
fn latest_start(e: &Expr, doc: &Value, on: NaiveDate) -> NaiveDate {
    latest_read(e, doc).map_or(on, |d| d.max(on))
}

/// The latest of the dates `e` reads that were given.
fn latest_read(e: &Expr, doc: &Value) -> Option<NaiveDate> {
    top_reads(e).filter_map(|p| field(doc, p)?.as_str().and_then(crate::time::parse_iso_date)).max()
}

/// The declaration's fields `e` reads (screen rules read no lists), in order.
fn top_reads(e: &Expr) -> impl Iterator<Item = &[String]> {
    let mut refs = Vec::new();
    e.reads(None, &mut refs);
    refs.into_iter().filter(|r| r.0.is_none()).map(|r| r.1)
}

/// The value of a field of the declaration, by its path.
fn field<'v>(doc: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(doc, |v, s| v.get(s.as_str()))
}

fn date(d: NaiveDate) -> String {
    crate::time::fmt_date(d)
}

/// Set the value at JSON Pointer `path` in `doc` aside: `null` (missing; an element keeps the
/// others' indices), where there is one.
fn set_aside_at(doc: &mut Value, path: &str) {
    if let Some(v) = at_mut(doc, path).filter(|_| !path.is_empty()) {
        *v = Value::Null;
    }
}

/// `doc.pointer_mut(pointer)` (RFC 6901), without serde_json's copy of the walk and of
/// `str::replace` in the `.wasm`.
fn at_mut<'v>(doc: &'v mut Value, pointer: &str) -> Option<&'v mut Value> {
    if pointer.is_empty() {
        return Some(doc);
    }
    pointer.strip_prefix('/')?.split('/').try_fold(doc, |target, token| {
        let token = crate::pointer::unescape(token);
        match target {
            Value::Object(m) => m.get_mut(&token),
            // As serde_json reads an index: no sign, no leading zero.
            Value::Array(a) if !token.starts_with('+') && (!token.starts_with('0') || token.len() == 1) => {
                token.parse::<usize>().ok().and_then(|i| a.get_mut(i))
            }
            _ => None,
        }
    })
}

/// Whether pointer `p` is `prefix` or inside it (on segment boundaries).
fn within(p: &str, prefix: &str) -> bool {
    p == prefix || p.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use serde_json::json;

    use crate::engine::{Engine, Options};
    use crate::time::parse_now;

    /// `at_mut` finds what serde_json's `pointer_mut` finds.
    #[test]
    fn at_mut_is_pointer_mut() {
        let doc = json!({ "a": { "b/c": [1, { "~d": 2 }], "": 3 }, "e": [[4]] });
        for p in [
            "",
            "/",
            "/a",
            "a",
            "/a/b~1c",
            "/a/b~1c/0",
            "/a/b~1c/1/~0d",
            "/a/b~1c/01",
            "/a/b~1c/+1",
            "/a/b~1c/2",
            "/a/",
            "/e/0/0",
            "/e/0/0/x",
            "/x",
            "/a/b~1c/-1",
        ] {
            let (mut x, mut y) = (doc.clone(), doc.clone());
            assert_eq!(super::at_mut(&mut x, p).cloned(), y.pointer_mut(p).cloned(), "{p}");
        }
    }

    /// `until` stays the first free day; `lastDay` is the day before it, for "至" wordings.
    #[test]
    fn observation_diagnostics_carry_the_last_day() {
        let engine = Engine::with_default_pack().unwrap();
        let opts = Options::at(parse_now("2020-02-01T18:00:00+08:00").unwrap());
        let base = json!({ "declaredOn": "2020-02-01", "visitedEpidemicArea": true, "leftAreaOn": "2020-01-25",
            "contactWithAreaPeople": false, "contactWithConfirmed": false, "attendedGatherings": false,
            "symptoms": { "temperature": 36.5, "dryCough": false, "fatigue": false } });
        let a = engine.screen_person_value(&base, &opts);
        assert_eq!(a.until.as_deref(), Some("2020-02-08"));
        let d = a.diagnostics.iter().find(|d| d.code == "screening.home_observation").unwrap();
        assert_eq!(
            (d.params["until"].as_str(), d.params["lastDay"].as_str()),
            (Some("2020-02-08"), Some("2020-02-07"))
        );

        let mut contact = base.clone();
        contact["contactWithConfirmed"] = json!(true);
        contact["lastContactOn"] = json!("2020-01-30");
        let a = engine.screen_person_value(&contact, &opts);
        let d = a.diagnostics.iter().find(|d| d.code == "screening.central_quarantine").unwrap();
        assert_eq!(
            (d.params["until"].as_str(), d.params["lastDay"].as_str()),
            (Some("2020-02-13"), Some("2020-02-12"))
        );
    }
}
