//! What every fuzz target checks on an answer, and the golden inputs the structure-aware
//! targets mutate. A failed check panics: libFuzzer records the input as a crash.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use arbitrary::{Arbitrary, Unstructured};
use fangkong::answer::Answer;
use fangkong::{Decision, Engine, Options};
use serde_json::{Map, Value};
use std::sync::OnceLock;

pub mod drafting;

#[path = "../../tests/common/changes.rs"]
mod changes;
#[path = "../../tests/common/json_readers.rs"]
mod json_readers;
pub use {changes::changes_add_up, json_readers::both_readers};

/// The moment every target checks at (a fixed `now`, so a crash reproduces).
pub fn options() -> &'static Options {
    static OPTS: OnceLock<Options> = OnceLock::new();
    OPTS.get_or_init(|| Options::at(fangkong::time::parse_now("2020-02-04T10:00:00+08:00").unwrap()))
}

/// The engine with the embedded default pack family, built once.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_default_pack().unwrap())
}

/// The engine's cheap invariants on any answer: it serialises to JSON that parses back; the
/// decision is one of the words; every diagnostic has a code, a message, a pointer that is
/// empty or starts with `/`, and a severity; `pending` is a count.
pub fn check_answer<A: Answer>(a: &A) {
    let text = serde_json::to_string(a).expect("the answer serialises");
    let v: Value = serde_json::from_str(&text).expect("the answer is valid JSON");
    let decision = v.get("decision").cloned().expect("an answer has a decision");
    serde_json::from_value::<Decision>(decision.clone())
        .unwrap_or_else(|_| panic!("decision {decision} is not one of the words"));
    assert!(v.get("pending").and_then(Value::as_u64).is_some(), "pending is a count");
    for d in a.diagnostics() {
        assert!(!d.code.is_empty(), "a diagnostic without a code: {d:?}");
        assert!(!d.message.is_empty(), "a diagnostic without a message: {d:?}");
        assert!(d.path.is_empty() || d.path.starts_with('/'), "not a JSON Pointer: {:?}", d.path);
        assert!(!d.rule_id.is_empty(), "a diagnostic without a rule id: {d:?}");
    }
    let diagnostics = v.get("diagnostics").and_then(Value::as_array).expect("diagnostics is an array");
    assert_eq!(diagnostics.len(), a.diagnostics().len());
}

/// The four kinds of submission and their entry points.
#[derive(Clone, Copy, Debug, Arbitrary)]
pub enum Kind {
    Filing,
    Inspection,
    Indicators,
    Screening,
}

impl Kind {
    /// The engine's name for the kind.
    pub fn subject(self) -> fangkong::schema::Subject {
        use fangkong::schema::Subject;
        match self {
            Kind::Filing => Subject::Filing,
            Kind::Inspection => Subject::Inspection,
            Kind::Indicators => Subject::Indicators,
            Kind::Screening => Subject::Screening,
        }
    }
}

/// Judge JSON text and a JSON value of one submission with `engine`, check both answers, and
/// check that the text and the value get the same answer.
///
/// The size limit is on JSON text (`MAX_INPUT_BYTES`, what the CLI and the npm package are
/// given): text over it answers `input.too_large`, while a Rust caller's value is judged. So
/// past the limit the text's answer must be that one, and the two are not compared (the
/// first finding of `mutate_submission`, RELIABILITY.md).
pub fn judge(engine: &Engine, kind: Kind, value: &Value, opts: &Options) {
    let text = value.to_string();
    let over = text.len() > fangkong::engine::MAX_INPUT_BYTES;
    let both = |(by_text, codes): (String, Vec<String>), by_value: &dyn Fn() -> String| {
        if over {
            assert_eq!(codes, ["input.too_large"], "JSON text over the limit");
            by_value();
        } else {
            assert_eq!(by_text, by_value(), "JSON text and the same JSON value answer differently");
        }
    };
    fn text_of<A: Answer>(a: A) -> (String, Vec<String>) {
        check_answer(&a);
        let codes = a.diagnostics().iter().map(|d| d.code.clone()).collect();
        (serde_json::to_string(&a).unwrap(), codes)
    }
    fn value_of<A: Answer>(a: A) -> String {
        check_answer(&a);
        serde_json::to_string(&a).unwrap()
    }
    match kind {
        Kind::Filing => {
            both(text_of(engine.check_filing_json(&text, opts)), &|| value_of(engine.check_filing_value(value, opts)))
        }
        Kind::Inspection => both(text_of(engine.score_inspection_json(&text, opts)), &|| {
            value_of(engine.score_inspection_value(value, opts))
        }),
        Kind::Indicators => both(text_of(engine.evaluate_indicators_json(&text, opts)), &|| {
            value_of(engine.evaluate_indicators_value(value, opts))
        }),
        Kind::Screening => {
            both(text_of(engine.screen_person_json(&text, opts)), &|| value_of(engine.screen_person_value(value, opts)))
        }
    }
}

