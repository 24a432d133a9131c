//! The one JSON answer of domain.md §7, shared by the Rust API, the CLI and the npm package.

// A filing's answer written straight as JSON text.
mod json;
// The other answers and any JSON value written straight as JSON text.
pub mod cold;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::locale::Locale;

words! {
    /// How serious a diagnostic is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Severity {
        /// Blocks approval (the decision is `deferred`).
        Error = "error",
        /// Must be fixed, but the firm may resume meanwhile (`conditional`).
        Warning = "warning",
        /// For the record only.
        Info = "info",
    }
}
words_serde!(Severity);

/// The verdict on a submission, ordered from the best to the worst rung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// 准予复工: no error, no warning.
    Approved,
    /// 整改后复工 / 限期整改: warnings remain.
    Conditional,
    /// 暂缓复工 / 责令停工: an error, or a gate failed.
    Deferred,
    /// 待补充: a required value is missing (an unanswered item or a missing fact in an inspection).
    Incomplete,
}

/// The rule id of diagnostics about the shape of the input itself (not JSON, wrong type,
/// unknown field, too long). These are the engine's, not a pack's, and cannot be removed.
pub const INPUT_RULE: &str = "INPUT";

/// The one code of a missing value.
pub const REQUIRED: &str = "field.required";

/// One problem found in a submission, placed at the field where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// Stable machine code, e.g. `filing.lead_time`; messages are keyed by it.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// JSON Pointer into the submission (`/staff/returning`); `""` is the whole submission.
    pub path: String,
    /// The rule that found it (`RTW-T1`), or `INPUT` for shape problems.
    pub rule_id: String,
    /// Human message in the requested locale.
    pub message: String,
    /// Stable parameters (numbers, dates, field names — never a person's data).
    pub params: Value,
    /// What to do about it, in the requested locale.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<String>,
    /// The value is missing (absent, `null` or blank): `field.required`, never a fact.
    #[serde(default)]
    pub missing: bool,
}

impl Diagnostic {
    /// A diagnostic whose message is rendered later from the catalogue.
    pub fn new(
        code: impl Into<String>,
        severity: Severity,
        path: String,
        rule_id: impl Into<String>,
        params: Value,
    ) -> Self {
        Self {
            code: code.into(),
            severity,
            path,
            rule_id: rule_id.into(),
            message: String::new(),
            params,
            help: None,
            missing: false,
        }
    }

    /// `field.required`: a value that `rule_id` needs is missing at `path` (absent, `null`
    /// or blank). `field` is the field's id (`enterprise.name`, `roster[].arrivedOn`,
    /// `answers.INS-S1-1`); its label names it in the message.
    pub fn required(path: String, field: &str, rule_id: &str, severity: Severity) -> Self {
        Self { missing: true, ..Self::new(REQUIRED, severity, path, rule_id, params([("field", Value::from(field))])) }
    }

    /// The same as `new` for borrowed names, out of line: the cold kinds (inspection,
    /// indicators, screening) build many, and each inlined `new` repeats two copies.
    #[inline(never)]
    pub fn at(code: &str, severity: Severity, path: String, rule_id: &str, params: Value) -> Self {
        Self::new(code, severity, path, rule_id, params)
    }

    /// A shape diagnostic of the engine (`ruleId` = `INPUT`).
    pub fn engine(code: &str, severity: Severity, path: String, params: Value) -> Self {
        Self::new(code, severity, path, INPUT_RULE, params)
    }
}

/// The params of a diagnostic about an unknown key: empty (the key itself is never echoed:
/// it may hold anything), or the known key it looks like (`suggestion`), named in its help.
pub fn suggestion(known: Option<&str>) -> Value {
    match known {
        Some(s) => params([("suggestion", Value::from(s))]),
        None => Value::Object(serde_json::Map::new()),
    }
}

/// Diagnostic params from key/value pairs: what `json!({ … })` builds (the same object:
/// the map is sorted by key), out of line and without serde's `to_value` for each value.
pub fn params<const N: usize>(mut pairs: [(&str, Value); N]) -> Value {
    params_of(&mut pairs)
}

/// `params` for any number of pairs (one copy): inserted one by one, as `json!` does, since a
/// collected map sorts its pairs first (one more sort in the `.wasm`).
#[inline(never)]
fn params_of(pairs: &mut [(&str, Value)]) -> Value {
    let mut m = serde_json::Map::new();
    for (k, v) in pairs {
        m.insert((*k).to_owned(), std::mem::take(v));
    }
    Value::Object(m)
}

/// `m.insert(key.into(), value)`, out of line: one copy for the many keys of `describe`
/// and `inputSchema`.
#[inline(never)]
pub fn put(m: &mut serde_json::Map<String, Value>, key: &str, value: Value) {
    m.insert(key.to_owned(), value);
}

