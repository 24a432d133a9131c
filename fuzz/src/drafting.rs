//! Drafts under any edits (the fuzz targets `draft` and `draft_pack`): a draft of any kind is
//! edited through `set`, `remove` and `set_scope` at JSON Pointers found by walking its value as
//! it is, and past it. After every edit: the draft's answer is the kind's whole check of its
//! value, byte for byte; an accepted edit's change list takes the previous answer to the new
//! one; a refused edit changes neither the value nor the answer.

use fangkong::answer::cold::WriteJson;
use fangkong::pointer::Pointer;
use fangkong::{Engine, Options};
use serde_json::Value;

use crate::{Json, Kind, changes_add_up, check_answer};

#[derive(Debug, arbitrary::Arbitrary)]
pub enum Edit {
    Set {
        at: At,
        value: Json,
    },
    Remove(At),
    /// The fields a person has reached: pointers found by walking, or everything.
    Scope(Option<Vec<At>>),
}

/// Where: a walk of choices from the root of the draft's value, then the last step.
#[derive(Debug, arbitrary::Arbitrary)]
pub struct At {
    pub walk: Vec<u8>,
    pub last: Last,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub enum Last {
    /// Where the walk ended.
    Here,
    /// A member, new or not (escaped as a pointer must be).
    Key(String),
    /// `-`: after an array's last element.
    Append,
    /// The index just past the end of an array (appends), or some way beyond it (refused).
    PastEnd(u8),
    /// Any text, as a page might send by mistake.
    Raw(String),
}

/// The pointer `at` names in `doc` (escaped by the crate's own [`Pointer`]).
fn pointer(doc: &Value, at: &At) -> String {
    let mut out = Pointer::root();
    let mut here = doc;
    for &c in &at.walk {
        match here {
            Value::Object(m) if !m.is_empty() => {
                let Some((k, v)) = m.iter().nth(usize::from(c) % m.len()) else { break };
                out.push(k);
                here = v;
            }
            Value::Array(a) if !a.is_empty() => {
                let i = usize::from(c) % a.len();
                out.push_index(i);
                here = &a[i];
            }
            _ => break,
        }
    }
    match &at.last {
        Last::Here => {}
        Last::Key(k) => out.push(k),
        Last::Append => out.push("-"),
        Last::PastEnd(n) => out.push_index(here.as_array().map_or(0, Vec::len) + usize::from(*n % 4)),
        Last::Raw(text) => return text.clone(),
    }
    out.as_str().to_owned()
}

/// The kind's whole check of `value`, as JSON text (checked for the engine's invariants).
fn whole(engine: &Engine, kind: Kind, value: &Value, opts: &Options) -> String {
    fn text<A: fangkong::answer::Answer + WriteJson>(a: A) -> String {
        check_answer(&a);
        let mut out = String::new();
        a.write_json(&mut out);
        out
    }
    match kind {
        Kind::Filing => text(engine.check_filing_value(value, opts)),
        Kind::Inspection => text(engine.score_inspection_value(value, opts)),
        Kind::Indicators => text(engine.evaluate_indicators_value(value, opts)),
        Kind::Screening => text(engine.screen_person_value(value, opts)),
    }
}

/// Draft `start` of `kind` with `engine` and `opts`, then apply `edits` (at most 24), checking
/// after each one.
pub fn run(engine: &Engine, kind: Kind, start: &Value, mut opts: Options, edits: &[Edit]) {
    let mut draft = engine.draft_of(kind.subject(), &opts).expect("every kind has a draft");
    let parse = |text: &str| -> Value { serde_json::from_str(text).expect("an answer is JSON") };
    let mut before = parse(&draft.answer_json());
    assert_eq!(draft.answer_json(), whole(engine, kind, &Value::Object(Default::default()), &opts), "an empty draft");
    let first = draft.set("", start.clone()).expect("a draft takes a whole submission");
    let mut after = parse(&draft.answer_json());
    changes_add_up(&before, &after, &first).unwrap_or_else(|e| panic!("the first set: {e}"));
    before = after;
    for (n, e) in edits.iter().take(24).enumerate() {
        let value_before = draft.value().clone();
        let result = match e {
            Edit::Set { at, value } => draft.set(&pointer(draft.value(), at), value.0.clone()),
            Edit::Remove(at) => draft.remove(&pointer(draft.value(), at)),
            Edit::Scope(scope) => {
                let scope: Option<Vec<String>> =
                    scope.as_ref().map(|s| s.iter().map(|at| pointer(draft.value(), at)).collect());
                opts.scope = scope.clone();
                Ok(draft.set_scope(scope))
            }
        };
        let got = draft.answer_json();
        let want = whole(engine, kind, draft.value(), &opts);
        assert!(got == want, "after edit {n} {e:?}:\n draft: {got}\n check: {want}");
        after = parse(&got);
        match result {
            Ok(changes) => changes_add_up(&before, &after, &changes).unwrap_or_else(|m| panic!("edit {n} {e:?}: {m}")),
            Err(err) => {
                assert!(!err.code().is_empty(), "a refusal without a code: {err}");
                assert_eq!(draft.value(), &value_before, "refused edit {n} {e:?} ({err}) changed the value");
                assert_eq!(before, after, "refused edit {n} {e:?} ({err}) changed the answer");
            }
        }
        before = after;
    }
}
