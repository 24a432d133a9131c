//! Drafts (issue 9, point 3) under any edits, as a form gives them: a draft of any kind starts
//! from an example submission and is edited through `set`, `remove` and `set_scope` at JSON
//! Pointers found by walking its value as it is, and past it (a new key, `-`, the index past the
//! end or far beyond it, keys that need escaping, text that is no pointer at all). After every
//! edit: the draft's answer is the kind's whole check of its value, byte for byte; an accepted
//! edit's change list takes the previous answer to the new one; a refused edit changes neither
//! the value nor the answer.
#![no_main]
use fangkong::answer::cold::WriteJson;
use fangkong::schema::Subject;
use fangkong::{Locale, Options};
use fangkong_fuzz::{Json, Kind, changes_add_up, check_answer, engine, golden, options};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    kind: Kind,
    which: u8,
    /// 0: zh-CN, everything reached; 1: English with a scope; 2: zh-TW, personal data shown.
    variant: u8,
    edits: Vec<Edit>,
}

#[derive(Debug, arbitrary::Arbitrary)]
enum Edit {
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
struct At {
    walk: Vec<u8>,
    last: Last,
}

#[derive(Debug, arbitrary::Arbitrary)]
enum Last {
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

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The pointer `at` names in `doc`.
fn pointer(doc: &Value, at: &At) -> String {
    let mut out = String::new();
    let mut here = doc;
    for &c in &at.walk {
        match here {
            Value::Object(m) if !m.is_empty() => {
                let Some((k, v)) = m.iter().nth(usize::from(c) % m.len()) else { break };
                out.push('/');
                out.push_str(&escape(k));
                here = v;
            }
            Value::Array(a) if !a.is_empty() => {
                let i = usize::from(c) % a.len();
                out.push_str(&format!("/{i}"));
                here = &a[i];
            }
            _ => break,
        }
    }
    match &at.last {
        Last::Here => {}
        Last::Key(k) => {
            out.push('/');
            out.push_str(&escape(k));
        }
        Last::Append => out.push_str("/-"),
        Last::PastEnd(n) => {
            let len = here.as_array().map_or(0, Vec::len);
            out.push_str(&format!("/{}", len + usize::from(*n % 4)));
        }
        Last::Raw(text) => return text.clone(),
    }
    out
}

fn subject(kind: Kind) -> Subject {
    match kind {
        Kind::Filing => Subject::Filing,
        Kind::Inspection => Subject::Inspection,
        Kind::Indicators => Subject::Indicators,
        Kind::Screening => Subject::Screening,
    }
}

/// The kind's whole check of `value`, as JSON text (checked for the engine's invariants).
fn whole(kind: Kind, value: &Value, opts: &Options) -> String {
    fn text<A: fangkong::answer::Answer + WriteJson>(a: A) -> String {
        check_answer(&a);
        let mut out = String::new();
        a.write_json(&mut out);
        out
    }
    let e = engine();
    match kind {
        Kind::Filing => text(e.check_filing_value(value, opts)),
        Kind::Inspection => text(e.score_inspection_value(value, opts)),
        Kind::Indicators => text(e.evaluate_indicators_value(value, opts)),
        Kind::Screening => text(e.screen_person_value(value, opts)),
    }
}

fuzz_target!(|input: Input| {
    let docs = golden(input.kind);
    let Some(start) = docs.get(usize::from(input.which) % docs.len()) else { return };
    let mut opts = options().clone();
    match input.variant % 3 {
        1 => opts = opts.locale(Locale::En).scope(["/enterprise", "/filedOn", "/roster/1", "/answers", "/units/0"]),
        2 => opts = opts.locale(Locale::ZhTw).personal(true),
        _ => {}
    }
    let mut draft = engine().draft_of(subject(input.kind), &opts).expect("every kind has a draft");
    let parse = |text: &str| -> Value { serde_json::from_str(text).expect("an answer is JSON") };
    let mut before = parse(&draft.answer_json());
    assert_eq!(draft.answer_json(), whole(input.kind, &Value::Object(Default::default()), &opts), "an empty draft");
    let first = draft.set("", start.clone()).expect("a draft takes a whole submission");
    let mut after = parse(&draft.answer_json());
    changes_add_up(&before, &after, &first).unwrap_or_else(|e| panic!("the first set: {e}"));
    before = after;
    for (n, e) in input.edits.iter().take(24).enumerate() {
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
        let want = whole(input.kind, draft.value(), &opts);
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
});
