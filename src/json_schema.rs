//! JSON Schema (draft 2020-12) of a submission, generated from the input shapes of
//! [`crate::schema`], never written by hand.
//!
//! The schema accepts exactly the inputs whose shape the engine accepts: those it answers
//! without a shape diagnostic (`input.invalid_type`, `input.unknown_field`, `input.too_long`,
//! `input.too_many`), given as JSON of at most [`crate::engine::MAX_INPUT_BYTES`] bytes. It
//! follows the walker rule by rule:
//!
//! - objects have only the fields of their shape (`additionalProperties: false`);
//! - `null` is accepted anywhere and means absent, and so is a blank string (nothing but
//!   whitespace, ideographic spaces U+3000 and invisible characters), in a leaf and in place of
//!   an object or a list;
//! - a string has at most [`MAX_TEXT_CHARS`] characters (code points), blank or not;
//! - text accepts strings and numbers; a number accepts numbers and a plain decimal written as
//!   text ([`NUMBER_PATTERN`]: full-width digits, spaces around it); a date is a string (whether
//!   it is a valid date is a rule's diagnostic, not the shape's); a boolean is `true`/`false`;
//! - arrays, string lists and maps with free keys hold at most [`MAX_ARRAY_LEN`] entries;
//! - under a unit's `counts` and `checklist` and an inspection's `answers`, a key that is not the
//!   pack's may hold anything (the engine tells it as unknown and it decides nothing), and so
//!   may a checklist under a pack without one ([`input_schema_of`]).
//!
//! Titles and descriptions come from a label catalogue (the pack's `labels`): the key of a
//! field is `<kind>:<field id>` (`filing:roster[].arrivedOn`, `inspection:answers.*.result`),
//! the document's is `kind:<kind>`. Each node also carries its field id as `x-fangkong-field`,
//! and dates `x-fangkong-format: "date"`; both are annotations only (with ajv in strict mode,
//! declare them with `ajv.addVocabulary(["x-fangkong-field", "x-fangkong-format"])`, and pass
//! `allowUnionTypes: true` for the `type` lists).

use serde_json::{Map, Value};

use crate::schema::{INDICATOR_COUNTS, MAX_ARRAY_LEN, MAX_TEXT_CHARS, Shape, Subject, Ty, shape_for};

/// The JSON Schema dialect of [`input_schema`].
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// What makes a string blank (an ECMAScript character class body): the whitespace that the
/// engine trims (Unicode `White_Space`, as Rust's `char::is_whitespace`) and the invisible
/// characters that it removes ([`crate::ids::is_invisible`]).
macro_rules! blank_chars {
    () => {
        r"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF"
    };
}
/// Invisible characters, removed wherever they are: any number of them after a character.
macro_rules! invisible {
    () => {
        r"[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*"
    };
}
/// A digit, ASCII or full-width, and the invisible characters after it.
macro_rules! digit {
    () => {
        concat!(r"[0-9\uFF10-\uFF19]", invisible!())
    };
}

/// A string of nothing but blank characters: what a boolean accepts as absent.
pub const BLANK_PATTERN: &str = concat!("^[", blank_chars!(), "]*$");

/// A number written as text, as the walker accepts it: blank (absent), or, once full-width
/// forms become ASCII, invisible characters are removed and the ends trimmed,
/// `^[+-]?[0-9]{1,16}(\.[0-9]+)?$` ([`crate::schema::MAX_NUMBER_DIGITS`] digits at most before the point).
pub const NUMBER_PATTERN: &str = concat!(
    "^[",
    blank_chars!(),
    "]*(?:(?:[+\\-\\uFF0B\\uFF0D]",
    invisible!(),
    ")?(?:",
    digit!(),
    "){1,16}(?:[.\\uFF0E]",
    invisible!(),
    "(?:",
    digit!(),
    ")+)?[",
    blank_chars!(),
    "]*)?$"
);

/// A label catalogue: the label and optional hint of a key (`filing:enterprise.name`,
/// `kind:filing`), or `None`.
pub type Labels<'a> = dyn Fn(&str) -> Option<(String, Option<String>)> + 'a;

