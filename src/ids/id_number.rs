//! Resident identity card number (居民身份证号码), GB 11643-1999.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::IdError;
use super::normalize::normalize_text;
use super::province::is_province_code;

/// Weights of positions 1–17: 2^(18−i) mod 11.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check characters indexed by Σ value×weight mod 11.
const CHECK_CHARS: &str = "10X98765432";

/// Validates an 18-character resident identity card number and returns it
/// normalised (full-width characters mapped, internal whitespace removed,
/// a trailing `x` upper-cased).
///
/// Checks, in order: length 18; 17 ASCII digits followed by a digit or `X`;
/// a province-level code in digits 1–2; a real birth date `YYYYMMDD` in
/// digits 7–14 that is not after `today` (domain.md §6.2: "a real date, not in the future";
/// no earliest year: audit, 1899-12-31 was refused); and the
/// ISO 7064 MOD 11-2 check character.
///
/// # Errors
///
/// [`IdError::IdNumberLength`], [`IdError::IdNumberCharset`],
/// [`IdError::IdNumberProvince`], [`IdError::IdNumberBirthDate`] or
/// [`IdError::IdNumberChecksum`].
pub fn check_id_number(s: &str, today: NaiveDate) -> Result<String, IdError> {
    id_number(s, today).map(Cow::into_owned)
}

/// `s` as an ID number is written once normalised, whether or not it is one: [`normalize_text`],
/// internal whitespace removed, `x` upper-cased. Borrowed when there is nothing to change.
pub fn id_number_form(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let plain = b.len() == 18
        && b.iter().take(17).all(u8::is_ascii_digit)
        && b.last().is_some_and(|c| c.is_ascii_digit() || *c == b'X');
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            normalize_text(s).chars().filter(|c| !c.is_whitespace()).map(|c| if c == 'x' { 'X' } else { c }).collect(),
        )
    }
}

/// [`check_id_number`], borrowing `s` when it is already the normalised number (17 ASCII digits
/// and a digit or `X`), so a valid number costs no allocation.
///
/// # Errors
///
/// As [`check_id_number`].
pub fn id_number(s: &str, today: NaiveDate) -> Result<Cow<'_, str>, IdError> {
    let id = id_number_form(s);
    if id.chars().count() != 18 {
        return Err(IdError::IdNumberLength);
    }

    let mut digits = [0u32; 17];
    let mut last = None;
    for (i, c) in id.chars().enumerate() {
        if i < 17 {
            if !c.is_ascii_digit() {
                return Err(IdError::IdNumberCharset);
            }
            if let Some(d) = digits.get_mut(i) {
                *d = c.to_digit(10).ok_or(IdError::IdNumberCharset)?;
            }
        } else if c.is_ascii_digit() || c == 'X' {
            last = Some(c);
        } else {
            return Err(IdError::IdNumberCharset);
        }
    }
    let last = last.ok_or(IdError::IdNumberLength)?;

    let mut chars = id.chars();
    let (Some(tens), Some(units)) = (chars.next(), chars.next()) else {
        return Err(IdError::IdNumberLength);
    };
    if !is_province_code(tens, units) {
        return Err(IdError::IdNumberProvince);
    }

    let birth = birth_date(&digits).ok_or(IdError::IdNumberBirthDate)?;
    if birth > today {
        return Err(IdError::IdNumberBirthDate);
    }

    let sum: u32 = digits.iter().zip(WEIGHTS.iter()).map(|(d, w)| d * w).sum();
    let expected =
        usize::try_from(sum % 11).ok().and_then(|i| CHECK_CHARS.chars().nth(i)).ok_or(IdError::IdNumberChecksum)?;
    if last != expected {
        return Err(IdError::IdNumberChecksum);
    }
    Ok(id)
}

/// The birth date encoded in digits 7–14 (`YYYYMMDD`), if it exists.
fn birth_date(digits: &[u32]) -> Option<NaiveDate> {
    let number = |from: usize, len: usize| -> Option<u32> {
        digits.get(from..from + len).map(|ds| ds.iter().fold(0u32, |acc, d| acc * 10 + d))
    };
    // Year 0000 is no year of the calendar (1 BC is not written so): not a real date.
    let year = i32::try_from(number(6, 4)?).ok().filter(|y| *y >= 1)?;
    let month = number(10, 2)?;
    let day = number(12, 2)?;
    NaiveDate::from_ymd_opt(year, month, day)
}
