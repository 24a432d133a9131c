//! Converting between JS values and the engine's JSON text, and the `Error`s the package
//! throws (a real `Error` with a stable `code`).

use js_sys::{Array, Error, JSON, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::PackErrors;
use crate::answer::cold::WriteJson;
use crate::engine::MAX_INPUT_BYTES;

/// The JSON text of a submission: a string as it is, anything else through `JSON.stringify`.
/// Text longer than the engine accepts is cut just past the limit (so the engine answers
/// `input.too_large` without copying all of it into wasm memory).
pub(super) fn input_text(input: &JsValue, what: &str) -> Result<String, Error> {
    let Some(s) = input.dyn_ref::<js_sys::JsString>() else {
        return json_text(input, what, &format!("a {what} object or JSON text"));
    };
    let limit = u32::try_from(MAX_INPUT_BYTES).unwrap_or(u32::MAX);
    // Checking takes a small multiple of the text (its value tree, the answer): refused
    // before it is copied in when the heap could not hold it (`engine.out_of_memory`).
    let needed = (s.length().min(limit) as usize).saturating_mul(super::memory::WORK_PER_INPUT_BYTE);
    super::memory::reserve(needed.saturating_add(1 << 20), format_args!("this {what}"))?;
    if s.length() > limit {
        // UTF-8 never has fewer bytes than UTF-16 code units: the cut is still too large.
        return Ok(String::from(s.slice(0, limit.saturating_add(1))));
    }
    Ok(String::from(s))
}

/// `JSON.stringify(value)`, or an `Error` saying why not.
pub(super) fn json_text(value: &JsValue, what: &str, expected: &str) -> Result<String, Error> {
    super::memory::reserve(1 << 20, format_args!("this {what}"))?;
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    match JSON::stringify(value) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| coded(&format!("expected {expected}, got {}", js_type(value)), "input.unconvertible")),
        Err(e) => {
            Err(coded(&format!("the {what} cannot be converted to JSON: {}", js_message(&e)), "input.unconvertible"))
        }
    }
}

/// A value as a plain JS object: the CLI's JSON text (the same serializer, so the same key
/// order), parsed by `JSON.parse` — objects and arrays only, no `Map`, no `undefined`.
/// (Smaller than serde-wasm-bindgen and exact for every JSON value; see BENCHMARKS.md.)
#[cfg(feature = "compiler")]
pub(super) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, Error> {
    parse_json(&to_json(value)?)
}

/// An answer (or any value the package returns) as a plain JS object: its JSON text written
/// straight ([`WriteJson`]: the bytes `serde_json::to_string` gives, without serde's
/// serializer in the runtime), crossing as ASCII ([`push_ascii`]).
pub(super) fn answer_to_js<A: WriteJson + ?Sized>(answer: &A) -> Result<JsValue, Error> {
    let mut text = String::new();
    answer.write_json(&mut text);
    ascii_to_js(&text)
}

/// `JSON.parse` of JSON text, crossing as ASCII ([`push_ascii`]).
#[inline(never)]
fn ascii_to_js(text: &str) -> Result<JsValue, Error> {
    if text.is_ascii() {
        return parse_json(text);
    }
    let mut ascii = String::with_capacity(text.len() + text.len() / 2);
    push_ascii(&mut ascii, text);
    parse_json(&ascii)
}

/// JSON text appended to `out` with every character past ASCII written as a `\uXXXX` escape
/// (two for one past the BMP): the same JSON value, since such characters occur only inside
/// strings. Answers cross to JS this way because ASCII text decodes (`TextDecoder`) about
/// twice as fast, and `JSON.parse` reads a one-byte string faster than a two-byte one
/// (BENCHMARKS.md, "The batch's boundary"). Answers are mostly ASCII: a few messages and names are not.
#[inline(never)]
pub(super) fn push_ascii(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut rest = text;
    while let Some((ascii, tail)) = first_non_ascii(rest.as_bytes()).and_then(|i| rest.split_at_checked(i)) {
        out.push_str(ascii);
        let mut chars = tail.chars();
        let mut units = [0u16; 2];
        for unit in chars.next().map_or(&mut [][..], |c| c.encode_utf16(&mut units)).iter() {
            out.push_str("\\u");
            for shift in [12u16, 8, 4, 0] {
                out.push(char::from(HEX.get(usize::from((unit >> shift) & 15)).copied().unwrap_or(b'0')));
            }
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
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

/// The CLI's JSON text of a value (the compiler module's answers).
#[cfg(feature = "compiler")]
pub(super) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| coded(&format!("cannot build the answer: {e}"), "internal"))
}

/// `JSON.parse` of an answer's text.
pub(super) fn parse_json(text: &str) -> Result<JsValue, Error> {
    JSON::parse(text).map_err(|e| coded(&format!("cannot build the answer: {}", js_message(&e)), "internal"))
}

/// An `Error` with `message` and a `code` property.
pub(super) fn coded(message: &str, code: &str) -> Error {
    let e = Error::new(message);
    let _ = Reflect::set(&e, &"code".into(), &code.into());
    e
}

/// The `Error` for a bad pack: message, `code`/`path` of the first mistake, and `errors`.
pub(super) fn pack_error(errors: &PackErrors) -> Error {
    let first = errors.0.first();
    let e = coded(&errors.to_string(), first.map_or("pack.syntax", |p| p.kind.code()));
    let _ = Reflect::set(&e, &"path".into(), &first.map_or(String::new(), |p| p.path.clone()).into());
    let all = Array::new();
    for p in &errors.0 {
        let o = Object::new();
        let _ = Reflect::set(&o, &"path".into(), &p.path.as_str().into());
        let _ = Reflect::set(&o, &"code".into(), &p.kind.code().into());
        let _ = Reflect::set(&o, &"message".into(), &p.message.as_str().into());
        all.push(&o);
    }
    let _ = Reflect::set(&e, &"errors".into(), &all);
    e
}

/// The first line of a thrown JS value's message, first letter lower-cased.
pub(super) fn js_message(e: &JsValue) -> String {
    let text = match e.dyn_ref::<Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| js_type(e)),
    };
    let line = text.lines().next().unwrap_or_default().trim();
    let mut chars = line.chars();
    match chars.next() {
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => "unknown error".to_owned(),
    }
}

/// A short name of a JS value's type for messages: `undefined`, `null`, `an array` …
pub(super) fn js_type(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else if Array::is_array(v) {
        "an array".to_owned()
    } else {
        match v.js_typeof().as_string().as_deref() {
            Some("undefined") => "undefined".to_owned(),
            Some("object") => "an object".to_owned(),
            Some(t) => format!("a {t}"),
            None => "a value".to_owned(),
        }
    }
}
