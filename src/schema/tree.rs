//! What the rules read a canonical submission through ([`Doc`]), and the slot document
//! ([`Slot`]) the one-pass reader fills for a clean filing (issue 9, point 1): every object's
//! values in the order of its shape's fields, text borrowed from the input, no key strings,
//! no B-trees, nothing to normalise. The rules and expressions read either the walker's
//! `serde_json::Value` or a slot document, with the same answers (`tests/clean_reader.rs`
//! compares the two).

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::{Map, Number, Value};

use super::walk::{get_member, is_blank};
use super::{Field, Shape};

/// A place in a canonical submission as the rules read it: in the walker's `serde_json::Value`
/// or in a slot document. One type, not a generic parameter, so the rules and expressions are
/// compiled once (the `.wasm` holds one evaluator).
#[derive(Debug, Clone, Copy)]
pub enum Doc<'v> {
    /// In the walker's canonical document.
    Value(&'v Value),
    /// In a slot document.
    Slot(&'v Slot<'v>),
}

impl<'v> From<&'v Value> for Doc<'v> {
    fn from(v: &'v Value) -> Self {
        Doc::Value(v)
    }
}

impl<'v> From<&'v Slot<'v>> for Doc<'v> {
    fn from(v: &'v Slot<'v>) -> Self {
        Doc::Slot(v)
    }
}

/// The elements of an array of a [`Doc`].
#[derive(Debug, Clone, Copy)]
pub enum Items<'v> {
    /// Of a `Value`.
    Values(&'v [Value]),
    /// Of a slot document.
    Slots(&'v [Slot<'v>]),
}

impl<'v> Items<'v> {
    /// No elements.
    pub const EMPTY: Items<'static> = Items::Values(&[]);

    /// How many.
    pub fn len(self) -> usize {
        match self {
            Items::Values(a) => a.len(),
            Items::Slots(a) => a.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Element `i`.
    pub fn get(self, i: usize) -> Option<Doc<'v>> {
        match self {
            Items::Values(a) => a.get(i).map(Doc::Value),
            Items::Slots(a) => a.get(i).map(Doc::Slot),
        }
    }

    /// Every element, in order.
    pub fn iter(self) -> impl Iterator<Item = Doc<'v>> {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

impl<'v> Doc<'v> {
    /// The member `key` of an object (`None` when absent or not an object).
    pub fn member(self, key: &str) -> Option<Doc<'v>> {
        match self {
            Doc::Value(v) => get_member(v, key).map(Doc::Value),
            Doc::Slot(Slot::Obj(fields, values)) => {
                let i = fields.iter().position(|f| f.name.len() == key.len() && f.name == key)?;
                values.get(i).filter(|v| !matches!(v, Slot::Absent)).map(Doc::Slot)
            }
            Doc::Slot(_) => None,
        }
    }

    /// The value at position `i` of an object of a slot document (`None` when absent, out of
    /// range, or not a slot object): a key's position found by [`SlotPath::plan`].
    pub fn member_at(self, i: u32) -> Option<Doc<'v>> {
        match self {
            Doc::Slot(Slot::Obj(_, values)) => {
                values.get(i as usize).filter(|v| !matches!(v, Slot::Absent)).map(Doc::Slot)
            }
            _ => None,
        }
    }

