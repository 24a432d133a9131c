//! Drafts: a submission typed one field at a time (issue 9, point 3).
//!
//! A [`Draft`] holds a filing and, for each piece of each rule ([`crate::rules::Piece`]), what
//! it found — once for the document, or element by element for pieces judged per roster row.
//! `set(pointer, value)` and `remove(pointer)` re-walk only the changed member (or roster
//! row) and re-judge only the pieces that read what changed: the fields each piece reads are
//! known from the pack (`Expr::reads`, a field check's `fields` and `required`, `each`), so a
//! change to `/roster/7/phone` re-judges the per-row pieces for row 7 only, and the
//! whole-roster counts only when they read the changed field. The answer is then put
//! together from the kept parts in pack order, exactly as [`Engine::check_filing`] does:
//! [`Draft::answer`] equals `check_filing_value` of [`Draft::value`], byte for byte.
//!
//! ```
//! use fangkong::{Engine, Options, time::parse_now};
//! use serde_json::json;
//!
//! let engine = Engine::with_default_pack().map_err(|e| e.to_string())?;
//! let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00")?);
//! let mut draft = engine.draft_filing(&opts);
//! let changes = draft.set("/enterprise/creditCode", json!("91440300MA5G0XYZ1X")).map_err(|e| e.to_string())?;
//! // The missing credit code is no longer reported; a wrong check character is.
//! assert!(changes.removed.iter().any(|d| d.path == "/enterprise/creditCode" && d.code == "field.required"));
//! assert_eq!(draft.answer(), engine.check_filing_value(draft.value(), &opts));
//! # Ok::<(), String>(())
//! ```

mod any;
mod changes;
mod deps;
mod edit;
mod quick;
mod shown;
mod walk;
mod whole;

use std::collections::BTreeSet;
use std::ops::Deref;

use chrono::NaiveDate;
use serde_json::Value;

use crate::answer::{Answer, Decision, Diagnostic, FilingAnswer, Normalized, decide};
use crate::engine::{Engine, MAX_DIAGNOSTICS_PER_CODE, Options, cap_per_code, render};
use crate::expr::Env;
use crate::pack::{Pack, RuleBody};
use crate::rules::{Assembly, Part, merge_normalized, piece};
use crate::schema::{FILING, Subject};
use crate::time::today_cst;
pub use any::AnyDraft;
pub use changes::{Changes, DecisionMove, GateMove, Gone};
use deps::{Read, Touch};
pub use edit::{DraftError, MAX_NESTING};
use shown::View;
pub use whole::{WholeAnswer, WholeDraft};

/// One piece of a rule with what it found and what it reads.
#[derive(Debug)]
struct Unit {
    /// Index of the piece in its rule ([`crate::rules::piece`]).
    piece: usize,
    /// The array it is judged per element of.
    array: Option<Vec<String>>,
    /// What it reads.
    reads: deps::Reads,
    /// Judged once, or per element (only elements that found something).
    whole: Part,
    /// (Sorted by index: a `Vec`, not a `BTreeMap`, for one B-tree less in the `.wasm`.)
    elements: Vec<(usize, Part)>,
}

/// The units of one rule, in order.
#[derive(Debug)]
struct RuleUnits {
    rule: usize,
    gate: bool,
    units: Vec<Unit>,
    /// A gate's causes among the rules before it (their indexes here): what it is judged from.
    feeds: Vec<usize>,
}

/// What a unit held before it was judged again and found something else.
#[derive(Debug)]
enum Old {
    /// Its part (judged once).
    Whole(Part),
    /// Every element's part.
    Elements(Vec<(usize, Part)>),
    /// One element's part (empty when it found nothing).
    Element(usize, Part),
}

/// A filing being typed: edits re-judge only what they reach (see the module docs).
#[derive(Debug)]
pub struct Draft<E: Deref<Target = Engine>> {
    engine: E,
    opts: Options,
    today: NaiveDate,
    /// The submission as given, and an upper bound of its JSON bytes ([`edit::set_within`]).
    raw: Value,
    size: usize,
    /// The canonical document (the walker's).
    doc: Value,
    walk: walk::WalkCache,
    /// The pack version judging (index in `engine.packs()`), or why there is none.
    pack: Result<usize, String>,
    rules: Vec<RuleUnits>,
    /// The work the rules take on the submission ([`crate::budget`]).
    work: u64,
    /// The units (rule and unit position) by the first key of what they read.
    /// Sorted by key (a `Vec`, not a `BTreeMap`: one B-tree less in the `.wasm`).
    index: Vec<(String, Vec<(usize, usize)>)>,
    shown: shown::Shown,
    /// How many edits were told the quick way ([`quick`]).
    quick: usize,
}

