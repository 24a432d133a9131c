//! JSON text to a `Value` with every number correctly rounded, as `JSON.parse` reads it.
//!
//! Natively and in the compiler module serde_json reads it (with `float_roundtrip`,
//! Cargo.toml). The runtime module's serde_json has no `float_roundtrip` (issue 9, point 5:
//! 36 KB of the `.wasm`), and its default float parser multiplies the digits by a power of ten:
//! one unit in the last place off at times. There [`parse_json`] is the reader below, whose
//! floats `super::parse_f64` reads (correctly rounded, src/num/float.rs: core's parser and its
//! tables are not in the module either), and serde_json's deserializer is not in the module at all (17 KB of code, 8 KB gzipped: BENCHMARKS.md, "sixth pass").
//! It builds the `Value` serde_json builds, and refuses what serde_json refuses with serde_json's
//! error: the same message, line and column (tests/json_reader.rs compares the two on every
//! example and golden input and on random damage to them).

use serde_json::{Map, Number, Value};

/// Why a text is not JSON, and where: serde_json's message, line (from 1) and column (bytes
/// from the line's start, as serde_json counts them).
#[derive(Debug)]
pub struct JsonError {
    why: Why,
    line: usize,
    column: usize,
}

#[derive(Debug)]
enum Why {
    /// The reader's: serde_json's text for the same error.
    Code(&'static str),
    /// serde_json's own (where it reads the text).
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    Serde(serde_json::Error),
}

impl JsonError {
    /// The line of the error, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Whether the text nests arrays and objects deeper than the reader goes (128 levels), as
    /// serde_json's "recursion limit exceeded": JSON, but too deep to be a submission.
    pub fn too_deep(&self) -> bool {
        match &self.why {
            Why::Code(c) => *c == "recursion limit exceeded",
            #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
            Why::Serde(e) => e.to_string().starts_with("recursion limit exceeded"),
        }
    }

    /// The column of the error: bytes from the start of its line.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Whether the text is JSON but gives a key twice in one object ([`read_submission`]).
    pub fn is_duplicate_key(&self) -> bool {
        matches!(self.why, Why::Code(DUPLICATE_KEY))
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.why {
            Why::Code(why) => write!(f, "{why} at line {} column {}", self.line, self.column),
            #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
            Why::Serde(e) => e.fmt(f),
        }
    }
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        JsonError { line: e.line(), column: e.column(), why: Why::Serde(e) }
    }
}

/// JSON text to a `Value`, numbers correctly rounded (see the module's comment): natively and
/// in the compiler module `serde_json::from_str` (with `float_roundtrip`, Cargo.toml), in the
/// runtime module [`read_json`].
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    return serde_json::from_str(text).map_err(JsonError::from);
    #[cfg(not(any(feature = "compiler", not(target_arch = "wasm32"))))]
    read_json(text)
}

/// JSON's whitespace (RFC 8259): space, tab, line feed, carriage return; what may stand between
/// tokens, and all that a blank JSONL line may hold (the CLI).
pub fn json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r')
}

/// serde_json's limit: 128 levels of arrays and objects.
const MAX_DEPTH: u32 = 127;

/// Strict JSON (RFC 8259) to a `Value` as serde_json builds it (a later duplicate key
/// replaces an earlier one; integers as `u64`/`i64` where they fit, `-0` a float), floats by
/// `super::parse_f64`; serde_json's error (message, line, column) where the text is not JSON.
pub fn read_json(text: &str) -> Result<Value, JsonError> {
    read(text, false)
}

/// A submission's JSON text to a `Value`, as [`read_json`], except that a key given twice in one
/// object is refused ([`JsonError::is_duplicate_key`], at the second key), never merged: the
/// last value would otherwise win silently, and a failed gate vanish (issue 10: no two keys can
/// ever merge; fourth audit). The same on every target, for every kind of submission.
pub fn read_submission(text: &str) -> Result<Value, JsonError> {
    read(text, true)
}

