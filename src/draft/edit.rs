//! Editing a draft's submission at a JSON Pointer (RFC 6901).

use serde_json::{Map, Value};

use crate::pointer::shown;
use crate::schema::Shape;

/// A draft could not be made or edited.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// Not a JSON Pointer.
    #[error("`{0}` is not a JSON Pointer: one is empty or starts with `/`")]
    NotAPointer(String),
    /// A `~` not followed by `0` or `1`.
    #[error("`{0}` is not a JSON Pointer: `~` is followed by `0` or `1`")]
    BadEscape(String),
    /// A segment inside an array that is not an index.
    #[error("`{pointer}`: `{segment}` is not an index of an array (`0`, `1` … or `-`)")]
    NotAnIndex {
        /// The pointer.
        pointer: String,
        /// The segment.
        segment: String,
    },
    /// An index past the end of an array (the index just past it appends).
    #[error("`{pointer}`: index {index} is past the end of an array of {len}")]
    OutOfRange {
        /// The pointer.
        pointer: String,
        /// The index.
        index: usize,
        /// The array's length.
        len: usize,
    },
    /// A segment inside a value that is neither an object nor an array: it would be replaced.
    #[error("`{pointer}`: `{segment}` is inside a value that is not an object or array (set that value itself)")]
    ThroughValue {
        /// The pointer.
        pointer: String,
        /// The segment.
        segment: String,
    },
    /// The draft would hold more JSON than one submission may ([`crate::engine::MAX_INPUT_BYTES`]).
    #[error("the draft would hold more than {0} bytes of JSON")]
    TooLarge(usize),
    /// The draft would nest more arrays and objects than a submission's text may (its JSON
    /// would not be read: `input.not_json`).
    #[error("the draft would nest more than {0} arrays and objects")]
    TooDeep(usize),
    /// A kind this sort of draft is not made for (a filing's draft, or a whole one).
    #[error("this draft is not made for `{0}`")]
    UnsupportedKind(String),
}

impl DraftError {
    /// The stable code: `pointer.invalid`, `pointer.out_of_range` or `options.invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::NotAPointer(_)
            | DraftError::BadEscape(_)
            | DraftError::NotAnIndex { .. }
            | DraftError::ThroughValue { .. } => "pointer.invalid",
            DraftError::TooLarge(_) | DraftError::TooDeep(_) => "input.too_large",
            DraftError::OutOfRange { .. } => "pointer.out_of_range",
            DraftError::UnsupportedKind(_) => "options.invalid",
        }
    }
}

/// The segments of a JSON Pointer, unescaped.
pub(super) fn parse(pointer: &str) -> Result<Vec<String>, DraftError> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(DraftError::NotAPointer(shown(pointer)));
    };
    rest.split('/')
        .map(|s| {
            if !s.contains('~') {
                return Ok(s.to_owned());
            }
            let mut out = String::with_capacity(s.len());
            let mut chars = s.chars();
            while let Some(c) = chars.next() {
                match (c, c == '~') {
                    (_, false) => out.push(c),
                    _ => match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return Err(DraftError::BadEscape(shown(pointer))),
                    },
                }
            }
            Ok(out)
        })
        .collect()
}

/// An array index: `0`, or digits without a leading zero; `-` is the end.
fn index(seg: &str, len: usize, pointer: &str) -> Result<usize, DraftError> {
    let bad = || DraftError::NotAnIndex { pointer: shown(pointer), segment: shown(seg) };
    if seg == "-" {
        return Ok(len);
    }
    if seg.is_empty() || !seg.bytes().all(|b| b.is_ascii_digit()) || (seg.len() > 1 && seg.starts_with('0')) {
        return Err(bad());
    }
    let i = seg.parse::<usize>().map_err(|_| bad())?;
    if i > len {
        return Err(DraftError::OutOfRange { pointer: shown(pointer), index: i, len });
    }
    Ok(i)
}

