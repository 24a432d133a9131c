//! GB/T 2260 administrative division code (行政区划代码).

use std::borrow::Cow;

use super::IdError;
use super::normalize::normalize_text;
use super::province::is_province_code;

/// Validates a six-digit GB/T 2260 administrative division code and returns
/// it normalised (full-width digits mapped, surrounding whitespace trimmed).
///
/// After [`normalize_text`] the input must be exactly six ASCII digits whose
/// first two form a province-level code (11–15, 21–23, 31–37, 41–46, 50–54,
/// 61–65, 71, 81, 82). Whether the full code is currently assigned is not
/// checked.
///
/// # Errors
///
/// [`IdError::DistrictCodeFormat`] or [`IdError::DistrictCodeProvince`].
pub fn check_district_code(s: &str) -> Result<String, IdError> {
    district_code(s).map(Cow::into_owned)
}

/// [`check_district_code`], borrowing: [`normalize_text`] borrows text already normal, so a
/// valid code costs no allocation.
///
/// # Errors
///
/// As [`check_district_code`].
pub fn district_code(s: &str) -> Result<Cow<'_, str>, IdError> {
    let code = normalize_text(s);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::DistrictCodeFormat);
    }
    let mut chars = code.chars();
    let (Some(tens), Some(units)) = (chars.next(), chars.next()) else {
        return Err(IdError::DistrictCodeFormat);
    };
    if !is_province_code(tens, units) {
        return Err(IdError::DistrictCodeProvince);
    }
    Ok(code)
}