fn read(text: &str, unique: bool) -> Result<Value, JsonError> {
    let mut r = Reader {
        text,
        s: text.as_bytes(),
        i: 0,
        unique,
        #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
        twice: None,
    };
    r.all()
}

/// Where a pack gives a key twice: the key, and the JSON Pointer of the object holding it.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key given twice.
    pub key: String,
    /// The JSON Pointer of the object that gives it twice (`/parameters/leadDays`).
    pub object: String,
}

/// A pack's JSON text to a `Value`, as [`read_submission`] reads a submission (a key given
/// twice in one object is refused, never merged), with the key and the pointer of its object
/// when that is why. They are found only once the key is: on the way out of the error, each
/// object and array adds its segment, so reading a pack that has none costs no more.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn read_pack(text: &str) -> Result<Value, (JsonError, Option<DuplicateKey>)> {
    let mut r = Reader { text, s: text.as_bytes(), i: 0, unique: true, twice: Some(Vec::new()) };
    r.all().map_err(|e| {
        let twice = r.twice.take().filter(|_| e.is_duplicate_key()).and_then(|mut segs| {
            segs.reverse();
            let key = segs.pop()?;
            let object = crate::pointer::Pointer::from_segments(segs.iter().map(String::as_str)).to_string();
            Some(DuplicateKey { key, object })
        });
        (e, twice)
    })
}

/// An error: serde_json's message, and the byte offset its line and column are counted to.
type Fail = (&'static str, usize);

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_OBJECT: &str = "EOF while parsing an object";
const INVALID_NUMBER: &str = "invalid number";
const INVALID_ESCAPE: &str = "invalid escape";
const OUT_OF_RANGE: &str = "number out of range";

/// serde_json's reader, step for step where errors are told: `i` is its index; an error
/// "at" the byte just read is counted to `i`, one "at" the next byte (its `peek_error`) to
/// `i + 1`.
struct Reader<'a> {
    /// The text, sliced (at ASCII bytes: no UTF-8 check) for strings and numbers.
    text: &'a str,
    s: &'a [u8],
    i: usize,
    /// Refuse a key given twice in one object.
    unique: bool,
    /// Packs only ([`read_pack`]): once a key given twice is found, the segments from the
    /// document to it, innermost first (the key itself first of all).
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    twice: Option<Vec<String>>,
}

/// [`JsonError`]'s reason for a key given twice (not serde_json's: it keeps the last).
const DUPLICATE_KEY: &str = "duplicate key";

