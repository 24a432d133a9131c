//! What a draft's answer shows, kept between edits to tell what changed: each diagnostic's
//! fingerprint and its place, code and rule (one text for all), the gates and the decision.
//! Nothing of the answer is copied or made for this but the diagnostics that were added.

use std::hash::{Hash, Hasher};

use serde_json::Value;

use super::{Changes, DecisionMove, GateMove, Gone};
use crate::answer::{Decision, Diagnostic, GateResult, Severity};
use crate::rules::Item;

/// A quick deterministic hasher for fingerprints (FxHash's rotate, xor and multiply, eight
/// bytes at a time, each text's length first). Diagnostics are matched by fingerprint, and a
/// match is checked by their path, code and rule (kept as text): a collision of two different
/// places reports one removed and one added (the list still adds up), and only a change of
/// params at one place, code and rule could be hidden from the change list, never from the
/// answer.
#[derive(Debug, Default)]
struct Fx(u64);

/// FxHash's multiplier.
const FX_TIMES: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_TIMES);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // The length first: a text's last word is padded with zeros, so without it `/` and
        // `/\0\0` (keys a submission may have) wrote the same words (fuzz target `draft`).
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            if let Some(head) = last.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A diagnostic as the assembly has it: made, or a missing value not made yet.
#[derive(Debug, Clone, Copy)]
pub(super) enum View<'x> {
    Diag(&'x Diagnostic),
    Required { path: &'x str, field: &'x str, rule_id: &'x str, severity: Severity },
}

impl<'x> View<'x> {
    pub(super) fn of(item: &'x Item<'_>) -> Self {
        match item {
            Item::Diag(d) => View::Diag(d),
            Item::Required { path, field, rule_id, severity } => {
                View::Required { path, field, rule_id, severity: *severity }
            }
        }
    }

    pub(super) fn path(&self) -> &'x str {
        match self {
            View::Diag(d) => &d.path,
            View::Required { path, .. } => path,
        }
    }

    fn code(&self) -> &'x str {
        match self {
            View::Diag(d) => &d.code,
            View::Required { .. } => crate::answer::REQUIRED,
        }
    }

    fn rule_id(&self) -> &'x str {
        match self {
            View::Diag(d) => &d.rule_id,
            View::Required { rule_id, .. } => rule_id,
        }
    }

    pub(super) fn missing(&self) -> bool {
        match self {
            View::Diag(d) => d.missing,
            View::Required { .. } => true,
        }
    }

    pub(super) fn severity(&self) -> Severity {
        match self {
            View::Diag(d) => d.severity,
            View::Required { severity, .. } => *severity,
        }
    }

    /// The diagnostic, made.
    pub(super) fn to_diagnostic(self) -> Diagnostic {
        match self {
            View::Diag(d) => d.clone(),
            View::Required { path, field, rule_id, severity } => {
                Diagnostic::required(path.to_owned(), field, rule_id, severity)
            }
        }
    }

    /// A fingerprint of everything the answer shows of it but the message (which follows).
    fn print(&self) -> u64 {
        let mut h = Fx::default();
        self.path().hash(&mut h);
        self.code().hash(&mut h);
        self.rule_id().hash(&mut h);
        self.severity().name().hash(&mut h);
        self.missing().hash(&mut h);
        match self {
            View::Diag(d) => hash_value(&mut h, &d.params),
            // As `Diagnostic::required` writes them: `{ "field": … }`.
            View::Required { field, .. } => {
                h.write_u8(5);
                1usize.hash(&mut h);
                "field".hash(&mut h);
                h.write_u8(3);
                field.hash(&mut h);
            }
        }
        h.finish()
    }
}

fn hash_value(h: &mut Fx, v: &Value) {
    match v {
        Value::Null => h.write_u8(0),
        Value::Bool(b) => {
            h.write_u8(1);
            b.hash(h);
        }
        Value::Number(n) => {
            h.write_u8(2);
            match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => (0u8, u).hash(h),
                (None, Some(i), _) => (1u8, i).hash(h),
                (None, None, x) => (2u8, x.unwrap_or_default().to_bits()).hash(h),
            }
        }
        Value::String(s) => {
            h.write_u8(3);
            s.hash(h);
        }
        Value::Array(items) => {
            h.write_u8(4);
            items.len().hash(h);
            items.iter().for_each(|x| hash_value(h, x));
        }
        Value::Object(map) => {
            h.write_u8(5);
            map.len().hash(h);
            for (k, x) in map {
                k.hash(h);
                hash_value(h, x);
            }
        }
    }
}