/// The shape inside `shape` at `seg`.
fn inner(shape: Option<&'static Shape>, seg: &str) -> Option<&'static Shape> {
    match shape? {
        Shape::Object(fields) => fields.iter().find(|f| f.name == seg).map(|f| &f.shape),
        Shape::Array(el) | Shape::Map(el) => Some(el),
        _ => None,
    }
}

/// Whether a new container at a place of `shape`, entered with `next`, is an array.
fn wants_array(shape: Option<&'static Shape>, next: &str) -> bool {
    match shape {
        Some(Shape::Array(_) | Shape::StrList) => true,
        Some(Shape::Object(_) | Shape::Map(_)) => false,
        _ => next == "-" || (!next.is_empty() && next.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// Set `value` at `pointer` in `doc` (of shape `shape`), making the containers on the way.
/// Returns where the submission changed: the pointer, or the first container made or
/// replaced, or the array whose length changed. Nothing is changed when the pointer is refused.
pub(super) fn set(doc: &mut Value, pointer: &str, value: Value, shape: &'static Shape) -> Result<Change, DraftError> {
    let segs = parse(pointer)?;
    check(doc, &segs, shape, pointer)?;
    let container = |v: &Value| v.is_object() || v.is_array();
    let mut structural = segs.is_empty() || container(&value);
    let mut changed: Option<usize> = None;
    let mut here = doc;
    let mut shape = Some(shape);
    let mut value = Some(value);
    for (n, seg) in segs.iter().enumerate() {
        let last = n + 1 == segs.len();
        if !here.is_object() && !here.is_array() {
            *here = if wants_array(shape, seg) { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
            changed.get_or_insert(n);
        }
        let next = inner(shape, seg);
        here = match here {
            Value::Array(items) => {
                let i = index(seg, items.len(), pointer)?;
                if i == items.len() {
                    items.push(Value::Null);
                    changed.get_or_insert(n);
                }
                match items.get_mut(i) {
                    Some(v) => v,
                    None => return Err(DraftError::OutOfRange { pointer: shown(pointer), index: i, len: i }),
                }
            }
            Value::Object(map) => {
                // Not `entry(..).or_insert(..)`: that links a B-tree insert of its own into the
                // `.wasm` (2.8 KB); `Map::insert`'s is there already (BENCHMARKS.md, "fourth pass").
                if !map.contains_key(seg.as_str()) {
                    map.insert(seg.clone(), Value::Null);
                }
                match map.get_mut(seg.as_str()) {
                    Some(v) => v,
                    None => return Err(DraftError::NotAPointer(shown(pointer))),
                }
            }
            // Made a container above.
            _ => return Err(DraftError::NotAPointer(shown(pointer))),
        };
        shape = next;
        if last {
            structural |= container(here);
            *here = value.take().unwrap_or_default();
        }
    }
    if segs.is_empty() {
        *here = value.take().unwrap_or_default();
    }
    structural |= changed.is_some();
    let upto = changed.unwrap_or(segs.len());
    Ok(Change { at: segs.into_iter().take(upto).collect(), structural })
}

/// [`set`], keeping the draft within one submission's size (`input.too_large`, the draft then
/// unchanged), so its answer is always `check_filing`'s of its value (fourth audit: each value
/// was limited, the whole draft not). `size` is an upper bound of the draft's JSON bytes: each
/// edit adds what it could add, and only when the bound passes the limit is the draft written
/// out and measured (then the bound is exact again). A keystroke writes out only its value.
pub(super) fn set_within(
    doc: &mut Value,
    size: &mut usize,
    pointer: &str,
    value: Value,
    shape: &'static Shape,
) -> Result<Change, DraftError> {
    use crate::engine::MAX_INPUT_BYTES;
    // As deep as a submission's text may nest (differential fuzz, nineteenth session: a filing's
    // draft took 128 levels, which `checkFiling` of its value refuses as not JSON).
    if pointer.bytes().filter(|&b| b == b'/').count() + nesting(&value) > MAX_NESTING {
        return Err(DraftError::TooDeep(MAX_NESTING));
    }
    // Its key, quotes, colon and comma, and containers made on the way (two bytes each).
    let grows = json_bytes_at_most(&value) + 2 * pointer.len() + 4;
    if size.saturating_add(grows) <= MAX_INPUT_BYTES {
        let change = set(doc, pointer, value, shape)?;
        *size += grows;
        return Ok(change);
    }
    let mut next = doc.clone();
    let change = set(&mut next, pointer, value, shape)?;
    let exact = crate::answer::cold::text(&next).len();
    if exact > MAX_INPUT_BYTES {
        return Err(DraftError::TooLarge(MAX_INPUT_BYTES));
    }
    *doc = next;
    *size = exact;
    Ok(change)
}

/// The most arrays and objects a submission's text may nest (serde_json's limit, and the
/// crate's reader's: src/num/read.rs).
pub const MAX_NESTING: usize = 127;

/// How many arrays and objects `value` nests (a scalar none), counted without recursion.
fn nesting(value: &Value) -> usize {
    if !(value.is_array() || value.is_object()) {
        return 0;
    }
    let mut deepest = 0;
    let mut stack = vec![(value, 1usize)];
    while let Some((v, depth)) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|c| (c, depth + 1))),
            Value::Object(members) => stack.extend(members.values().map(|c| (c, depth + 1))),
            _ => continue,
        }
        deepest = deepest.max(depth);
    }
    deepest
}

/// At least as many bytes as `value` takes as JSON text, without writing it out for what a
/// keystroke sets: a text at most 6 bytes for each of its bytes (`\u001f`), a number at most
/// 24; objects and arrays are written out.
fn json_bytes_at_most(value: &Value) -> usize {
    match value {
        Value::Null | Value::Bool(_) => 5,
        Value::Number(_) => 24,
        Value::String(s) => 6 * s.len() + 2,
        Value::Array(_) | Value::Object(_) => crate::answer::cold::text(value).len(),
    }
}

/// Where an edit changed the submission.
pub(super) struct Change {
    /// The place (segments): everything else is as it was.
    pub at: Vec<String>,
    /// An object or array was made, replaced or removed, or an array's length changed (the
    /// shape of the submission, which its work budget counts, may differ).
    pub structural: bool,
}

/// Whether [`set`] can follow `segs` in `doc`: every index inside an array (existing, or
/// made on the way) is one of its elements or just past its end.
fn check(doc: &Value, segs: &[String], shape: &'static Shape, pointer: &str) -> Result<(), DraftError> {
    let mut here = Some(doc);
    let mut shape = Some(shape);
    for seg in segs {
        // A value given (`staff.total: 12`) is never replaced by a container made through it
        // (fourth audit: `set('/staff/total/x', 1)` silently dropped the 12).
        if here.is_some_and(|v| !(v.is_object() || v.is_array() || v.is_null())) {
            return Err(DraftError::ThroughValue { pointer: shown(pointer), segment: shown(seg) });
        }
        here = match here {
            Some(Value::Array(items)) => items.get(index(seg, items.len(), pointer)?),
            Some(Value::Object(map)) => map.get(seg),
            _ if wants_array(shape, seg) => {
                index(seg, 0, pointer)?;
                None
            }
            _ => None,
        };
        shape = inner(shape, seg);
    }
    Ok(())
}

/// Remove the value at `pointer` from `doc`. Returns where the submission changed (the
/// member, or the array whose elements moved up), or `None` when nothing was there.
pub(super) fn remove(doc: &mut Value, pointer: &str) -> Result<Option<Change>, DraftError> {
    let mut segs = parse(pointer)?;
    let Some(last) = segs.pop() else {
        *doc = Value::Object(Map::new());
        return Ok(Some(Change { at: Vec::new(), structural: true }));
    };
    let mut here = doc;
    for seg in &segs {
        here = match here {
            Value::Object(map) => match map.get_mut(seg) {
                Some(v) => v,
                None => return Ok(None),
            },
            // An index past the end holds nothing: no change, as the d.ts says (drafts audit,
            // thirty-second session: it was `pointer.out_of_range`); not an index is refused.
            Value::Array(items) => match items.get_mut(index(seg, usize::MAX, pointer)?) {
                Some(v) => v,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
    }
    match here {
        Value::Object(map) => Ok(map.remove(&last).map(|v| {
            segs.push(last);
            Change { at: segs, structural: v.is_object() || v.is_array() }
        })),
        Value::Array(items) => {
            let i = index(&last, usize::MAX, pointer)?;
            if i < items.len() {
                items.remove(i);
                Ok(Some(Change { at: segs, structural: true }))
            } else {
                Ok(None)
            }
        }
        _ => Ok(None),
    }
}
