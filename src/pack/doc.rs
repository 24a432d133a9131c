//! The rule pack as written in JSON (before checking and compiling).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::Severity;

/// A rule pack document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackDoc {
    /// Pack family id, e.g. `shenzhen-2020`.
    pub id: String,
    /// The pack this one varies (`shenzhen-2020`, or `shenzhen-2020@2020-02-10` for one version).
    /// Its `parameters`, `rules` (by id) and `messages` are merged over the parent's.
    #[serde(default)]
    pub extends: Option<String>,
    /// Variant only: rule ids of the parent to drop.
    #[serde(default)]
    pub remove_rules: Vec<String>,
    /// Version label of this pack.
    pub version: String,
    /// First day (CST) on which this version is in force, `YYYY-MM-DD`.
    pub effective_from: String,
    /// Title per locale.
    #[serde(default)]
    pub title: BTreeMap<String, String>,
    /// Where the rules come from (free text, for people).
    #[serde(default)]
    pub source: Option<String>,
    /// Named parameters (the *(default)* numbers of domain.md).
    #[serde(default)]
    pub parameters: BTreeMap<String, ParamDoc>,
    /// The rules, evaluated in this order.
    #[serde(default)]
    pub rules: Vec<RuleDoc>,
    /// Message catalogues: locale → code → message.
    #[serde(default)]
    pub messages: BTreeMap<String, BTreeMap<String, MessageDoc>>,
}

/// The declared type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParamType {
    /// A whole number of days, ≥ 0.
    Days,
    /// A whole number, ≥ 0.
    Count,
    /// Any finite number (bounded by `min`/`max`).
    Number,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// A text.
    Text,
    /// A list of texts.
    Texts,
    /// A boolean.
    Bool,
}

/// One parameter.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParamDoc {
    /// Its type.
    #[serde(rename = "type")]
    pub ty: ParamType,
    /// Its value.
    pub value: Value,
    /// Smallest allowed value (numbers).
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest allowed value (numbers).
    #[serde(default)]
    pub max: Option<f64>,
    /// What it means, for people.
    #[serde(default)]
    pub description: Option<String>,
}

/// The kind of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RuleKind {
    /// Identifier and value checks on listed fields.
    Field,
    /// Expression assertions.
    Assert,
    /// Per-employee isolation before starting work (RTW-T3).
    Isolation,
    /// A gate of 六个坚决不放手: closed by the diagnostics of its causes or its own checks.
    Gate,
    /// A section of the inspection checklist (`INS-S1`).
    Section,
    /// An inspection checklist item with weight and veto (`INS-S1-1`).
    Item,
    /// One of the six facts an inspection must record (`INS-K1`).
    Fact,
    /// A community indicator: numerator / denominator, met only at 100% (`IND-1`).
    Indicator,
    /// An item of the community checklist 十个一律 (`IND-R1`).
    ChecklistItem,
    /// A screening outcome rule, first match wins (`SCR-1`).
    Screen,
}

