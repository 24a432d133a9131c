//! Decimal text to `f64`, correctly rounded (ties to even) as `str::parse::<f64>` and
//! `JSON.parse` read it, without core's parser in the `.wasm` (issue 9: its code and tables
//! were ~12 KB). Most numbers take Clinger's fast path: at most 2^53 as digits and a power of
//! ten up to 10^22, both exact in an `f64`, so one multiplication or division rounds once. The
//! others are divided out exactly with big integers (`big.rs`).

use std::cmp::Ordering;

use super::big::{Big, big, bit_len, cmp, mul_add, mul_pow10, shl, sub};

/// Significant digits kept for the slow path: a number halfway between two `f64`s has at most
/// 767, so past 800 only whether a dropped digit is non-zero can matter (a `1` stands for them).
const MAX_DIGITS: usize = 800;

/// The bits of infinity.
const INFINITY: u64 = 0x7FF0_0000_0000_0000;

/// `[+-]?digits[.digits][(e|E)[+-]?digits]` (JSON's number and `number_text`'s form, a sign
/// `+` allowed) to the nearest `f64`, ties to even; past `f64::MAX` an infinity, which the
/// callers refuse. `None` when the text is not such a number.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, s) = sign(text.as_bytes());
    // value = (the `n` digits as an integer) × 10^exp; the integer in `w` if it fits (n <= 19).
    let (mut point, mut n, mut w, mut exp) = (false, 0usize, 0u64, 0i64);
    // Digits before the point: at least one, and at least one after it (`.5`, `5.` are not JSON).
    let mut before_point = 0;
    let mut mantissa = s;
    for (i, c) in s.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                w = w.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
                n += 1;
                exp -= i64::from(point);
            }
            b'.' if !point && n > 0 => {
                point = true;
                before_point = n;
            }
            b'e' | b'E' => {
                mantissa = s.get(..i)?;
                exp += exp10(s.get(i + 1..)?)?;
                break;
            }
            _ => return None,
        }
    }
    if n == 0 || (point && n == before_point) {
        return None;
    }
    let x = if n <= 19 && w <= 1 << 53 && (-22..=22).contains(&exp) {
        let p = (0..exp.abs()).fold(1.0, |p, _| p * 10.0);
        if exp < 0 { w as f64 / p } else { w as f64 * p }
    } else {
        slow(mantissa, exp)
    };
    Some(if negative { -x } else { x })
}

/// Whether `s` starts with `-`, and `s` without its sign.
fn sign(s: &[u8]) -> (bool, &[u8]) {
    match s.split_first() {
        Some((c @ (b'-' | b'+'), rest)) => (*c == b'-', rest),
        _ => (false, s),
    }
}

/// An exponent's digits (a sign first or not), kept within ±10^9: anything past is as good.
fn exp10(e: &[u8]) -> Option<i64> {
    let (negative, digits) = sign(e);
    let mut n = 0;
    for c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = (n * 10 + i64::from(c - b'0')).min(1_000_000_000);
    }
    (!digits.is_empty()).then_some(if negative { -n } else { n })
}

/// The `f64` nearest to `digits × 10^exp`, exactly: the quotient of big integers to 55 bits,
/// then rounded to 53 (fewer below `f64::MIN_POSITIVE`) with the remainder breaking ties.
fn slow(mantissa: &[u8], mut exp: i64) -> f64 {
    // The first MAX_DIGITS significant digits, `count` in all.
    let (mut num, mut count, mut dropped) = (Big::new(), 0, false);
    for c in mantissa.iter().filter(|c| c.is_ascii_digit()) {
        if count > 0 || *c != b'0' {
            if count < MAX_DIGITS {
                mul_add(&mut num, 10, u32::from(c - b'0'));
            } else {
                dropped |= *c != b'0';
            }
            count += 1;
        }
    }
    // 10^(count + exp - 1) <= value < 10^(count + exp): below 2^-1075 it rounds to 0; from
    // 10^310 on it is past f64::MAX.
    let magnitude = count as i64 + exp;
    if count == 0 || magnitude < -324 {
        return 0.0;
    }
    if magnitude > 310 {
        return f64::INFINITY;
    }
    exp += count.saturating_sub(MAX_DIGITS) as i64;
    if dropped {
        mul_add(&mut num, 10, 1);
        exp -= 1;
    }
    // num / den = value, then num / den = value / 2^e0 in [2^53, 2^55) (or less, past the
    // subnormals' exponent).
    let mut den = big(1);
    mul_pow10(if exp < 0 { &mut den } else { &mut num }, exp.unsigned_abs() as u32);
    let e0 = (i64::from(bit_len(&num)) - i64::from(bit_len(&den)) - 54).max(-1076);
    shl(if e0 < 0 { &mut num } else { &mut den }, e0.unsigned_abs() as u32);
    // q = num / den, bit by bit against den × 2^54.
    shl(&mut den, 54);
    let mut q = 0u64;
    for _ in 0..55 {
        q <<= 1;
        if cmp(&num, &den) != Ordering::Less {
            sub(&mut num, &den);
            q |= 1;
        }
        mul_add(&mut num, 2, 0);
    }
    // value = (q + rest) × 2^e0, rest in [0, 1) and non-zero when num is: to 53 bits, × 2^f.
    let f = (e0 + 64 - i64::from(q.leading_zeros()) - 53).max(-1074);
    let s = (f - e0) as u32;
    let m = q.checked_shr(s).unwrap_or(0);
    let dropped = q & ((1 << s) - 1);
    let half = 1 << s >> 1;
    let up = dropped > half || (dropped == half && (!num.is_empty() || m & 1 == 1));
    // A normal number's biased exponent is f + 1075 and its top bit implicit: adding m to
    // (f + 1074) << 52 carries it there (and a subnormal's m, below 2^52, adds to none).
    let bits = (((f + 1074) as u64) << 52) + m + u64::from(up);
    f64::from_bits(bits.min(INFINITY))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn hard_cases_read_as_core_reads_them() {
        let long = format!("0.{}1", "0".repeat(400));
        let many = format!("{}e-700", "7".repeat(800));
        let halfway = format!("9007199254740993{}", "0".repeat(700));
        let halfway_up = format!("9007199254740993.{}1", "0".repeat(800));
        for t in [
            "0",
            "-0",
            "-0.0",
            "0e999999999999",
            "12.5",
            "0.1",
            "0.3",
            "1e23",
            "9007199254740993",
            "9007199254740992",
            "9007199254740994",
            "9007199254740995",
            "18014398509481987",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e400",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "5e-324",
            "1e-400",
            "1e400",
            "123456789012345678901234567890",
            "0.000001",
            "+15.25",
            "7.280749531897376e59",
            "1448997445238699",
            "3.0540412e5",
            "2.225073858507201e-308",
            long.as_str(),
            many.as_str(),
            halfway.as_str(),
            halfway_up.as_str(),
            "1e-99999999999999999999",
        ] {
            let ours = parse_f64(t).map(f64::to_bits);
            assert_eq!(ours, t.parse::<f64>().ok().map(f64::to_bits), "{t}");
        }
    }

    #[test]
    fn not_numbers_are_none() {
        for t in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1x", "--1", "1e5.5"] {
            assert_eq!(parse_f64(t), None, "{t}");
        }
    }
}
