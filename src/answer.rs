//! The one JSON answer of domain.md §7, shared by the Rust API, the CLI and the npm package.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks approval (the decision is `deferred`).
    Error,
    /// Must be fixed, but the firm may resume meanwhile (`conditional`).
    Warning,
    /// For the record only.
    Info,
}

/// The verdict on a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// 准予复工: no error, no warning.
    Approved,
    /// 整改后复工 / 限期整改: warnings remain.
    Conditional,
    /// 暂缓复工 / 责令停工: an error, or a gate failed.
    Deferred,
    /// An inspection with an unanswered item or a missing fact.
    Incomplete,
}

/// The rule id of diagnostics about the shape of the input itself (not JSON, wrong type,
/// unknown field, too long). These are the engine's, not a pack's, and cannot be removed.
pub const INPUT_RULE: &str = "INPUT";

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
        }
    }

    /// A shape diagnostic of the engine (`ruleId` = `INPUT`).
    pub fn engine(code: &str, severity: Severity, path: String, params: Value) -> Self {
        Self::new(code, severity, path, INPUT_RULE, params)
    }
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
    /// Whether the firm passes this gate.
    pub passed: bool,
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
    /// The pack that decided.
    pub pack: PackStamp,
    /// `approved`, `conditional` or `deferred`.
    pub decision: Decision,
    /// "Today" in China Standard Time, as used for the decision.
    pub today: String,
    /// Every problem found, in pack order.
    pub diagnostics: Vec<Diagnostic>,
    /// The six gates, each with its causes.
    pub gates: Vec<GateResult>,
    /// Roster employees who cannot start on the planned date.
    pub earliest_start: Vec<EarliestStart>,
    /// Values normalised from the input.
    pub normalized: Vec<Normalized>,
}

/// The decision of domain.md §2.6 from severities and gates.
pub fn decide(diagnostics: &[Diagnostic], any_gate_failed: bool) -> Decision {
    if any_gate_failed || diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Decision::Deferred
    } else if diagnostics.iter().any(|d| d.severity == Severity::Warning) {
        Decision::Conditional
    } else {
        Decision::Approved
    }
}
