//! Unsigned big integers for the slow paths of the float reader and printer (`float.rs`,
//! `shortest.rs`): little-endian `u32` limbs with no zero limb on top (zero is empty). Only the
//! operations those two need — multiply by a small number, add, subtract, compare — kept small
//! rather than fast: the common numbers never reach them.

use std::cmp::Ordering;

pub(super) type Big = Vec<u32>;

/// `n` as a big integer.
#[inline(never)]
pub(super) fn big(n: u64) -> Big {
    let mut a = vec![n as u32, (n >> 32) as u32];
    trim(&mut a);
    a
}

/// No zero limb on top.
fn trim(a: &mut Big) {
    while a.last() == Some(&0) {
        a.pop();
    }
}

/// `a = a * m + add`.
#[inline(never)]
pub(super) fn mul_add(a: &mut Big, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in a.iter_mut() {
        let t = u64::from(*limb) * u64::from(m) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

/// `a = a * 10^k`.
#[inline(never)]
pub(super) fn mul_pow10(a: &mut Big, mut k: u32) {
    while k >= 9 {
        mul_add(a, 1_000_000_000, 0);
        k -= 9;
    }
    mul_add(a, 10u32.pow(k), 0);
}

/// `a = a * 2^n`.
#[inline(never)]
pub(super) fn shl(a: &mut Big, n: u32) {
    if a.is_empty() {
        return;
    }
    mul_add(a, 1 << (n % 32), 0);
    let mut shifted = vec![0; (n / 32) as usize];
    shifted.append(a);
    *a = shifted;
}

/// The number of bits of `a` (0 for zero).
pub(super) fn bit_len(a: &Big) -> u32 {
    a.last().map_or(0, |top| 32 * (a.len() as u32) - top.leading_zeros())
}

/// `a` against `b`.
#[inline(never)]
pub(super) fn cmp(a: &Big, b: &Big) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// `a = a + b`.
#[inline(never)]
pub(super) fn add(a: &mut Big, b: &Big) {
    if a.len() < b.len() {
        a.resize(b.len(), 0);
    }
    let mut carry = 0;
    for (i, limb) in a.iter_mut().enumerate() {
        let t = u64::from(*limb) + u64::from(b.get(i).copied().unwrap_or(0)) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        a.push(1);
    }
}

/// `a + b`, a new number.
#[inline(never)]
pub(super) fn sum(a: &Big, b: &Big) -> Big {
    let mut s = a.clone();
    add(&mut s, b);
    s
}

/// `a = a - b`, for `b <= a`.
#[inline(never)]
pub(super) fn sub(a: &mut Big, b: &Big) {
    let mut borrow = false;
    for (i, limb) in a.iter_mut().enumerate() {
        let (d, o1) = limb.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (d, o2) = d.overflowing_sub(u32::from(borrow));
        *limb = d;
        borrow = o1 || o2;
    }
    trim(a);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(a: &Big) -> u128 {
        a.iter().rev().fold(0u128, |v, l| (v << 32) | u128::from(*l))
    }

    #[test]
    fn arithmetic_agrees_with_u128() {
        for n in [0u64, 1, 7, u64::from(u32::MAX), 1 << 32, u64::MAX, 12_345_678_901_234_567] {
            let mut a = big(n);
            assert_eq!(value(&a), u128::from(n));
            assert_ne!(a.last(), Some(&0), "{n}: no zero limb on top");
            assert_eq!(bit_len(&a), 128 - u128::from(n).leading_zeros());
            mul_add(&mut a, 1_000_000_000, 5);
            assert_eq!(value(&a), u128::from(n) * 1_000_000_000 + 5);
            let mut b = big(n);
            shl(&mut b, 37);
            assert_eq!(value(&b), u128::from(n) << 37);
            let mut c = big(n);
            mul_pow10(&mut c, 11);
            assert_eq!(value(&c), u128::from(n) * 100_000_000_000);
            add(&mut c, &b);
            assert_eq!(value(&c), u128::from(n) * 100_000_000_000 + (u128::from(n) << 37));
            sub(&mut c, &b);
            assert_eq!(value(&c), u128::from(n) * 100_000_000_000);
            assert_eq!(cmp(&b, &c), value(&b).cmp(&value(&c)));
            let copy = c.clone();
            sub(&mut c, &copy);
            assert!(c.is_empty());
        }
    }
}
