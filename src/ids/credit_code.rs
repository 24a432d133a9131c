//! Unified social credit code (统一社会信用代码), GB 32100-2015.

use std::borrow::Cow;

use super::IdError;
use super::normalize::normalize_text;

/// The 31 symbols of the code, in value order (no I, O, Z, S, V).
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17: 3^(i−1) mod 31.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Value of a symbol, i.e. its index in [`CHARSET`].
fn value_of(c: char) -> Option<u32> {
    CHARSET.chars().position(|s| s == c).and_then(|p| u32::try_from(p).ok())
}

/// Validates a unified social credit code and returns it normalised.
///
/// The input goes through [`normalize_text`], internal whitespace is removed
/// and lower-case letters are upper-cased. The result must be 18 symbols from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY` whose last symbol is the GB 32100-2015
/// check character of the first 17 (weights 3^(i−1) mod 31, check value
/// 31 − (Σ value×weight mod 31), with 31 written as `0`). The area code in
/// positions 3–8 is only checked against the character set.
///
/// # Errors
///
/// [`IdError::CreditCodeLength`], [`IdError::CreditCodeCharset`] or
/// [`IdError::CreditCodeChecksum`].
pub fn check_credit_code(s: &str) -> Result<String, IdError> {
    credit_code(s).map(Cow::into_owned)
}

/// [`check_credit_code`], borrowing `s` when it is already the normalised code (18 ASCII digits
/// and capitals: nothing to map, remove or upper-case), so a valid code costs no allocation.
///
/// # Errors
///
/// As [`check_credit_code`].
pub fn credit_code(s: &str) -> Result<Cow<'_, str>, IdError> {
    let code = credit_code_form(s);
    if code.chars().count() != 18 {
        return Err(IdError::CreditCodeLength);
    }
    let (mut sum, mut actual) = (0u32, None);
    for (i, c) in code.chars().enumerate() {
        let v = value_of(c).ok_or(IdError::CreditCodeCharset)?;
        sum += v * WEIGHTS.get(i).copied().unwrap_or_default();
        actual = Some(v);
    }
    let expected = (31 - sum % 31) % 31;
    if actual.ok_or(IdError::CreditCodeLength)? != expected {
        return Err(IdError::CreditCodeChecksum);
    }
    Ok(code)
}

/// `s` as a credit code is written once normalised, whether or not it is one: [`normalize_text`],
/// internal whitespace removed, lower case upper-cased. Borrowed when there is nothing to change.
pub fn credit_code_form(s: &str) -> Cow<'_, str> {
    let plain = s.len() == 18 && s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalize_text(s).chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers_of_three() {
        let mut w = 1u32;
        for &expected in &WEIGHTS {
            assert_eq!(w, expected);
            w = w * 3 % 31;
        }
        assert_eq!(CHARSET.chars().count(), 31);
    }
}
