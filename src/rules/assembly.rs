//! Putting the parts of the rules together, in pack order (see [`super`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::{Event, Outcome, Part};
use crate::answer::{Cause, Diagnostic, EarliestStart, GateResult, Normalized, Severity};

/// A diagnostic of an [`Assembly`], not necessarily made yet: a part's own (borrowed when the
/// part is kept, as a draft keeps them), or a missing value (made into `field.required` by
/// [`Item::into_diagnostic`]).
#[derive(Debug, Clone)]
pub enum Item<'p> {
    /// A diagnostic.
    Diag(Cow<'p, Diagnostic>),
    /// A missing value, reported by this rule.
    Required {
        /// Its pointer.
        path: Cow<'p, str>,
        /// Its field id.
        field: Cow<'p, str>,
        /// The rule that reports it.
        rule_id: &'p str,
        /// The severity of the check that needs it.
        severity: Severity,
    },
}

impl Item<'_> {
    /// The diagnostic.
    pub fn into_diagnostic(self) -> Diagnostic {
        match self {
            Item::Diag(d) => d.into_owned(),
            Item::Required { path, field, rule_id, severity } => {
                Diagnostic::required(path.into_owned(), &field, rule_id, severity)
            }
        }
    }
}

/// Where `field.required` diagnostics go: each missing value is reported once, at its own
/// pointer, by the first rule that needs it, and never where the input already has a shape
/// diagnostic (a value of the wrong type is not "missing").
struct Sink<'a, 'p> {
    items: Vec<Item<'p>>,
    out: Outcome,
    /// Some value was required twice: [`Sink::items`] drops the later ones.
    repeated: bool,
    /// The paths required so far, in a sorted vector while they are few (most answers require
    /// none or a handful); past [`FEW`], only [`Sink::items`]'s sort finds the repeats.
    reported: Vec<Cow<'p, str>>,
    shape_errors: &'a BTreeSet<String>,
}

/// How many required paths are kept sorted as they come (a bound on the insertions' cost).
const FEW: usize = 32;

impl<'p> Sink<'_, 'p> {
    fn require(&mut self, path: Cow<'p, str>, field: Cow<'p, str>, rule_id: &'p str, severity: Severity) {
        // A value under a wrongly typed parent is not missing: the parent's type is the problem.
        if crate::pointer::at_or_under(self.shape_errors, &path) {
            return;
        }
        if self.reported.len() < FEW {
            match self.reported.binary_search(&path) {
                Ok(_) => return,
                Err(at) => self.reported.insert(at, path.clone()),
            }
        } else {
            self.repeated = true;
        }
        self.items.push(Item::Required { path, field, rule_id, severity });
    }

    /// The items, each missing value reported only by the first rule that needs it. Past
    /// [`FEW`] paths, the required items are sorted by a hash of their path and their place
    /// (the `(u64, usize)` sort the draft has already: no sort of its own in the .wasm); among
    /// items of one hash, one whose path an earlier one has is dropped. n log n however many
    /// (a run of one hash holds one path, repeated by the few rules that need it).
    fn items(mut self) -> (Vec<Item<'p>>, Outcome) {
        if self.repeated {
            fn path<'x>(item: Option<&'x Item<'_>>) -> Option<&'x str> {
                match item {
                    Some(Item::Required { path, .. }) => Some(path.as_ref()),
                    _ => None,
                }
            }
            let mut keys: Vec<(u64, usize)> =
                (0..self.items.len()).filter_map(|i| Some((fnv(path(self.items.get(i))?), i))).collect();
            keys.sort_unstable();
            let mut later = vec![false; self.items.len()];
            for run in keys.chunk_by(|a, b| a.0 == b.0) {
                for (k, &(_, i)) in run.iter().enumerate() {
                    let p = path(self.items.get(i));
                    let before = run.get(..k).unwrap_or_default();
                    if before.iter().any(|&(_, j)| path(self.items.get(j)) == p)
                        && let Some(l) = later.get_mut(i)
                    {
                        *l = true;
                    }
                }
            }
            let mut later = later.into_iter();
            self.items.retain(|_| !later.next().unwrap_or(false));
        }
        (self.items, self.out)
    }
}

/// FNV-1a of a path (equal paths, equal hashes; the rare equal hash of two paths is told
/// apart by comparing them).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Puts the parts of the rules together, in pack order, into an [`Outcome`]: the missing
/// values each reported once (by the first rule that needs it), and the gates judged from
/// what their causes found. Parts given by reference are not copied until
/// [`Self::finish`] (a draft's change list never copies them: [`Self::finish_items`]).
pub struct Assembly<'a, 'p> {
    sink: Sink<'a, 'p>,
    /// Normalised values and earliest starts are kept (a draft's change list needs neither).
    values: bool,
    /// A value the current rule needs is missing.
    undetermined: bool,
    /// The current gate's own diagnostics.
    own: Vec<Cow<'p, Diagnostic>>,
}

impl<'a, 'p> Assembly<'a, 'p> {
    /// An empty assembly; `shape_errors` are the pointers that already have a shape
    /// diagnostic (a value there is not missing).
    pub fn new(shape_errors: &'a BTreeSet<String>, values: bool) -> Self {
        let sink =
            Sink { items: Vec::new(), out: Outcome::default(), repeated: false, reported: Vec::new(), shape_errors };
        Assembly { sink, values, undetermined: false, own: Vec::new() }
    }

