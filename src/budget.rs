//! The work budget of one evaluation (issue 10, point 1). The pack compiler already refuses
//! rules whose cost is not linear in the submission (`expr/cost.rs`); the budget bounds the
//! rest: before the rules run, the work they will take on this submission is counted in steps
//! (one per expression node, one per element an aggregate or a per-item rule visits), from the
//! collections' lengths alone. Steps, not wall time, so a submission gets the same answer on
//! every machine. Over the budget, nothing is evaluated and the answer says so:
//! `engine.budget_exhausted`, decision `incomplete`.

use serde_json::Value;

use crate::pack::{AssertCheck, DIAGNOSTIC_STEPS, FieldPath, Pack, RuleBody, Seg};
use crate::schema::{Subject, array_at};

/// Steps one evaluation may take. The embedded pack takes about 324,000 steps for a
/// 1,000-person roster, the diagnostics it may fire counted (`tests/hostile.rs`), and 32 million
/// for the 100,000 rows a list may hold, so every submission accepted (4 MiB) stays below it with
/// the embedded packs; a pack of many costly rules may not.
pub use crate::pack::WORK_BUDGET;

/// The steps evaluating `pack`'s rules on `subject` take on the canonical document `doc`, when
/// they are more than `budget`; `None` within it. An ordinary submission is not counted: when
/// its longest array is within the pack's [`WorkBounds`](crate::pack::WorkBounds), the work
/// cannot pass the default budget (nor a larger one).
pub fn over(pack: &Pack, subject: Subject, doc: &Value, budget: u64) -> Option<u64> {
    if budget >= WORK_BUDGET && longest_array(doc).max(1) <= pack.work_bounds.longest(subject) {
        return None;
    }
    let w = work(pack, subject, doc);
    (w > budget).then_some(w)
}

/// The length of the longest array anywhere in `v`.
fn longest_array(v: &Value) -> u64 {
    match v {
        Value::Array(items) => items.iter().map(longest_array).fold(items.len() as u64, u64::max),
        Value::Object(map) => map.values().map(longest_array).fold(0, u64::max),
        _ => 0,
    }
}

/// The steps evaluating `pack`'s rules on `subject` takes on the canonical document `doc`.
pub fn work(pack: &Pack, subject: Subject, doc: &Value) -> u64 {
    let mut total: u64 = 0;
    for rule in pack.rules.iter().filter(|r| r.subject == subject) {
        let w = match &rule.body {
            RuleBody::Field(checks) => checks
                .iter()
                .flat_map(|c| c.fields.iter().chain(&c.required))
                .map(|f| places(doc, f).saturating_mul(1 + DIAGNOSTIC_STEPS))
                .fold(0, u64::saturating_add),
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => checks.iter().map(|c| check(c, doc)).sum(),
            RuleBody::Isolation(iso) => {
                let items = array_at(doc, &iso.each);
                let per: u64 = items
                    .iter()
                    .map(|it| {
                        iso.when.work(doc, Some(it))
                            + iso.start.work(doc, Some(it))
                            + iso.days.work(doc, Some(it))
                            + DIAGNOSTIC_STEPS
                    })
                    .sum();
                per + iso.by.work(doc, None)
            }
            _ => 1,
        };
        total = total.saturating_add(w);
    }
    total
}

fn check(c: &AssertCheck, doc: &Value) -> u64 {
    let once = |elem: Option<&Value>| -> u64 {
        let mut w = (1 + c.required.len() as u64).saturating_mul(1 + DIAGNOSTIC_STEPS);
        for e in c.when.iter().chain(c.assert.iter()).chain(c.params.iter().map(|(_, e)| e)) {
            w = w.saturating_add(e.work(doc, elem));
        }
        w
    };
    match &c.each {
        None => once(None),
        Some(path) => array_at(doc, path).iter().map(|it| once(Some(it))).fold(0, u64::saturating_add),
    }
}

/// How many places a field path has in `doc` (one per element at each `Each` segment).
fn places(doc: &Value, path: &FieldPath) -> u64 {
    fn go(v: &Value, segs: &[Seg]) -> u64 {
        let Some((seg, rest)) = segs.split_first() else { return 1 };
        match seg {
            Seg::Key(k) => v.get(k.as_str()).map_or(1, |c| go(c, rest)),
            Seg::Each(k) => {
                v.get(k.as_str()).and_then(Value::as_array).map_or(1, |a| a.iter().map(|x| go(x, rest)).sum())
            }
        }
    }
    go(doc, &path.segs)
}