impl Engine {
    /// A draft of a filing, empty, judged with `opts` (its `now`, locale, scope, version).
    pub fn draft_filing(&self, opts: &Options) -> Draft<&Engine> {
        Draft::filing(self, opts.clone())
    }

    /// A draft of a filing (any kind: [`Engine::draft_of`]; [`DraftError::UnsupportedKind`] here).
    pub fn draft(&self, subject: Subject, opts: &Options) -> Result<Draft<&Engine>, DraftError> {
        Draft::new(self, subject, opts.clone())
    }
}

impl<E: Deref<Target = Engine>> Draft<E> {
    /// A draft of a kind of submission held with `engine` (a reference, or an `Rc`).
    pub fn new(engine: E, subject: Subject, opts: Options) -> Result<Self, DraftError> {
        match subject {
            Subject::Filing => Ok(Self::filing(engine, opts)),
            other => Err(DraftError::UnsupportedKind(other.name().to_owned())),
        }
    }

    /// An empty filing draft.
    pub fn filing(engine: E, opts: Options) -> Self {
        let today = today_cst(&opts.now);
        let mut d = Draft {
            engine,
            opts,
            today,
            raw: Value::Object(serde_json::Map::new()),
            size: 2,
            doc: Value::Null,
            walk: walk::WalkCache::default(),
            pack: Err(String::new()),
            rules: Vec::new(),
            work: 0,
            index: Vec::new(),
            shown: shown::Shown::default(),
            quick: 0,
        };
        let _ = d.rewalk(&[]);
        d.choose_pack(true);
        d.shown = d.look(&shown::Shown::default()).0;
        d
    }

    /// The submission as given so far.
    pub fn value(&self) -> &Value {
        &self.raw
    }