/// One diagnostic shown: its fingerprint, and where its path, code and rule are in the text
/// (one after the other, from `start`; what went away stays in the text until it is compacted).
#[derive(Debug, Clone, Copy)]
struct Entry {
    print: u64,
    start: usize,
    path_end: usize,
    code_end: usize,
    rule_end: usize,
}

/// How many of an answer's diagnostics, shown or held back by the scope, are missing values,
/// errors and warnings: what its decision is made from.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    missing: usize,
    errors: usize,
    warnings: usize,
}

impl Tally {
    /// The tally of these diagnostics.
    pub(super) fn of<'x>(views: impl Iterator<Item = View<'x>>) -> Tally {
        let mut t = Tally::default();
        views.for_each(|v| t.add(&v, 1));
        t
    }

    /// Count `v` in (`sign` 1) or out (`sign` −1: a diagnostic counted before).
    pub(super) fn add(&mut self, v: &View<'_>, sign: isize) {
        let step = |n: &mut usize, yes: bool| {
            if yes {
                *n = n.saturating_add_signed(sign);
            }
        };
        step(&mut self.missing, v.missing());
        step(&mut self.errors, v.severity() == Severity::Error);
        step(&mut self.warnings, v.severity() == Severity::Warning);
    }

    /// The decision of README's ladder ([`crate::answer::decide`]'s).
    pub(super) fn decide(&self, any_gate_failed: bool) -> Decision {
        crate::answer::ladder(self.missing > 0, any_gate_failed || self.errors > 0, self.warnings > 0)
    }
}

/// What an answer shows.
#[derive(Debug, Default)]
pub(super) struct Shown {
    entries: Vec<Entry>,
    text: String,
    gates: Vec<(String, Option<bool>)>,
    decision: Option<Decision>,
    /// Every diagnostic's, shown or not; `None` when the answer is unusable (no pack version,
    /// over the work budget): then only a whole look tells what the next one shows.
    tally: Option<Tally>,
}

