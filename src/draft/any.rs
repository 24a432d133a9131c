//! A draft of any kind, for callers that take the kind as data (`Engine::draft_of`, and the npm
//! package's `engine.draft(kind, …)` through it): a filing's draft re-judges only what an edit
//! reaches ([`Draft`]); an inspection's, a report's and a screening's are judged whole
//! ([`WholeDraft`]). Every edit returns the same change list.

use std::ops::Deref;

use serde_json::Value;

use super::{Changes, Draft, DraftError, WholeDraft};
use crate::answer::cold::WriteJson;
use crate::engine::{Engine, Options};
use crate::schema::Subject;

/// A draft of a filing, or of a kind judged whole.
pub enum AnyDraft<E: Deref<Target = Engine>> {
    /// A filing's.
    Filing(Draft<E>),
    /// An inspection's, an indicator report's or a screening's.
    Whole(WholeDraft<E>),
}

impl<E: Deref<Target = Engine>> AnyDraft<E> {
    /// An empty draft of `subject`, judged with `opts`.
    ///
    /// # Errors
    ///
    /// None for the four kinds; [`DraftError`] is kept for the kinds a later version may add.
    pub fn new(engine: E, subject: Subject, opts: Options) -> Result<Self, DraftError> {
        match subject {
            Subject::Filing => Ok(Self::Filing(Draft::filing(engine, opts))),
            other => WholeDraft::new(engine, other, opts).map(Self::Whole),
        }
    }

    /// Set the value at `pointer` (`""`: the whole submission); what changed in the answer.
    ///
    /// # Errors
    ///
    /// As [`Draft::set`]: the pointer is not valid, or does not reach into the submission.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<Changes, DraftError> {
        match self {
            Self::Filing(d) => d.set(pointer, value),
            Self::Whole(d) => d.set(pointer, value),
        }
    }

    /// Remove the value at `pointer`; what changed in the answer.
    ///
    /// # Errors
    ///
    /// As [`Draft::remove`].
    pub fn remove(&mut self, pointer: &str) -> Result<Changes, DraftError> {
        match self {
            Self::Filing(d) => d.remove(pointer),
            Self::Whole(d) => d.remove(pointer),
        }
    }

    /// Change the scope (the fields reached; `None`: everything); what changed in the answer.
    pub fn set_scope(&mut self, scope: Option<Vec<String>>) -> Changes {
        match self {
            Self::Filing(d) => d.set_scope(scope),
            Self::Whole(d) => d.set_scope(scope),
        }
    }

    /// The submission as given so far.
    pub fn value(&self) -> &Value {
        match self {
            Self::Filing(d) => d.value(),
            Self::Whole(d) => d.value(),
        }
    }

    /// The whole answer as JSON text: the kind's entry point's answer for [`Self::value`], byte
    /// for byte.
    pub fn answer_json(&self) -> String {
        let mut out = String::new();
        match self {
            Self::Filing(d) => d.answer().write_json(&mut out),
            Self::Whole(d) => d.answer().write_json(&mut out),
        }
        out
    }
}

impl Engine {
    /// An empty draft of any kind (a filing's: [`Engine::draft_filing`] too).
    ///
    /// # Errors
    ///
    /// As [`AnyDraft::new`].
    pub fn draft_of(&self, subject: Subject, opts: &Options) -> Result<AnyDraft<&Engine>, DraftError> {
        AnyDraft::new(self, subject, opts.clone())
    }
}
