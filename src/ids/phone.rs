//! Mainland China phone numbers.

use std::borrow::Cow;

use super::IdError;
use super::normalize::normalize_text;

/// Whether a phone number is a mobile or a fixed-line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneKind {
    /// An 11-digit mobile number `1[3-9]xxxxxxxxx`.
    Mobile,
    /// A fixed-line number: area code `0` + 2–3 digits and a 7–8 digit
    /// subscriber number.
    Landline,
}

/// A validated mainland phone number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    /// Canonical form: 11 digits for a mobile number, `area-subscriber`
    /// (e.g. `0755-12345678`) for a landline.
    pub normalized: String,
    /// Mobile or landline.
    pub kind: PhoneKind,
}

/// Whether `c` is a separator that may appear anywhere in a phone number: spaces, parentheses
/// and hyphens, also the dashes a word processor or an input method puts for a hyphen
/// (U+2010–U+2015, such as `—` from a Chinese input method's `_` key, U+2212, U+FE58, U+FE63:
/// filings audit, thirty-ninth session, `0755—12345678` was refused).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}')
}

/// Whether `s` is an 11-digit mobile number `1[3-9]` + 9 digits.
fn is_mobile(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() == 11
        && s.bytes().all(|b| b.is_ascii_digit())
        && bytes.next() == Some(b'1')
        && matches!(bytes.next(), Some(b'3'..=b'9'))
}

/// Validates a mainland phone number and returns its canonical form.
///
/// The input goes through [`normalize_text`]; spaces, hyphens and
/// parentheses are ignored. A `+86`, `0086` or `86` country prefix is
/// stripped when what follows is an 11-digit mobile number.
///
/// * Mobile: `1[3-9]` followed by 9 digits, normalised to the 11 digits.
/// * Landline: area code `0` + 2–3 digits, then a 7–8 digit subscriber
///   number, normalised to `area-subscriber` such as `0755-12345678`.
///   `0755-12345678`, `(0755)12345678`, `0755 12345678` and `075512345678`
///   are all accepted. When a separator follows the first 3 or 4 digits it
///   marks the end of the area code (after other counts, the number is
///   refused: `07-12345678`); without one, area codes starting `01` or
///   `02` have 3 digits (010, 020–029) and all others 4, unless only the
///   other length leaves 7–8 digits (`0446495660` is `044-6495660`).
///
/// # Errors
///
/// [`IdError::PhoneFormat`] for anything else.
pub fn check_phone(s: &str) -> Result<Phone, IdError> {
    let text = normalize_text(s);
    let compact: String = text.chars().filter(|c| !is_separator(*c)).collect();

    for prefix in ["+86", "0086", "86"] {
        if let Some(rest) = compact.strip_prefix(prefix)
            && is_mobile(rest)
        {
            return Ok(mobile(rest));
        }
    }
    if is_mobile(&compact) {
        return Ok(mobile(&compact));
    }
    landline(&text, &compact)
}

/// [`check_phone`]'s canonical form, borrowing `s` when it is already canonical (a mobile
/// number's 11 digits, or `0` + 2–3 digits, `-` and 7–8 digits), so a valid number written
/// as it is kept costs no allocation.
///
/// # Errors
///
/// As [`check_phone`].
pub fn phone(s: &str) -> Result<Cow<'_, str>, IdError> {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let canonical_landline = s.split_once('-').is_some_and(|(area, number)| {
        (3..=4).contains(&area.len())
            && area.starts_with('0')
            && digits(area)
            && (7..=8).contains(&number.len())
            && digits(number)
    });
    if is_mobile(s) || canonical_landline {
        return Ok(Cow::Borrowed(s));
    }
    check_phone(s).map(|p| Cow::Owned(p.normalized))
}

fn mobile(digits: &str) -> Phone {
    Phone { normalized: digits.to_owned(), kind: PhoneKind::Mobile }
}

/// Parses a landline number; `text` is the normalised input and `compact`
/// the same with separators removed.
fn landline(text: &str, compact: &str) -> Result<Phone, IdError> {
    if !compact.starts_with('0') || !compact.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::PhoneFormat);
    }

    // Number of digits before the first separator that follows a digit.
    let mut seen = 0usize;
    let mut first_break = None;
    for c in text.chars() {
        if c.is_ascii_digit() {
            seen += 1;
        } else if seen > 0 && first_break.is_none() {
            first_break = Some(seen);
        }
    }

    // A separator after 3 or 4 digits ends the area code. Otherwise the area code is the
    // usual length (3 digits for 010 and 020–029, 4 for others) when the rest is then 7–8
    // digits, else the other length: any `0` + 2–3 digits and 7–8 digits is a landline
    // (domain.md §6.3; audit: `0446495660` was refused).
    // A separator elsewhere splits no landline (`07-12345678`, `00755-1234567`: audit).
    let lengths: &[usize] = match first_break.filter(|n| *n < seen) {
        Some(n @ (3 | 4)) => &[n][..],
        Some(_) => return Err(IdError::PhoneFormat),
        _ if compact.starts_with("01") || compact.starts_with("02") => &[3, 4],
        _ => &[4, 3],
    };
    lengths
        .iter()
        .find_map(|&n| match (compact.get(..n), compact.get(n..)) {
            (Some(area), Some(number)) if (7..=8).contains(&number.len()) => {
                Some(Phone { normalized: format!("{area}-{number}"), kind: PhoneKind::Landline })
            }
            _ => None,
        })
        .ok_or(IdError::PhoneFormat)
}
