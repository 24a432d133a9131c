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

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use validator::ValidateLength;

use super::walk::is_blank;
use super::{Field, MAX_ARRAY_LEN, MAX_TEXT_CHARS, Shape, Ty};
use crate::ids::{normalize_free_text, normalize_text};

/// The canonical document of `text` against `shape` (an object shape), when the text is a
/// clean submission; `None` when the walker has something to say about it.
pub fn read_clean(text: &str, shape: &'static Shape) -> Option<Value> {
    let Shape::Object(fields) = shape else { return None };
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = Obj(fields).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(doc)
}

/// Giving up: the walker must read this submission.
fn give_up<E: de::Error>() -> E {
    E::custom("not a clean submission")
}

/// The value at one place: `Some` as the canonical document holds it, or `None` when the
/// walker drops it silently (`null`, blank text).
struct At(&'static Shape);

impl<'de> DeserializeSeed<'de> for At {
    type Value = Option<Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match self.0 {
            Shape::Object(fields) => d.deserialize_any(Nullable(Obj(fields))),
            Shape::Array(el) => d.deserialize_any(Nullable(Arr(el))),
            Shape::Leaf(ty) => d.deserialize_any(Leaf(*ty)),
            // Free keys, word lists and string lists: the walker's (rare in submissions).
            Shape::Map(_) | Shape::Enum(_) | Shape::Any | Shape::StrList => Err(give_up()),
        }
    }
}

/// An object of known fields.
#[derive(Clone, Copy)]
struct Obj(&'static [Field]);

impl<'de> DeserializeSeed<'de> for Obj {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Obj {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let fields = self.0;
        // Required fields (packs only) are the walker's to report; so are objects too wide
        // for the mask of keys seen.
        if fields.len() > 128 || fields.iter().any(|fl| fl.required) {
            return Err(give_up());
        }
        // Keys seen (a duplicate is the walker's: the last one wins there).
        let mut seen: u128 = 0;
        let mut out = Map::new();
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
            let (name, shape) = fields.get(i).map(|fl| (fl.name, &fl.shape)).ok_or_else(give_up)?;
            if let Some(v) = map.next_value_seed(At(shape))? {
                out.insert(name.to_owned(), v);
            }
        }
        Ok(Value::Object(out))
    }
}

/// An array: every element at its place (an element the walker drops becomes `null`).
#[derive(Clone, Copy)]
struct Arr(&'static Shape);

impl<'de> Visitor<'de> for Arr {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(At(self.0))? {
            if out.len() >= MAX_ARRAY_LEN {
                return Err(give_up());
            }
            out.push(v.unwrap_or(Value::Null));
        }
        Ok(Value::Array(out))
    }
}

/// An object or array that may also be `null` (absent).
struct Nullable<V>(V);

impl<'de, V: Visitor<'de, Value = Value>> Visitor<'de> for Nullable<V> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map).map(Some)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(seq).map(Some)
    }
}

/// A leaf of type `ty`, kept only as the walker keeps it unchanged.
struct Leaf(Ty);

impl Leaf {
    fn text<E: de::Error>(&self, s: &str) -> Result<Option<Value>, E> {
        if !s.validate_length(None, Some(MAX_TEXT_CHARS as u64), None) {
            return Err(give_up());
        }
        if is_blank(s) {
            return Ok(None);
        }
        let unchanged = match self.0 {
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
        if unchanged { Ok(Some(Value::String(s.to_owned()))) } else { Err(give_up()) }
    }

    fn number<E: de::Error>(&self, n: Number) -> Result<Option<Value>, E> {
        match self.0 {
            // Numbers by value, as the walker keeps them (`1.0` is `1`).
            Ty::Num => Ok(Some(Value::Number(crate::num::number(n)))),
            _ => Err(give_up()),
        }
    }
}

impl<'de> Visitor<'de> for Leaf {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        if self.0 == Ty::Bool { Ok(Some(Value::Bool(b))) } else { Err(give_up()) }
    }
    fn visit_i64<E: de::Error>(self, x: i64) -> Result<Self::Value, E> {
        self.number(Number::from(x))
    }
    fn visit_u64<E: de::Error>(self, x: u64) -> Result<Self::Value, E> {
        self.number(Number::from(x))
    }
    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
        self.number(Number::from_f64(x).ok_or_else(give_up)?)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.text(s)
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
