//! A draft's schema walk, kept per place: an object whose keys are all known fields, and an
//! array, are walked member by member and element by element (that is all the walker does
//! with them), anything else at once. A change is walked again from the deepest such place
//! above it, so typing a roster phone walks that phone alone.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::answer::{Diagnostic, Normalized};
use crate::pointer::push_key;
use crate::schema::{MAX_ARRAY_LEN, Shape, walk};

/// One step into a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Step {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// What the walk found at one place.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Found {
    pub diagnostics: Vec<Diagnostic>,
    pub normalized: Vec<Normalized>,
}

/// What the walk found, by the place walked at once; in document order (object members in
/// key order, as the walker visits them; elements in order). Places that found nothing are
/// not kept, and no place is kept inside another. Sorted by place (a `Vec`, not a
/// `BTreeMap`: one B-tree less in the `.wasm`).
#[derive(Debug, Default)]
pub(super) struct WalkCache {
    found: Vec<(Vec<Step>, Found)>,
}

/// Whether the walker's result for `raw` is its members' or elements' results put together.
fn split(raw: &Value, shape: &Shape) -> bool {
    match (shape, raw) {
        (Shape::Object(fields), Value::Object(map)) => {
            fields.iter().all(|f| !f.required) && map.keys().all(|k| fields.iter().any(|f| f.name == k))
        }
        (Shape::Array(_), Value::Array(items)) => items.len() <= MAX_ARRAY_LEN,
        _ => false,
    }
}

/// The shape of a member or element of `shape`.
fn inner<'s>(shape: &'s Shape, key: &str) -> Option<&'s Shape> {
    match shape {
        Shape::Object(fields) => fields.iter().find(|f| f.name == key).map(|f| &f.shape),
        Shape::Array(el) => Some(el),
        _ => None,
    }
}

impl WalkCache {
    /// What was found, in document order.
    pub(super) fn found(&self) -> impl Iterator<Item = &Found> {
        self.found.iter().map(|(_, f)| f)
    }

    /// Walk `raw` (of `shape`) again where a change at `at` reaches, and bring the canonical
    /// document `doc` up to date. Returns whether it found other diagnostics than before (the
    /// values it normalised are in the answer, not in a change list: typing a count as text,
    /// `"60"` then `"6000"`, normalises another value and changes nothing a draft tells).
    pub(super) fn rewalk(&mut self, raw: &Value, shape: &'static Shape, doc: &mut Value, at: &[String]) -> bool {
        // The deepest place above the change that was walked member by member.
        let mut path = Vec::new();
        let (mut here, mut sh) = (Some(raw), shape);
        for seg in at {
            let Some(r) = here else { break };
            // (An unknown key below is found by `inner` or was reported: no need to look.)
            let container =
                matches!((sh, r), (Shape::Object(_), Value::Object(_)) | (Shape::Array(_), Value::Array(_)));
            if !container || self.found.binary_search_by(|(p, _)| p.cmp(&path)).is_ok() {
                break;
            }
            let step = match r {
                Value::Array(items) => match seg.parse::<usize>() {
                    Ok(i) if i < items.len() => Step::Index(i),
                    _ => break,
                },
                _ => Step::Key(seg.clone()),
            };
            let Some(next) = inner(sh, seg) else { break };
            here = match &step {
                Step::Index(i) => r.get(*i),
                Step::Key(k) => r.get(k),
            };
            path.push(step);
            sh = next;
        }
        // Forget what was found at and below it, then walk it again.
        let (from, to) = self.at_or_below(&path);
        let old: Vec<(Vec<Step>, Found)> = self.found.drain(from..to).collect();
        let value = here.and_then(|r| self.walk_into(r, sh, &mut path));
        if !put(doc, &path, value) {
            // The canonical document does not have the places above (never expected): all again.
            self.found.clear();
            *doc = self.walk_into(raw, shape, &mut Vec::new()).unwrap_or(Value::Null);
            return true;
        }
        let (from, to) = self.at_or_below(&path);
        self.found.get(from..to).is_none_or(|now| !diagnostics(now).eq(diagnostics(&old)))
    }