/// A value that normalisation changed (full-width digits, `2020/2/4`, `+86` …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    /// Where it is in the submission.
    pub path: String,
    /// The normalised value.
    pub value: Value,
}

/// What caused a gate to fail: a rule and the field where it failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cause {
    /// The rule whose failure closes the gate.
    pub rule_id: String,
    /// The diagnostic code.
    pub code: String,
    /// The field (JSON Pointer).
    pub path: String,
}

/// One of the 六个坚决不放手 gates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateResult {
    /// `RTW-G1` … `RTW-G6`.
    pub id: String,
    /// Whether the firm passes this gate: `null` while a value it needs is missing.
    pub passed: Option<bool>,
    /// Why it failed (empty when passed).
    pub causes: Vec<Cause>,
}

/// Which pack produced an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackStamp {
    /// Pack id, e.g. `shenzhen-2020`.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// `sha256:` of the canonical pack JSON: equal hashes mean equal rules.
    pub hash: String,
}

/// A roster employee who cannot be on site on the planned resumption date (RTW-T3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EarliestStart {
    /// JSON Pointer of the roster entry (`/roster/3`); no name, to keep personal data out.
    pub path: String,
    /// Index in the roster.
    pub index: usize,
    /// First day the employee may work: arrival + isolation days.
    pub earliest_start: String,
}

/// The answer to a return-to-work filing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilingAnswer {
    /// The pack that decided (shared with the pack: not copied for each answer).
    pub pack: Arc<PackStamp>,
    /// `incomplete` (a value is missing), `deferred`, `conditional` or `approved`.
    pub decision: Decision,
    /// "Today" in China Standard Time, as used for the decision.
    pub today: String,
    /// The locale the messages are in (an unknown or regional tag falls back to the nearest).
    pub locale: Locale,
    /// Missing values held back because they lie outside the option `scope`.
    pub pending: usize,
    /// Every problem found, in pack order.
    pub diagnostics: Vec<Diagnostic>,
    /// The six gates, each with its causes.
    pub gates: Vec<GateResult>,
    /// Roster employees who cannot start on the planned date.
    pub earliest_start: Vec<EarliestStart>,
    /// Values normalised from the input.
    pub normalized: Vec<Normalized>,
}

/// The decision of domain.md §2.6 from severities and gates: `incomplete` first (a value
/// is missing: never approved, never deferred on values it does not have), then
/// `deferred` (an error, or a gate failed), `conditional` (warnings) and `approved`.
pub fn decide(diagnostics: &[Diagnostic], any_gate_failed: bool) -> Decision {
    let has = |f: &dyn Fn(&Diagnostic) -> bool| diagnostics.iter().any(f);
    ladder(
        has(&|d| d.missing),
        any_gate_failed || has(&|d| d.severity == Severity::Error),
        has(&|d| d.severity == Severity::Warning),
    )
}

/// The ladder of [`decide`], from what it found: a value missing, a reason to defer (an error
/// or a failed gate), a warning. Also a draft's, from the tally it keeps (src/draft/shown.rs).
pub(crate) fn ladder(missing: bool, defer: bool, warning: bool) -> Decision {
    if missing {
        Decision::Incomplete
    } else if defer {
        Decision::Deferred
    } else if warning {
        Decision::Conditional
    } else {
        Decision::Approved
    }
}

pub use crate::num::{ser as ser_num, ser_opt as ser_opt_num};

/// The score of one checklist section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionScore {
    /// `INS-S1` … `INS-S6`.
    pub id: String,
    /// 100 × earned / applicable weight, unrounded; `null` when every item is `na`, and while an
    /// item of the section is unanswered.
    #[serde(serialize_with = "crate::num::ser_opt")]
    pub score: Option<f64>,
    /// Σ weight × credit over the items answered so far.
    #[serde(serialize_with = "crate::num::ser")]
    pub earned: f64,
    /// Σ weight of the items answered so far that are not `na`.
    #[serde(serialize_with = "crate::num::ser")]
    pub applicable: f64,
}

/// A failed or partial item to put right by a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rectification {
    /// The item (`INS-S4-1`).
    pub item_id: String,
    /// Inspection date + 3 days (veto items + 1 day).
    pub deadline: String,
    /// A veto item.
    pub veto: bool,
}

/// What became of a rectification from a previous inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reinspected {
    /// The item.
    pub item_id: String,
    /// Its deadline.
    pub deadline: String,
    /// `resolved` (passes now), `overdue` (not passing after its deadline) or `open`.
    pub status: String,
    /// JSON Pointer of the rectification in `previous`.
    pub path: String,
}

