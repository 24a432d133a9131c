//! Input shapes as data: which fields a submission may have and of which type.
//!
//! One table per kind of submission drives three things, so they cannot drift apart:
//! the input walker (unknown fields, wrong types, over-long strings, full-width
//! normalisation — all reported at once, each at its JSON Pointer), the type checker
//! of pack expressions (a misspelt field is a load error), and the field lists of
//! `field` rules.

mod clean;
mod shapes;
mod tree;
mod walk;

pub use clean::{read_clean, read_slots};
pub use shapes::{
    EVIDENCE, FILING, INDICATOR_COUNTS, INDICATORS, INSPECTION, LEVELS, PERSONAL_FIELDS, PREVIOUS_RECTIFICATION,
    RECTIFICATION, ROSTER_ENTRY, SCREENING, UNIT,
};
pub use tree::{Doc, Items, Slot, SlotDoc, SlotPath, SlotPaths, items_at, keys_at, missing};
pub use walk::{
    MAX_UNKNOWN_KEYS_SHOWN, Walked, array_at, check_strict, field_id, get_member, is_blank, is_missing, lookalike,
    lookalike_params, walk, walk_input,
};

/// The type of a leaf value, as seen by pack expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Text (names, phones, codes).
    Str,
    /// A number (counts, litres, square metres).
    Num,
    /// `true` / `false`.
    Bool,
    /// A calendar date, `YYYY-MM-DD` once normalised.
    Date,
}

impl Ty {
    /// The name used in pack error messages.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Str => "text",
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Date => "date",
        }
    }
}

/// The shape of a value in a submission.
#[derive(Debug)]
pub enum Shape {
    /// A leaf of the given type.
    Leaf(Ty),
    /// An object with these fields (any other field is rejected).
    Object(&'static [Field]),
    /// An array of elements of one shape.
    Array(&'static Shape),
    /// A list of strings (e.g. an inspection's `needs`).
    StrList,
    /// An object with free keys (item ids, count names), every value of one shape.
    Map(&'static Shape),
    /// A text that must be one of these words (packs only).
    Enum(&'static [&'static str]),
    /// Any JSON value (packs only: a parameter's value is checked by its declared type).
    Any,
}

/// One named field of an object shape.
#[derive(Debug)]
pub struct Field {
    /// The field name in JSON (camelCase).
    pub name: &'static str,
    /// Its shape.
    pub shape: Shape,
    /// Must be present (packs only; in submissions the rules say what is required).
    pub required: bool,
}

/// Longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;
/// Most elements accepted in any array (a roster of 100,000 is a very large firm).
pub const MAX_ARRAY_LEN: usize = 100_000;

/// What a reference to a field resolves to.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'s> {
    /// A leaf of this type.
    Leaf(Ty),
    /// An object (usable only with `present`).
    Object,
    /// An array whose elements have this shape (usable with `count`, `any`, `size`, `present`).
    Array(&'s Shape),
    /// A list of strings.
    StrList,
}

/// Resolve a dotted field path (`staff.keyArea.returned`) inside a shape.
pub fn resolve(shape: &'static Shape, path: &[&str]) -> Option<Resolved<'static>> {
    let mut here = shape;
    for seg in path {
        match here {
            Shape::Object(fields) => {
                here = &fields.iter().find(|fl| fl.name == *seg)?.shape;
            }
            _ => return None,
        }
    }
    Some(match here {
        Shape::Leaf(t) => Resolved::Leaf(*t),
        Shape::Object(_) => Resolved::Object,
        Shape::Array(el) => Resolved::Array(el),
        Shape::StrList => Resolved::StrList,
        Shape::Map(_) | Shape::Any => Resolved::Object,
        Shape::Enum(_) => Resolved::Leaf(Ty::Str),
    })
}

words! {
    /// What a rule judges: a kind of submission.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Subject {
        /// Return-to-work filings (RTW-*).
        Filing = "filing",
        /// Inspections (INS-*).
        Inspection = "inspection",
        /// Community indicators (IND-*).
        Indicators = "indicators",
        /// Personal screening (SCR-*).
        Screening = "screening",
    }
}

/// The shape of what a subject judges.
pub fn shape_for(subject: Subject) -> &'static Shape {
    match subject {
        Subject::Filing => &FILING,
        Subject::Inspection => &INSPECTION,
        Subject::Indicators => &INDICATORS,
        Subject::Screening => &SCREENING,
    }
}

/// Most digits before the decimal point of a number given as text: 16, so that every whole
/// number up to 2^53 − 1 (the most a count or amount may be) is read as text as it is as a
/// number, and one past it is refused as too large, not as text that is no number (indicators
/// audit, thirty-third session: `"1000000000000000"` was "wrong type, expected number").
pub const MAX_NUMBER_DIGITS: usize = 16;

/// The field id (`roster[].phone`, `answers.*.result`) of a JSON Pointer into a submission of
/// `shape`, or `None` when the pointer leaves the shape.
pub fn field_id_at(shape: &'static Shape, pointer: &str) -> Option<String> {
    let mut id = String::new();
    let mut here = shape;
    for raw in pointer.split('/').skip(1) {
        let seg = crate::pointer::unescape(raw);
        match here {
            Shape::Object(fields) => {
                let fl = fields.iter().find(|fl| fl.name == seg)?;
                if !id.is_empty() {
                    id.push('.');
                }
                id.push_str(fl.name);
                here = &fl.shape;
            }
            Shape::Array(el) => {
                id.push_str("[]");
                here = el;
            }
            Shape::Map(el) => {
                id.push_str(".*");
                here = el;
            }
            Shape::StrList => return Some(id),
            _ => return None,
        }
    }
    Some(id)
}

/// Whether the value at `pointer` in a submission of `shape` is a person's data
/// ([`PERSONAL_FIELDS`]).
pub fn is_personal(shape: &'static Shape, pointer: &str) -> bool {
    field_id_at(shape, pointer).is_some_and(|id| PERSONAL_FIELDS.contains(&id.as_str()))
}
