//! What crosses the boundary: JSON text in (options, submissions), JSON text out (answers,
//! crossing as ASCII), and the errors the package throws, as a JSON description that the JS
//! layer (src/wasm/api.js) turns into the very `Error` it throws: message, `code`, and extra
//! fields (`index`, `maxBytes`, `path`, `errors`) in that order.
//!
//! The module calls no JavaScript (BENCHMARKS.md, "A module with no JS import"): a raw export
//! that fails returns `None` (or `false`) and leaves its error here, for `_error()`.

use std::cell::RefCell;

use serde_json::Value;

use crate::answer::cold::{WriteJson, value as json_value};
use crate::{Locale, PackErrors};

thread_local! {
    /// The last failed call's error, as JSON text ("": the JS layer's own error stands).
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// An error for the JS layer to throw.
pub(super) struct Thrown {
    message: String,
    code: &'static str,
    /// More fields as JSON members, each led by a comma: `,"index":3`.
    extra: String,
}

impl Thrown {
    /// No error of this side: the JS layer throws the one it found (it read the options up to
    /// a mistake of its own, and this side found none in what came before).
    pub(super) fn pending() -> Thrown {
        Thrown { message: String::new(), code: "", extra: String::new() }
    }

    /// One more field of the `Error`: its name and its value as JSON text.
    pub(super) fn with(mut self, key: &str, json: &str) -> Thrown {
        self.extra.push_str(",\"");
        self.extra.push_str(key);
        self.extra.push_str("\":");
        self.extra.push_str(json);
        self
    }

    /// The JSON description: `{"message":…,"code":…,…}`; empty for [`Thrown::pending`].
    fn json(&self) -> String {
        if self.code.is_empty() {
            return String::new();
        }
        let mut out = String::from("{\"message\":");
        string(&mut out, &self.message);
        out.push_str(",\"code\":");
        string(&mut out, self.code);
        out.push_str(&self.extra);
        out.push('}');
        out
    }
}

/// An error with `message` and a `code`.
pub(super) fn coded(message: &str, code: &'static str) -> Thrown {
    Thrown { message: message.to_owned(), code, extra: String::new() }
}

/// `Some` of the value, or `None` with the error kept for `_error()`.
pub(super) fn out<T>(result: Result<T, Thrown>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            LAST_ERROR.with(|last| *last.borrow_mut() = e.json());
            None
        }
    }
}

/// The last failed call's error as JSON text, or "" when the JS layer's own error stands.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "_error", skip_typescript)]
pub fn take_error() -> String {
    LAST_ERROR.with(|last| std::mem::take(&mut *last.borrow_mut()))
}

/// The object of JSON text the JS layer wrote (options): its members, or none.
pub(super) fn members(text: &str) -> serde_json::Map<String, Value> {
    match crate::num::parse_json(text) {
        Ok(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

/// An answer (or any value the package returns) as JSON text, written straight ([`WriteJson`]:
/// the bytes `serde_json::to_string` gives, without serde's serializer in the runtime),
/// crossing as ASCII ([`push_ascii`]); the JS layer parses it (`JSON.parse`).
pub(super) fn answer_text<A: WriteJson + ?Sized>(answer: &A) -> String {
    let mut text = String::new();
    answer.write_json(&mut text);
    ascii(text)
}

/// JSON text as ASCII ([`push_ascii`]).
#[inline(never)]
pub(super) fn ascii(text: String) -> String {
    if text.is_ascii() {
        return text;
    }
    let mut ascii = String::with_capacity(text.len() + text.len() / 2);
    push_ascii(&mut ascii, &text);
    ascii
}

/// JSON text appended to `out` with every character past ASCII written as a `\uXXXX` escape
/// (two for one past the BMP): the same JSON value, since such characters occur only inside
/// strings. Answers cross to JS this way because ASCII text decodes (`TextDecoder`) about
/// twice as fast, and `JSON.parse` reads a one-byte string faster than a two-byte one
/// (BENCHMARKS.md, "The batch's boundary"). Answers are mostly ASCII: a few messages and names are not.
#[inline(never)]
pub(super) fn push_ascii(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Written as bytes, each escape at once, and read as text once at the end (pushing its six
    // characters one by one was a twentieth of a keystroke's time in the module: the
    // twenty-ninth session's profile). Only ASCII and whole pieces of `text` are written, and
    // only they are read again (`out` may be a batch's chunk of megabytes).
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len() + text.len() / 2);
    let mut rest = text;
    while let Some((ascii, tail)) = first_non_ascii(rest.as_bytes()).and_then(|i| rest.split_at_checked(i)) {
        bytes.extend_from_slice(ascii.as_bytes());
        let mut chars = tail.chars();
        let mut units = [0u16; 2];
        for &unit in chars.next().map_or(&mut [][..], |c| c.encode_utf16(&mut units)).iter() {
            let hex = |shift: u16| HEX.get(usize::from((unit >> shift) & 15)).copied().unwrap_or(b'0');
            bytes.extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
        }
        rest = chars.as_str();
    }
    bytes.extend_from_slice(rest.as_bytes());
    out.push_str(std::str::from_utf8(&bytes).unwrap_or_default());
}

/// Where the first byte past ASCII is: eight bytes at a time (most answers have none; the rest
/// a few messages).
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    for (i, word) in words.enumerate() {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0x80; 8]));
        if w & 0x8080_8080_8080_8080 != 0 {
            return Some(i * 8 + (w & 0x8080_8080_8080_8080).trailing_zeros() as usize / 8);
        }
    }
    tail.iter().position(|b| !b.is_ascii()).map(|p| bytes.len() - tail.len() + p)
}

/// The CLI's JSON text of a value (the compiler module's answers), as ASCII.
#[cfg(feature = "compiler")]
pub(super) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Thrown> {
    serde_json::to_string(value).map(ascii).map_err(|e| coded(&format!("cannot build the answer: {e}"), "internal"))
}

/// The `Error` for a bad pack: message, `code`/`path` of the first mistake, and `errors`.
pub(super) fn pack_error(errors: &PackErrors) -> Thrown {
    let first = errors.0.first();
    let mut all = String::from("[");
    for (i, p) in errors.0.iter().enumerate() {
        all.push_str(if i == 0 { "{\"path\":" } else { ",{\"path\":" });
        string(&mut all, &p.path);
        all.push_str(",\"code\":");
        string(&mut all, p.kind.code());
        all.push_str(",\"message\":");
        string(&mut all, &p.message);
        all.push_str(",\"messages\":");
        all.push_str(&both(p.message_in(Locale::ZhCn), &p.message));
        all.push('}');
    }
    all.push(']');
    let mut path = String::new();
    string(&mut path, first.map_or("", |p| p.path.as_str()));
    let summary = errors.to_string();
    coded(&summary, first.map_or("pack.syntax", |p| p.kind.code()))
        .with("path", &path)
        .with("errors", &all)
        .with("messages", &both(&errors.summary_in(Locale::ZhCn), &summary))
}

/// `{"zh-CN":…,"en":…}`: a pack's mistake in Chinese first, and in English.
pub(super) fn both(zh: &str, en: &str) -> String {
    let mut out = String::from("{\"zh-CN\":");
    string(&mut out, zh);
    out.push_str(",\"en\":");
    string(&mut out, en);
    out.push('}');
    out
}

/// A JSON string.
pub(super) fn string(out: &mut String, s: &str) {
    json_value(out, &Value::String(s.to_owned()));
}
