//! The rule pack as written in JSON (before checking and compiling).

use serde_json::Value;

use crate::answer::Severity;
pub use crate::schema::Subject;
use crate::schema::{PACK, check_strict};

/// A rule pack document.
#[derive(Debug, Clone)]
pub struct PackDoc {
    /// Pack family id, e.g. `shenzhen-2020`.
    pub id: String,
    /// The pack this one varies (`shenzhen-2020`, or `shenzhen-2020@2020-02-10` for one version).
    /// Its `parameters`, `rules` (by id) and `messages` are merged over the parent's.
    pub extends: Option<String>,
    /// Variant only: rule ids of the parent to drop.
    pub remove_rules: Vec<String>,
    /// Version label of this pack.
    pub version: String,
    /// First day (CST) on which this version is in force, `YYYY-MM-DD`.
    pub effective_from: String,
    /// Title per locale.
    pub title: Vec<(String, String)>,
    /// Where the rules come from (free text, for people).
    pub source: Option<String>,
    /// Named parameters (the *(default)* numbers of domain.md).
    pub parameters: Vec<(String, ParamDoc)>,
    /// The rules, evaluated in this order.
    pub rules: Vec<RuleDoc>,
    /// Message catalogues: locale → code → message.
    pub messages: Vec<(String, Vec<(String, MessageDoc)>)>,
    /// Labels and hints by locale and key (`filing:enterprise.name`, `RTW-C1`, `value:result.pass`).
    pub labels: Vec<(String, Vec<(String, MessageDoc)>)>,
}

/// The declared type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
pub struct ParamDoc {
    /// Its type.
    pub ty: ParamType,
    /// Its value.
    pub value: Value,
    /// Smallest allowed value (numbers).
    pub min: Option<f64>,
    /// Largest allowed value (numbers).
    pub max: Option<f64>,
    /// What it means, for people.
    pub description: Option<String>,
}

/// The kind of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
pub struct RuleDoc {
    /// Stable id (`RTW-C1`).
    pub id: String,
    /// Kind of rule.
    pub kind: RuleKind,
    /// Severity of its diagnostics (gates: `error` by default).
    pub severity: Option<Severity>,
    /// What it says, for people.
    pub title: Option<String>,
    /// Checks (`field`, `assert`, `gate`).
    pub checks: Vec<CheckDoc>,
    /// Gate only: rules whose diagnostics close the gate.
    pub causes: Option<Vec<String>>,
    /// Isolation only: the array of people.
    pub each: Option<String>,
    /// Isolation only: which elements must isolate (condition in element scope).
    pub when: Option<String>,
    /// Isolation only: the date isolation starts (element scope).
    pub start: Option<String>,
    /// Isolation only: how many days.
    pub days: Option<String>,
    /// Isolation only: the date by which they should be on site.
    pub by: Option<String>,
    /// Isolation only: the diagnostic code when they cannot be on site by then.
    pub code: Option<String>,
    /// Isolation only: the field of the element the diagnostic points at.
    pub path: Option<String>,
    /// What the rule judges (default: `filing`; implied by inspection, indicator and screening kinds).
    pub on: Option<Subject>,
    /// Inspection item: its section (`INS-S1`).
    pub section: Option<String>,
    /// Inspection item: its weight.
    pub weight: Option<f64>,
    /// Inspection item: a veto item (一票否决).
    pub veto: Option<bool>,
    /// Inspection item: when this holds the item is not applicable (`na`) without an answer.
    pub na_when: Option<String>,
    /// Inspection fact: the field that must be recorded (`facts.basics`).
    pub field: Option<String>,
    /// Indicator: the count of units that comply (`compoundsEnclosed`).
    pub numerator: Option<String>,
    /// Indicator: the count of all units (`compounds`).
    pub denominator: Option<String>,
    /// Screening: the outcome when `when` holds.
    pub outcome: Option<String>,
    /// Screening: the date the observation period counts from.
    pub from: Option<String>,
}

/// The kind of a field check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default)]
pub struct CheckDoc {
    /// Field check: which check.
    pub check: Option<FieldCheckKind>,
    /// Field check: the fields it applies to (`roster[].phone`).
    pub fields: Option<Vec<String>>,
    /// Field check: fields that must be present.
    pub required: Option<Vec<String>>,
    /// Field check (districtCode): a `$parameter` listing the accepted codes.
    pub allowed: Option<String>,
    /// Field check (creditCode): severity of a wrong check character (a few real codes fail it).
    pub checksum_severity: Option<Severity>,
    /// Assertion: the condition that must hold.
    pub assert: Option<String>,
    /// Assertion: only judged when this holds.
    pub when: Option<String>,
    /// Assertion: judged for each element of this array field.
    pub each: Option<String>,
    /// Assertion: the field the diagnostic points at (in element scope with `each`).
    pub path: Option<String>,
    /// Assertion: the diagnostic code.
    pub code: Option<String>,
    /// Assertion: diagnostic parameters, name → expression.
    pub params: Vec<(String, String)>,
    /// Severity of this check, overriding the rule's.
    pub severity: Option<Severity>,
}

/// A message and its help, with `{param}` placeholders.
#[derive(Debug, Clone)]
pub struct MessageDoc {
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

fn text(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_owned)
}

fn texts(v: &Value, k: &str) -> Option<Vec<String>> {
    v.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
}

/// The members of object `k`, in key order (JSON objects are kept sorted).
fn map<T>(v: &Value, k: &str, f: impl Fn(&Value) -> Option<T>) -> Vec<(String, T)> {
    v.get(k)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, x)| Some((name.clone(), f(x)?)))
        .collect()
}