    /// Set the value at a JSON Pointer (RFC 6901), creating the objects and arrays on the way
    /// as a form would (`/roster/0/name` in an empty draft makes the roster and its first
    /// row); `/roster/-` or the index just past the end appends; `""` replaces everything.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<Changes, DraftError> {
        let change = edit::set_within(&mut self.raw, &mut self.size, pointer, value, &FILING)?;
        Ok(self.changed(&change))
    }

    /// Remove the value at a JSON Pointer: a member, or an array element (the later ones
    /// move up, as in JSON Patch). Nothing there is no change; `""` empties the draft.
    pub fn remove(&mut self, pointer: &str) -> Result<Changes, DraftError> {
        match edit::remove(&mut self.raw, pointer)? {
            Some(change) => Ok(self.changed(&change)),
            None => Ok(Changes::default()),
        }
    }

    /// Change the scope (JSON Pointer prefixes of the fields reached; `None`: everything):
    /// only which missing values are shown changes, nothing is judged again.
    pub fn set_scope(&mut self, scope: Option<Vec<String>>) -> Changes {
        self.opts.scope = scope;
        let (now, changes) = self.look(&self.shown);
        self.shown = now;
        changes
    }

    /// The options it answers with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// How many edits were told the quick way (only rules' own diagnostics moved): for tests
    /// that must reach it.
    #[doc(hidden)]
    pub fn quick_edits(&self) -> usize {
        self.quick
    }

    /// The whole answer: equal to `check_filing_value` of [`Self::value`].
    pub fn answer(&self) -> FilingAnswer {
        let Some(pack) = self.current_pack() else {
            let reason = self.pack.as_ref().err().cloned().unwrap_or_default();
            let params = self.engine.no_such_version(&self.opts, reason);
            return self.engine.unusable("input.unknown_pack_version", params, &self.opts);
        };
        if let Some(a) = self.over_budget() {
            return a;
        }
        let shape_errors = self.shape_errors();
        let mut outcome = self.assembly(pack, &shape_errors, true).finish();
        let mut diagnostics: Vec<Diagnostic> = self.walk.found().flat_map(|w| w.diagnostics.iter().cloned()).collect();
        diagnostics.append(&mut outcome.diagnostics);
        let any_gate_failed = outcome.gates.iter().any(|g| g.passed == Some(false));
        let decision = decide(&diagnostics, any_gate_failed);
        let pending = render(pack, &mut diagnostics, &self.opts);
        let walked_normalized: Vec<Normalized> = self.walk.found().flat_map(|w| w.normalized.iter().cloned()).collect();
        let personal = |n: &Normalized| self.opts.personal || !crate::schema::is_personal(&FILING, &n.path);
        FilingAnswer {
            pack: pack.stamp.clone(),
            decision,
            today: crate::time::fmt_date(self.today),
            locale: self.opts.locale,
            pending,
            diagnostics,
            gates: outcome.gates,
            earliest_start: outcome.earliest_start,
            normalized: merge_normalized(walked_normalized.into_iter().chain(outcome.normalized).filter(personal)),
        }
    }

    fn current_pack(&self) -> Option<&Pack> {
        let i = *self.pack.as_ref().ok()?;
        self.engine.packs().nth(i)
    }

    /// After the raw submission changed: walk and judge again what the change reaches, and
    /// tell what changed in the answer.
    fn changed(&mut self, change: &edit::Change) -> Changes {
        let walked = self.rewalk(&change.at);
        let mut moved = walked;
        // The pack version follows the filing's date alone: a change elsewhere cannot move it.
        let dated = change.at.first().is_none_or(|k| k == crate::filing::DATE);
        if dated && self.choose_pack(false) {
            moved = true;
        } else {
            let deltas = self.rejudge(&change.at);
            moved |= !deltas.is_empty();
            if change.structural {
                let work = self.work;
                self.count_work();
                moved |= work != self.work;
            } else if !walked
                && !deltas.is_empty()
                && let Some(changes) = self.quick(&deltas)
            {
                // Only rules' own diagnostics moved: told from what they held and hold.
                self.quick += 1;
                return changes;
            }
        }
        if !moved {
            // Nothing the answer shows was found again differently: the same answer.
            return Changes::default();
        }
        let (now, changes) = self.look(&self.shown);
        self.shown = now;
        changes
    }

    /// Count the work the pack's rules take on the submission (counted from its shape: only
    /// a change of shape can change it).
    fn count_work(&mut self) {
        self.work = self.current_pack().map_or(0, |p| crate::budget::work(p, Subject::Filing, &self.doc));
    }

    /// The answer when the work is over the budget (as `check_filing` answers).
    fn over_budget(&self) -> Option<FilingAnswer> {
        (self.work > self.opts.budget).then(|| {
            let params =
                crate::answer::params([("steps", Value::from(self.work)), ("budget", Value::from(self.opts.budget))]);
            let mut a: FilingAnswer = self.engine.unusable("engine.budget_exhausted", params, &self.opts);
            a.set_decision(Decision::Incomplete);
            a
        })
    }

    /// Walk again where a change at `at` reaches; whether it found something else.
    fn rewalk(&mut self, at: &[String]) -> bool {
        self.walk.rewalk(&self.raw, &FILING, &mut self.doc, at)
    }

    // --- The rules --------------------------------------------------------------------

    /// Choose the pack version in force on the filing's date; when it is another one than
    /// before (or `all`), judge every rule again. Returns whether it did.
    fn choose_pack(&mut self, all: bool) -> bool {
        let date = self.doc.get(crate::filing::DATE).and_then(Value::as_str).and_then(crate::time::parse_iso_date);
        let engine = &*self.engine;
        let chosen = engine
            .pack_for(date.unwrap_or(self.today), self.opts.pack_version.as_deref())
            .map(|p| engine.packs().position(|q| std::ptr::eq(p, q)).unwrap_or_default());
        if !all && chosen == self.pack {
            return false;
        }
        self.pack = chosen;
        self.rules = match self.current_pack() {
            Some(pack) => units(pack),
            None => Vec::new(),
        };
        self.index = index(&self.rules);
        self.count_work();
        let mut rules = std::mem::take(&mut self.rules);
        for r in &mut rules {
            for u in &mut r.units {
                let _ = self.judge(r.rule, u, Touch::All);
            }
        }
        self.rules = rules;
        true
    }

    /// Judge again the units a change at `at` reaches; those that found something else (rule
    /// and unit position, in order), with what they held.
    fn rejudge(&mut self, at: &[String]) -> Vec<(usize, usize, Old)> {
        let mut rules = std::mem::take(&mut self.rules);
        let mut moved = Vec::new();
        match at.first() {
            None => {
                for (ri, r) in rules.iter_mut().enumerate() {
                    for (ui, u) in r.units.iter_mut().enumerate() {
                        moved.extend(self.judge(r.rule, u, Touch::All).map(|old| (ri, ui, old)));
                    }
                }
            }
            Some(first) => {
                let units = self.index.binary_search_by(|(k, _)| k.as_str().cmp(first)).ok();
                for &(ri, ui) in units.and_then(|i| self.index.get(i)).map_or(&[][..], |(_, v)| v.as_slice()) {
                    let Some(r) = rules.get_mut(ri) else { continue };
                    let rule = r.rule;
                    let Some(u) = r.units.get_mut(ui) else { continue };
                    let touch = deps::touched(u.array.as_deref(), &u.reads, at);
                    if touch != Touch::None {
                        moved.extend(self.judge(rule, u, touch).map(|old| (ri, ui, old)));
                    }
                }
            }
        }
        self.rules = rules;
        moved
    }

    /// Judge a unit everywhere, or at one element; what it held, when it found something else.
    fn judge(&self, rule: usize, u: &mut Unit, touch: Touch) -> Option<Old> {
        let pack = self.current_pack()?;
        let rule = pack.rules.get(rule)?;
        let p = piece(&rule.body, u.piece)?;
        let env = Env::new(&self.doc, self.today);
        let judged = |elem: Option<usize>| {
            let mut part = Part::default();
            p.judge(&rule.id, &env, elem, &mut part);
            part
        };
        match (&u.array, touch) {
            (_, Touch::None) => None,
            (None, _) => {
                let part = judged(None);
                (part != u.whole).then(|| Old::Whole(std::mem::replace(&mut u.whole, part)))
            }
            (Some(array), Touch::All) => {
                let mut elements = Vec::new();
                for i in 0..crate::schema::array_at(&self.doc, array).len() {
                    let part = judged(Some(i));
                    if !part.is_empty() {
                        elements.push((i, part));
                    }
                }
                (elements != u.elements).then(|| Old::Elements(std::mem::replace(&mut u.elements, elements)))
            }
            (Some(_), Touch::Element(i)) => {
                keep_part(&mut u.elements, i, judged(Some(i))).map(|old| Old::Element(i, old))
            }
        }
    }

    /// The pointers with a shape diagnostic.
    fn shape_errors(&self) -> BTreeSet<String> {
        // Inserted one by one, not collected (a collected set sorts first: one more sort in the .wasm).
        let mut set = BTreeSet::new();
        for d in self.walk.found().flat_map(|w| w.diagnostics.iter()) {
            set.insert(d.path.clone());
        }
        set
    }

    /// The rules' kept parts put together in pack order (not finished).
    fn assembly<'s>(&'s self, pack: &'s Pack, shape_errors: &'s BTreeSet<String>, values: bool) -> Assembly<'s, 's> {
        let mut asm = Assembly::new(shape_errors, values);
        for r in &self.rules {
            let Some(rule) = pack.rules.get(r.rule) else { continue };
            for u in &r.units {
                if u.array.is_none() {
                    if !u.whole.is_empty() {
                        asm.events(&rule.id, &u.whole);
                        asm.fired(&u.whole, r.gate);
                    }
                } else {
                    u.elements.iter().for_each(|(_, part)| asm.events(&rule.id, part));
                    u.elements.iter().for_each(|(_, part)| asm.fired(part, r.gate));
                }
            }
            match &rule.body {
                RuleBody::Gate { causes, .. } => asm.end_gate(&rule.id, causes),
                _ => asm.end_rule(&rule.id),
            }
        }
        asm
    }

    // --- What changed -----------------------------------------------------------------

    /// What the answer shows now (diagnostics in scope, gates, decision), and what changed
    /// since `before`.
    fn look(&self, before: &shown::Shown) -> (shown::Shown, Changes) {
        let pack = match self.current_pack() {
            Some(pack) if self.work <= self.opts.budget => pack,
            // Unusable: the answer's one diagnostic (rendered already).
            _ => {
                let a = self.answer();
                let views: Vec<View<'_>> = a.diagnostics.iter().map(View::Diag).collect();
                return shown::Shown::new(&views, a.gates.clone(), (a.decision, None), before);
            }
        };
        let shape_errors = self.shape_errors();
        let (items, outcome) = self.assembly(pack, &shape_errors, false).finish_items();
        let capped: Vec<Diagnostic>;
        let mut views: Vec<View<'_>> = self
            .walk
            .found()
            .flat_map(|w| w.diagnostics.iter().map(View::Diag))
            .chain(items.iter().map(View::of))
            .collect();
        let any_gate_failed = outcome.gates.iter().any(|g| g.passed == Some(false));
        let tally = shown::Tally::of(views.iter().copied());
        let decision = tally.decide(any_gate_failed);
        crate::pointer::retain_in_scope(self.opts.scope.as_deref(), &mut views, |v| !v.missing(), |v| v.path());
        // What the answer shows past a hundred of one code at one field: the first hundred and
        // one `answer.truncated` (drafts audit, thirty-second session: the change list told the
        // diagnostics the cap holds back, and never the summary).
        if views.len() > MAX_DIAGNOSTICS_PER_CODE {
            let mut all: Vec<Diagnostic> = views.iter().map(|v| v.to_diagnostic()).collect();
            cap_per_code(&mut all);
            capped = all;
            views = capped.iter().map(View::Diag).collect();
        }
        let (now, mut changes) = shown::Shown::new(&views, outcome.gates, (decision, Some(tally)), before);
        render(pack, &mut changes.added, &self.opts);
        (now, changes)
    }
}