impl Reader<'_> {
    /// The whole text: one value and nothing after it but whitespace.
    fn all(&mut self) -> Result<Value, JsonError> {
        let v = self.value(0).and_then(|v| match self.ws() {
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Ok(v),
        });
        v.map_err(|(why, at)| {
            let head = self.s.get(..at).unwrap_or_default();
            let line_start = head.iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
            let line = 1 + head.iter().filter(|&&c| c == b'\n').count();
            JsonError { why: Why::Code(why), line, column: at - line_start }
        })
    }

    /// On the way out of an error inside member `key` or element `index`: where a key given
    /// twice is, for a pack ([`read_pack`]; nothing in the runtime module, which reads none).
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    fn out_of(&mut self, fail: Fail, seg: impl FnOnce() -> String) -> Fail {
        if let Some(segs) = self.twice.as_mut().filter(|s| !s.is_empty() && fail.0 == DUPLICATE_KEY) {
            segs.push(seg());
        }
        fail
    }

    #[cfg(not(any(feature = "compiler", not(target_arch = "wasm32"))))]
    fn out_of(&mut self, fail: Fail, _: impl FnOnce() -> String) -> Fail {
        fail
    }

    /// The key (read again from its opening quote at `key_at`) given twice, for a pack.
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    fn twice_at(&mut self, key_at: usize) {
        if let Some(segs) = self.twice.as_mut() {
            let mut again = Reader { text: self.text, s: self.s, i: key_at + 1, unique: false, twice: None };
            segs.push(again.string().unwrap_or_default());
        }
    }

    #[cfg(not(any(feature = "compiler", not(target_arch = "wasm32"))))]
    fn twice_at(&mut self, _: usize) {}

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    /// Skips whitespace; the next byte.
    fn ws(&mut self) -> Option<u8> {
        while let Some(c) = self.peek() {
            if !json_space(c) {
                return Some(c);
            }
            self.i += 1;
        }
        None
    }

    fn error(&self, why: &'static str) -> Fail {
        (why, self.i)
    }

    fn peek_error(&self, why: &'static str) -> Fail {
        (why, self.s.len().min(self.i + 1))
    }

    fn ident(&mut self, rest: &[u8], v: Value) -> Result<Value, Fail> {
        for &want in rest {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c) if c != want => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(v)
    }

    fn value(&mut self, depth: u32) -> Result<Value, Fail> {
        let Some(c) = self.ws() else { return Err(self.peek_error(EOF_VALUE)) };
        match c {
            b'n' => {
                self.i += 1;
                self.ident(b"ull", Value::Null)
            }
            b't' => {
                self.i += 1;
                self.ident(b"rue", Value::Bool(true))
            }
            b'f' => {
                self.i += 1;
                self.ident(b"alse", Value::Bool(false))
            }
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' if depth >= MAX_DEPTH => Err(self.peek_error("recursion limit exceeded")),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    match self.ws() {
                        None => return Err(self.peek_error("EOF while parsing a list")),
                        Some(b']') => break,
                        Some(_) if items.is_empty() => {}
                        Some(b',') => {
                            self.i += 1;
                            match self.ws() {
                                Some(b']') => return Err(self.peek_error("trailing comma")),
                                Some(_) => {}
                                None => return Err(self.peek_error(EOF_VALUE)),
                            }
                        }
                        Some(_) => return Err(self.peek_error("expected `,` or `]`")),
                    }
                    let n = items.len();
                    items.push(self.value(depth + 1).map_err(|e| self.out_of(e, || n.to_string()))?);
                }
                self.i += 1;
                Ok(Value::Array(items))
            }
            b'{' => {
                self.i += 1;
                let mut map = Map::new();
                let mut first = true;
                loop {
                    match self.ws() {
                        None => return Err(self.peek_error(EOF_OBJECT)),
                        Some(b'}') => break,
                        Some(c) if first => {
                            if c != b'"' {
                                return Err(self.peek_error("key must be a string"));
                            }
                        }
                        Some(b',') => {
                            self.i += 1;
                            match self.ws() {
                                Some(b'"') => {}
                                Some(b'}') => return Err(self.peek_error("trailing comma")),
                                Some(_) => return Err(self.peek_error("key must be a string")),
                                None => return Err(self.peek_error(EOF_VALUE)),
                            }
                        }
                        Some(_) => return Err(self.peek_error("expected `,` or `}`")),
                    }
                    first = false;
                    let key_at = self.i;
                    self.i += 1;
                    let key = self.string()?;
                    match self.ws() {
                        Some(b':') => self.i += 1,
                        Some(_) => return Err(self.peek_error("expected `:`")),
                        None => return Err(self.peek_error(EOF_OBJECT)),
                    }
                    let v = match self.value(depth + 1) {
                        Ok(v) => v,
                        Err(e) => return Err(self.out_of(e, || key)),
                    };
                    if map.insert(key, v).is_some() && self.unique {
                        self.twice_at(key_at);
                        // At the second key's opening quote (the column counts from 1).
                        return Err((DUPLICATE_KEY, key_at + 1));
                    }
                }
                self.i += 1;
                Ok(Value::Object(map))
            }
            _ => Err(self.peek_error("expected value")),
        }
    }

    /// A number (at its first byte: `-` or a digit), checked as serde_json checks it; its
    /// value from its text (`u64`, else `i64` below zero, else a float by `super::parse_f64`, as
    /// serde_json).
    fn number(&mut self) -> Result<Number, Fail> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.i;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.i += 1;
            }
            r.i - from
        };
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if digits(self) == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            // serde_json's "zero significand": every digit so far is 0.
            let zero = self.s.get(start..self.i).unwrap_or_default().iter().all(|c| !matches!(c, b'1'..=b'9'));
            self.i += 1;
            float = true;
            let positive = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                _ => true,
            };
            let mut exp = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            };
            // An exponent beyond `i32`: an error as soon as it is, unless the number is 0.
            while let Some(c @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(c - b'0'))) {
                    Some(e) => exp = e,
                    None if !zero && positive => return Err(self.error(OUT_OF_RANGE)),
                    None => {
                        digits(self);
                        break;
                    }
                }
            }
        }
        let token = self.text.get(start..self.i).unwrap_or_default();
        if !float {
            if let Ok(u) = token.parse::<u64>() {
                return Ok(Number::from(u));
            }
            if let Ok(i) = token.parse::<i64>()
                && i != 0
            {
                return Ok(Number::from(i));
            }
        }
        // Beyond `f64`: serde_json's error, at the number's end.
        super::parse_f64(token).and_then(Number::from_f64).ok_or_else(|| self.error(OUT_OF_RANGE))
    }

    /// A string, after its opening quote; escapes decoded.
    fn string(&mut self) -> Result<String, Fail> {
        let mut from = self.i;
        self.i = crate::swar::first_special(self.s, from);
        let plain = self.text.get(from..self.i).unwrap_or_default();
        // Most strings have no escape: one allocation of their exact length.
        if self.peek() == Some(b'"') {
            self.i += 1;
            return Ok(plain.to_owned());
        }
        let mut out = String::from(plain);
        loop {
            match self.next() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => {
                    let Some(c) = self.next() else { return Err(self.error(EOF_STRING)) };
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return Err(self.error(INVALID_ESCAPE)),
                    });
                }
                Some(_) => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
            from = self.i;
            self.i = crate::swar::first_special(self.s, from);
            out.push_str(self.text.get(from..self.i).unwrap_or_default());
        }
    }

    /// The character of a `\u` escape (after the `u`), a surrogate pair included.
    fn unicode(&mut self) -> Result<char, Fail> {
        const LONE: &str = "lone leading surrogate in hex escape";
        let hi = self.hex4()?;
        if (0xDC00..0xE000).contains(&hi) {
            return Err(self.error(LONE));
        }
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi).ok_or_else(|| self.error(INVALID_ESCAPE));
        }
        for want in [b'\\', b'u'] {
            match self.next() {
                None => return Err(self.error(EOF_STRING)),
                Some(c) if c != want => return Err(self.error("unexpected end of hex escape")),
                Some(_) => {}
            }
        }
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return Err(self.error(LONE));
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)).ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let Some(hex) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        hex.iter()
            .try_fold(0, |n, c| char::from(*c).to_digit(16).map(|d| n * 16 + d))
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_builds_what_serde_json_builds() {
        for text in [
            r#" {"a": [1, -2, 2.5, -0, 0.0, 1e2, 18446744073709551615, -9223372036854775808, 18446744073709551616, -9223372036854775809],
                "b": {"c": null, "d": true, "e": false, "a": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00é"}, "a": 7.280749531897376e59} "#,
            "[]",
            "{}",
            r#""plain""#,
            "[[[[1]]]]",
        ] {
            let ours = read_json(text).ok();
            let theirs: Option<Value> = serde_json::from_str(text).ok();
            assert_eq!(ours.map(|v| v.to_string()), theirs.map(|v| v.to_string()), "{text}");
        }
        for bad in [
            "",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "\"\u{1}\"",
            "\"\\ud83d\"",
            "[1] 2",
            "nul",
            "{1:2}",
            "1e400",
            "\"\\x\"",
        ] {
            assert!(read_json(bad).is_err(), "{bad:?}");
        }
        assert!(read_json(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
        assert!(read_json(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_err());
    }
}
