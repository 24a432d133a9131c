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

use serde_json::{Number, Value};
use validator::ValidateLength;

use super::tree::{Slot, SlotDoc};
use super::walk::is_blank;
use super::{Field, MAX_ARRAY_LEN, MAX_TEXT_CHARS, Shape, Ty};
use crate::ids::{normalize_free_text, normalize_text};

/// The canonical document of `text` against `shape` (an object shape), when the text is a
/// clean submission; `None` when the walker has something to say about it.
pub fn read_clean(text: &str, shape: &'static Shape) -> Option<Value> {
    read_slots(text, shape).map(|doc| doc.to_value())
}

/// [`read_clean`] into a slot document, its text borrowed from `text`. The text is scanned
/// here, byte by byte, as strictly as `serde_json` reads it: anything this scanner does not
/// know for certain (a string with an escape, a number other than a plain whole one) is read
/// by `crate::num::parse_json`, as the walker's path reads it, or given up on.
pub fn read_slots<'t>(text: &'t str, shape: &'static Shape) -> Option<SlotDoc<'t>> {
    if !matches!(shape, Shape::Object(_)) {
        return None;
    }
    // The document is the first slot (a filing's values are ~ one for every 8–16 bytes).
    let mut slots = super::tree::spare_slots(text.len() / 8 + 16);
    slots.push(Slot::Absent);
    let mut sc = Scan { text, at: 0, longest: 0, slots };
    sc.ws();
    // Absent: the text is `null`, whose document the walker makes.
    let root = sc.value(shape)?;
    sc.ws();
    if sc.at != text.len() || matches!(root, Slot::Absent) {
        return None;
    }
    *sc.slots.first_mut()? = root;
    Some(SlotDoc { slots: sc.slots, longest_array: sc.longest })
}

/// Where the scanner is in the text, the longest array seen, and the slots read so far.
struct Scan<'t> {
    text: &'t str,
    at: usize,
    longest: u64,
    slots: Vec<Slot<'t>>,
}

