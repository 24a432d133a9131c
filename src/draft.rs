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

mod deps;
mod edit;
mod walk;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};

use crate::answer::{Answer, Decision, Diagnostic, FilingAnswer, GateResult, Normalized, decide};
use crate::engine::{Engine, Options, render};
use crate::expr::Env;
use crate::pack::{Pack, RuleBody};
use crate::rules::{Assembly, Outcome, Part, merge_normalized, piece};
use crate::schema::{FILING, Subject};
use crate::time::today_cst;
use deps::{Read, Touch};
pub use edit::DraftError;

/// A diagnostic that went away: its place, code and rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gone {
    /// JSON Pointer.
    pub path: String,
    /// Code.
    pub code: String,
    /// Rule.
    pub rule_id: String,
}

/// A gate whose result moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateMove {
    /// `RTW-G1` … `RTW-G6`.
    pub id: String,
    /// Before (`null`: undetermined, or the gate was not there).
    pub from: Option<bool>,
    /// Now.
    pub to: Option<bool>,
}

/// The decision, before and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DecisionMove {
    /// Before.
    pub from: Decision,
    /// Now.
    pub to: Decision,
}

/// What changed in the answer since the previous one. A diagnostic whose params changed
/// (the same code at the same place) is both removed and added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// Diagnostics now in the answer that were not (messages in the draft's locale).
    pub added: Vec<Diagnostic>,
    /// Diagnostics no longer in the answer.
    pub removed: Vec<Gone>,
    /// Gates whose `passed` moved.
    pub gates: Vec<GateMove>,
    /// The decision, when it moved.
    pub decision: Option<DecisionMove>,
}

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
    elements: BTreeMap<usize, Part>,
}

/// The units of one rule, in order.
#[derive(Debug)]
struct RuleUnits {
    rule: usize,
    gate: bool,
    units: Vec<Unit>,
}

/// What the previous answer showed, to tell what changed.
#[derive(Debug, Default)]
struct Shown {
    diagnostics: Vec<Diagnostic>,
    gates: Vec<GateResult>,
    decision: Option<Decision>,
}

/// A filing being typed: edits re-judge only what they reach (see the module docs).
#[derive(Debug)]
pub struct Draft<E: Deref<Target = Engine>> {
    engine: E,
    opts: Options,
    today: NaiveDate,
    /// The submission as given.
    raw: Value,
    /// The canonical document (the walker's).
    doc: Value,
    walk: walk::WalkCache,
    /// The pack version judging (index in `engine.packs()`), or why there is none.
    pack: Result<usize, String>,
    rules: Vec<RuleUnits>,
    /// The work the rules take on the submission ([`crate::budget`]).
    work: u64,
    /// The units (rule and unit position) by the first key of what they read.
    index: BTreeMap<String, Vec<(usize, usize)>>,
    shown: Shown,
}

impl Engine {
    /// A draft of a filing, empty, judged with `opts` (its `now`, locale, scope, version).
    pub fn draft_filing(&self, opts: &Options) -> Draft<&Engine> {
        Draft::filing(self, opts.clone())
    }

