//! Calendar dates as typed into forms.

use chrono::NaiveDate;

use super::IdError;
use super::normalize::normalize_text;

/// Parses a calendar date.
///
/// After [`normalize_text`] (so full-width digits are accepted) the input
/// must be one of
///
/// * `YYYY-M-D`, `YYYY/M/D` or `YYYY.M.D` (the same separator twice), or
/// * `YYYY年M月D日` or `YYYY年M月D号` (spaces around the numbers allowed, not inside one),
///
/// where the year has exactly four ASCII digits and the month and day one or
/// two. Nothing may precede or follow the date (no times).
///
/// # Errors
///
/// [`IdError::DateFormat`] when the text does not have one of these shapes,
/// [`IdError::DateImpossible`] when it does but names a day that does not
/// exist (such as `2020-02-30`, `2019-02-29` or month 13).
pub fn parse_date(s: &str) -> Result<NaiveDate, IdError> {
    let text = normalize_text(s);
    // The Chinese form with spaces around its numbers, as some input methods type it
    // (`2020 年 2 月 4 日`): the spaces mean nothing there (spec audit, twenty-seventh session).
    // (`chars().any`, not `str::contains`: a `str` pattern links core's slice-panic path and its
    // Unicode tables into the runtime, 4.5 KB gzipped: BENCHMARKS.md, "The runtime, smaller".)
    // Only around them: a space inside a number (`2020年1 2月4日`) is kept, so the text is no
    // date (differential audit, thirty-first session: it was read as 2020-12-04, and a filing
    // told it was filed after today).
    let text = if text.chars().any(|c| c == '年') && text.chars().any(char::is_whitespace) {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.chars();
        while let Some(c) = rest.next() {
            if c.is_whitespace() {
                let inside = out.chars().next_back().is_some_and(|p| p.is_ascii_digit())
                    && rest.clone().find(|n| !n.is_whitespace()).is_some_and(|n| n.is_ascii_digit());
                if !inside {
                    continue;
                }
            }
            out.push(c);
        }
        std::borrow::Cow::Owned(out)
    } else {
        text
    };
    let mut chars = text.chars().peekable();

    let year = take_digits(&mut chars, 4, 4).ok_or(IdError::DateFormat)?;
    let first_sep = chars.next().ok_or(IdError::DateFormat)?;
    let (second_sep, end): (char, &[char]) = match first_sep {
        '-' | '/' | '.' => (first_sep, &[]),
        '年' => ('月', &['日', '号']),
        _ => return Err(IdError::DateFormat),
    };
    let month = take_digits(&mut chars, 1, 2).ok_or(IdError::DateFormat)?;
    if chars.next() != Some(second_sep) {
        return Err(IdError::DateFormat);
    }
    let day = take_digits(&mut chars, 1, 2).ok_or(IdError::DateFormat)?;
    if !end.is_empty() {
        match chars.next() {
            Some(c) if end.contains(&c) => {}
            _ => return Err(IdError::DateFormat),
        }
    }
    if chars.next().is_some() {
        return Err(IdError::DateFormat);
    }

    let year = i32::try_from(year).map_err(|_| IdError::DateFormat)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(IdError::DateImpossible)
}

/// A date already written as [`parse_date`] normalises it (`YYYY-MM-DD`, ASCII digits) and
/// that exists: what `parse_date` reads from it, without its normalisation and allocations.
#[must_use]
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let ds = b.get(r)?;
        ds.iter().all(u8::is_ascii_digit).then(|| ds.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(digits(0..4)?).ok()?, digits(5..7)?, digits(8..10)?)
}

/// Consumes between `min` and `max` ASCII digits and returns their value, or
/// `None` if fewer than `min` are present or more than `max` follow.
fn take_digits<I>(chars: &mut std::iter::Peekable<I>, min: usize, max: usize) -> Option<u32>
where
    I: Iterator<Item = char>,
{
    let mut value = 0u32;
    let mut count = 0usize;
    while let Some(d) = chars.peek().filter(|c| c.is_ascii_digit()).and_then(|c| c.to_digit(10)) {
        if count == max {
            return None;
        }
        value = value * 10 + d;
        count += 1;
        chars.next();
    }
    (count >= min).then_some(value)
}