/// The JSON Schema of a submission of `subject`, titled from `label` (which returns the label
/// and optional hint of a catalogue key, or `None`).
pub fn input_schema(subject: Subject, label: &Labels<'_>) -> Value {
    input_schema_of(subject, label, None)
}

/// The keys a pack gives maps of a submission: its indicators' counts, its 十个一律 items (none:
/// a pack without the checklist) and its inspection items.
#[derive(Clone, Copy)]
pub struct PackKeys<'a> {
    pub counts: &'a [&'a str],
    pub checklist: &'a [&'a str],
    pub items: &'a [&'a str],
}

/// [`input_schema`] for a pack with these keys. Under a unit's `counts` and `checklist` and an
/// inspection's `answers`, a key that is not the pack's is accepted whatever it holds, as the
/// engine takes it (told as unknown, deciding nothing); without a pack, the ten counts of
/// domain.md §4, and any checklist key or item alike.
pub fn input_schema_of(subject: Subject, label: &Labels<'_>, keys: Option<PackKeys<'_>>) -> Value {
    let kind = subject.name();
    let g = Gen { kind, label, keys };
    let mut root = Map::new();
    crate::answer::put(&mut root, "$schema", Value::from(DIALECT));
    crate::answer::put(&mut root, "$id", Value::from(format!("urn:fangkong:input:{kind}")));
    if let Some((title, hint)) = label(&format!("kind:{kind}")) {
        crate::answer::put(&mut root, "title", Value::from(title));
        if let Some(h) = hint {
            crate::answer::put(&mut root, "description", Value::from(h));
        }
    }
    if let Value::Object(body) = g.node(shape_for(subject), "") {
        for (k, v) in body {
            if k != "x-fangkong-field" {
                root.insert(k, v);
            }
        }
    }
    Value::Object(root)
}

struct Gen<'a> {
    kind: &'static str,
    label: &'a Labels<'a>,
    /// The pack's keys, when known.
    keys: Option<PackKeys<'a>>,
}

fn child(id: &str, name: &str) -> String {
    if id.is_empty() { name.to_owned() } else { format!("{id}.{name}") }
}

