//! The rule pack as written in JSON (before checking and compiling).

use serde_json::Value;

use super::PACK;
use crate::answer::{Diagnostic, Severity};
pub use crate::schema::Subject;
use crate::schema::check_strict;

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

words! {
    /// The declared type of a parameter.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ParamType {
        /// A whole number of days, ≥ 0.
        Days = "days",
        /// A whole number, ≥ 0.
        Count = "count",
        /// Any finite number (bounded by `min`/`max`).
        Number = "number",
        /// A calendar date `YYYY-MM-DD`.
        Date = "date",
        /// A text.
        Text = "text",
        /// A list of texts.
        Texts = "texts",
        /// A boolean.
        Bool = "bool",
    }
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

words! {
    /// The kind of a rule.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum RuleKind {
        /// Identifier and value checks on listed fields.
        Field = "field",
        /// Expression assertions.
        Assert = "assert",
        /// Per-employee isolation before starting work (RTW-T3).
        Isolation = "isolation",
        /// A gate of 六个坚决不放手: closed by the diagnostics of its causes or its own checks.
        Gate = "gate",
        /// A section of the inspection checklist (`INS-S1`).
        Section = "section",
        /// An inspection checklist item with weight and veto (`INS-S1-1`).
        Item = "item",
        /// One of the six facts an inspection must record (`INS-K1`).
        Fact = "fact",
        /// A community indicator: numerator / denominator, met only at 100% (`IND-1`).
        Indicator = "indicator",
        /// An item of the community checklist 十个一律 (`IND-R1`).
        ChecklistItem = "checklistItem",
        /// A screening outcome rule, first match wins (`SCR-1`).
        Screen = "screen",
    }
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
    /// The rule may put personal fields (name, phone, ID number) into message params: refused
    /// without it (SECURITY.md).
    pub personal_params: bool,
}

words! {
    /// The kind of a field check.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FieldCheckKind {
        /// 统一社会信用代码 (GB 32100-2015).
        CreditCode = "creditCode",
        /// GB/T 2260 district code, optionally limited to a list.
        DistrictCode = "districtCode",
        /// Mainland mobile or landline.
        Phone = "phone",
        /// 居民身份证号码 (GB 11643-1999).
        IdNumber = "idNumber",
        /// A real calendar date.
        Date = "date",
        /// A whole number ≥ 0.
        Count = "count",
        /// A number ≥ 0.
        Amount = "amount",
        /// Text that is not blank.
        Text = "text",
    }
}
words_serde!(FieldCheckKind);

impl FieldCheckKind {
    /// Whether the checked value ends in a check character (domain.md §6.1, §6.2), which a
    /// pack's `checksumSeverity` may downgrade alone.
    pub fn has_check_character(self) -> bool {
        matches!(self, FieldCheckKind::CreditCode | FieldCheckKind::IdNumber)
    }

    /// The check of a count or an amount, which the other rules' expressions apply too
    /// ([`NumCheck`](crate::expr::NumCheck)); `None` for the checks of text.
    pub fn num_check(self) -> Option<crate::expr::NumCheck> {
        match self {
            FieldCheckKind::Count => Some(crate::expr::NumCheck::Count),
            FieldCheckKind::Amount => Some(crate::expr::NumCheck::Amount),
            _ => None,
        }
    }
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    Severity::parse(v.get(k)?.as_str()?)
}

impl PackDoc {
    /// Read a pack document, reporting every shape mistake (unknown or missing fields,
    /// wrong types, words not in their list) as `(JSON Pointer, code, params)`.
    pub fn read(v: &Value) -> Result<PackDoc, Vec<Diagnostic>> {
        // `null` is no pack, as `5` is not (packs audit, thirty-fourth session: it was read as
        // an empty one, 34 mistakes of a pack with nothing in it).
        if v.is_null() {
            let params = serde_json::json!({ "expected": "object" });
            return Err(vec![Diagnostic::engine("input.invalid_type", Severity::Error, String::new(), params)]);
        }
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
                let ty = ParamType::parse(p.get("type")?.as_str()?)?;
                Some(ParamDoc {
                    ty,
                    value: p.get("value").cloned().unwrap_or(Value::Null),
                    min: p.get("min").and_then(Value::as_f64),
                    max: p.get("max").and_then(Value::as_f64),
                    description: text(p, "description"),
                })
            }),
            rules: v
                .get("rules")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, r)| RuleDoc::read(i, r))
                .collect::<Result<_, _>>()?,
            messages: catalogue(v, "messages", "message", "help"),
            labels: catalogue(v, "labels", "label", "hint"),
        })
    }
}

impl RuleDoc {
    /// Read rule `i`. Its `kind` is one of [`RuleKind::WORDS`] once the shape check passed;
    /// any other word is the shape check's `input.invalid_value`.
    fn read(i: usize, r: &Value) -> Result<RuleDoc, Vec<Diagnostic>> {
        let word = r.get("kind").and_then(Value::as_str).unwrap_or_default();
        let Some(kind) = RuleKind::parse(word) else {
            let params = serde_json::json!({ "value": word, "allowed": RuleKind::WORDS });
            return Err(vec![Diagnostic::engine(
                "input.invalid_value",
                Severity::Error,
                format!("/rules/{i}/kind"),
                params,
            )]);
        };
        Ok(RuleDoc {
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
            on: r.get("on").and_then(Value::as_str).and_then(Subject::parse),
            section: text(r, "section"),
            weight: r.get("weight").and_then(Value::as_f64),
            veto: r.get("veto").and_then(Value::as_bool),
            na_when: text(r, "naWhen"),
            field: text(r, "field"),
            numerator: text(r, "numerator"),
            denominator: text(r, "denominator"),
            outcome: text(r, "outcome"),
            from: text(r, "from"),
            personal_params: r.get("personalParams").and_then(Value::as_bool).unwrap_or(false),
        })
    }
}

impl CheckDoc {
    fn read(c: &Value) -> CheckDoc {
        CheckDoc {
            check: c.get("check").and_then(Value::as_str).and_then(FieldCheckKind::parse),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::ScreenOutcome;

    #[test]
    fn every_word_names_its_value_and_no_other_word_parses() {
        fn round_trip<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            words: &[&str],
            name: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            assert_eq!(all.len(), words.len());
            for (v, w) in all.iter().zip(words) {
                assert_eq!(name(*v), *w);
                assert_eq!(parse(w), Some(*v));
            }
            assert_eq!(parse("bogus"), None);
            assert_eq!(parse(""), None);
        }
        round_trip(&RuleKind::ALL, RuleKind::WORDS, RuleKind::name, RuleKind::parse);
        round_trip(&ParamType::ALL, ParamType::WORDS, ParamType::name, ParamType::parse);
        round_trip(&FieldCheckKind::ALL, FieldCheckKind::WORDS, FieldCheckKind::name, FieldCheckKind::parse);
        round_trip(&Severity::ALL, Severity::WORDS, Severity::name, Severity::parse);
        round_trip(&Subject::ALL, Subject::WORDS, Subject::name, Subject::parse);
        round_trip(&ScreenOutcome::ALL, ScreenOutcome::WORDS, ScreenOutcome::name, ScreenOutcome::parse);
        assert_eq!(
            serde_json::to_string(&ScreenOutcome::HomeObservation).ok().as_deref(),
            Some("\"home_observation\"")
        );
        assert_eq!(serde_json::from_str::<Severity>("\"warning\"").ok(), Some(Severity::Warning));
        assert!(serde_json::from_str::<Severity>("\"fatal\"").is_err());
    }
}