    /// A draft of a kind of submission; only filings have drafts
    /// ([`DraftError::UnsupportedKind`] for the others, which have their own scoring).
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
            doc: Value::Null,
            walk: walk::WalkCache::default(),
            pack: Err(String::new()),
            rules: Vec::new(),
            work: 0,
            index: BTreeMap::new(),
            shown: Shown::default(),
        };
        d.rewalk(&[]);
        d.choose_pack(true);
        d.shown = d.shown();
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
        let change = edit::set(&mut self.raw, pointer, value, &FILING)?;
        Ok(self.changed(&change))
    }

    /// Remove the value at a JSON Pointer: a member, or an array element (the later ones
    /// move up, as in JSON Patch). Nothing there is no change; `""` empties the draft.
    pub fn remove(&mut self, pointer: &str) -> Result<Changes, DraftError> {
        match edit::remove(&mut self.raw, pointer)? {
            Some(change) => Ok(self.changed(&change)),
            None => Ok(Changes { added: Vec::new(), removed: Vec::new(), gates: Vec::new(), decision: None }),
        }
    }

    /// Change the scope (JSON Pointer prefixes of the fields reached; `None`: everything):
    /// only which missing values are shown changes, nothing is judged again.
    pub fn set_scope(&mut self, scope: Option<Vec<String>>) -> Changes {
        self.opts.scope = scope;
        let now = self.shown();
        let before = std::mem::replace(&mut self.shown, now);
        self.compare(before)
    }

    /// The options it answers with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The whole answer: equal to `check_filing_value` of [`Self::value`].
    pub fn answer(&self) -> FilingAnswer {
        let Some(pack) = self.current_pack() else {
            let reason = self.pack.as_ref().err().cloned().unwrap_or_default();
            return self.engine.unusable("input.unknown_pack_version", json!({ "reason": reason }), &self.opts);
        };
        if let Some(a) = self.over_budget() {
            return a;
        }
        let (mut diagnostics, outcome) = self.assemble(pack, true);
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
        self.rewalk(&change.at);
        if !self.choose_pack(false) {
            self.rejudge(&change.at);
            if change.structural {
                self.count_work();
            }
        }
        let now = self.shown();
        let before = std::mem::replace(&mut self.shown, now);
        self.compare(before)
    }

    /// Count the work the pack's rules take on the submission (counted from its shape: only
    /// a change of shape can change it).
    fn count_work(&mut self) {
        self.work = self.current_pack().map_or(0, |p| crate::budget::work(p, Subject::Filing, &self.doc));
    }

    /// The answer when the work is over the budget (as `check_filing` answers).
    fn over_budget(&self) -> Option<FilingAnswer> {
        (self.work > self.opts.budget).then(|| {
            let params = json!({ "steps": self.work, "budget": self.opts.budget });
            let mut a: FilingAnswer = self.engine.unusable("engine.budget_exhausted", params, &self.opts);
            a.set_decision(Decision::Incomplete);
            a
        })
    }

    /// Walk again where a change at `at` reaches.
    fn rewalk(&mut self, at: &[String]) {
        self.walk.rewalk(&self.raw, &FILING, &mut self.doc, at);
    }

    // --- The rules --------------------------------------------------------------------

    /// Choose the pack version in force on the filing's date; when it is another one than
    /// before (or `all`), judge every rule again. Returns whether it did.
    fn choose_pack(&mut self, all: bool) -> bool {
        let date = self.doc.get("filedOn").and_then(Value::as_str).and_then(crate::time::parse_iso_date);
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
                self.judge(r.rule, u, Touch::All);
            }
        }
        self.rules = rules;
        true
    }

    /// Judge again the units a change at `at` reaches.
    fn rejudge(&mut self, at: &[String]) {
        let mut rules = std::mem::take(&mut self.rules);
        match at.first() {
            None => {
                for r in &mut rules {
                    for u in &mut r.units {
                        self.judge(r.rule, u, Touch::All);
                    }
                }
            }
            Some(first) => {
                for &(ri, ui) in self.index.get(first).map_or(&[][..], Vec::as_slice) {
                    let Some(r) = rules.get_mut(ri) else { continue };
                    let rule = r.rule;
                    let Some(u) = r.units.get_mut(ui) else { continue };
                    let touch = deps::touched(u.array.as_deref(), &u.reads, at);
                    if touch != Touch::None {
                        self.judge(rule, u, touch);
                    }
                }
            }
        }
        self.rules = rules;
    }

    /// Judge a unit everywhere, or at one element.
    fn judge(&self, rule: usize, u: &mut Unit, touch: Touch) {
        let Some(pack) = self.current_pack() else { return };
        let Some(rule) = pack.rules.get(rule) else { return };
        let Some(p) = piece(&rule.body, u.piece) else { return };
        let env = Env { doc: &self.doc, elem: None, today: self.today };
        match (&u.array, touch) {
            (_, Touch::None) => {}
            (None, _) => {
                let mut part = Part::default();
                p.judge(&rule.id, &env, None, &mut part);
                u.whole = part;
            }
            (Some(array), Touch::All) => {
                u.elements.clear();
                let n = deps::elements(&self.doc, array).len();
                for i in 0..n {
                    let mut part = Part::default();
                    p.judge(&rule.id, &env, Some(i), &mut part);
                    keep_part(&mut u.elements, i, part);
                }
            }
            (Some(_), Touch::Element(i)) => {
                let mut part = Part::default();
                p.judge(&rule.id, &env, Some(i), &mut part);
                keep_part(&mut u.elements, i, part);
            }
        }
    }

    /// The walk's and the rules' diagnostics (not yet rendered), and what the rules found.
    fn assemble(&self, pack: &Pack, values: bool) -> (Vec<Diagnostic>, Outcome) {
        let mut diagnostics: Vec<Diagnostic> = self.walk.found().flat_map(|w| w.diagnostics.iter().cloned()).collect();
        let shape_errors: BTreeSet<String> = diagnostics.iter().map(|d| d.path.clone()).collect();
        let mut asm = Assembly::new(&shape_errors, values);
        for r in &self.rules {
            let Some(rule) = pack.rules.get(r.rule) else { continue };
            for u in &r.units {
                if u.array.is_none() {
                    if !u.whole.is_empty() {
                        asm.events(&rule.id, &u.whole);
                        asm.fired(&u.whole, r.gate);
                    }
                } else {
                    u.elements.values().for_each(|part| asm.events(&rule.id, part));
                    u.elements.values().for_each(|part| asm.fired(part, r.gate));
                }
            }
            match &rule.body {
                RuleBody::Gate { causes, .. } => asm.end_gate(&rule.id, causes),
                _ => asm.end_rule(&rule.id),
            }
        }
        let mut outcome = asm.finish();
        diagnostics.append(&mut outcome.diagnostics);
        (diagnostics, outcome)
    }

    // --- What changed -----------------------------------------------------------------

    /// What the answer shows now: diagnostics in scope (no messages yet), gates, decision.
    fn shown(&self) -> Shown {
        let pack = match self.current_pack() {
            Some(pack) if self.work <= self.opts.budget => pack,
            // Unusable: the answer's one diagnostic.
            _ => {
                let a = self.answer();
                return Shown { diagnostics: a.diagnostics, gates: a.gates, decision: Some(a.decision) };
            }
        };
        let (mut diagnostics, outcome) = self.assemble(pack, false);
        let any_gate_failed = outcome.gates.iter().any(|g| g.passed == Some(false));
        let decision = decide(&diagnostics, any_gate_failed);
        if self.opts.scope.is_some() {
            diagnostics.retain(|d| !d.missing || self.opts.in_scope(&d.path));
        }
        Shown { diagnostics, gates: outcome.gates, decision: Some(decision) }
    }

    fn compare(&self, before: Shown) -> Changes {
        let now = &self.shown;
        let mut old: BTreeMap<(&str, &str, &str), Vec<&Diagnostic>> = BTreeMap::new();
        for d in &before.diagnostics {
            old.entry((&d.path, &d.code, &d.rule_id)).or_default().push(d);
        }
        let mut added = Vec::new();
        for d in &now.diagnostics {
            let same = old.get_mut(&(d.path.as_str(), d.code.as_str(), d.rule_id.as_str())).and_then(|v| {
                let at = v.iter().position(|o| *o == d)?;
                Some(v.remove(at))
            });
            if same.is_none() {
                added.push(d.clone());
            }
        }
        let removed = old
            .into_values()
            .flatten()
            .map(|d| Gone { path: d.path.clone(), code: d.code.clone(), rule_id: d.rule_id.clone() })
            .collect();
        if let Some(pack) = self.current_pack() {
            render(pack, &mut added, &self.opts);
        }
        let gates = now
            .gates
            .iter()
            .filter_map(|g| {
                let from = before.gates.iter().find(|b| b.id == g.id).and_then(|b| b.passed);
                (from != g.passed).then(|| GateMove { id: g.id.clone(), from, to: g.passed })
            })
            .collect();
        let decision = match (before.decision, now.decision) {
            (Some(from), Some(to)) if from != to => Some(DecisionMove { from, to }),
            _ => None,
        };
        Changes { added, removed, gates, decision }
    }
}