/// Keep an element's part when it found something (`els` sorted by index); what it held (an
/// empty part when nothing), when it changed.
fn keep_part(els: &mut Vec<(usize, Part)>, i: usize, part: Part) -> Option<Part> {
    match els.binary_search_by_key(&i, |(k, _)| *k) {
        Ok(at) if part.is_empty() => Some(els.remove(at).1),
        Ok(at) => match els.get_mut(at) {
            Some((_, old)) if *old != part => Some(std::mem::replace(old, part)),
            _ => None,
        },
        Err(_) if part.is_empty() => None,
        Err(at) => {
            els.insert(at, (i, part));
            Some(Part::default())
        }
    }
}

/// The units by the first key of what they read or are judged per element of: a change
/// under another key cannot reach them.
fn index(rules: &[RuleUnits]) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut out: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (ri, r) in rules.iter().enumerate() {
        for (ui, u) in r.units.iter().enumerate() {
            let firsts = u.array.iter().flat_map(|a| a.first()).chain(u.reads.doc.iter().filter_map(Read::first));
            for key in firsts {
                let at = match out.binary_search_by(|(k, _)| k.cmp(key)) {
                    Ok(at) => at,
                    Err(at) => {
                        out.insert(at, (key.clone(), Vec::new()));
                        at
                    }
                };
                if let Some((_, list)) = out.get_mut(at)
                    && list.last() != Some(&(ri, ui))
                {
                    list.push((ri, ui));
                }
            }
        }
    }
    out
}

