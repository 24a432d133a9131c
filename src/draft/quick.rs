//! The quick way to tell what an edit changed, when only rules' own diagnostics can have
//! moved: the edit was walked to the same shape diagnostics, no container or array length
//! changed, and no part the edit judged again reports a missing value, before or after (the
//! assembly reports each missing value once, for the first rule that needs it, and never under
//! a value of the wrong type: only it can tell those). The diagnostics added and removed are
//! then those the judged parts held and hold; the gates fed by those rules are judged again
//! from what their causes hold, as `Assembly::end_gate` judges them; the decision comes from
//! the tally of every diagnostic. The whole look ([`Draft::look`]) puts every rule's parts
//! together again and fingerprints every diagnostic shown: on a keystroke that moves a rule,
//! most of its time (twenty-ninth session, BENCHMARKS.md).

use std::ops::Deref;

use super::shown::View;
use super::{Changes, Draft, Old, RuleUnits, Unit};
use crate::engine::{Engine, MAX_DIAGNOSTICS_PER_CODE, render};
use crate::rules::{Event, Part, gate_passed};

/// The parts of a unit judged per element, or its one part.
fn parts(u: &Unit) -> impl Iterator<Item = &Part> {
    let whole = u.array.is_none().then_some(&u.whole);
    whole.into_iter().chain(u.elements.iter().map(|(_, p)| p))
}

/// The diagnostics of some parts of one unit, in the assembly's order: every part's events,
/// then every part's assertions.
fn diagnostics<'x>(parts: &[&'x Part], out: &mut Vec<View<'x>>) {
    for p in parts {
        out.extend(p.events.iter().filter_map(|e| match e {
            Event::Fired(d) => Some(View::Diag(d)),
            Event::Required { .. } => None,
        }));
    }
    for p in parts {
        out.extend(p.fired.iter().map(View::Diag));
    }
}

/// Whether a part reports a missing value.
fn requires(p: &Part) -> bool {
    p.events.iter().any(|e| matches!(e, Event::Required { .. }))
}

/// Whether a rule's parts hold a diagnostic that is not a missing value (what fails a gate).
fn fires(r: &RuleUnits) -> bool {
    r.units.iter().flat_map(parts).any(|p| {
        p.fired.iter().any(|d| !d.missing) || p.events.iter().any(|e| matches!(e, Event::Fired(d) if !d.missing))
    })
}

/// Whether a rule could not judge something (a value it needs is missing or invalid).
fn undetermined(r: &RuleUnits) -> bool {
    r.units.iter().flat_map(parts).any(|p| p.undetermined)
}

impl<E: Deref<Target = Engine>> Draft<E> {
    /// What changed, told from the units judged again (`deltas`: rule and unit position, in
    /// order, and what each held); `None` when only the whole look can tell (see the module).
    pub(super) fn quick(&mut self, deltas: &[(usize, usize, Old)]) -> Option<Changes> {
        let mut tally = self.shown.tally()?;
        let engine: &Engine = &self.engine;
        let pack = engine.packs().nth(*self.pack.as_ref().ok()?)?;
        let (mut before, mut after): (Vec<View<'_>>, Vec<View<'_>>) = (Vec::new(), Vec::new());
        let mut judged: Vec<usize> = Vec::new();
        for (ri, ui, old) in deltas {
            let u = self.rules.get(*ri)?.units.get(*ui)?;
            let (was, now): (Vec<&Part>, Vec<&Part>) = match old {
                Old::Whole(p) => (vec![p], vec![&u.whole]),
                Old::Elements(els) => {
                    (els.iter().map(|(_, p)| p).collect(), u.elements.iter().map(|(_, p)| p).collect())
                }
                Old::Element(i, p) => {
                    let at = u.elements.binary_search_by_key(i, |(k, _)| *k).ok();
                    (vec![p], at.and_then(|at| u.elements.get(at)).map(|(_, p)| p).into_iter().collect())
                }
            };
            if was.iter().chain(&now).any(|p| requires(p)) {
                return None;
            }
            diagnostics(&was, &mut before);
            diagnostics(&now, &mut after);
            if judged.last() != Some(ri) {
                judged.push(*ri);
            }
        }
        // Past a hundred diagnostics shown, the answer may hold some back (`answer.truncated`):
        // only the whole look tells which (drafts audit, thirty-second session).
        if self.shown.len() + after.len() > MAX_DIAGNOSTICS_PER_CODE {
            return None;
        }
        before.iter().for_each(|v| tally.add(v, -1));
        after.iter().for_each(|v| tally.add(v, 1));
        for views in [&mut before, &mut after] {
            crate::pointer::retain_in_scope(self.opts.scope.as_deref(), views, |v| !v.missing(), |v| v.path());
        }
        // The gates fed by a rule judged again (or judged again themselves).
        let mut gates: Vec<(&str, Option<bool>)> = Vec::new();
        for (gi, g) in self.rules.iter().enumerate().filter(|(_, r)| r.gate) {
            if !(judged.contains(&gi) || g.feeds.iter().any(|f| judged.contains(f))) {
                continue;
            }
            let feeds = || g.feeds.iter().filter_map(|&f| self.rules.get(f));
            let passed = gate_passed(
                fires(g) || feeds().any(fires),
                undetermined(g) || feeds().any(|r| !r.gate && undetermined(r)),
            );
            gates.push((pack.rules.get(g.rule)?.id.as_str(), passed));
        }
        let (removed, mut added) = self.shown.apply(&before, &after)?;
        let (gates, decision) = self.shown.settle(tally, &gates);
        render(pack, &mut added, &self.opts);
        Some(Changes { added, removed, gates, decision })
    }
}