impl<'t> Scan<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skip JSON whitespace.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The next byte, after whitespace, if it is `b`.
    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let here = self.peek() == Some(b);
        self.at += usize::from(here);
        here
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        (self.text.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// Whether the text at the opening quote of a key spells `"name"`; if so, the scan moves
    /// past its closing quote.
    fn key_is(&mut self, name: &str) -> bool {
        let from = self.at + 1;
        let end = from + name.len();
        let bytes = self.text.as_bytes();
        let here = bytes.get(end) == Some(&b'"')
            && bytes.get(from..end).is_some_and(|k| crate::swar::eq_bytes(k, name.as_bytes()));
        if here {
            self.at = end + 1;
        }
        here
    }

    /// A string (at its opening quote): borrowed when it has no escapes, else decoded by
    /// `serde_json`. Control characters are not JSON: given up on.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = start + 1;
        let mut escaped = false;
        loop {
            // Eight bytes at a time up to the first quote, backslash or control character.
            at = crate::swar::skip_plain(bytes, at);
            match *bytes.get(at)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    at += 2;
                }
                0..=0x1f => return None,
                _ => at += 1,
            }
        }
        self.at = at + 1;
        if escaped {
            let quoted = self.text.get(start..self.at)?;
            // Read as a `Value`: the parser the walker's path has already (no second copy in the .wasm).
            return match crate::num::parse_json(quoted) {
                Ok(Value::String(s)) => Some(Cow::Owned(s)),
                _ => None,
            };
        }
        self.text.get(start + 1..self.at - 1).map(Cow::Borrowed)
    }

    /// A number as the walker keeps it (`crate::num::number`): a plain whole one read here,
    /// anything else (a sign, a fraction, an exponent, more than 19 digits) by
    /// `crate::num::parse_json`, as the walker's path reads it.
    fn number(&mut self) -> Option<Number> {
        let digits = |sc: &mut Self| {
            let from = sc.at;
            while let Some(b'0'..=b'9') = sc.peek() {
                sc.at += 1;
            }
            sc.at > from
        };
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        let int_start = self.at;
        // A leading zero stands alone.
        if !digits(self) || (self.text.as_bytes().get(int_start) == Some(&b'0') && self.at - int_start > 1) {
            return None;
        }
        let whole = self.at;
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let token = self.text.get(start..self.at)?;
        if !negative && whole == self.at && token.len() <= 15 {
            // Below 2^53: the integer itself, whatever the walker's rounding through `f64`.
            return Some(Number::from(token.bytes().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'))));
        }
        if !negative && whole == self.at && token.len() <= 19 {
            return token.parse::<u64>().ok().map(|n| crate::num::number(Number::from(n)));
        }
        // As the walker's path reads it: correctly rounded, as `JSON.parse` (in the runtime
        // module too, whose serde_json has no `float_roundtrip`: `crate::num::parse_json`).
        match crate::num::parse_json(token) {
            Ok(Value::Number(n)) => Some(crate::num::number(n)),
            _ => None,
        }
    }

    /// The value at a place of shape `shape`: as the canonical document holds it, or
    /// [`Slot::Absent`] when the walker drops it silently (`null`, blank text).
    fn value(&mut self, shape: &'static Shape) -> Option<Slot<'t>> {
        self.ws();
        match (self.peek()?, shape) {
            (b'n', _) => self.literal("null").map(|()| Slot::Absent),
            (b't', Shape::Leaf(Ty::Bool)) => self.literal("true").map(|()| Slot::Bool(true)),
            (b'f', Shape::Leaf(Ty::Bool)) => self.literal("false").map(|()| Slot::Bool(false)),
            (b'-' | b'0'..=b'9', Shape::Leaf(Ty::Num)) => self.number().map(Slot::Num),
            (b'"', Shape::Leaf(ty)) => {
                let s = self.string()?;
                text(*ty, s)
            }
            (b'{', Shape::Object(fields)) => self.object(fields),
            (b'[', Shape::Array(el)) => self.array(el),
            // A wrong type, word lists, free keys, string lists: the walker's.
            _ => None,
        }
    }

    /// An object of known fields, each key once.
    fn object(&mut self, fields: &'static [Field]) -> Option<Slot<'t>> {
        // Required fields (packs only) are the walker's to report; so are objects too wide for
        // the mask of keys seen.
        if fields.len() > 64 || fields.iter().any(|fl| fl.required) {
            return None;
        }
        self.at += 1;
        // Its values: the next slots, one per field.
        let base = self.slots.len();
        let obj = Slot::Obj(fields, u32::try_from(base).ok()?);
        self.slots.resize_with(base + fields.len(), || Slot::Absent);
        if self.eat(b'}') {
            return Some(obj);
        }
        // Keys seen (a duplicate is the walker's: the last one wins there).
        let mut seen: u64 = 0;
        let mut next = 0;
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return None;
            }
            // Keys mostly come in the shape's order: the one after the last is tried first,
            // straight against the text (a field's name has no quote or backslash, so the
            // text `"name"` is that key, unescaped); any other key is scanned and looked up.
            let i = match fields.get(next) {
                Some(fl) if self.key_is(fl.name) => next,
                _ => {
                    let key = self.string()?;
                    let key: &str = &key;
                    fields.iter().position(|fl| same(fl.name, key))?
                }
            };
            next = i + 1;
            let bit = 1u64 << i;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.eat(b':') {
                return None;
            }
            let v = self.value(&fields.get(i)?.shape)?;
            *self.slots.get_mut(base + i)? = v;
            // `}` or `,` (whitespace skipped once).
            self.ws();
            let end = self.peek();
            self.at += 1;
            match end {
                Some(b'}') => return Some(obj),
                Some(b',') => {}
                _ => return None,
            }
        }
    }

    /// An array: every element at its place (an element the walker drops becomes `null`),
    /// gathered, then put in the slots together (an element's own values come before them).
    fn array(&mut self, el: &'static Shape) -> Option<Slot<'t>> {
        self.at += 1;
        let mut out = Vec::new();
        if !self.eat(b']') {
            loop {
                if out.len() >= MAX_ARRAY_LEN {
                    return None;
                }
                let v = self.value(el)?;
                out.push(if matches!(v, Slot::Absent) { Slot::Null } else { v });
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        self.longest = self.longest.max(out.len() as u64);
        let at = u32::try_from(self.slots.len()).ok()?;
        let len = u32::try_from(out.len()).ok()?;
        self.slots.extend(out);
        Some(Slot::Arr(at, len))
    }
}

/// Whether two keys are equal (lengths first).
pub(super) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a == b
}

/// Whether free text is certainly kept as it is by the walker, seen from its bytes alone: at
/// most [`MAX_TEXT_CHARS`] bytes; none of the lead bytes of full-width forms, invisible
/// characters and non-ASCII spaces (0xC2, 0xE1, 0xE2, 0xEF, and U+3000 spelt E3 80 80), so
/// [`normalize_free_text`] maps nothing; and not blank or untrimmed (the first and last bytes
/// are not ASCII whitespace). Anything else is checked the long way.
fn plainly_normal(s: &str) -> bool {
    let b = s.as_bytes();
    let space = |c: Option<&u8>| c.is_none_or(|c| matches!(c, b'\t'..=b'\r' | b' '));
    if b.len() > MAX_TEXT_CHARS || space(b.first()) || space(b.last()) {
        return false;
    }
    let mut i = 0;
    loop {
        // Eight bytes at a time past those without any of the lead bytes (E3 included).
        while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            if any_lead(u64::from_le_bytes(*chunk)) {
                break;
            }
            i += 8;
        }
        // Byte by byte through the chunk that has one (or the last few bytes).
        let end = i + 8;
        while i < end {
            let Some(&c) = b.get(i) else { return true };
            match c {
                0xC2 | 0xE1 | 0xE2 | 0xEF => return false,
                0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => return false,
                _ => i += 1,
            }
        }
    }
}

/// Whether any byte of `x` is 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF (a lead byte [`plainly_normal`]
/// looks at).
fn any_lead(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
    // 0xE0..=0xE3 share their top six bits: E1, E2, E3 (and E0, checked byte by byte) at once.
    let e0 = zero((x & (0xFC * ONES)) ^ (0xE0 * ONES));
    (zero(x ^ (0xC2 * ONES)) | e0 | zero(x ^ (0xEF * ONES))) != 0
}

/// Text for a leaf of type `ty`, kept only as the walker keeps it unchanged.
fn text(ty: Ty, text: Cow<'_, str>) -> Option<Slot<'_>> {
    let s: &str = &text;
    if ty == Ty::Str && plainly_normal(s) {
        return Some(Slot::Str(text));
    }
    if !s.validate_length(None, Some(MAX_TEXT_CHARS as u64), None) {
        return None;
    }
    if is_blank(s) {
        return Some(Slot::Absent);
    }
    let unchanged = match ty {
        Ty::Str => normalize_free_text(s) == s,
        Ty::Date if crate::ids::iso_date(s).is_some() => true,
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
    unchanged.then_some(Slot::Str(text))
}
