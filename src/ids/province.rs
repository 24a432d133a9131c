//! Province-level division codes shared by identity numbers and GB/T 2260
//! administrative division codes.

/// Whether the two ASCII digits `tens` and `units` form a province-level
/// division code: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82.
pub(crate) fn is_province_code(tens: char, units: char) -> bool {
    let (Some(t), Some(u)) = (tens.to_digit(10), units.to_digit(10)) else {
        return false;
    };
    matches!(
        t * 10 + u,
        11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82
    )
}
