//! `f64` to text as serde_json prints it (zmij's output, which `Number`'s `Display` gives):
//! the fewest significant digits that read back to the same `f64` and, of those, the ones
//! closest to it (JavaScript's choice; ties to the even digit) — without zmij's tables in the
//! `.wasm` (issue 9: ~11 KB with its code). Most numbers (`12.5`, `0.3`, `36.6`) take a fast path
//! in `f64` arithmetic; the others Steele & White's free-format algorithm with big integers
//! (Burger & Dybvig's formulation; `big.rs`).

use std::cmp::Ordering;

use super::big::{Big, big, cmp, mul_add, mul_pow10, shl, sub, sum};

/// Fast path bound: below 2^50, an `f64` times 10^j is within 1/16 of its exact value, and a
/// number of j decimals reading back as `x` within 1/8 of it, so rounding finds that number.
const FAST_BELOW: f64 = 1_125_899_906_842_624.0;

/// Append `x` as serde_json prints a float: `12.5`, `100.0`, `0.00001`, `1e-6`, `1e+16`,
/// `-0.0`, `5e-324`, `1.7976931348623157e+308` (finite `x`; what serde_json cannot hold it
/// never prints).
pub fn push_f64(out: &mut String, x: f64) {
    if x.is_sign_negative() {
        put(out, "-");
    }
    let x = x.abs();
    if x == 0.0 {
        put(out, "0.0");
        return;
    }
    let (mut w, mut k) = fast(x).unwrap_or_else(|| slow(x));
    while w % 10 == 0 && w != 0 {
        w /= 10;
        k += 1;
    }
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(w);
    let n = digits.len() as i32;
    // x is d.ddd × 10^e: written out from 10^-5 to 10^15 (`0.00001`, `100.0`), else `1e-6`.
    let e = k + n - 1;
    let fixed = (-5..=15).contains(&e);
    if fixed && e < 0 {
        put(out, "0.");
        (e..-1).for_each(|_| put(out, "0"));
        put(out, digits);
        return;
    }
    // The digits before the point, zeros past the last, then the point and the others.
    let before = if fixed { e + 1 } else { 1 };
    let (int, frac) = digits.split_at_checked(before.min(n) as usize).unwrap_or((digits, ""));
    put(out, int);
    (n..before).for_each(|_| put(out, "0"));
    if fixed || !frac.is_empty() {
        put(out, ".");
        put(out, if frac.is_empty() { "0" } else { frac });
    }
    if !fixed {
        put(out, if e < 0 { "e-" } else { "e+" });
        put(out, itoa::Buffer::new().format(e.unsigned_abs()));
    }
}

/// `out.push_str(s)` out of line: one call for each piece, not a capacity check and copy each.
#[inline(never)]
fn put(out: &mut String, s: &str) {
    out.push_str(s);
}

/// `x` (positive) as `w × 10^k` when it has a shortest form of at most 22 decimals found in
/// `f64` arithmetic: the first `j` for which `round(x × 10^j) / 10^j` reads back as `x` (both
/// exact, so the division rounds once, as reading does). No fewer decimals read back (their
/// number would have been found first), and of `j` decimals only that one can.
fn fast(x: f64) -> Option<(u64, i32)> {
    let mut p = 1.0;
    for j in 0..=22 {
        let t = x * p;
        if t >= FAST_BELOW {
            return None;
        }
        let w = t.round_ties_even();
        // Such a number is within t × 2^-52 of t: only then divide.
        if (t - w).abs() <= t * (2.0 * f64::EPSILON) && w / p == x {
            return Some((w as u64, -j));
        }
        p *= 10.0;
    }
    None
}