    /// The elements of an array.
    pub fn items(self) -> Option<Items<'v>> {
        match self {
            Doc::Value(Value::Array(a)) => Some(Items::Values(a)),
            Doc::Slot(Slot::Arr(a)) => Some(Items::Slots(a)),
            _ => None,
        }
    }

    /// Text.
    pub fn text(self) -> Option<&'v str> {
        match self {
            Doc::Value(Value::String(s)) => Some(s),
            Doc::Slot(Slot::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// A number.
    pub fn number(self) -> Option<f64> {
        match self {
            Doc::Value(Value::Number(n)) | Doc::Slot(Slot::Num(n)) => n.as_f64(),
            _ => None,
        }
    }

    /// A boolean.
    pub fn boolean(self) -> Option<bool> {
        match self {
            Doc::Value(Value::Bool(b)) | Doc::Slot(Slot::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// Whether it is an object.
    pub fn is_object(self) -> bool {
        matches!(self, Doc::Value(Value::Object(_)) | Doc::Slot(Slot::Obj(..)))
    }

    /// Whether it is `null` (an array element the walker dropped).
    pub fn is_null(self) -> bool {
        matches!(self, Doc::Value(Value::Null) | Doc::Slot(Slot::Null))
    }

    /// Whether it is an object holding at least one value.
    pub fn has_members(self) -> bool {
        match self {
            Doc::Value(Value::Object(o)) => !o.is_empty(),
            Doc::Slot(Slot::Obj(_, values)) => values.iter().any(|v| !matches!(v, Slot::Absent)),
            _ => false,
        }
    }
}

/// Whether a value is missing — absent, `null`, or blank text ([`super::is_missing`], for
/// any [`Doc`]).
pub fn missing(v: Option<Doc<'_>>) -> bool {
    v.is_none_or(|v| v.is_null() || v.text().is_some_and(is_blank))
}

/// The elements of the array at `path` below `root` ([`super::array_at`], for any [`Doc`]).
pub fn items_at<'v>(root: Doc<'v>, path: &[String]) -> Items<'v> {
    let mut v = Some(root);
    for s in path {
        v = v.and_then(|x| x.member(s));
    }
    v.and_then(Doc::items).unwrap_or(Items::EMPTY)
}

/// The value at the keys `path` below `root` (`None` when any is absent): by the keys'
/// positions ([`SlotPath`]) in a slot document, by name otherwise.
pub fn keys_at<'v>(root: Doc<'v>, path: &[String], slots: &SlotPath) -> Option<Doc<'v>> {
    match slots.plan(root, || path.iter().map(|k| (k.as_str(), false))) {
        Some(at) => at.iter().try_fold(root, |v, &i| v.member_at(i)),
        None => path.iter().try_fold(root, |v, k| v.member(k)),
    }
}

/// The positions of a path's keys in the shapes of a slot document, found once — when the path
/// is first read in a slot document — and kept with the path (the shapes are static), so reads
/// take each member by its position instead of comparing names. Keyed by the root object's
/// shape: a path read from another shape (or in a `Value`) is read by name. Not serialised.
#[derive(Debug, Clone, Default)]
pub struct SlotPath(OnceLock<(usize, usize, Box<[u32]>)>);

impl SlotPath {
    /// The positions of `keys` (a key and whether it iterates an array: the next key is in
    /// its elements) from `root`, when `root` is an object of a slot document of the shape
    /// they were found for. A key not in its shape has position `u32::MAX` (never present).
    pub fn plan<'k, I>(&self, root: Doc<'_>, keys: impl FnOnce() -> I) -> Option<&[u32]>
    where
        I: Iterator<Item = (&'k str, bool)>,
    {
        let Doc::Slot(Slot::Obj(fields, _)) = root else { return None };
        let (ptr, len, at) = self.0.get_or_init(|| (fields.as_ptr() as usize, fields.len(), positions(fields, keys())));
        (*ptr == fields.as_ptr() as usize && *len == fields.len()).then_some(&**at)
    }
}

/// A [`SlotPath`] for each path of a list, made on first use. Not serialised.
#[derive(Debug, Clone, Default)]
pub struct SlotPaths(OnceLock<Box<[SlotPath]>>);

impl SlotPaths {
    /// One [`SlotPath`] for each of `n` paths (`n` is the list's length, the same every time).
    pub fn get(&self, n: usize) -> &[SlotPath] {
        self.0.get_or_init(|| (0..n).map(|_| SlotPath::default()).collect())
    }
}

fn positions<'k>(mut fields: &'static [Field], keys: impl Iterator<Item = (&'k str, bool)>) -> Box<[u32]> {
    let mut out = Vec::new();
    let mut inside = true;
    for (key, each) in keys {
        let found = if inside { fields.iter().position(|f| f.name == key) } else { None };
        let Some(i) = found else {
            out.push(u32::MAX);
            inside = false;
            continue;
        };
        out.push(u32::try_from(i).unwrap_or(u32::MAX));
        let shape = fields.get(i).map(|f| &f.shape);
        let next = match (shape, each) {
            (Some(Shape::Array(el)), true) => Some(*el),
            (s, false) => s,
            _ => None,
        };
        match next {
            Some(Shape::Object(f)) => fields = f,
            _ => inside = false,
        }
    }
    out.into_boxed_slice()
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
