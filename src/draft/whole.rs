//! Drafts of the kinds judged whole — an inspection, a day's indicator report, a screening
//! (issue 9 point 3: `engine.draft(kind, …)`): each edit re-judges the whole submission (27
//! items, or a report of some hundred units, take microseconds) and tells what changed, as a
//! filing's draft does, with the same change list. Its answer is the one-shot answer of its
//! value, byte for byte: the value is judged as its JSON text, as the entry points judge one.

use std::ops::Deref;

use serde_json::Value;

use super::Changes;
use super::edit::{self, DraftError};
use super::shown::{Shown, View};
use crate::answer::cold::WriteJson;
use crate::answer::{Decision, Diagnostic, IndicatorsAnswer, InspectionAnswer, ScreeningAnswer};
use crate::engine::{Engine, Options};
use crate::schema::{Subject, shape_for};

/// The answer of a kind judged whole.
#[derive(Debug, Clone, PartialEq)]
pub enum WholeAnswer {
    /// `scoreInspection`'s.
    Inspection(InspectionAnswer),
    /// `evaluateIndicators`'.
    Indicators(IndicatorsAnswer),
    /// `screenPerson`'s.
    Screening(ScreeningAnswer),
}

impl WholeAnswer {
    fn shown(&self) -> (&[Diagnostic], Decision) {
        match self {
            WholeAnswer::Inspection(a) => (&a.diagnostics, a.decision),
            WholeAnswer::Indicators(a) => (&a.diagnostics, a.decision),
            WholeAnswer::Screening(a) => (&a.diagnostics, a.decision),
        }
    }
}

impl WriteJson for WholeAnswer {
    fn write_json(&self, out: &mut String) {
        match self {
            WholeAnswer::Inspection(a) => a.write_json(out),
            WholeAnswer::Indicators(a) => a.write_json(out),
            WholeAnswer::Screening(a) => a.write_json(out),
        }
    }
}

/// An inspection, indicator report or screening being typed.
#[derive(Debug)]
pub struct WholeDraft<E: Deref<Target = Engine>> {
    engine: E,
    subject: Subject,
    opts: Options,
    /// The submission as given, and an upper bound of its JSON bytes.
    raw: Value,
    size: usize,
    answer: WholeAnswer,
    shown: Shown,
}

impl<E: Deref<Target = Engine>> WholeDraft<E> {
    /// An empty draft of `subject` (not a filing: [`super::Draft`] has those).
    pub fn new(engine: E, subject: Subject, opts: Options) -> Result<Self, DraftError> {
        if subject == Subject::Filing {
            return Err(DraftError::UnsupportedKind(subject.name().to_owned()));
        }
        let raw = Value::Object(serde_json::Map::new());
        let answer = judge(&engine, subject, &raw, &opts);
        let mut d = WholeDraft { engine, subject, opts, raw, size: 2, answer, shown: Shown::default() };
        let _ = d.look();
        Ok(d)
    }

    /// The submission as given so far.
    pub fn value(&self) -> &Value {
        &self.raw
    }

    /// The whole answer: the one-shot answer of [`Self::value`].
    pub fn answer(&self) -> &WholeAnswer {
        &self.answer
    }

    /// Set the value at a JSON Pointer, as a filing's draft does ([`super::Draft::set`]).
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<Changes, DraftError> {
        edit::set_within(&mut self.raw, &mut self.size, pointer, value, shape_for(self.subject))?;
        Ok(self.judge())
    }

    /// Remove the value at a JSON Pointer ([`super::Draft::remove`]).
    pub fn remove(&mut self, pointer: &str) -> Result<Changes, DraftError> {
        match edit::remove(&mut self.raw, pointer)? {
            Some(_) => Ok(self.judge()),
            None => Ok(Changes::default()),
        }
    }

    /// Change the scope ([`super::Draft::set_scope`]).
    pub fn set_scope(&mut self, scope: Option<Vec<String>>) -> Changes {
        self.opts.scope = scope;
        self.judge()
    }

    fn judge(&mut self) -> Changes {
        self.answer = judge(&self.engine, self.subject, &self.raw, &self.opts);
        self.look()
    }

    /// What the answer shows now, and what changed since the last.
    fn look(&mut self) -> Changes {
        let (diagnostics, decision) = self.answer.shown();
        let views: Vec<View<'_>> = diagnostics.iter().map(View::Diag).collect();
        let (now, changes) = Shown::new(&views, Vec::new(), (decision, None), &self.shown);
        self.shown = now;
        changes
    }
}

/// The one-shot answer of `raw`, judged as its JSON text.
fn judge(engine: &Engine, subject: Subject, raw: &Value, opts: &Options) -> WholeAnswer {
    let mut text = String::new();
    raw.write_json(&mut text);
    match subject {
        Subject::Indicators => WholeAnswer::Indicators(engine.evaluate_indicators_json(&text, opts)),
        Subject::Screening => WholeAnswer::Screening(engine.screen_person_json(&text, opts)),
        _ => WholeAnswer::Inspection(engine.score_inspection_json(&text, opts)),
    }
}