impl Shown {
    /// What an answer with these (shown) diagnostics, gates and decision shows, and what
    /// changed since `before`: the diagnostics added (made, not yet rendered) and removed.
    pub(super) fn new<'x>(
        views: &[View<'x>],
        gates: Vec<GateResult>,
        (decision, tally): (Decision, Option<Tally>),
        before: &Shown,
    ) -> (Shown, Changes) {
        let text_len = views.iter().map(|v| v.path().len() + v.code().len() + v.rule_id().len()).sum();
        let mut now = Shown {
            entries: Vec::with_capacity(views.len()),
            text: String::with_capacity(text_len),
            gates: gates.into_iter().map(|g| (g.id, g.passed)).collect(),
            decision: Some(decision),
            tally,
        };
        for v in views {
            now.push(v);
        }
        // Matched by fingerprint, as many times as each is shown; a pair whose place, code or
        // rule differ (one fingerprint for two diagnostics) is one removed and one added.
        let mut old: Vec<(u64, usize)> = before.entries.iter().enumerate().map(|(i, e)| (e.print, i)).collect();
        let mut new: Vec<(u64, usize)> = now.entries.iter().enumerate().map(|(i, e)| (e.print, i)).collect();
        old.sort_unstable();
        new.sort_unstable();
        // Marked, then read in index order (no second sort: one sort fewer in the .wasm).
        let (mut gone, mut added) = (vec![false; old.len()], vec![false; new.len()]);
        let (mut o, mut n) = (old.iter().peekable(), new.iter().peekable());
        let mark = |marks: &mut Vec<bool>, x: Option<&(u64, usize)>| {
            if let Some(m) = x.and_then(|x| marks.get_mut(x.1)) {
                *m = true;
            }
        };
        loop {
            match (o.peek(), n.peek()) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    // Every diagnostic of this fingerprint, before and now, matched by place,
                    // code and rule: one fingerprint for two places (`/units/19/…` and
                    // `/units/92/…` had one: drafts audit, thirty-second session) must not
                    // tell an unchanged one removed and added.
                    let print = a.0;
                    let (a, b) = (o.next(), n.next());
                    let more = |x: Option<&&(u64, usize)>| x.is_some_and(|x| x.0 == print);
                    if !more(o.peek()) && !more(n.peek()) {
                        // One of each (nearly always): the same, or one removed and one added.
                        if a.and_then(|a| before.parts(a.1)) != b.and_then(|b| now.parts(b.1)) {
                            mark(&mut gone, a);
                            mark(&mut added, b);
                        }
                        continue;
                    }
                    let mut was: Vec<Option<&(u64, usize)>> = vec![a];
                    while let Some(x) = o.next_if(|x| x.0 == print) {
                        was.push(Some(x));
                    }
                    for b in b.into_iter().chain(std::iter::from_fn(|| n.next_if(|x| x.0 == print))) {
                        let parts = now.parts(b.1);
                        match was.iter_mut().find(|a| a.is_some_and(|a| before.parts(a.1) == parts)) {
                            Some(a) => *a = None,
                            None => mark(&mut added, Some(b)),
                        }
                    }
                    was.into_iter().flatten().for_each(|a| mark(&mut gone, Some(a)));
                }
                (Some(a), Some(b)) if a.0 < b.0 => mark(&mut gone, o.next()),
                (Some(_), None) => mark(&mut gone, o.next()),
                (_, Some(_)) => mark(&mut added, n.next()),
                (None, None) => break,
            }
        }
        let marked = |marks: Vec<bool>| marks.into_iter().enumerate().filter_map(|(i, m)| m.then_some(i));
        let removed = marked(gone).filter_map(|i| before.gone(i)).collect();
        let added = marked(added).filter_map(|i| views.get(i).map(|v| v.to_diagnostic())).collect();
        let gates = now
            .gates
            .iter()
            .filter_map(|(id, to)| {
                let from = before.gates.iter().find(|(b, _)| b == id).and_then(|(_, p)| *p);
                (from != *to).then(|| GateMove { id: id.clone(), from, to: *to })
            })
            .collect();
        let decision = match (before.decision, now.decision) {
            (Some(from), Some(to)) if from != to => Some(DecisionMove { from, to }),
            _ => None,
        };
        (now, Changes { added, removed, gates, decision })
    }

    /// How many diagnostics are shown.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The tally of every diagnostic; `None` when the answer was unusable.
    pub(super) fn tally(&self) -> Option<Tally> {
        self.tally
    }

    /// No longer show `removed` (each shown now) and show `added`: the diagnostics that went
    /// away (in the order they were shown) and those added (made, not yet rendered). A pair
    /// of the same fingerprint, place, code and rule is shown before and after: no change.
    /// `None`, with nothing changed, when one of `removed` is not shown now.
    pub(super) fn apply(&mut self, removed: &[View<'_>], added: &[View<'_>]) -> Option<(Vec<Gone>, Vec<Diagnostic>)> {
        let same =
            |a: &View<'_>, b: &View<'_>| a.path() == b.path() && a.code() == b.code() && a.rule_id() == b.rule_id();
        let mut removed: Vec<(u64, &View<'_>)> = removed.iter().map(|v| (v.print(), v)).collect();
        let mut added: Vec<(u64, &View<'_>)> = added.iter().map(|v| (v.print(), v)).collect();
        added.retain(|(p, a)| match removed.iter().position(|(q, r)| q == p && same(r, a)) {
            Some(i) => {
                removed.remove(i);
                false
            }
            None => true,
        });
        // Where each one removed is shown (in order: no sort of its own in the .wasm).
        let mut at: Vec<usize> = Vec::with_capacity(removed.len());
        for (p, v) in &removed {
            let k = (0..self.entries.len()).find(|&k| {
                self.entries.get(k).is_some_and(|e| e.print == *p)
                    && !at.contains(&k)
                    && self.parts(k) == Some((v.path(), v.code(), v.rule_id()))
            })?;
            at.insert(at.partition_point(|&x| x < k), k);
        }
        let gone = at.iter().filter_map(|&k| self.gone(k)).collect();
        for &k in at.iter().rev() {
            self.entries.remove(k);
        }
        let made = added
            .into_iter()
            .map(|(_, v)| {
                self.push(v);
                v.to_diagnostic()
            })
            .collect();
        self.compact();
        Some((gone, made))
    }

    /// After [`Self::apply`]: the tally, gates and decision now; the gates that moved and the
    /// decision, when it did.
    pub(super) fn settle(
        &mut self,
        tally: Tally,
        gates: &[(&str, Option<bool>)],
    ) -> (Vec<GateMove>, Option<DecisionMove>) {
        self.tally = Some(tally);
        let mut moves = Vec::new();
        for (id, slot) in &mut self.gates {
            if let Some((_, to)) = gates.iter().find(|(g, _)| *g == id.as_str())
                && *slot != *to
            {
                moves.push(GateMove { id: id.clone(), from: *slot, to: *to });
                *slot = *to;
            }
        }
        let failed = self.gates.iter().any(|(_, p)| *p == Some(false));
        let to = tally.decide(failed);
        let from = self.decision.replace(to);
        (moves, from.filter(|f| *f != to).map(|from| DecisionMove { from, to }))
    }

    /// The text written again with only what is shown, once most of it is what went away.
    fn compact(&mut self) {
        let live: usize = self.entries.iter().map(|e| e.rule_end.saturating_sub(e.start)).sum();
        if self.text.len() <= 2 * live + 1024 {
            return;
        }
        let mut text = String::with_capacity(live);
        for e in &mut self.entries {
            let start = text.len();
            text.push_str(self.text.get(e.start..e.rule_end).unwrap_or_default());
            let moved = |x: usize| x.saturating_sub(e.start) + start;
            (e.path_end, e.code_end, e.rule_end) = (moved(e.path_end), moved(e.code_end), moved(e.rule_end));
            e.start = start;
        }
        self.text = text;
    }

    /// Show `v` too.
    fn push(&mut self, v: &View<'_>) {
        let start = self.text.len();
        self.text.push_str(v.path());
        let path_end = self.text.len();
        self.text.push_str(v.code());
        let code_end = self.text.len();
        self.text.push_str(v.rule_id());
        self.entries.push(Entry { print: v.print(), start, path_end, code_end, rule_end: self.text.len() });
    }

    /// Entry `i`'s path, code and rule.
    fn parts(&self, i: usize) -> Option<(&str, &str, &str)> {
        let e = self.entries.get(i)?;
        Some((
            self.text.get(e.start..e.path_end)?,
            self.text.get(e.path_end..e.code_end)?,
            self.text.get(e.code_end..e.rule_end)?,
        ))
    }

    /// Entry `i` as a diagnostic that went away.
    fn gone(&self, i: usize) -> Option<Gone> {
        let (path, code, rule_id) = self.parts(i)?;
        Some(Gone { path: path.to_owned(), code: code.to_owned(), rule_id: rule_id.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn required(path: &str) -> View<'_> {
        View::Required { path, field: "staff.total", rule_id: "RTW-F1", severity: Severity::Error }
    }

    /// What changed from `before` (one diagnostic at each path) to `after`.
    fn changes(before: &[&str], after: &[&str]) -> Changes {
        let (b, a): (Vec<View<'_>>, Vec<View<'_>>) =
            (before.iter().map(|p| required(p)).collect(), after.iter().map(|p| required(p)).collect());
        let (shown, _) = Shown::new(&b, Vec::new(), (Decision::Incomplete, None), &Shown::default());
        Shown::new(&a, Vec::new(), (Decision::Incomplete, None), &shown).1
    }

    fn paths(c: &Changes) -> (Vec<&str>, Vec<&str>) {
        (c.added.iter().map(|d| d.path.as_str()).collect(), c.removed.iter().map(|g| g.path.as_str()).collect())
    }

    /// Fuzz target `draft`: `/` and `/\0\0` had one fingerprint (a text's last word is padded
    /// with zeros), and removing `/` reported `/\0\0` gone.
    #[test]
    fn texts_that_differ_only_by_trailing_zeros_are_told_apart() {
        assert_ne!(required("/").print(), required("/\0\0").print());
        let c = changes(&["/", "/\0\0"], &["/\0\0"]);
        assert_eq!(paths(&c), (vec![], vec!["/"]));
    }

    /// Two paths of 16 bytes with one fingerprint (the second's last word solved for: each step
    /// of the hash can be undone): matched by their text, not taken for one another.
    #[test]
    fn equal_fingerprints_of_different_paths_are_told_apart() {
        let mut inverse: u64 = 1; // of FX_TIMES modulo 2^64, by Newton's steps
        for _ in 0..6 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(FX_TIMES.wrapping_mul(inverse)));
        }
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap());
        let first = "/roster/0/phones";
        let mut h = Fx::default();
        h.write(first.as_bytes());
        let target = h.0;
        let mut found = None;
        for n in 0..10_000_000 {
            let head = format!("/{n:07}");
            let mut h = Fx::default();
            h.add(16);
            h.add(word(head.as_bytes()));
            let tail = ((target.wrapping_mul(inverse)) ^ h.0.rotate_left(5)).to_le_bytes();
            if tail.iter().all(|b| b.is_ascii_graphic() && !matches!(b, b'/' | b'~')) {
                found = Some(format!("{head}{}", std::str::from_utf8(&tail).unwrap()));
                break;
            }
        }
        let second = found.expect("a second path of the same fingerprint (about 1 in 3,600 heads gives one)");
        assert_ne!(first, second);
        assert_eq!(required(first).print(), required(&second).print(), "{second}");
        let c = changes(&[first], &[&second]);
        assert_eq!(paths(&c), (vec![second.as_str()], vec![first]));
        assert!(changes(&[first], &[first]).is_empty());
        // Both shown, before and after: what is removed is added again, if anything.
        let both = changes(&[first, &second], &[&second, first]);
        let (mut added, mut removed) = paths(&both);
        added.sort_unstable();
        removed.sort_unstable();
        assert_eq!(added, removed);
    }
}
