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
    /// In a slot document: the document (whose slots hold an object's values) and a slot of it.
    Slot(&'v SlotDoc<'v>, &'v Slot<'v>),
}

impl<'v> From<&'v Value> for Doc<'v> {
    fn from(v: &'v Value) -> Self {
        Doc::Value(v)
    }
}

impl<'v> From<&'v SlotDoc<'v>> for Doc<'v> {
    fn from(d: &'v SlotDoc<'v>) -> Self {
        d.root()
    }
}

/// The elements of an array of a [`Doc`].
#[derive(Debug, Clone, Copy)]
pub enum Items<'v> {
    /// Of a `Value`.
    Values(&'v [Value]),
    /// Of a slot document: the document and the elements' slots.
    Slots(&'v SlotDoc<'v>, &'v [Slot<'v>]),
}

impl<'v> Items<'v> {
    /// No elements.
    pub const EMPTY: Items<'static> = Items::Values(&[]);

    /// How many.
    pub fn len(self) -> usize {
        match self {
            Items::Values(a) => a.len(),
            Items::Slots(_, a) => a.len(),
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
            Items::Slots(d, a) => a.get(i).map(|s| Doc::Slot(d, s)),
        }
    }

    /// Every element, in order.
    pub fn iter(self) -> impl Iterator<Item = Doc<'v>> {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

impl<'v> Doc<'v> {
    /// The slot of a place in a slot document (`None` in a `Value`).
    fn slot(self) -> Option<&'v Slot<'v>> {
        match self {
            Doc::Slot(_, s) => Some(s),
            Doc::Value(_) => None,
        }
    }

    /// The member `key` of an object (`None` when absent or not an object).
    pub fn member(self, key: &str) -> Option<Doc<'v>> {
        match self {
            Doc::Value(v) => get_member(v, key).map(Doc::Value),
            Doc::Slot(..) => {
                let Some(Slot::Obj(fields, _)) = self.slot() else { return None };
                let i = fields.iter().position(|f| f.name.len() == key.len() && f.name == key)?;
                self.member_at(u32::try_from(i).ok()?)
            }
        }
    }

    /// The value at position `i` of an object of a slot document (`None` when absent, out of
    /// range, or not a slot object): a key's position found by [`SlotPath::plan`].
    pub fn member_at(self, i: u32) -> Option<Doc<'v>> {
        let Doc::Slot(d, Slot::Obj(fields, at)) = self else { return None };
        if i as usize >= fields.len() {
            return None;
        }
        d.slots.get(*at as usize + i as usize).filter(|v| !matches!(v, Slot::Absent)).map(|v| Doc::Slot(d, v))
    }

    /// The elements of an array.
    pub fn items(self) -> Option<Items<'v>> {
        match self {
            Doc::Value(Value::Array(a)) => Some(Items::Values(a)),
            Doc::Value(_) => None,
            Doc::Slot(d, _) => match self.slot()? {
                Slot::Arr(at, len) => {
                    let from = *at as usize;
                    Some(Items::Slots(d, d.slots.get(from..from + *len as usize)?))
                }
                _ => None,
            },
        }
    }

    /// Text that is not blank ([`is_blank`]; a slot document holds none that is).
    pub fn given_text(self) -> Option<&'v str> {
        match self {
            Doc::Value(Value::String(s)) if !is_blank(s) => Some(s),
            Doc::Value(_) => None,
            Doc::Slot(..) => self.text(),
        }
    }

    /// Text.
    pub fn text(self) -> Option<&'v str> {
        match self {
            Doc::Value(Value::String(s)) => Some(s),
            Doc::Value(_) => None,
            Doc::Slot(..) => match self.slot()? {
                Slot::Str(s) => Some(s),
                _ => None,
            },
        }
    }

    /// A number.
    pub fn number(self) -> Option<f64> {
        match self {
            Doc::Value(Value::Number(n)) => n.as_f64(),
            Doc::Value(_) => None,
            Doc::Slot(..) => match self.slot()? {
                Slot::Num(n) => n.as_f64(),
                _ => None,
            },
        }
    }

    /// A boolean.
    pub fn boolean(self) -> Option<bool> {
        match self {
            Doc::Value(Value::Bool(b)) => Some(*b),
            Doc::Value(_) => None,
            Doc::Slot(..) => match self.slot()? {
                Slot::Bool(b) => Some(*b),
                _ => None,
            },
        }
    }

    /// Whether it is an object.
    pub fn is_object(self) -> bool {
        matches!(self, Doc::Value(Value::Object(_))) || matches!(self.slot(), Some(Slot::Obj(..)))
    }

    /// Whether it is `null` (an array element the walker dropped).
    pub fn is_null(self) -> bool {
        matches!(self, Doc::Value(Value::Null)) || matches!(self.slot(), Some(Slot::Null))
    }

    /// Whether it is an object holding at least one value.
    pub fn has_members(self) -> bool {
        match self {
            Doc::Value(Value::Object(o)) => !o.is_empty(),
            Doc::Value(_) => false,
            Doc::Slot(d, _) => match self.slot() {
                Some(Slot::Obj(fields, at)) => {
                    let from = *at as usize;
                    d.slots.get(from..from + fields.len()).is_some_and(|v| v.iter().any(|v| !matches!(v, Slot::Absent)))
                }
                _ => false,
            },
        }
    }
}