/// Valid submissions of each kind (the examples), parsed once.
pub fn golden(kind: Kind) -> &'static [Value] {
    static ALL: OnceLock<[Vec<Value>; 4]> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let parse = |texts: &[&str]| texts.iter().map(|t| serde_json::from_str(t).unwrap()).collect::<Vec<Value>>();
        [
            parse(&[
                include_str!("../../examples/filings/workshop.json"),
                include_str!("../../examples/filings/supermarket.json"),
                include_str!("../../examples/filings/factory-1000.json"),
            ]),
            parse(&[
                include_str!("../../examples/inspections/factory-all-pass.json"),
                include_str!("../../examples/inspections/factory-worked.json"),
            ]),
            parse(&[
                include_str!("../../examples/indicators/guangming-district.json"),
                include_str!("../../examples/indicators/fenghuang-street-uneven-grids.json"),
                include_str!("../../examples/indicators/tangjia-community-checklist.json"),
            ]),
            parse(&[
                include_str!("../../examples/screening/close-contact.json"),
                include_str!("../../examples/screening/fever-37-3.json"),
                include_str!("../../examples/screening/gatherings-only.json"),
                include_str!("../../examples/screening/normal.json"),
                include_str!("../../examples/screening/returned-from-area.json"),
            ]),
        ]
    });
    match kind {
        Kind::Filing => &all[0],
        Kind::Inspection => &all[1],
        Kind::Indicators => &all[2],
        Kind::Screening => &all[3],
    }
}

/// The embedded packs, parsed once.
pub fn golden_packs() -> &'static [Value] {
    static ALL: OnceLock<Vec<Value>> = OnceLock::new();
    ALL.get_or_init(|| fangkong::engine::EMBEDDED_PACKS.iter().map(|t| serde_json::from_str(t).unwrap()).collect())
}

/// A small JSON value, made up by the fuzzer (strings from a few interesting ones or any).
#[derive(Debug)]
pub struct Json(pub Value);

const STRINGS: &[&str] = &[
    "",
    " ",
    "2020-02-04",
    "2020-02-30",
    "2020/2/4",
    "２０２０-０２-０４",
    "13800138000",
    "+86 138 0013 8000",
    "110105194912310021",
    "11010519491231002X",
    "91440300MA5FXXXX0X",
    "440306",
    "pass",
    "fail",
    "partial",
    "na",
    "yes",
    "no",
    "unknown",
    "\u{FFFD}",
    "\u{200B}",
    "ＩＮＳ-S4-1",
    "a/b~c",
    "深圳市光明某某电子有限公司",
    "NaN",
];

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Json(value(u, 0)?))
    }
}

