//! What each piece of a rule reads, and which pieces a change reaches.

use crate::expr::FieldRef;
use crate::pack::Seg;
use crate::rules::Piece;
use crate::schema::{Resolved, Shape, resolve};

/// A part of the document a piece reads, besides the element it is judged for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Read {
    /// A value, an object or a list of strings (and everything under it).
    Path(Vec<String>),
    /// An array as a whole: its length and which elements are objects (`size`, `present`,
    /// the elements a `count` or `any` visits).
    Array(Vec<String>),
    /// A field of every element of an array (the condition of a `count` or `any`).
    ElemField(Vec<String>, Vec<String>),
}

/// Which elements of a piece a change reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Touch {
    /// None.
    None,
    /// The piece everywhere (every element of its array).
    All,
    /// One element of its array.
    Element(usize),
}

/// `a` is `b` or one of its ancestors.
fn within(a: &[String], b: &[String]) -> bool {
    b.get(..a.len()).is_some_and(|head| head == a)
}

/// Either is the other or inside it.
fn related(a: &[String], b: &[String]) -> bool {
    within(a, b) || within(b, a)
}

impl Read {
    /// The first key of what it reads.
    pub(super) fn first(&self) -> Option<&String> {
        match self {
            Read::Path(p) | Read::Array(p) | Read::ElemField(p, _) => p.first(),
        }
    }

    /// Whether a change at `at` (the value there replaced, added or removed) can change
    /// what this reads.
    fn reached(&self, at: &[String]) -> bool {
        match self {
            Read::Path(p) => related(at, p),
            Read::Array(a) => within(at, a) || (within(a, at) && at.len() == a.len() + 1),
            Read::ElemField(a, p) => {
                within(at, a)
                    || (within(a, at) && at.get(a.len() + 1..).is_none_or(|rest| rest.is_empty() || related(rest, p)))
            }
        }
    }
}

/// What a piece reads: outside its own element, and inside it (paths from the element).
#[derive(Debug, Default)]
pub(super) struct Reads {
    /// Outside its element (or everything, for a piece judged once).
    pub doc: Vec<Read>,
    /// Inside its element.
    pub elem: Vec<Vec<String>>,
}

/// What a change at `at` reaches of a piece judged per element of `array` (or once).
pub(super) fn touched(array: Option<&[String]>, reads: &Reads, at: &[String]) -> Touch {
    if reads.doc.iter().any(|r| r.reached(at)) {
        return Touch::All;
    }
    match array {
        None => Touch::None,
        Some(a) if within(at, a) => Touch::All,
        Some(a) if within(a, at) => match at.get(a.len()).map(|s| s.parse::<usize>()) {
            Some(Ok(i)) => match at.get(a.len() + 1..) {
                Some(rest) if !rest.is_empty() && !reads.elem.iter().any(|p| related(rest, p)) => Touch::None,
                _ => Touch::Element(i),
            },
            _ => Touch::All,
        },
        Some(_) => Touch::None,
    }
}

/// The names of field path segments, up to and including the first `Each` among them.
fn names(segs: &[Seg]) -> Vec<String> {
    let mut out = Vec::new();
    for s in segs {
        match s {
            Seg::Key(k) => out.push(k.clone()),
            Seg::Each(k) => {
                out.push(k.clone());
                break;
            }
        }
    }
    out
}

/// What a piece reads outside its own element (`array`: the array it is judged per element
/// of), from the pack: its expressions' fields, its required and checked fields.
pub(super) fn reads(piece: &Piece<'_>, array: Option<&[String]>, shape: &'static Shape) -> Reads {
    let mut refs: Vec<FieldRef<'_>> = Vec::new();
    let mut out = Reads::default();
    match piece {
        Piece::Required(_, f) | Piece::Value(_, f) => match f.segs.iter().position(|s| matches!(s, Seg::Each(_))) {
            None => out.doc.push(Read::Path(names(&f.segs))),
            Some(k) => out.elem.push(names(f.segs.get(k + 1..).unwrap_or_default())),
        },
        Piece::Assert(c) => {
            let elem = c.each.as_deref();
            for e in c.when.iter().chain(c.assert.iter()).chain(c.params.iter().map(|(_, e)| e)) {
                e.reads(elem, &mut refs);
            }
            let required = c.required.iter().cloned();
            if elem.is_none() { out.doc.extend(required.map(Read::Path)) } else { out.elem.extend(required) }
        }
        Piece::Isolation(iso) => {
            for e in [&iso.when, &iso.start, &iso.days] {
                e.reads(Some(&iso.each), &mut refs);
            }
            iso.by.reads(None, &mut refs);
        }
    }
    for (elem, path) in refs {
        match elem {
            Some(a) if Some(a) == array => out.elem.push(path.to_vec()),
            Some(a) => out.doc.push(Read::ElemField(a.to_vec(), path.to_vec())),
            None => {
                let segs: Vec<&str> = path.iter().map(String::as_str).collect();
                out.doc.push(match resolve(shape, &segs) {
                    Some(Resolved::Array(_)) => Read::Array(path.to_vec()),
                    _ => Read::Path(path.to_vec()),
                });
            }
        }
    }
    // A piece per element that also reads its own array as a whole (a `count` over the
    // roster in a check of each row) depends on every element: any change under it counts.
    if let Some(own) = array
        && out.doc.iter().any(|r| match r {
            Read::Path(p) | Read::Array(p) | Read::ElemField(p, _) => related(p, own),
        })
    {
        out.doc.push(Read::Path(own.to_vec()));
    }
    out
}
