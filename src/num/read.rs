//! JSON text to a `Value` with every number correctly rounded, as `JSON.parse` reads it,
//! without serde_json's `float_roundtrip` parser (issue 9, point 5: 36 KB of the runtime's
//! `.wasm`, 14 KB gzipped, beside core's `f64::from_str`, which is correctly rounded too and
//! already linked).
//!
//! serde_json's default float parser multiplies the digits by a power of ten: exact (one
//! rounding) when the digits are below 2^53 and the power at most 10^22, one unit in the last
//! place off at times otherwise. Text whose numbers are all of the first kind — nearly every
//! submission: `3`, `2.5`, `13800138000` — is read by serde_json as before; text with one of the
//! others (`7.280749531897376e59`, 17 digits) by [`read`] below, whose numbers core parses.
//! Anything [`read`] does not take — invalid JSON, a lone surrogate, deep nesting, a number out
//! of range — is left to serde_json, so errors (and their line and column) are serde_json's.

use serde_json::{Map, Number, Value};

/// Whether serde_json rounds every number correctly itself: with `float_roundtrip`, natively
/// and in the compiler module (Cargo.toml). Then [`parse_json`] is `serde_json::from_str`.
const SERDE_ROUNDS: bool = cfg!(any(feature = "compiler", not(target_arch = "wasm32")));

/// JSON text to a `Value`, numbers correctly rounded (see the module's comment).
pub fn parse_json(text: &str) -> serde_json::Result<Value> {
    if SERDE_ROUNDS {
        return serde_json::from_str(text);
    }
    // Parsed first: only a text with a float (most have none) is looked at again.
    let core = || has_inexact_number(text).then(|| read(text)).flatten();
    match serde_json::from_str(text) {
        Ok(v) if has_float(&v) => Ok(core().unwrap_or(v)),
        Ok(v) => Ok(v),
        Err(e) => core().ok_or(e),
    }
}

/// Whether a float (or an integer beyond `u64`) is somewhere in `v`.
fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(items) => items.iter().any(has_float),
        Value::Object(m) => m.values().any(has_float),
        _ => false,
    }
}

/// Whether this build's serde_json might round a number of the text otherwise than
/// `JSON.parse` (so readers built on serde_json, as `schema::read_clean`, must leave it to
/// [`parse_json`]).
pub fn needs_core_parser(text: &str) -> bool {
    !SERDE_ROUNDS && has_inexact_number(text)
}

