//! Identifier and input-normalisation algorithms.
//!
//! Pure functions that validate and normalise the identifiers that appear in
//! return-to-work filings: unified social credit codes (GB 32100-2015),
//! resident identity card numbers (GB 11643-1999), mainland phone numbers,
//! administrative division codes (GB/T 2260) and calendar dates.
//!
//! Every checker first runs [`normalize_text`] so that full-width input from
//! Chinese input methods is accepted. Errors are reported as [`IdError`],
//! whose variants never carry the user's input, so personal data cannot leak
//! into error messages or logs.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod credit_code;
mod date;
mod district_code;
mod id_number;
mod normalize;
mod phone;
mod province;

use std::fmt;

pub use credit_code::{check_credit_code, credit_code, credit_code_form};
pub use date::{iso_date, parse_date};
pub use district_code::{check_district_code, district_code};
pub use id_number::{check_id_number, id_number, id_number_form};
pub use normalize::{is_invisible, normalize_free_text, normalize_text};
pub use phone::{Phone, PhoneKind, check_phone, phone};

/// Why an identifier or date failed validation.
///
/// Variants deliberately carry no data: the rejected input may be personal
/// information and must never end up in an error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdError {
    /// A unified social credit code is not exactly 18 characters long.
    CreditCodeLength,
    /// A unified social credit code contains a character outside
    /// `0123456789ABCDEFGHJKLMNPQRTUWXY`.
    CreditCodeCharset,
    /// The 18th character of a unified social credit code does not match the
    /// check character computed from the first 17.
    CreditCodeChecksum,
    /// A resident identity card number is not exactly 18 characters long.
    IdNumberLength,
    /// A resident identity card number is not 17 digits followed by a digit
    /// or `X`.
    IdNumberCharset,
    /// The first two digits of a resident identity card number are not a
    /// province-level division code.
    IdNumberProvince,
    /// Digits 7–14 of a resident identity card number are not a real date
    /// on or before today (domain.md §6.2: no earliest year).
    IdNumberBirthDate,
    /// The last character of a resident identity card number does not match
    /// the ISO 7064 MOD 11-2 check character.
    IdNumberChecksum,
    /// A phone number is neither a mainland mobile number nor a landline
    /// number with an area code.
    PhoneFormat,
    /// An administrative division code is not exactly six ASCII digits.
    DistrictCodeFormat,
    /// The first two digits of an administrative division code are not a
    /// province-level division code.
    DistrictCodeProvince,
    /// A date is not written in one of the accepted formats.
    DateFormat,
    /// A date is well formed but does not exist in the calendar
    /// (for example `2020-02-30`).
    DateImpossible,
}

impl IdError {
    /// The stable machine-readable code of this error, e.g.
    /// `"credit_code.checksum"`. These strings are part of the public API and
    /// never change.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            IdError::CreditCodeLength => "credit_code.length",
            IdError::CreditCodeCharset => "credit_code.charset",
            IdError::CreditCodeChecksum => "credit_code.checksum",
            IdError::IdNumberLength => "id_number.length",
            IdError::IdNumberCharset => "id_number.charset",
            IdError::IdNumberProvince => "id_number.province",
            IdError::IdNumberBirthDate => "id_number.birth_date",
            IdError::IdNumberChecksum => "id_number.checksum",
            IdError::PhoneFormat => "phone.format",
            IdError::DistrictCodeFormat => "district_code.format",
            IdError::DistrictCodeProvince => "district_code.province",
            IdError::DateFormat => "date.format",
            IdError::DateImpossible => "date.impossible",
        }
    }

    /// A short lower-case English description of this error (one line, no
    /// trailing period). This is what [`fmt::Display`] prints.
    #[must_use]
    pub fn message(&self) -> &'static str {
        match self {
            IdError::CreditCodeLength => "unified social credit code must be 18 characters",
            IdError::CreditCodeCharset => "unified social credit code contains a character that is not allowed",
            IdError::CreditCodeChecksum => "unified social credit code check character is wrong",
            IdError::IdNumberLength => "identity card number must be 18 characters",
            IdError::IdNumberCharset => "identity card number must be 17 digits followed by a digit or x",
            IdError::IdNumberProvince => "identity card number has an unknown province code",
            IdError::IdNumberBirthDate => "identity card number has an invalid birth date",
            IdError::IdNumberChecksum => "identity card number check character is wrong",
            IdError::PhoneFormat => "phone number is not a valid mainland mobile or landline number",
            IdError::DistrictCodeFormat => "administrative division code must be 6 digits",
            IdError::DistrictCodeProvince => "administrative division code has an unknown province code",
            IdError::DateFormat => "date is not in a recognised format",
            IdError::DateImpossible => "date does not exist in the calendar",
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for IdError {}
