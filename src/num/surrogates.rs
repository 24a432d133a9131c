//! JSON text read as `JSON.parse` reads it and a JS string crosses into Rust: a lone surrogate
//! escape is U+FFFD (submissions, `src/engine.rs`; packs, `crate::pack::read_json`).

use std::borrow::Cow;

/// Whether `text` holds `\u` anywhere. Natively `str::contains` (SIMD on x86-64); in wasm a
/// byte loop: core's substring searcher brings its slice-panic path, with its message and the
/// Unicode tables that print a char of it (~10 KB), into the .wasm.
#[cfg(not(target_arch = "wasm32"))]
fn has_unicode_escape(text: &str) -> bool {
    text.contains("\\u")
}

#[cfg(target_arch = "wasm32")]
fn has_unicode_escape(text: &str) -> bool {
    has_unicode_escape_bytewise(text)
}

#[cfg(any(target_arch = "wasm32", test))]
fn has_unicode_escape_bytewise(text: &str) -> bool {
    let mut rest = text.as_bytes();
    while let Some(at) = rest.iter().position(|&b| b == b'\\') {
        rest = rest.get(at + 1..).unwrap_or_default();
        if rest.first() == Some(&b'u') {
            return true;
        }
    }
    false
}

/// JSON text with every lone surrogate escape inside a string (`\ud83d` not followed by a low
/// surrogate escape, a lone `\udc00`, each half of a reversed pair) spelt `\ufffd`, as
/// `JSON.parse` followed by a JS → Rust string conversion reads it; serde_json refuses them.
/// Valid pairs, other escapes (`\\ud83d` is a backslash and text) and text outside strings
/// are left as they are; the length does not change, so error positions stay true. Borrows
/// (no allocation) unless something is replaced.
pub fn lone_surrogates_replaced(text: &str) -> Cow<'_, str> {
    if !has_unicode_escape(text) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    // The code unit of a `\uXXXX` escape starting at `i`, if it is one.
    let unit = |i: usize| -> Option<u16> {
        let hex = bytes.get(i..i.checked_add(6)?)?;
        if hex.first() != Some(&b'\\') || hex.get(1) != Some(&b'u') {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex.get(2..)?).ok()?, 16).ok()
    };
    let mut lone: Vec<usize> = Vec::new();
    let (mut i, mut in_string) = (0usize, false);
    while let Some(&b) = bytes.get(i) {
        match (in_string, b) {
            (_, b'"') => {
                in_string = !in_string;
                i += 1;
            }
            (true, b'\\') => match unit(i) {
                Some(0xD800..=0xDBFF) if unit(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => i += 12,
                Some(0xD800..=0xDFFF) => {
                    lone.push(i);
                    i += 6;
                }
                Some(_) => i += 6,
                None => i += 2,
            },
            _ => i += 1,
        }
    }
    if lone.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0usize;
    for at in lone {
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push_str("\\ufffd");
        from = at + 6;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    /// The wasm build's byte loop finds `\u` where `str::contains` does.
    #[test]
    fn the_bytewise_escape_test_agrees_with_contains() {
        for t in ["", "\\", "\\u", "a\\", "a\\\\u", "\\\"u", "x\\nu", "\\\\", "{\"a\":\"\\ud83d\"}", "中\\文u", "u\\"]
        {
            assert_eq!(super::has_unicode_escape_bytewise(t), t.contains("\\u"), "{t:?}");
        }
    }
}