    /// Where what was found at `path` and below it is in `found`: `from..to`.
    fn at_or_below(&self, path: &[Step]) -> (usize, usize) {
        let from = self.found.partition_point(|(p, _)| p.as_slice() < path);
        let len = self.found.get(from..).map_or(0, |rest| rest.iter().take_while(|(p, _)| p.starts_with(path)).count());
        (from, from + len)
    }

    /// Walk `raw` at `path`, split where the walker would only put the parts together.
    /// (The JSON Pointer of `path` is written only where the walk found something: most places
    /// find nothing, and a keystroke's rewalk then writes none.)
    fn walk_into(&mut self, raw: &Value, shape: &Shape, path: &mut Vec<Step>) -> Option<Value> {
        if !split(raw, shape) {
            let w = walk(raw, shape);
            if !w.diagnostics.is_empty() || !w.normalized.is_empty() {
                let prefix = pointer(path);
                let moved = |mut p: String| {
                    p.insert_str(0, &prefix);
                    p
                };
                let found = Found {
                    diagnostics: w.diagnostics.into_iter().map(|d| Diagnostic { path: moved(d.path), ..d }).collect(),
                    normalized: w.normalized.into_iter().map(|n| Normalized { path: moved(n.path), ..n }).collect(),
                };
                match self.found.binary_search_by(|(p, _)| p.cmp(path)) {
                    Ok(at) => {
                        if let Some(slot) = self.found.get_mut(at) {
                            slot.1 = found;
                        }
                    }
                    Err(at) => self.found.insert(at, (path.clone(), found)),
                }
            }
            return Some(w.doc).filter(|v| !v.is_null());
        }
        match raw {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let Some(sh) = inner(shape, k) else { continue };
                    path.push(Step::Key(k.clone()));
                    if let Some(x) = self.walk_into(v, sh, path) {
                        out.insert(k.clone(), x);
                    }
                    path.pop();
                }
                Some(Value::Object(out))
            }
            Value::Array(items) => {
                let el = inner(shape, "")?;
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    out.push(self.walk_into(v, el, path).unwrap_or(Value::Null));
                    path.pop();
                }
                Some(Value::Array(out))
            }
            _ => None,
        }
    }
}

/// The JSON Pointer of a place.
fn pointer(path: &[Step]) -> String {
    let mut ptr = String::with_capacity(path.iter().map(|s| if let Step::Key(k) = s { k.len() + 1 } else { 8 }).sum());
    for step in path {
        match step {
            Step::Key(k) => push_key(&mut ptr, k),
            Step::Index(i) => {
                let _ = write!(ptr, "/{i}");
            }
        }
    }
    ptr
}

/// The diagnostics found at some places, in order.
fn diagnostics(found: &[(Vec<Step>, Found)]) -> impl Iterator<Item = &Diagnostic> {
    found.iter().flat_map(|(_, f)| &f.diagnostics)
}

/// Put `value` at `path` in the canonical document: a member walked to nothing is dropped,
/// an element stays as `null` (as the walker does). Returns whether the parent was there.
fn put(doc: &mut Value, path: &[Step], value: Option<Value>) -> bool {
    let Some((last, above)) = path.split_last() else {
        *doc = value.unwrap_or(Value::Null);
        return true;
    };
    let mut here = Some(doc);
    for step in above {
        here = match (step, here) {
            (Step::Key(k), Some(Value::Object(map))) => map.get_mut(k),
            (Step::Index(i), Some(Value::Array(items))) => items.get_mut(*i),
            _ => None,
        };
    }
    match (last, here, value) {
        // Replaced in place when there (a keystroke): no key copied, no B-tree insert.
        (Step::Key(k), Some(Value::Object(map)), Some(v)) => {
            match map.get_mut(k) {
                Some(slot) => *slot = v,
                None => {
                    map.insert(k.clone(), v);
                }
            }
            true
        }
        (Step::Key(k), Some(Value::Object(map)), None) => {
            map.remove(k);
            true
        }
        (Step::Index(i), Some(Value::Array(items)), v) => match items.get_mut(*i) {
            Some(slot) => {
                *slot = v.unwrap_or(Value::Null);
                true
            }
            None => false,
        },
        _ => false,
    }
}