/// One rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleDoc {
    /// Stable id (`RTW-C1`).
    pub id: String,
    /// Kind of rule.
    pub kind: RuleKind,
    /// Severity of its diagnostics (gates: `error` by default).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// What it says, for people.
    #[serde(default)]
    pub title: Option<String>,
    /// Checks (`field`, `assert`, `gate`).
    #[serde(default)]
    pub checks: Vec<CheckDoc>,
    /// Gate only: rules whose diagnostics close the gate.
    #[serde(default)]
    pub causes: Option<Vec<String>>,
    /// Isolation only: the array of people.
    #[serde(default)]
    pub each: Option<String>,
    /// Isolation only: which elements must isolate (condition in element scope).
    #[serde(default)]
    pub when: Option<String>,
    /// Isolation only: the date isolation starts (element scope).
    #[serde(default)]
    pub start: Option<String>,
    /// Isolation only: how many days.
    #[serde(default)]
    pub days: Option<String>,
    /// Isolation only: the date by which they should be on site.
    #[serde(default)]
    pub by: Option<String>,
    /// Isolation only: the diagnostic code when they cannot be on site by then.
    #[serde(default)]
    pub code: Option<String>,
    /// Isolation only: the field of the element the diagnostic points at.
    #[serde(default)]
    pub path: Option<String>,
    /// What the rule judges (default: `filing`; implied by inspection, indicator and screening kinds).
    #[serde(default)]
    pub on: Option<Subject>,
    /// Inspection item: its section (`INS-S1`).
    #[serde(default)]
    pub section: Option<String>,
    /// Inspection item: its weight.
    #[serde(default)]
    pub weight: Option<f64>,
    /// Inspection item: a veto item (一票否决).
    #[serde(default)]
    pub veto: Option<bool>,
    /// Inspection item: when this holds the item is not applicable (`na`) without an answer.
    #[serde(default)]
    pub na_when: Option<String>,
    /// Inspection fact: the field that must be recorded (`facts.basics`).
    #[serde(default)]
    pub field: Option<String>,
    /// Indicator: the count of units that comply (`compoundsEnclosed`).
    #[serde(default)]
    pub numerator: Option<String>,
    /// Indicator: the count of all units (`compounds`).
    #[serde(default)]
    pub denominator: Option<String>,
    /// Screening: the outcome when `when` holds.
    #[serde(default)]
    pub outcome: Option<String>,
    /// Screening: the date the observation period counts from.
    #[serde(default)]
    pub from: Option<String>,
}

/// What a rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Subject {
    /// Return-to-work filings (RTW-*).
    Filing,
    /// Inspections (INS-*).
    Inspection,
    /// Community indicators (IND-*).
    Indicators,
    /// Personal screening (SCR-*).
    Screening,
}

impl Subject {
    /// The name in packs and answers.
    pub fn name(self) -> &'static str {
        match self {
            Subject::Filing => "filing",
            Subject::Inspection => "inspection",
            Subject::Indicators => "indicators",
            Subject::Screening => "screening",
        }
    }
}

/// The kind of a field check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldCheckKind {
    /// 统一社会信用代码 (GB 32100-2015).
    CreditCode,
    /// GB/T 2260 district code, optionally limited to a list.
    DistrictCode,
    /// Mainland mobile or landline.
    Phone,
    /// 居民身份证号码 (GB 11643-1999).
    IdNumber,
    /// A real calendar date.
    Date,
    /// A whole number ≥ 0.
    Count,
    /// A number ≥ 0.
    Amount,
    /// Text that is not blank.
    Text,
}

/// One check of a rule: a field check (`check`, `fields`, …) or an assertion
/// (`assert`, `when`, `each`, `path`, `code`, `params`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckDoc {
    /// Field check: which check.
    #[serde(default)]
    pub check: Option<FieldCheckKind>,
    /// Field check: the fields it applies to (`roster[].phone`).
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// Field check: fields that must be present.
    #[serde(default)]
    pub required: Option<Vec<String>>,
    /// Field check (districtCode): a `$parameter` listing the accepted codes.
    #[serde(default)]
    pub allowed: Option<String>,
    /// Field check (creditCode): severity of a wrong check character (a few real codes fail it).
    #[serde(default)]
    pub checksum_severity: Option<Severity>,
    /// Assertion: the condition that must hold.
    #[serde(default)]
    pub assert: Option<String>,
    /// Assertion: only judged when this holds.
    #[serde(default)]
    pub when: Option<String>,
    /// Assertion: judged for each element of this array field.
    #[serde(default)]
    pub each: Option<String>,
    /// Assertion: the field the diagnostic points at (in element scope with `each`).
    #[serde(default)]
    pub path: Option<String>,
    /// Assertion: the diagnostic code.
    #[serde(default)]
    pub code: Option<String>,
    /// Assertion: diagnostic parameters, name → expression.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// Severity of this check, overriding the rule's.
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// A message and its help, with `{param}` placeholders.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MessageDoc {
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    #[serde(default)]
    pub help: Option<String>,
}
