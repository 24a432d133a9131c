//! Checklist sums, exact where the pack's numbers are decimals (domain.md §3.1: "Round only for
//! display, never before a comparison").
//!
//! Weights, the partial credit and the outcome thresholds are pack parameters. Added up in binary
//! floating point, a partial credit of 0.7 made a score of exactly 80 come out 79.99999999999999,
//! one rung below a threshold of 80 (inspection audit, thirty-seventh session). Where every one of
//! them is a decimal of at most [`MAX_DECIMALS`] places, they are counted here as whole numbers of
//! that place, so sums and comparisons are exact and the score is the quotient correctly rounded
//! once. Otherwise (a weight like 1/3 written to 17 places) the sums are floating point, as before.
//! For the default packs (whole weights, credit 0.5) both give the same bits.

/// Decimal places up to which the pack's numbers are counted exactly.
const MAX_DECIMALS: u32 = 6;

use crate::num::decimal_units as units;
use crate::pack::Pack;

/// An inspector's answer to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// In place.
    Pass,
    /// Partly in place.
    Partial,
    /// Not in place.
    Fail,
    /// Not applicable: leaves the denominator.
    Na,
}

impl Answer {
    pub(super) fn parse(s: &str) -> Option<Answer> {
        match s {
            "pass" => Some(Answer::Pass),
            "partial" => Some(Answer::Partial),
            "fail" => Some(Answer::Fail),
            "na" => Some(Answer::Na),
            _ => None,
        }
    }
}

/// What an answer earns of its item's weight: pass 1, partial the pack's `partialCredit`, else 0.
pub(super) fn credit(pack: &Pack, a: Answer) -> f64 {
    match a {
        Answer::Pass => 1.0,
        Answer::Partial => pack.num("partialCredit"),
        Answer::Fail | Answer::Na => 0.0,
    }
}

/// The decimal place at which all of `numbers` are whole, if one of at most `MAX_DECIMALS`.
pub(super) fn places(numbers: impl Iterator<Item = f64> + Clone) -> Option<u32> {
    (0..=MAX_DECIMALS).find(|k| numbers.clone().all(|x| units(x, *k).is_some()))
}

/// One section's (or the whole checklist's) sums of the items answered and not `na`.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    /// Σ weight × credit and Σ weight, in floating point.
    earned: f64,
    applicable: f64,
    /// The same in whole units: Σ W × C at `10^-2k`, Σ W at `10^-k`; `None` once inexact.
    exact: Option<(i64, i64)>,
    /// An item of it is not answered (so it has no score yet).
    pub unanswered: bool,
}

impl Tally {
    pub fn new(places: Option<u32>) -> Self {
        Tally { exact: places.map(|_| (0, 0)), ..Tally::default() }
    }

    /// Count an item of `weight` answered for `credit`.
    pub fn add(&mut self, weight: f64, credit: f64, places: Option<u32>) {
        self.earned += weight * credit;
        self.applicable += weight;
        self.exact = match (self.exact, places) {
            (Some((e, a)), Some(k)) => (|| {
                let (w, c) = (units(weight, k)?, units(credit, k)?);
                Some((e.checked_add(w.checked_mul(c)?)?, a.checked_add(w)?))
            })(),
            _ => None,
        };
    }

    /// Both sums together (the overall tally of its sections).
    pub fn merge(&mut self, other: &Tally) {
        self.earned += other.earned;
        self.applicable += other.applicable;
        self.unanswered |= other.unanswered;
        self.exact = match (self.exact, other.exact) {
            (Some((e, a)), Some((oe, oa))) => e.checked_add(oe).zip(a.checked_add(oa)),
            _ => None,
        };
    }

    /// `(numerator, denominator)` of Σ weight × credit and of Σ weight, as whole numbers.
    fn fractions(&self, k: u32) -> Option<((i64, i64), (i64, i64))> {
        let (e, a) = self.exact?;
        let p = 10i64.checked_pow(k)?;
        Some(((e, p.checked_mul(p)?), (a, p)))
    }

    pub fn earned(&self, places: Option<u32>) -> f64 {
        places.and_then(|k| self.fractions(k)).and_then(|((e, d), _)| quotient(e, d)).unwrap_or(self.earned)
    }