fn value(u: &mut Unstructured<'_>, depth: u32) -> arbitrary::Result<Value> {
    let pick = if depth > 3 { u.int_in_range(0..=6)? } else { u.int_in_range(0..=8)? };
    Ok(match pick {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.int_in_range(-3i64..=1_000)?),
        3 => serde_json::Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::from(u.arbitrary::<i64>()?),
        5 => Value::String((*u.choose(STRINGS)?).to_owned()),
        6 => Value::String(u.arbitrary::<String>()?),
        7 => {
            let n = u.int_in_range(0..=4)?;
            Value::Array((0..n).map(|_| value(u, depth + 1)).collect::<arbitrary::Result<_>>()?)
        }
        _ => {
            let n = u.int_in_range(0..=4)?;
            let mut m = Map::new();
            for _ in 0..n {
                let k = if u.arbitrary()? { (*u.choose(STRINGS)?).to_owned() } else { u.arbitrary::<String>()? };
                m.insert(k, value(u, depth + 1)?);
            }
            Value::Object(m)
        }
    })
}

/// One edit of a JSON document: where (a walk of choices from the root) and what.
#[derive(Debug, Arbitrary)]
pub struct Edit {
    /// At each level, which member or element to go into (modulo their number).
    pub walk: Vec<u8>,
    pub op: Op,
}

#[derive(Debug, Arbitrary)]
pub enum Op {
    /// Replace the value there.
    Set(Json),
    /// Remove it from its object or array.
    Remove,
    /// Copy it to a sibling key (in an object) or append a copy (in an array), `times` times.
    Duplicate { key: String, times: u8 },
    /// Give its key a full-width or upper-case look-alike spelling.
    Lookalike,
    /// Replace a string by a number of the same digits, or a number by its text.
    Retype,
    /// An array there grows by copies of its first element (up to 2,000).
    Grow(u16),
}

/// Apply `edits` to `doc`.
pub fn apply(doc: &mut Value, edits: &[Edit]) {
    for e in edits {
        edit(doc, &e.walk, &e.op);
    }
}

fn edit(doc: &mut Value, walk: &[u8], op: &Op) {
    // Walk down as far as the choices go, keeping the parent of the target.
    match (walk.split_first(), doc) {
        (Some((&c, rest)), Value::Object(m)) if !m.is_empty() => {
            let key = m.keys().nth(usize::from(c) % m.len()).cloned().unwrap();
            if rest.is_empty() {
                match op {
                    Op::Remove => {
                        m.remove(&key);
                    }
                    Op::Duplicate { key: k, times } => {
                        let v = m[&key].clone();
                        for i in 0..*times % 8 {
                            m.insert(format!("{k}{i}"), v.clone());
                        }
                    }
                    Op::Lookalike => {
                        let v = m.remove(&key).unwrap();
                        let look: String = key
                            .chars()
                            .map(|ch| match ch {
                                '!'..='~' => char::from_u32(ch as u32 + 0xFEE0).unwrap_or(ch),
                                _ => ch,
                            })
                            .collect();
                        m.insert(look, v);
                    }
                    _ => edit_here(m.get_mut(&key).unwrap(), op),
                }
            } else {
                edit(m.get_mut(&key).unwrap(), rest, op);
            }
        }
        (Some((&c, rest)), Value::Array(a)) if !a.is_empty() => {
            let i = usize::from(c) % a.len();
            if rest.is_empty() {
                match op {
                    Op::Remove => {
                        a.remove(i);
                    }
                    Op::Duplicate { times, .. } => {
                        let v = a[i].clone();
                        for _ in 0..*times % 8 {
                            a.push(v.clone());
                        }
                    }
                    _ => edit_here(&mut a[i], op),
                }
            } else {
                edit(&mut a[i], rest, op);
            }
        }
        (_, here) => edit_here(here, op),
    }
}

fn edit_here(v: &mut Value, op: &Op) {
    match op {
        Op::Set(j) => *v = j.0.clone(),
        Op::Retype => {
            *v = match &*v {
                Value::String(s) => s
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Value::String(format!("{s}0")), Value::Number),
                Value::Number(n) => Value::String(n.to_string()),
                Value::Bool(b) => Value::String(b.to_string()),
                other => other.clone(),
            }
        }
        Op::Grow(n) => {
            if let Value::Array(a) = v
                && let Some(first) = a.first().cloned()
            {
                for _ in 0..(*n % 2_000) {
                    a.push(first.clone());
                }
            }
        }
        Op::Remove | Op::Duplicate { .. } | Op::Lookalike => {}
    }
}