/// The answer to an inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectionAnswer {
    /// The pack that decided (shared with the pack: not copied for each answer).
    pub pack: Arc<PackStamp>,
    /// `approved`, `conditional`, `deferred` or `incomplete`.
    pub decision: Decision,
    /// "Today" in China Standard Time.
    pub today: String,
    /// The locale the messages are in (an unknown or regional tag falls back to the nearest).
    pub locale: Locale,
    /// Missing values held back because they lie outside the option `scope`.
    pub pending: usize,
    /// Overall score, unrounded (round only for display); `null` when nothing applies.
    #[serde(serialize_with = "crate::num::ser_opt")]
    pub score: Option<f64>,
    /// Per-section scores.
    pub sections: Vec<SectionScore>,
    /// Items to put right, with deadlines.
    pub rectifications: Vec<Rectification>,
    /// Re-inspection due at the latest deadline.
    pub reinspect_by: Option<String>,
    /// 日查日报: daily self-check reports until re-inspected.
    pub daily_reporting: bool,
    /// What the firm asks the district for (企业需求).
    pub support: Vec<String>,
    /// Rectifications of previous inspections: resolved, overdue or still open.
    pub reinspection: Vec<Reinspected>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// Values normalised from the input.
    pub normalized: Vec<Normalized>,
}

/// One indicator of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorResult {
    /// `IND-1` … `IND-5`.
    pub id: String,
    /// Units that comply: the sum over the whole pairs reported in the subtree; where no whole
    /// pair was reported, the unit's own count if it gave one, else `null` (not known).
    pub numerator: Option<u64>,
    /// All units, as `numerator` is.
    pub denominator: Option<u64>,
    /// numerator / denominator, unrounded; `null` for 0 / 0.
    #[serde(serialize_with = "crate::num::ser_opt")]
    pub ratio: Option<f64>,
    /// By precedence: `invalid` (a count in the subtree is not a whole number, or a numerator
    /// exceeds its denominator), `missing` (a unit of the subtree did not report this
    /// indicator's pair; the sums are of what was reported), then `not_applicable` (0 / 0),
    /// `met` (exactly 100%) or `short`. `ratio` is `null` unless `met`/`short`.
    pub status: String,
    /// How many are still short of 100%: `null` when `invalid` or `missing` (not known), 0 when
    /// `met` or `not_applicable`.
    pub shortfall: Option<u64>,
}

/// The 十个一律 checklist of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistResult {
    /// Items answered (any answer).
    pub answered: usize,
    /// Items passed.
    pub passed: usize,
    /// Items failed.
    pub failed: Vec<String>,
    /// Items partly in place.
    pub partial: Vec<String>,
}

/// Most ids listed in a unit's `missing` (the rest are counted in `missingTotal`).
pub const MAX_MISSING_LISTED: usize = 50;

/// One unit of the report, with its own or rolled-up indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitResult {
    /// Unit id.
    pub id: String,
    /// Parent id.
    pub parent: Option<String>,
    /// `district`, `street`, `community`, `grid` or `unit`.
    pub level: Option<String>,
    /// Whether this unit sent counts of its own.
    pub reported: bool,
    /// Units below this one (at any depth) whose report is missing: the first
    /// [`MAX_MISSING_LISTED`], in report order.
    pub missing: Vec<String>,
    /// How many units below this one miss their report, when there are more than
    /// [`MAX_MISSING_LISTED`] (absent otherwise): a long chain of units stays a short answer.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub missing_total: Option<usize>,
    /// The indicators: own counts plus the sum over child units.
    pub indicators: Vec<IndicatorResult>,
    /// The 十个一律 checklist, when answered.
    pub checklist: Option<ChecklistResult>,
}

/// The answer to a daily indicator report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorsAnswer {
    /// The pack that decided (shared with the pack: not copied for each answer).
    pub pack: Arc<PackStamp>,
    /// `incomplete` when a value is missing (half a count pair, a unit without id);
    /// `deferred` when the report has errors; `conditional` when some indicators are short
    /// or reports are missing; `approved` when every indicator is met or not applicable.
    pub decision: Decision,
    /// "Today" in China Standard Time.
    pub today: String,
    /// The locale the messages are in (an unknown or regional tag falls back to the nearest).
    pub locale: Locale,
    /// Missing values held back because they lie outside the option `scope`.
    pub pending: usize,
    /// The report's date.
    pub date: Option<String>,
    /// Units in report order.
    pub units: Vec<UnitResult>,
    /// Units without a report for the date (reported as missing, never as 0%).
    pub missing: Vec<String>,
    /// Every problem found, shortfalls included.
    pub diagnostics: Vec<Diagnostic>,
    /// Values normalised from the input.
    pub normalized: Vec<Normalized>,
}

words! {
    /// A screening outcome.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ScreenOutcome {
        /// 发热门诊: any symptom.
        FeverClinic = "fever_clinic",
        /// 集中隔离: close contact of a confirmed case.
        CentralQuarantine = "central_quarantine",
        /// 居家观察: epidemic-area history or contact with people from there.
        HomeObservation = "home_observation",
        /// Nothing to follow up.
        Normal = "normal",
    }
}
words_serde!(ScreenOutcome);

