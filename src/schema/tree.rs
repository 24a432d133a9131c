//! What the rules read a canonical submission through ([`Tree`]), and the slot document
//! ([`Slot`]) the one-pass reader fills for a clean filing (issue 9, point 1): every object's
//! values in the order of its shape's fields, text borrowed from the input, no key strings,
//! no B-trees, nothing to normalise. The rules and expressions read either the walker's
//! `serde_json::Value` or a slot document, with the same answers (`tests/clean_reader.rs`
//! compares the two).

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use super::Field;
use super::walk::{get_member, is_blank};

/// A canonical submission as the rules read it: members of objects by key, elements of
/// arrays, and leaves.
pub trait Tree: Sized {
    /// The member `key` of an object (`None` when absent or not an object).
    fn member(&self, key: &str) -> Option<&Self>;
    /// The elements of an array.
    fn items(&self) -> Option<&[Self]>;
    /// Text.
    fn text(&self) -> Option<&str>;
    /// A number.
    fn number(&self) -> Option<f64>;
    /// A boolean.
    fn boolean(&self) -> Option<bool>;
    /// Whether it is an object.
    fn is_object(&self) -> bool;
    /// Whether it is `null` (an array element the walker dropped).
    fn is_null(&self) -> bool;
    /// Whether it is an object holding at least one value.
    fn has_members(&self) -> bool;
}

impl Tree for Value {
    fn member(&self, key: &str) -> Option<&Self> {
        get_member(self, key)
    }
    fn items(&self) -> Option<&[Self]> {
        self.as_array().map(Vec::as_slice)
    }
    fn text(&self) -> Option<&str> {
        self.as_str()
    }
    fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }
    fn is_null(&self) -> bool {
        Value::is_null(self)
    }
    fn has_members(&self) -> bool {
        self.as_object().is_some_and(|o| !o.is_empty())
    }
}

/// Whether a value is missing — absent, `null`, or blank text ([`super::is_missing`], for
/// any [`Tree`]).
pub fn missing<T: Tree>(v: Option<&T>) -> bool {
    match v {
        None => true,
        Some(v) => v.is_null() || v.text().is_some_and(is_blank),
    }
}

/// The elements of the array at `path` below `root` ([`super::array_at`], for any [`Tree`]).
pub fn items_at<'v, T: Tree>(root: &'v T, path: &[String]) -> &'v [T] {
    let mut v = Some(root);
    for s in path {
        v = v.and_then(|x| x.member(s));
    }
    v.and_then(Tree::items).unwrap_or_default()
}

/// A value of a slot document: what the walker's canonical `Value` holds, with each object's
/// values at the positions of its shape's fields.
#[derive(Debug, Clone)]
pub enum Slot<'t> {
    /// A field the submission does not give (or gives as `null` or blank: dropped).
    Absent,
    /// An array element the walker drops (`null`, blank).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, as the walker keeps it (`1.0` is `1`).
    Num(Number),
    /// Text, borrowed from the input unless it had escapes.
    Str(Cow<'t, str>),
    /// An object: its shape's fields and their values, one per field.
    Obj(&'static [Field], Vec<Slot<'t>>),
    /// An array.
    Arr(Vec<Slot<'t>>),
}

impl Tree for Slot<'_> {
    fn member(&self, key: &str) -> Option<&Self> {
        let Slot::Obj(fields, values) = self else { return None };
        let i = fields.iter().position(|f| super::clean::same(f.name, key))?;
        values.get(i).filter(|v| !matches!(v, Slot::Absent))
    }
    fn items(&self) -> Option<&[Self]> {
        match self {
            Slot::Arr(items) => Some(items),
            _ => None,
        }
    }
    fn text(&self) -> Option<&str> {
        match self {
            Slot::Str(s) => Some(s),
            _ => None,
        }
    }
    fn number(&self) -> Option<f64> {
        match self {
            Slot::Num(n) => n.as_f64(),
            _ => None,
        }
    }
    fn boolean(&self) -> Option<bool> {
        match self {
            Slot::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn is_object(&self) -> bool {
        matches!(self, Slot::Obj(..))
    }
    fn is_null(&self) -> bool {
        matches!(self, Slot::Null)
    }
    fn has_members(&self) -> bool {
        matches!(self, Slot::Obj(_, values) if values.iter().any(|v| !matches!(v, Slot::Absent)))
    }
}

impl Slot<'_> {
    /// The walker's canonical `Value` of the same document.
    pub fn to_value(&self) -> Value {
        match self {
            Slot::Absent | Slot::Null => Value::Null,
            Slot::Bool(b) => Value::Bool(*b),
            Slot::Num(n) => Value::Number(n.clone()),
            Slot::Str(s) => Value::String(s.as_ref().to_owned()),
            Slot::Obj(fields, values) => {
                let mut m = Map::new();
                for (f, v) in fields.iter().zip(values) {
                    if !matches!(v, Slot::Absent) {
                        m.insert(f.name.to_owned(), v.to_value());
                    }
                }
                Value::Object(m)
            }
            Slot::Arr(items) => Value::Array(items.iter().map(Slot::to_value).collect()),
        }
    }
}
