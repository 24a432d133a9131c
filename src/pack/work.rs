//! Bounds of the work budget (issue 10, point 1) known when a pack is compiled, so that
//! [`crate::budget`] need not count the steps of an ordinary submission: the steps of every
//! rule are bounded from above by replacing each collection's length with the longest array
//! of the document. While that bound stays within [`WORK_BUDGET`], the exact count cannot
//! pass it either.

use serde::{Deserialize, Serialize};

use super::{AssertCheck, FieldPath, Rule, RuleBody, Seg};
use crate::schema::{MAX_ARRAY_LEN, Subject};

/// The default work budget of one evaluation, in steps (see [`crate::budget`]).
pub const WORK_BUDGET: u64 = 50_000_000;

/// The steps of each diagnostic a check may fire (a place it tests, a value it may ask for), on
/// top of the steps of its expressions: a diagnostic is memory (its path, params and code, some
/// 250 bytes) kept until the answer is capped. So a pack's rules may fire at most
/// `WORK_BUDGET / DIAGNOSTIC_STEPS` (1.25 million) before the budget stops them (hostile audit,
/// thirty-eighth session: 3,000 per-row rules on 4,000 rows fired 12 million, 3 GB, and the
/// wasm trapped). The embedded packs take some 500 steps a roster row.
pub const DIAGNOSTIC_STEPS: u64 = 40;

/// For each subject, the longest array a canonical document may hold with the work of the
/// pack's rules on it certainly within [`WORK_BUDGET`] (0: none may).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkBounds(Vec<(Subject, u64)>);

/// Bounds as stored in a compiled pack (`super::compact`'s reader).
impl From<Vec<(Subject, u64)>> for WorkBounds {
    fn from(bounds: Vec<(Subject, u64)>) -> Self {
        WorkBounds(bounds)
    }
}

impl WorkBounds {
    /// The bounds of these rules.
    pub fn of(rules: &[Rule]) -> WorkBounds {
        WorkBounds(Subject::ALL.iter().map(|&s| (s, longest_within(rules, s, WORK_BUDGET))).collect())
    }

    /// The longest array a document of `subject` may hold, certainly within [`WORK_BUDGET`].
    pub fn longest(&self, subject: Subject) -> u64 {
        self.0.iter().find(|(s, _)| *s == subject).map_or(0, |(_, l)| *l)
    }
}

/// The largest `l` in `1..=MAX_ARRAY_LEN` with `bound(l)` within `budget`, or 0.
fn longest_within(rules: &[Rule], subject: Subject, budget: u64) -> u64 {
    let within = |l: u64| bound(rules, subject, l) <= budget;
    let (mut lo, mut hi) = (1u64, MAX_ARRAY_LEN as u64);
    if !within(lo) {
        return 0;
    }
    if within(hi) {
        return hi;
    }
    // within(lo), !within(hi); the bound grows with `l`.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if within(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// An upper bound of `crate::budget::work` on any document whose arrays have at most `l`
/// elements (`l` ≥ 1). Each term mirrors one of `work`, every length replaced by `l`.
pub fn bound(rules: &[Rule], subject: Subject, l: u64) -> u64 {
    let mut total: u64 = 0;
    for rule in rules.iter().filter(|r| r.subject == subject) {
        let w = match &rule.body {
            RuleBody::Field(checks) => checks
                .iter()
                .flat_map(|c| c.fields.iter().chain(&c.required))
                .fold(0u64, |acc, f| acc.saturating_add(places(f, l).saturating_mul(1 + DIAGNOSTIC_STEPS))),
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                checks.iter().fold(0u64, |acc, c| acc.saturating_add(check(c, l)))
            }
            RuleBody::Isolation(iso) => {
                let per = iso
                    .when
                    .work_bound(l)
                    .saturating_add(iso.start.work_bound(l))
                    .saturating_add(iso.days.work_bound(l))
                    .saturating_add(DIAGNOSTIC_STEPS);
                l.saturating_mul(per).saturating_add(iso.by.work_bound(l))
            }
            _ => 1,
        };
        total = total.saturating_add(w);
    }
    total
}

fn check(c: &AssertCheck, l: u64) -> u64 {
    let fires = 1u64.saturating_add(c.required.len() as u64);
    let mut once = fires.saturating_mul(1 + DIAGNOSTIC_STEPS);
    for e in c.when.iter().chain(c.assert.iter()).chain(c.params.iter().map(|(_, e)| e)) {
        once = once.saturating_add(e.work_bound(l));
    }
    if c.each.is_some() { l.saturating_mul(once) } else { once }
}

/// At most `l` places at each `[]` segment.
fn places(path: &FieldPath, l: u64) -> u64 {
    path.segs.iter().filter(|s| matches!(s, Seg::Each(_))).fold(1u64, |acc, _| acc.saturating_mul(l))
}