/// The units of a pack's filing rules, in the order they are judged (gates last).
fn units(pack: &Pack) -> Vec<RuleUnits> {
    let rules = || pack.rules.iter().enumerate().filter(|(_, r)| r.subject == Subject::Filing);
    let gates = rules().filter(|(_, r)| matches!(r.body, RuleBody::Gate { .. }));
    let others = rules().filter(|(_, r)| !matches!(r.body, RuleBody::Gate { .. }));
    let mut out: Vec<RuleUnits> = others
        .chain(gates)
        .map(|(i, r)| RuleUnits {
            rule: i,
            gate: matches!(r.body, RuleBody::Gate { .. }),
            units: (0..)
                .map_while(|k| piece(&r.body, k).map(|p| (k, p)))
                .map(|(k, p)| {
                    let array = p.array();
                    let reads = deps::reads(&p, array.as_deref(), &FILING);
                    Unit { piece: k, array, reads, whole: Part::default(), elements: Vec::new() }
                })
                .collect(),
            feeds: Vec::new(),
        })
        .collect();
    // Each gate's causes among the rules before it: the assembly judges a gate from what those
    // found (`Assembly::end_gate`).
    for g in 0..out.len() {
        let causes = match out.get(g).and_then(|r| pack.rules.get(r.rule)).map(|r| &r.body) {
            Some(RuleBody::Gate { causes, .. }) => causes,
            _ => continue,
        };
        let feeds: Vec<usize> = (0..g)
            .filter(|&i| out.get(i).and_then(|r| pack.rules.get(r.rule)).is_some_and(|r| causes.contains(&r.id)))
            .collect();
        if let Some(r) = out.get_mut(g) {
            r.feeds = feeds;
        }
    }
    out
}