/// Whether the text holds a number (outside strings) that serde_json's default parser might
/// not round correctly: a fraction or exponent with more than 15 significant digits or a power
/// of ten beyond 10^±22, or an integer of more than 19 digits. Conservative: `true` only costs
/// the slower reader.
pub fn has_inexact_number(text: &str) -> bool {
    let mut rest = text.as_bytes();
    // Outside strings: to the next string or number.
    while let Some(at) = rest.iter().position(|&c| c == b'"' || c == b'-' || c.is_ascii_digit()) {
        rest = rest.get(at..).unwrap_or_default();
        if rest.first() == Some(&b'"') {
            // Inside a string: to its closing quote, escapes skipped.
            rest = rest.get(1..).unwrap_or_default();
            while let Some(at) = quote_or_backslash(rest) {
                let quote = rest.get(at) == Some(&b'"');
                rest = rest.get(at.saturating_add(if quote { 1 } else { 2 })..).unwrap_or_default();
                if quote {
                    break;
                }
            }
        } else {
            let end = rest
                .iter()
                .position(|c| !matches!(c, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                .unwrap_or(rest.len());
            if !exact(rest.get(..end).unwrap_or_default()) {
                return true;
            }
            rest = rest.get(end..).unwrap_or_default();
        }
    }
    false
}

/// The index of the first `"` or `\\` of `s` (a submission is mostly text: this is most of
/// [`has_inexact_number`]'s time).
fn quote_or_backslash(s: &[u8]) -> Option<usize> {
    memchr::memchr2(b'"', b'\\', s)
}

/// Whether serde_json's default parser reads this number token exactly (see
/// [`has_inexact_number`]).
fn exact(token: &[u8]) -> bool {
    let (mut digits, mut frac, mut exp, mut neg_exp) = (0u32, 0i64, 0i64, false);
    let (mut started, mut in_frac, mut in_exp, mut float) = (false, false, false, false);
    for &c in token {
        match c {
            b'0'..=b'9' if in_exp => exp = exp.saturating_mul(10).saturating_add(i64::from(c - b'0')),
            b'0'..=b'9' => {
                started |= c != b'0';
                if started {
                    digits = digits.saturating_add(1);
                }
                if in_frac {
                    frac = frac.saturating_add(1);
                }
            }
            b'.' => (in_frac, float) = (true, true),
            b'e' | b'E' => (in_exp, float) = (true, true),
            b'-' if in_exp => neg_exp = true,
            _ => {}
        }
    }
    if !float {
        return digits <= 19;
    }
    let power = if neg_exp { -exp } else { exp }.saturating_sub(frac);
    digits <= 15 && (-22..=22).contains(&power)
}

/// serde_json's limit: 128 levels of arrays and objects.
const MAX_DEPTH: u32 = 127;

/// Strict JSON (RFC 8259) to a `Value` as serde_json builds it (a later duplicate key
/// replaces an earlier one; integers as `u64`/`i64` where they fit, `-0` a float), numbers by
/// core's parser; `None` at anything it does not take.
pub fn read(text: &str) -> Option<Value> {
    let mut r = Reader { s: text.as_bytes(), i: 0 };
    let v = r.value(0)?;
    r.ws();
    (r.i == r.s.len()).then_some(v)
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i.checked_add(word.len())?;
        (self.s.get(self.i..end)? == word).then(|| self.i = end)
    }

    fn value(&mut self, depth: u32) -> Option<Value> {
        self.ws();
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| Value::Null),
            b't' => self.eat(b"true").map(|()| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Value::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut map = Map::new();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(Value::Object(map));
                }
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    let v = self.value(depth + 1)?;
                    map.insert(key, v);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Value::Object(map));
                        }
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    /// A number token: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Option<Number> {
        let start = self.i;
        let digits = |r: &mut Self| {
            let from = r.i;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.i += 1;
            }
            r.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        if !digits(self) || (self.s.get(int_start) == Some(&b'0') && self.i > int_start + 1) {
            return None;
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let token = std::str::from_utf8(self.s.get(start..self.i)?).ok()?;
        if !float {
            // As serde_json: u64, else i64 below zero, else (beyond, or `-0`) a float.
            if let Ok(u) = token.parse::<u64>() {
                return Some(Number::from(u));
            }
            if let Ok(i) = token.parse::<i64>()
                && i != 0
            {
                return Some(Number::from(i));
            }
        }
        let x: f64 = token.parse().ok()?;
        // Out of range (infinite): serde_json's error.
        Number::from_f64(x)
    }

    /// A string, after its opening quote; escapes decoded.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let from = self.i;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(self.s.get(from..self.i)?).ok()?);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    let c = self.peek()?;
                    self.i += 1;
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
                        _ => return None,
                    });
                }
                // A control character: serde_json's error.
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), a surrogate pair included.
    fn unicode(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi);
        }
        self.eat(b"\\u")?;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.i.checked_add(4)?;
        let hex = self.s.get(self.i..end)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.i = end;
        u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_numbers_are_found_outside_strings_only() {
        for easy in [
            r#"{"a":1,"b":2.5,"c":-0.001,"d":13800138000,"e":1e22,"f":12345678901234.5}"#,
            r#"{"id":"7.280749531897376e59 440301199001011234"}"#,
            "9999999999999999999",
            "-9223372036854775808",
            "[0.000000000000000000001]",
        ] {
            assert!(!has_inexact_number(easy), "{easy}");
        }
        for hard in [
            "7.280749531897376e59",
            r#"{"a":"\"","b":[1,0.30000000000000004]}"#,
            "1e23",
            "18446744073709551615",
            "1.0000000000000000",
            "5e-324",
        ] {
            assert!(has_inexact_number(hard), "{hard}");
        }
    }

    #[test]
    fn quotes_and_backslashes_are_found_eight_bytes_at_a_time() {
        let text = "abcdefgh\\ijklmnop\"qrstuvw\"\"é\u{2028}\"xyz\\";
        let naive = |s: &[u8]| s.iter().position(|&c| c == b'"' || c == b'\\');
        for start in 0..text.len() {
            let s = text.as_bytes().get(start..).unwrap_or_default();
            assert_eq!(quote_or_backslash(s), naive(s), "{start}");
        }
        assert_eq!(quote_or_backslash(b"abcdefghijklmnopq"), None);
    }

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
            let ours = read(text);
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
            assert_eq!(read(bad), None, "{bad:?}");
        }
        assert!(read(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_some());
        assert!(read(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_none());
    }
}
