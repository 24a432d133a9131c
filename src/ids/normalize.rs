//! Normalisation of text typed with Chinese input methods. Both functions borrow their input
//! when it is already normal (the common case), and allocate only when a character changes.

use std::borrow::Cow;

/// Normalises free text typed with a Chinese input method.
///
/// * full-width forms U+FF01..=U+FF5E become their ASCII counterparts
///   U+0021..=U+007E (digits, Latin letters, punctuation);
/// * the ideographic space U+3000 becomes an ASCII space;
/// * zero-width and invisible format characters ([`is_invisible`]: U+200B,
///   the direction marks U+200E, U+202A…) are removed;
/// * leading and trailing Unicode whitespace is trimmed.
///
/// Chinese characters and everything else are left untouched. The function
/// is idempotent: `normalize_text(&normalize_text(s)) == normalize_text(s)`. Text that is
/// already normal is borrowed, not copied.
#[must_use]
pub fn normalize_text(s: &str) -> Cow<'_, str> {
    normalize_with(s, map_char)
}

/// Normalises free text (names, addresses, notes) more gently than [`normalize_text`]:
/// full-width digits and Latin letters become ASCII, ideographic spaces become spaces,
/// invisible characters are removed and the ends trimmed, but Chinese punctuation
/// (`，。（）；：`) is kept as written. Idempotent; text already normal is borrowed.
#[must_use]
pub fn normalize_free_text(s: &str) -> Cow<'_, str> {
    normalize_with(s, |c| match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => map_char(c),
        '\u{FF01}'..='\u{FF5E}' => Some(c),
        other => map_char(other),
    })
}

/// Map every character with `map` (`None` removes it), then trim the ends. When `map`
/// changes nothing, the result is a slice of `s`: the same text as mapping and trimming a copy.
fn normalize_with(s: &str, map: impl Fn(char) -> Option<char>) -> Cow<'_, str> {
    // Both maps keep every ASCII character (what they change is full-width, U+3000 and
    // invisible characters, all outside ASCII): ASCII text is only trimmed.
    if s.is_ascii() || s.chars().all(|c| map(c) == Some(c)) {
        return Cow::Borrowed(s.trim());
    }
    let mapped: String = s.chars().filter_map(map).collect();
    let trimmed = mapped.trim();
    Cow::Owned(if trimmed.len() == mapped.len() { mapped } else { trimmed.to_owned() })
}

/// Whether [`normalize_text`] removes `c` wherever it is: zero-width and invisible
/// format characters (U+00AD, U+180E, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
/// U+2066–U+2069, U+FEFF). The direction marks and embeddings come with text pasted from web
/// pages and contact lists (`\u{202A}+86 138 0013 8000\u{202C}`; identifiers audit, thirty-sixth
/// session: 18 characters on screen were told “应为18位”).
#[must_use]
pub const fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Maps one character, or returns `None` when it must be removed.
fn map_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{3000}' => Some(' '),
        c if is_invisible(c) => None,
        _ => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_full_width() {
        assert_eq!(normalize_text("１２３ＡＢＣａｂｃ！～"), "123ABCabc!~");
        assert_eq!(normalize_text("\u{3000}中文\u{200B}\u{3000}"), "中文");
    }

    #[test]
    fn normal_text_is_borrowed() {
        for s in ["13800138000", "深圳市 南山区", "", "a b"] {
            assert!(matches!(normalize_text(s), Cow::Borrowed(_)), "{s:?}");
            assert!(matches!(normalize_free_text(s), Cow::Borrowed(_)), "{s:?}");
        }
        // Trimming alone still borrows (a slice of the input).
        assert!(matches!(normalize_text("  2020年\n"), Cow::Borrowed("2020年")));
        assert!(matches!(normalize_free_text("（两班制）"), Cow::Borrowed("（两班制）")));
        assert!(matches!(normalize_text("（"), Cow::Owned(_)));
        assert_eq!(normalize_text("\u{3000}１\u{200B}"), "1");
    }

    #[test]
    fn free_text_keeps_chinese_punctuation() {
        assert_eq!(normalize_free_text("员工１２０人，（两班制）\u{200B}"), "员工120人，（两班制）");
        assert_eq!(normalize_free_text(&normalize_free_text("ＡＢ，１")), "AB，1");
    }
}
