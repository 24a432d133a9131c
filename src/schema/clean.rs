//! The one-pass reader of a clean submission (issue 9, point 1): JSON text read straight into
//! the canonical document, driven by the shape, with no intermediate `Value` tree and nothing
//! to normalise, drop or report.
//!
//! It accepts only what the walker ([`super::walk`]) would pass through unchanged and
//! silently: known keys, each once, values of the right type, text already normal, dates
//! already `YYYY-MM-DD`, `null` and blank text (absent, as in the walker). At anything else —
//! an unknown key, a duplicate, a wrong type, a value to normalise, text too long, an array
//! too long, a shape without a fixed set of fields, JSON that does not parse — it gives up
//! (`None`), and the caller reads the text the ordinary way: parse, then walk, which reports
//! and normalises everything. So the canonical document is the walker's, byte for byte
//! (`tests/clean_reader.rs` compares both on every golden input and on mutations of them).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use validator::ValidateLength;

use super::tree::Slot;
use super::walk::is_blank;
use super::{Field, MAX_ARRAY_LEN, MAX_TEXT_CHARS, Shape, Ty};
use crate::ids::{normalize_free_text, normalize_text};

/// The canonical document of `text` against `shape` (an object shape), when the text is a
/// clean submission; `None` when the walker has something to say about it.
pub fn read_clean(text: &str, shape: &'static Shape) -> Option<Value> {
    read_slots(text, shape).map(|doc| doc.to_value())
}

/// [`read_clean`] into a slot document, its text borrowed from `text`.
pub fn read_slots<'t>(text: &'t str, shape: &'static Shape) -> Option<Slot<'t>> {
    if !matches!(shape, Shape::Object(_)) {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    // Absent: the text is `null`, whose document the walker makes.
    let doc = At(shape).deserialize(&mut de).ok()?;
    de.end().ok()?;
    (!matches!(doc, Slot::Absent)).then_some(doc)
}

/// Giving up: the walker must read this submission.
fn give_up<E: de::Error>() -> E {
    E::custom("not a clean submission")
}

/// The value at a place of shape `.0`: as the canonical document holds it, or [`Slot::Absent`]
/// when the walker drops it silently (`null`, blank text). One visitor for every shape, so
/// the parser is instantiated once (a visitor per shape cost 16 KB of the gzipped `.wasm`).
struct At(&'static Shape);

impl<'de> DeserializeSeed<'de> for At {
    type Value = Slot<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for At {
    type Value = Slot<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value of the submission's shape")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Absent)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        match self.0 {
            Shape::Leaf(Ty::Bool) => Ok(Slot::Bool(b)),
            _ => Err(give_up()),
        }
    }
    fn visit_i64<E: de::Error>(self, x: i64) -> Result<Self::Value, E> {
        number(self.0, Number::from(x))
    }
    fn visit_u64<E: de::Error>(self, x: u64) -> Result<Self::Value, E> {
        number(self.0, Number::from(x))
    }
    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
        crate::num::float_seen();
        number(self.0, Number::from_f64(x).ok_or_else(give_up)?)
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        match self.0 {
            Shape::Leaf(ty) => text(*ty, Cow::Borrowed(s)),
            // Word lists and free values: the walker's (packs only).
            _ => Err(give_up()),
        }
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        match self.0 {
            Shape::Leaf(ty) => text(*ty, Cow::Owned(s.to_owned())),
            _ => Err(give_up()),
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        match self.0 {
            Shape::Object(fields) => object(fields, map),
            // Free keys (item ids, count names): the walker's.
            _ => Err(give_up()),
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        match self.0 {
            Shape::Array(el) => array(el, seq),
            // String lists: the walker's.
            _ => Err(give_up()),
        }
    }
}

/// An object of known fields, each key once.
fn object<'de, A: MapAccess<'de>>(fields: &'static [Field], mut map: A) -> Result<Slot<'de>, A::Error> {
    // Required fields (packs only) are the walker's to report; so are objects too wide for
    // the mask of keys seen.
    if fields.len() > 128 || fields.iter().any(|fl| fl.required) {
        return Err(give_up());
    }
    // Keys seen (a duplicate is the walker's: the last one wins there).
    let mut seen: u128 = 0;
    let mut out = vec![Slot::Absent; fields.len()];
    while let Some(key) = map.next_key::<Key<'de>>()? {
        let key = key.as_str();
        let Some(i) = fields.iter().position(|fl| fl.name == key) else {
            return Err(give_up());
        };
        let bit = 1u128 << i;
        if seen & bit != 0 {
            return Err(give_up());
        }
        seen |= bit;
        let shape = fields.get(i).map(|fl| &fl.shape).ok_or_else(give_up)?;
        let v = map.next_value_seed(At(shape))?;
        if let Some(slot) = out.get_mut(i) {
            *slot = v;
        }
    }
    Ok(Slot::Obj(fields, out))
}

/// An array: every element at its place (an element the walker drops becomes `null`).
fn array<'de, A: SeqAccess<'de>>(el: &'static Shape, mut seq: A) -> Result<Slot<'de>, A::Error> {
    let mut out = Vec::new();
    while let Some(v) = seq.next_element_seed(At(el))? {
        if out.len() >= MAX_ARRAY_LEN {
            return Err(give_up());
        }
        out.push(if matches!(v, Slot::Absent) { Slot::Null } else { v });
    }
    Ok(Slot::Arr(out))
}

/// Text for a leaf of type `ty`, kept only as the walker keeps it unchanged.
fn text<E: de::Error>(ty: Ty, text: Cow<'_, str>) -> Result<Slot<'_>, E> {
    let s: &str = &text;
    if !s.validate_length(None, Some(MAX_TEXT_CHARS as u64), None) {
        return Err(give_up());
    }
    if is_blank(s) {
        return Ok(Slot::Absent);
    }
    let unchanged = match ty {
        Ty::Str => normalize_free_text(s) == s,
        Ty::Date => {
            let norm = normalize_text(s);
            match crate::ids::parse_date(&norm) {
                Ok(d) => crate::time::fmt_date(d) == s,
                Err(_) => norm == s,
            }
        }
        // A number or boolean given as text: converted or refused by the walker.
        Ty::Num | Ty::Bool => false,
    };
    if unchanged { Ok(Slot::Str(text)) } else { Err(give_up()) }
}

/// A number for a leaf: kept by value, as the walker keeps it (`1.0` is `1`).
fn number<'t, E: de::Error>(shape: &Shape, n: Number) -> Result<Slot<'t>, E> {
    match shape {
        Shape::Leaf(Ty::Num) => Ok(Slot::Num(crate::num::number(n))),
        _ => Err(give_up()),
    }
}

/// An object key, borrowed from the text when it has no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(s))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(s.to_owned()))
            }
        }
        d.deserialize_str(V)
    }
}