fn severity(v: &Value, k: &str) -> Option<Severity> {
    match v.get(k).and_then(Value::as_str)? {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

impl PackDoc {
    /// Read a pack document, reporting every shape mistake (unknown or missing fields,
    /// wrong types, words not in their list) as `(JSON Pointer, code, params)`.
    pub fn read(v: &Value) -> Result<PackDoc, Vec<crate::answer::Diagnostic>> {
        let problems = check_strict(v, &PACK);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(PackDoc {
            id: text(v, "id").unwrap_or_default(),
            extends: text(v, "extends"),
            remove_rules: texts(v, "removeRules").unwrap_or_default(),
            version: text(v, "version").unwrap_or_default(),
            effective_from: text(v, "effectiveFrom").unwrap_or_default(),
            title: map(v, "title", |x| x.as_str().map(str::to_owned)),
            source: text(v, "source"),
            parameters: map(v, "parameters", |p| {
                let ty = match p.get("type")?.as_str()? {
                    "days" => ParamType::Days,
                    "count" => ParamType::Count,
                    "number" => ParamType::Number,
                    "date" => ParamType::Date,
                    "text" => ParamType::Text,
                    "texts" => ParamType::Texts,
                    _ => ParamType::Bool,
                };
                Some(ParamDoc {
                    ty,
                    value: p.get("value").cloned().unwrap_or(Value::Null),
                    min: p.get("min").and_then(Value::as_f64),
                    max: p.get("max").and_then(Value::as_f64),
                    description: text(p, "description"),
                })
            }),
            rules: v.get("rules").and_then(Value::as_array).into_iter().flatten().map(RuleDoc::read).collect(),
            messages: catalogue(v, "messages", "message", "help"),
            labels: catalogue(v, "labels", "label", "hint"),
        })
    }
}

impl RuleDoc {
    fn read(r: &Value) -> RuleDoc {
        let kind = match r.get("kind").and_then(Value::as_str).unwrap_or_default() {
            "field" => RuleKind::Field,
            "assert" => RuleKind::Assert,
            "isolation" => RuleKind::Isolation,
            "gate" => RuleKind::Gate,
            "section" => RuleKind::Section,
            "item" => RuleKind::Item,
            "fact" => RuleKind::Fact,
            "indicator" => RuleKind::Indicator,
            "checklistItem" => RuleKind::ChecklistItem,
            _ => RuleKind::Screen,
        };
        RuleDoc {
            id: text(r, "id").unwrap_or_default(),
            kind,
            severity: severity(r, "severity"),
            title: text(r, "title"),
            checks: r.get("checks").and_then(Value::as_array).into_iter().flatten().map(CheckDoc::read).collect(),
            causes: texts(r, "causes"),
            each: text(r, "each"),
            when: text(r, "when"),
            start: text(r, "start"),
            days: text(r, "days"),
            by: text(r, "by"),
            code: text(r, "code"),
            path: text(r, "path"),
            on: match r.get("on").and_then(Value::as_str) {
                Some("filing") => Some(Subject::Filing),
                Some("inspection") => Some(Subject::Inspection),
                Some("indicators") => Some(Subject::Indicators),
                Some("screening") => Some(Subject::Screening),
                _ => None,
            },
            section: text(r, "section"),
            weight: r.get("weight").and_then(Value::as_f64),
            veto: r.get("veto").and_then(Value::as_bool),
            na_when: text(r, "naWhen"),
            field: text(r, "field"),
            numerator: text(r, "numerator"),
            denominator: text(r, "denominator"),
            outcome: text(r, "outcome"),
            from: text(r, "from"),
        }
    }
}

impl CheckDoc {
    fn read(c: &Value) -> CheckDoc {
        CheckDoc {
            check: match c.get("check").and_then(Value::as_str) {
                Some("creditCode") => Some(FieldCheckKind::CreditCode),
                Some("districtCode") => Some(FieldCheckKind::DistrictCode),
                Some("phone") => Some(FieldCheckKind::Phone),
                Some("idNumber") => Some(FieldCheckKind::IdNumber),
                Some("date") => Some(FieldCheckKind::Date),
                Some("count") => Some(FieldCheckKind::Count),
                Some("amount") => Some(FieldCheckKind::Amount),
                Some("text") => Some(FieldCheckKind::Text),
                _ => None,
            },
            fields: texts(c, "fields"),
            required: texts(c, "required"),
            allowed: text(c, "allowed"),
            checksum_severity: severity(c, "checksumSeverity"),
            assert: text(c, "assert"),
            when: text(c, "when"),
            each: text(c, "each"),
            path: text(c, "path"),
            code: text(c, "code"),
            params: map(c, "params", |x| x.as_str().map(str::to_owned)),
            severity: severity(c, "severity"),
        }
    }
}

/// A per-locale catalogue (`messages`, `labels`): locale → key → `{ <text>, <help>? }`.
fn catalogue(v: &Value, field: &str, text_key: &str, help_key: &str) -> Vec<(String, Vec<(String, MessageDoc)>)> {
    v.get(field)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(tag, loc)| {
            let m = loc
                .as_object()
                .into_iter()
                .flatten()
                .filter_map(|(key, m)| {
                    Some((key.clone(), MessageDoc { message: text(m, text_key)?, help: text(m, help_key) }))
                })
                .collect();
            (tag.clone(), m)
        })
        .collect()
}