/// Whether a value is missing — absent, `null`, or blank text ([`super::is_missing`], for
/// any [`Doc`]).
pub fn missing(v: Option<Doc<'_>>) -> bool {
    match v {
        None => true,
        // A slot document holds no blank text (the reader leaves it absent).
        Some(Doc::Slot(_, s)) => matches!(s, Slot::Null | Slot::Absent),
        Some(v) => v.is_null() || v.text().is_some_and(is_blank),
    }
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
/// positions ([`SlotPath`]) in a slot document, by name otherwise. (Inlined: read ~50 times
/// per filing, and its frame cost more than its work.)
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn keys_at<'v>(root: Doc<'v>, path: &[String], slots: &SlotPath) -> Option<Doc<'v>> {
    match (root, slots.plan(root, || path.iter().map(|k| (k.as_str(), false)))) {
        (Doc::Slot(d, slot), Some(at)) => d.follow(slot, at),
        _ => path.iter().try_fold(root, |v, k| v.member(k)),
    }
}

impl<'v> SlotDoc<'v> {
    /// The value at the positions `at` below `slot` ([`Doc::member_at`] in one loop: the
    /// document is not matched again at each key).
    fn follow(&'v self, mut slot: &'v Slot<'v>, at: &[u32]) -> Option<Doc<'v>> {
        for &i in at {
            let Slot::Obj(fields, from) = slot else { return None };
            if i as usize >= fields.len() {
                return None;
            }
            slot = self.slots.get(*from as usize + i as usize)?;
            if matches!(slot, Slot::Absent) {
                return None;
            }
        }
        Some(Doc::Slot(self, slot))
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
        let Some(Slot::Obj(fields, _)) = root.slot() else { return None };
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

/// A clean submission read into slots ([`super::read_slots`]): every value of the document in
/// one vector, the document itself first; an object's values (one per field of its shape)
/// and an array's elements are consecutive slots.
#[derive(Debug, Clone)]
pub struct SlotDoc<'t> {
    /// The values.
    pub slots: Vec<Slot<'t>>,
    /// The length of its longest array (the work budget's measure).
    pub longest_array: u64,
}

thread_local! {
    /// The vector of the last slot document dropped on this thread, empty, kept for the next
    /// one (a filing's slots are a few kilobytes: allocated once, not once per filing).
    static SPARE: std::cell::Cell<Vec<Slot<'static>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// An empty vector of slots, with the room of the last one dropped ([`SlotDoc`]'s `Drop`) or
/// at least `capacity`.
pub(super) fn spare_slots<'t>(capacity: usize) -> Vec<Slot<'t>> {
    let spare = SPARE.with(std::cell::Cell::take);
    // Empty, so nothing is mapped: only its allocation is kept (collected in place).
    let mut v: Vec<Slot<'t>> = spare.into_iter().map(|_| Slot::Absent).collect();
    v.reserve(capacity);
    v
}

impl Drop for SlotDoc<'_> {
    fn drop(&mut self) {
        let mut v = std::mem::take(&mut self.slots);
        v.clear();
        // A very large document's room is not kept.
        if v.capacity() <= 1 << 16 {
            let v: Vec<Slot<'static>> = v.into_iter().map(|_| Slot::Absent).collect();
            SPARE.with(|s| s.set(v));
        }
    }
}

impl<'t> SlotDoc<'t> {
    /// The document.
    pub fn root(&self) -> Doc<'_> {
        static NULL: Value = Value::Null;
        match self.slots.first() {
            Some(s) => Doc::Slot(self, s),
            None => Doc::Value(&NULL),
        }
    }

    /// The walker's canonical `Value` of the same document.
    pub fn to_value(&self) -> Value {
        self.value_at(0)
    }

    fn value_at(&self, i: usize) -> Value {
        match self.slots.get(i) {
            None | Some(Slot::Absent | Slot::Null) => Value::Null,
            Some(Slot::Bool(b)) => Value::Bool(*b),
            Some(Slot::Num(n)) => Value::Number(n.clone()),
            Some(Slot::Str(s)) => Value::String(s.as_ref().to_owned()),
            Some(Slot::Obj(fields, at)) => {
                let mut m = Map::new();
                for (k, f) in fields.iter().enumerate() {
                    let j = *at as usize + k;
                    if !matches!(self.slots.get(j), None | Some(Slot::Absent)) {
                        m.insert(f.name.to_owned(), self.value_at(j));
                    }
                }
                Value::Object(m)
            }
            Some(Slot::Arr(at, len)) => Value::Array((*at..*at + *len).map(|j| self.value_at(j as usize)).collect()),
        }
    }
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
    /// Text, borrowed from the input unless it had escapes; never blank (blank text is
    /// [`Slot::Absent`] or [`Slot::Null`], as the walker drops it).
    Str(Cow<'t, str>),
    /// An object: its shape's fields; their values are the slots from this position on, one
    /// per field.
    Obj(&'static [Field], u32),
    /// An array: its elements are this many slots from this position on.
    Arr(u32, u32),
}