/// Keep an element's part when it found something.
fn keep_part(els: &mut BTreeMap<usize, Part>, i: usize, part: Part) {
    if part.is_empty() {
        els.remove(&i);
    } else {
        els.insert(i, part);
    }
}

/// The units by the first key of what they read or are judged per element of: a change
/// under another key cannot reach them.
fn index(rules: &[RuleUnits]) -> BTreeMap<String, Vec<(usize, usize)>> {
    let mut out: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (ri, r) in rules.iter().enumerate() {
        for (ui, u) in r.units.iter().enumerate() {
            let firsts = u.array.iter().flat_map(|a| a.first()).chain(u.reads.doc.iter().filter_map(Read::first));
            for key in firsts {
                let list = out.entry(key.clone()).or_default();
                if list.last() != Some(&(ri, ui)) {
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
    others
        .chain(gates)
        .map(|(i, r)| RuleUnits {
            rule: i,
            gate: matches!(r.body, RuleBody::Gate { .. }),
            units: (0..)
                .map_while(|k| piece(&r.body, k).map(|p| (k, p)))
                .map(|(k, p)| {
                    let array = p.array();
                    let reads = deps::reads(&p, array.as_deref(), &FILING);
                    Unit { piece: k, array, reads, whole: Part::default(), elements: BTreeMap::new() }
                })
                .collect(),
        })
        .collect()
}