/// `x` (positive, finite) as `w × 10^k`, exactly: with `x = r/s × 10^k` and the distances to
/// halfway to its neighbours `m-/s` and `m+/s` (each included when the significand is even,
/// as reading rounds ties to even), digits are generated until the digits so far, or they with
/// the last one up, fall within them; if both do, the closer (ties: the even digit).
fn slow(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (f, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    let even = f & 1 == 0;
    // At a power of two the neighbour below is half as far as the one above.
    let sh = if biased > 1 && fraction == 0 { 2 } else { 1 };
    let (mut r, mut s, mut m_minus) = (big(f), big(1), big(1));
    shl(&mut r, sh + e.max(0) as u32);
    shl(&mut s, sh + (-e).max(0) as u32);
    shl(&mut m_minus, e.max(0) as u32);
    let mut m_plus = m_minus.clone();
    shl(&mut m_plus, sh - 1);
    // 10^k at or below the upper bound's magnitude: floor(log2 x × log10 2), then up.
    let mut k = ((e + 63 - f.leading_zeros() as i32) * 78_913) >> 18;
    if k >= 0 {
        mul_pow10(&mut s, k as u32);
    } else {
        for a in [&mut r, &mut m_minus, &mut m_plus] {
            mul_pow10(a, k.unsigned_abs());
        }
    }
    let reaches = |r: &Big, m: &Big, s: &Big| match cmp(&sum(r, m), s) {
        Ordering::Greater => true,
        Ordering::Equal => even,
        Ordering::Less => false,
    };
    while reaches(&r, &m_plus, &s) {
        mul_add(&mut s, 10, 0);
        k += 1;
    }
    let mut w = 0u64;
    loop {
        for a in [&mut r, &mut m_minus, &mut m_plus] {
            mul_add(a, 10, 0);
        }
        k -= 1;
        let mut d = 0;
        while cmp(&r, &s) != Ordering::Less {
            sub(&mut r, &s);
            d += 1;
        }
        let low = match cmp(&r, &m_minus) {
            Ordering::Less => true,
            Ordering::Equal => even,
            Ordering::Greater => false,
        };
        let high = reaches(&r, &m_plus, &s);
        w = w * 10 + d;
        if low || high {
            let up = if low && high {
                match cmp(&sum(&r, &r), &s) {
                    Ordering::Less => false,
                    Ordering::Equal => d & 1 == 1,
                    Ordering::Greater => true,
                }
            } else {
                high
            };
            return (w + u64::from(up), k);
        }
    }
}

#[cfg(test)]
mod tests {
    // The hard cases are spelt as they are known (`9.999999999999999e22`, not its nearest).
    #![allow(clippy::excessive_precision, clippy::unreadable_literal)]
    use super::*;

    fn text(x: f64) -> String {
        let mut out = String::new();
        push_f64(&mut out, x);
        out
    }

    #[test]
    fn hard_cases_print_as_serde_json_prints_them() {
        for x in [
            1e21,
            1e-7,
            5e-324,
            1.7976931348623157e308,
            0.1 + 0.2,
            -0.0,
            0.0,
            0.1,
            12.5,
            1e15,
            1e16,
            1e-5,
            1e-6,
            1.5e-6,
            1e23,
            9.999999999999999e22,
            8.98846567431158e307,
            2.2250738585072014e-308,
            2.225073858507201e-308,
            9007199254740993.0,
            9007199254740992.0,
            123456789012345680.0,
            1125899906842624.25,
            1125899906842624.75,
            1e100,
            -1.5e-100,
            36.6,
            100.0,
            2.5,
            1e22,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            4.35,
            0.000123,
            33.333333333333336,
            1.0 / 3.0,
        ] {
            let theirs = serde_json::Number::from_f64(x).map(|n| n.to_string());
            assert_eq!(Some(text(x)), theirs, "{x:e}");
        }
    }

    #[test]
    fn the_slow_path_agrees_with_the_fast_one() {
        for x in [12.5, 0.1, 0.3, 36.6, 1.0, 7.0, 1e-7, 123456.789, 2.0, 1024.0, 0.5] {
            let Some((w, k)) = fast(x) else { continue };
            let (mut v, mut j) = slow(x);
            let (mut w, mut k) = (w, k);
            while w % 10 == 0 && w > 0 {
                w /= 10;
                k += 1;
            }
            while v % 10 == 0 && v > 0 {
                v /= 10;
                j += 1;
            }
            assert_eq!((v, j), (w, k), "{x}");
        }
    }
}
