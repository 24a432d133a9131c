//! Personal screening (排查 / 自主申报): fever clinic, central quarantine, home observation
//! or normal, with the deciding rule and the `until` date (domain.md §5).
//!
//! Screen rules are tried in pack order; the first whose condition holds decides. Its
//! observation runs `days` from its `from` date, counted in CST calendar days; `until` is
//! the first day after it. An observation that is already over on the declaration date
//! does not decide (the next rule is tried).

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::answer::{Decision, Diagnostic, ScreeningAnswer, Severity, decide};
use crate::engine::{Engine, Options, render};
use crate::expr::{Env, Val};
use crate::pack::doc::Subject;
use crate::pack::{RuleBody, ScreenOutcome};
use crate::pointer::Pointer;

impl Engine {
    /// Screen a person's declaration given as JSON text.
    pub fn screen_person_json(&self, text: &str, opts: &Options) -> ScreeningAnswer {
        self.judge_json(text, opts, |v| self.screen_person_value(v, opts))
    }

    /// Screen a person's declaration given as a JSON value.
    pub fn screen_person_value(&self, input: &Value, opts: &Options) -> ScreeningAnswer {
        let p = match self.prepare(input, Subject::Screening, "declaredOn", false, opts) {
            Ok(p) => p,
            Err(unusable) => return unusable,
        };
        let pack = p.pack;
        let doc = &p.doc;
        let mut diags = p.diagnostics;
        let env = Env { doc, elem: None, today: p.today };
        let declared = p.date.unwrap_or(p.today);

        let mut decided: Option<(ScreenOutcome, String, Option<NaiveDate>)> = None;
        for rule in pack.rules.iter().filter(|r| r.subject == Subject::Screening) {
            let RuleBody::Screen(sc) = &rule.body else { continue };
            if sc.when.truth(&env) != Some(true) {
                continue;
            }
            let at = Pointer::from_segments(sc.path.iter().map(String::as_str)).to_string();
            let until = match (&sc.from, &sc.days) {
                (Some(from), Some(days)) => {
                    let n = match days.eval(&env) {
                        Val::Num(n) if n >= 0.0 => n as u64,
                        _ => 0,
                    };
                    let start = match from.eval(&env) {
                        Val::Date(d) => d,
                        _ => {
                            diags.push(Diagnostic::new(
                                "screening.date_missing",
                                Severity::Warning,
                                at.clone(),
                                &rule.id,
                                json!({ "from": date(declared) }),
                            ));
                            declared
                        }
                    };
                    let until = start.checked_add_days(Days::new(n)).unwrap_or(start);
                    if until <= declared {
                        continue;
                    }
                    Some(until)
                }
                _ => None,
            };
            let params = match until {
                Some(u) => json!({ "outcome": sc.outcome, "until": date(u) }),
                None => json!({ "outcome": sc.outcome }),
            };
            diags.push(Diagnostic::new(sc.code.clone(), rule.severity, at, &rule.id, params));
            decided = Some((sc.outcome, rule.id.clone(), until));
            break;
        }
        render(pack, &mut diags, opts);
        let (outcome_kind, rule_id, until) = match decided {
            Some((o, r, u)) => (o, Some(r), u),
            None => (ScreenOutcome::Normal, None, None),
        };
        let decision = match outcome_kind {
            ScreenOutcome::FeverClinic | ScreenOutcome::CentralQuarantine => Decision::Deferred,
            ScreenOutcome::HomeObservation => Decision::Conditional,
            ScreenOutcome::Normal => decide(&diags, false),
        };
        ScreeningAnswer {
            pack: pack.stamp.clone(),
            decision,
            today: date(p.today),
            outcome: outcome_kind,
            rule_id,
            until: until.map(date),
            diagnostics: diags,
            normalized: p.normalized,
        }
    }
}

fn date(d: NaiveDate) -> String {
    crate::time::fmt_date(d)
}