/// The answer to a personal screening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScreeningAnswer {
    /// The pack that decided (shared with the pack: not copied for each answer).
    pub pack: Arc<PackStamp>,
    /// `incomplete` while a declaration it needs is missing (an outcome a rule decided on
    /// what was declared is still given; `normal` is not: the outcome is then `null`);
    /// otherwise `deferred` for fever clinic or central quarantine, `conditional` for home
    /// observation (or warnings), `approved` for normal — or worse where the diagnostics say
    /// so: an error defers any declaration.
    pub decision: Decision,
    /// "Today" in China Standard Time.
    pub today: String,
    /// The locale the messages are in (an unknown or regional tag falls back to the nearest).
    pub locale: Locale,
    /// Missing values held back because they lie outside the option `scope`.
    pub pending: usize,
    /// `fever_clinic`, `central_quarantine`, `home_observation` or `normal`; `None` (`null`)
    /// while a missing value leaves it open (never `normal` on answers not given), and for an
    /// input that could not be read.
    pub outcome: Option<ScreenOutcome>,
    /// The rule that decided (`SCR-3`), `null` for normal.
    pub rule_id: Option<String>,
    /// First day after the observation period (start + 14 days), CST.
    pub until: Option<String>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// Values normalised from the input.
    pub normalized: Vec<Normalized>,
}

/// What every answer has: it serialises to the one JSON answer, carries diagnostics, and
/// can say "this input is unusable" (not JSON, too large, unknown pack version).
pub trait Answer: Sized + Serialize {
    /// The answer with only these diagnostics and the decision `deferred` (an inspection's:
    /// `incomplete`).
    fn unusable(pack: Arc<PackStamp>, today: String, locale: Locale, diagnostics: Vec<Diagnostic>) -> Self;

    /// Its diagnostics.
    fn diagnostics(&self) -> &[Diagnostic];

    /// Set its decision (an answer that could not be judged in full is `incomplete`).
    fn set_decision(&mut self, decision: Decision);

    /// Whether the input could not be read at all (not JSON, or too large).
    fn is_unusable(&self) -> bool {
        self.diagnostics()
            .iter()
            .any(|d| matches!(d.code.as_str(), "input.not_json" | "input.not_utf8" | "input.too_large"))
    }
}

impl Answer for FilingAnswer {
    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn set_decision(&mut self, decision: Decision) {
        self.decision = decision;
    }

    fn unusable(pack: Arc<PackStamp>, today: String, locale: Locale, diagnostics: Vec<Diagnostic>) -> Self {
        FilingAnswer {
            pack,
            decision: Decision::Deferred,
            today,
            locale,
            pending: 0,
            diagnostics,
            gates: Vec::new(),
            earliest_start: Vec::new(),
            normalized: Vec::new(),
        }
    }
}

impl Answer for InspectionAnswer {
    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn set_decision(&mut self, decision: Decision) {
        self.decision = decision;
    }

    /// `incomplete`, as every input error of an inspection is: `deferred` 责令停工 is for a score or
    /// a veto (domain.md §3.3; spec audit, thirtieth session: unreadable text was `deferred`).
    fn unusable(pack: Arc<PackStamp>, today: String, locale: Locale, diagnostics: Vec<Diagnostic>) -> Self {
        InspectionAnswer {
            pack,
            decision: Decision::Incomplete,
            today,
            locale,
            pending: 0,
            score: None,
            sections: Vec::new(),
            rectifications: Vec::new(),
            reinspect_by: None,
            daily_reporting: false,
            support: Vec::new(),
            reinspection: Vec::new(),
            diagnostics,
            normalized: Vec::new(),
        }
    }
}

impl Answer for IndicatorsAnswer {
    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn set_decision(&mut self, decision: Decision) {
        self.decision = decision;
    }

    fn unusable(pack: Arc<PackStamp>, today: String, locale: Locale, diagnostics: Vec<Diagnostic>) -> Self {
        IndicatorsAnswer {
            pack,
            decision: Decision::Deferred,
            today,
            locale,
            pending: 0,
            date: None,
            units: Vec::new(),
            missing: Vec::new(),
            diagnostics,
            normalized: Vec::new(),
        }
    }
}

impl Answer for ScreeningAnswer {
    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn set_decision(&mut self, decision: Decision) {
        self.decision = decision;
    }

    fn unusable(pack: Arc<PackStamp>, today: String, locale: Locale, diagnostics: Vec<Diagnostic>) -> Self {
        ScreeningAnswer {
            pack,
            decision: Decision::Deferred,
            today,
            locale,
            pending: 0,
            outcome: None,
            rule_id: None,
            until: None,
            diagnostics,
            normalized: Vec::new(),
        }
    }
}