impl Gen<'_> {
    /// The schema of a value of `shape` whose field id is `id` (`""` for the document).
    fn node(&self, shape: &Shape, id: &str) -> Value {
        let mut m = self.annotations(id);
        match shape {
            Shape::Leaf(ty) => self.leaf(&mut m, *ty),
            Shape::Object(fields) => {
                self.blank_or(&mut m, "object");
                // Inserted one by one, not collected: a collected map sorts its pairs first, one
                // more sort compiled into the runtime (BENCHMARKS.md, "The runtime, smaller").
                let mut props = Map::new();
                for fl in fields.iter() {
                    props.insert(fl.name.to_owned(), self.node(&fl.shape, &child(id, fl.name)));
                }
                crate::answer::put(&mut m, "properties", Value::Object(props));
                crate::answer::put(&mut m, "additionalProperties", Value::from(false));
            }
            Shape::Array(el) => {
                self.blank_or(&mut m, "array");
                crate::answer::put(&mut m, "maxItems", Value::from(MAX_ARRAY_LEN));
                crate::answer::put(&mut m, "items", self.node(el, &format!("{id}[]")));
            }
            Shape::StrList => {
                self.blank_or(&mut m, "array");
                crate::answer::put(&mut m, "maxItems", Value::from(MAX_ARRAY_LEN));
                crate::answer::put(&mut m, "items", self.node(&Shape::Leaf(Ty::Str), &format!("{id}[]")));
            }
            Shape::Map(el) => {
                // Known keys are listed for their titles; any other key is accepted alike, or,
                // where keys are the pack's (a unit's counts and checklist), whatever it holds.
                let (known, free): (&[&str], bool) = match (self.kind, id, self.keys) {
                    ("indicators", "units[].counts", Some(k)) => (k.counts, true),
                    ("indicators", "units[].counts", None) => (&INDICATOR_COUNTS, true),
                    ("indicators", "units[].checklist", Some(k)) => (k.checklist, true),
                    ("inspection", "answers", Some(k)) => (k.items, true),
                    _ => (&[], false),
                };
                // A pack without these keys (hangzhou-2020's checklist): anything given is told
                // as not scored, whatever its shape; no title, as `describe` has no such field
                // (versions audit, thirty-sixth session: Hangzhou's schema offered 十个一律).
                if free && known.is_empty() {
                    return Value::Object(Map::new());
                }
                self.blank_or(&mut m, "object");
                crate::answer::put(&mut m, "maxProperties", Value::from(MAX_ARRAY_LEN));
                if !known.is_empty() {
                    let mut props = Map::new();
                    for k in known {
                        props.insert((*k).to_owned(), self.node(el, &child(id, k)));
                    }
                    crate::answer::put(&mut m, "properties", Value::Object(props));
                }
                let other = if free {
                    Value::Object(self.annotations(&child(id, "*")))
                } else {
                    self.node(el, &child(id, "*"))
                };
                crate::answer::put(&mut m, "additionalProperties", other);
            }
            // Pack documents only; not in the shape of a submission.
            Shape::Enum(words) => {
                crate::answer::put(&mut m, "enum", Value::from(*words));
            }
            Shape::Any => {}
        }
        Value::Object(m)
    }

    /// The title, description and field id of the value whose field id is `id`: a schema that
    /// accepts anything until its shape's keywords are added.
    fn annotations(&self, id: &str) -> Map<String, Value> {
        let mut m = Map::new();
        if !id.is_empty() {
            if let Some((title, hint)) = (self.label)(&format!("{}:{id}", self.kind)) {
                crate::answer::put(&mut m, "title", Value::from(title));
                if let Some(h) = hint {
                    crate::answer::put(&mut m, "description", Value::from(h));
                }
            }
            crate::answer::put(&mut m, "x-fangkong-field", Value::from(id));
        }
        m
    }

    /// An object or a list, or `null` or a blank string for it (a form's empty input: absent).
    fn blank_or(&self, m: &mut Map<String, Value>, ty: &str) {
        crate::answer::put(m, "type", Value::from(&[ty, "null", "string"][..]));
        crate::answer::put(m, "maxLength", Value::from(MAX_TEXT_CHARS));
        crate::answer::put(m, "pattern", Value::from(BLANK_PATTERN));
    }

    fn leaf(&self, m: &mut Map<String, Value>, ty: Ty) {
        let max = Value::from(MAX_TEXT_CHARS);
        match ty {
            Ty::Str => {
                crate::answer::put(m, "type", Value::from(&["string", "number", "null"][..]));
                crate::answer::put(m, "maxLength", max);
                // A number here is read by its digits only while JavaScript holds it exactly.
                crate::answer::put(m, "minimum", crate::num::json(-crate::num::MAX_EXACT));
                crate::answer::put(m, "maximum", crate::num::json(crate::num::MAX_EXACT));
            }
            Ty::Num => {
                crate::answer::put(m, "type", Value::from(&["number", "string", "null"][..]));
                crate::answer::put(m, "maxLength", max);
                crate::answer::put(m, "pattern", Value::from(NUMBER_PATTERN));
                crate::answer::put(m, "examples", Value::Array(vec![Value::from(12), Value::from("１２")]));
            }
            Ty::Bool => {
                crate::answer::put(m, "type", Value::from(&["boolean", "null", "string"][..]));
                crate::answer::put(m, "maxLength", max);
                crate::answer::put(m, "pattern", Value::from(BLANK_PATTERN));
            }
            Ty::Date => {
                crate::answer::put(m, "type", Value::from(&["string", "null"][..]));
                crate::answer::put(m, "maxLength", max);
                crate::answer::put(m, "x-fangkong-format", Value::from("date"));
                crate::answer::put(m, "examples", Value::from(&["2020-02-04"][..]));
            }
        }
    }
}
