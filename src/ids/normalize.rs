//! Normalisation of text typed with Chinese input methods.

/// Normalises free text typed with a Chinese input method.
///
/// * full-width forms U+FF01..=U+FF5E become their ASCII counterparts
///   U+0021..=U+007E (digits, Latin letters, punctuation);
/// * the ideographic space U+3000 becomes an ASCII space;
/// * zero-width and invisible format characters (U+200B, U+200C, U+200D,
///   U+2060, U+FEFF, U+00AD) are removed;
/// * leading and trailing Unicode whitespace is trimmed.
///
/// Chinese characters and everything else are left untouched. The function
/// is idempotent: `normalize_text(&normalize_text(s)) == normalize_text(s)`.
#[must_use]
pub fn normalize_text(s: &str) -> String {
    let mapped: String = s.chars().filter_map(map_char).collect();
    let trimmed = mapped.trim();
    if trimmed.len() == mapped.len() { mapped } else { trimmed.to_owned() }
}

/// Maps one character, or returns `None` when it must be removed.
fn map_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{3000}' => Some(' '),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
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
}