    pub fn applicable(&self, places: Option<u32>) -> f64 {
        places.and_then(|k| self.fractions(k)).and_then(|(_, (a, d))| quotient(a, d)).unwrap_or(self.applicable)
    }

    /// 100 × earned / applicable; `None` while an item is unanswered, or when nothing applies.
    pub fn score(&self, places: Option<u32>) -> Option<f64> {
        if self.unanswered || self.applicable <= 0.0 {
            return None;
        }
        // 100 × (E / p²) / (A / p) = 100 E / (A p).
        let exact = places.and_then(|k| {
            let ((e, _), (a, p)) = self.fractions(k)?;
            quotient(e.checked_mul(100)?, a.checked_mul(p)?)
        });
        Some(exact.unwrap_or(100.0 * self.earned / self.applicable))
    }

    /// Whether the score is at least `threshold` (a score not known yet counts as reaching it: the
    /// outcome is then decided by what is missing).
    pub fn reaches(&self, threshold: f64, places: Option<u32>) -> bool {
        let Some(score) = self.score(places) else { return true };
        let exact = places.and_then(|k| {
            let ((e, _), (a, _)) = self.fractions(k)?;
            // 100 E / (A p) ≥ T / p  ⇔  100 E ≥ T·A (A > 0).
            let t = units(threshold, k)?;
            Some(e.checked_mul(100)? >= t.checked_mul(a)?)
        });
        exact.unwrap_or(score >= threshold)
    }
}

/// `n / d` correctly rounded, when both are exact as doubles.
fn quotient(n: i64, d: i64) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    (d > 0 && n.abs() <= EXACT && d <= EXACT).then(|| n as f64 / d as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(items: &[(f64, f64)], places: Option<u32>) -> Tally {
        let mut t = Tally::new(places);
        items.iter().for_each(|(w, c)| t.add(*w, *c, places));
        t
    }

    #[test]
    fn a_score_of_exactly_eighty_with_credit_point_seven_is_eighty() {
        // 100 − 17 − 0.3 × 10 = 80 (the audit's case: weights 4+5+5+3 failed, 3+3+4 partial).
        let mut items: Vec<(f64, f64)> = [4.0, 5.0, 5.0, 3.0].iter().map(|w| (*w, 0.0)).collect();
        items.extend([3.0, 3.0, 4.0].iter().map(|w| (*w, 0.7)));
        items.push((73.0, 1.0));
        let k = places([1.0, 0.7, 0.0, 80.0, 60.0].into_iter().chain(items.iter().map(|i| i.0)));
        assert_eq!(k, Some(1));
        let t = tally(&items, k);
        assert_eq!(t.score(k), Some(80.0));
        assert!(t.reaches(80.0, k));
        assert!(!t.reaches(80.000001, Some(6)));
    }

    #[test]
    fn whole_weights_and_halves_give_the_same_bits_as_before() {
        let items = [(6.0, 1.0), (6.0, 0.5), (4.0, 0.0), (5.0, 0.5), (3.0, 1.0)];
        let k = Some(1);
        let t = tally(&items, k);
        let f = tally(&items, None);
        assert_eq!(t.score(k).map(f64::to_bits), f.score(None).map(f64::to_bits));
        assert_eq!(t.earned(k).to_bits(), f.earned(None).to_bits());
        assert_eq!(t.applicable(k).to_bits(), f.applicable(None).to_bits());
    }

    #[test]
    fn numbers_with_too_many_places_are_summed_in_floating_point() {
        assert_eq!(places([1.0 / 3.0, 1.0].into_iter()), None);
        assert_eq!(places([0.125, 2.0].into_iter()), Some(3));
        let third = 1.0 / 3.0;
        let t = tally(&[(third, 1.0)], None);
        assert_eq!(t.score(None), Some(100.0 * third / third));
    }

    #[test]
    fn an_unanswered_or_empty_tally_has_no_score() {
        let mut t = tally(&[(5.0, 1.0)], Some(0));
        t.unanswered = true;
        assert_eq!(t.score(Some(0)), None);
        assert_eq!(Tally::new(Some(0)).score(Some(0)), None);
        assert!(Tally::new(Some(0)).reaches(90.0, Some(0)));
    }
}