    fn event(&mut self, rule_id: &'p str, event: Cow<'p, Event>) {
        match event {
            Cow::Owned(Event::Fired(d)) => self.sink.items.push(Item::Diag(Cow::Owned(d))),
            Cow::Borrowed(Event::Fired(d)) => self.sink.items.push(Item::Diag(Cow::Borrowed(d))),
            Cow::Owned(Event::Required { path, field, severity }) => {
                self.sink.require(Cow::Owned(path), Cow::Owned(field), rule_id, severity);
            }
            Cow::Borrowed(Event::Required { path, field, severity }) => {
                self.sink.require(Cow::Borrowed(path), Cow::Borrowed(field), rule_id, *severity);
            }
        }
    }

    /// The events of one part of a rule (every element's events come before any element's
    /// `fired`).
    pub fn events(&mut self, rule_id: &'p str, part: &'p Part) {
        for e in &part.events {
            self.event(rule_id, Cow::Borrowed(e));
        }
        self.values(part.undetermined, &part.normalized, &part.earliest_start);
    }

    /// The assertion diagnostics of one part, after the events of all its piece's parts;
    /// `gate`: the rule is a gate (they are its own, added after its result).
    pub fn fired(&mut self, part: &'p Part, gate: bool) {
        if gate {
            self.own.extend(part.fired.iter().map(Cow::Borrowed));
        } else {
            self.sink.items.extend(part.fired.iter().map(|d| Item::Diag(Cow::Borrowed(d))));
        }
    }

    /// [`Self::events`] then [`Self::fired`] of a part judged everywhere, taken apart.
    pub fn piece(&mut self, rule_id: &'p str, part: Part, gate: bool) {
        for e in part.events {
            self.event(rule_id, Cow::Owned(e));
        }
        self.values(part.undetermined, &part.normalized, &part.earliest_start);
        if gate {
            self.own.extend(part.fired.into_iter().map(Cow::Owned));
        } else {
            self.sink.items.extend(part.fired.into_iter().map(|d| Item::Diag(Cow::Owned(d))));
        }
    }

    fn values(&mut self, undetermined: bool, normalized: &[Normalized], earliest: &[EarliestStart]) {
        self.undetermined |= undetermined;
        if self.values {
            self.sink.out.normalized.extend(normalized.iter().cloned());
            self.sink.out.earliest_start.extend(earliest.iter().cloned());
        }
    }

    /// Room for `n` gates (their results are pushed one by one).
    pub fn expect_gates(&mut self, n: usize) {
        self.sink.out.gates.reserve_exact(n);
    }

    /// The end of a rule that is not a gate.
    pub fn end_rule(&mut self, rule_id: &str) {
        if std::mem::take(&mut self.undetermined) {
            self.sink.out.undetermined.push(rule_id.to_owned());
        }
    }

    /// The end of a gate: `passed: false` when a cause (or its own check) fired, `null` when
    /// one could not be judged, `true` otherwise; then its own diagnostics.
    pub fn end_gate(&mut self, rule_id: &str, causes: &[String]) {
        let own = std::mem::take(&mut self.own);
        let sink = &mut self.sink;
        let undetermined =
            std::mem::take(&mut self.undetermined) || causes.iter().any(|c| sink.out.undetermined.contains(c));
        let fired = sink.items.iter().filter_map(|i| match i {
            Item::Diag(d) => Some(d.as_ref()),
            Item::Required { .. } => None,
        });
        // A plain loop: the causes are few, and most gates have none (no collect machinery).
        let mut found: Vec<Cause> = Vec::new();
        for d in fired.chain(own.iter().map(AsRef::as_ref)) {
            if !d.missing && (d.rule_id == rule_id || causes.contains(&d.rule_id)) {
                found.push(Cause { rule_id: d.rule_id.clone(), code: d.code.clone(), path: d.path.clone() });
            }
        }
        found.dedup();
        let passed = gate_passed(!found.is_empty(), undetermined);
        sink.out.gates.push(GateResult { id: rule_id.to_owned(), passed, causes: found });
        sink.items.extend(own.into_iter().map(Item::Diag));
    }

    /// What the rules found.
    pub fn finish(self) -> Outcome {
        let (items, mut out) = self.sink.items();
        out.diagnostics = items.into_iter().map(Item::into_diagnostic).collect();
        out
    }

    /// What the rules found, the diagnostics not yet made (`Outcome::diagnostics` empty).
    pub fn finish_items(self) -> (Vec<Item<'p>>, Outcome) {
        self.sink.items()
    }
}

/// A gate's result: `false` when a cause (or its own check) fired, `null` when one could not be
/// judged, `true` otherwise (also a draft's quick change list's: src/draft/quick.rs).
pub fn gate_passed(fired: bool, undetermined: bool) -> Option<bool> {
    if fired {
        Some(false)
    } else if undetermined {
        None
    } else {
        Some(true)
    }
}

/// Merge normalisations: the last one for a path wins; sorted by path.
pub fn merge_normalized(lists: impl IntoIterator<Item = Normalized>) -> Vec<Normalized> {
    merge(lists.into_iter().collect())
}

/// [`merge_normalized`], once in the .wasm. Most answers have none or one: no map for them
/// (the map is `serde_json::Map`'s own B-tree: no sort of its own in the .wasm).
fn merge(all: Vec<Normalized>) -> Vec<Normalized> {
    if all.len() < 2 {
        return all;
    }
    let mut by_path: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    for n in all {
        by_path.insert(n.path, n.value);
    }
    by_path.into_iter().map(|(path, value)| Normalized { path, value }).collect()
}
