//! The pack describes its own forms: fields (label, hint, type, required, limits, format,
//! enum values), rules (title, severity, the fields each reads), the gates of 六个坚决不放手
//! (title, the rules and fields that feed each), the inspection checklist, the indicators
//! and the screening questions — all from the pack, in a locale, so a page never copies
//! what the pack already says.

use serde_json::{Map, Value};

mod hints;
mod options;
mod reads;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
mod unknown;

pub(crate) use hints::required_help;
pub(crate) use options::choices;
use options::{option, values};
use reads::{KNOWLEDGE_COUNTS, push_unique};
pub use reads::{conditional_fields, required_fields, rule_reads, rule_reads_in};
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub use unknown::unknown_messages;

use crate::answer::{ScreenOutcome, Severity};

use crate::expr::{Expr, ParamValue};
use crate::pack::doc::FieldCheckKind;
use crate::pack::{Locale, Pack, RuleBody};
use crate::schema::{EVIDENCE, LEVELS, MAX_ARRAY_LEN, MAX_TEXT_CHARS, Shape, Subject, Ty, shape_for};

/// Every kind of submission, in the order of the CLI.
pub const KINDS: [Subject; 4] = Subject::ALL;

/// A kind by its name (`filing`, `inspection`, `indicators`, `screening`).
pub fn kind(name: &str) -> Option<Subject> {
    Subject::parse(name)
}

/// The rungs of the decision ladder, first to last.
pub const DECISIONS: &[&str] = &["incomplete", "deferred", "conditional", "approved"];

/// What a firm may ask the district for (企业需求): the suggested values of `facts.needs`.
pub const NEEDS: &[&str] = &["masks", "thermometers", "disinfectant", "staff", "transport", "materials"];

/// Screening outcomes, in the order they are tried.
pub const OUTCOMES: &[&str] = ScreenOutcome::WORDS;

/// Results an inspector may give an item.
pub const RESULTS: &[&str] = &["pass", "partial", "fail", "na"];

/// An indicator's status in a unit (`units[].indicators[].status`).
pub const STATUSES: &[&str] = &["met", "short", "not_applicable", "invalid", "missing"];

/// What became of a previous inspection's rectification (`reinspection[].status`).
pub const REINSPECTION: &[&str] = &["resolved", "overdue", "open"];

/// The parts of an inspection's answer that a page shows with words of their own.
pub const INSPECTION_ANSWER: &[&str] =
    &["score", "sections", "rectifications", "reinspectBy", "dailyReporting", "support"];

/// One field of an input shape.
#[derive(Debug, Clone)]
pub struct FieldInfo {
    /// Dotted id, `[]` for array elements, `*` for map entries: `roster[].name`.
    pub id: String,
    /// JSON Pointer, `*` for any index or key: `/roster/*/name`.
    pub pointer: String,
    /// The shape.
    pub shape: &'static Shape,
}

/// Every field of a kind's input shape, depth first in shape order. The indicator counts
/// (a map with free keys) are listed by the names the pack's indicators use.
pub fn fields(pack: &Pack, subject: Subject) -> Vec<FieldInfo> {
    let mut out = Vec::new();
    walk_fields(pack, shape_for(subject), "", "", &mut out);
    out
}

fn walk_fields(pack: &Pack, shape: &'static Shape, id: &str, ptr: &str, out: &mut Vec<FieldInfo>) {
    match shape {
        Shape::Object(fields) => {
            for f in fields.iter() {
                let fid = if id.is_empty() { f.name.to_owned() } else { format!("{id}.{}", f.name) };
                // A pack without the community checklist has no checklist field (variants audit:
                // hangzhou-2020 removes 十个一律, and its form still offered it).
                if fid == "units[].checklist" && !pack.rules.iter().any(|r| matches!(r.body, RuleBody::ChecklistItem)) {
                    continue;
                }
                let fptr = format!("{ptr}/{}", f.name);
                out.push(FieldInfo { id: fid.clone(), pointer: fptr.clone(), shape: &f.shape });
                walk_fields(pack, &f.shape, &fid, &fptr, out);
            }
        }
        Shape::Array(el) => walk_fields(pack, el, &format!("{id}[]"), &format!("{ptr}/*"), out),
        Shape::Map(el) if id.ends_with("counts") => {
            let _ = el;
            for name in indicator_counts(pack) {
                out.push(FieldInfo {
                    id: format!("{id}.{name}"),
                    pointer: format!("{ptr}/{name}"),
                    shape: &Shape::Leaf(Ty::Num),
                });
            }
        }
        Shape::Map(el) => walk_fields(pack, el, &format!("{id}.*"), &format!("{ptr}/*"), out),
        _ => {}
    }
}

/// The count names of the pack's indicators, numerator then denominator, in pack order.
pub fn indicator_counts(pack: &Pack) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for r in &pack.rules {
        if let RuleBody::Indicator { numerator, denominator, .. } = &r.body {
            for n in [numerator.as_str(), denominator.as_str()] {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
    }
    names
}

pub(super) fn type_name(shape: &Shape) -> &'static str {
    match shape {
        Shape::Leaf(Ty::Str) | Shape::Enum(_) => "text",
        Shape::Leaf(Ty::Num) => "number",
        Shape::Leaf(Ty::Bool) => "boolean",
        Shape::Leaf(Ty::Date) => "date",
        Shape::Object(_) | Shape::Any => "object",
        Shape::Array(_) => "array",
        Shape::Map(_) => "map",
        Shape::StrList => "texts",
    }
}

/// Label and hint of a key in a locale.
fn label(pack: &Pack, locale: Locale, key: &str) -> (Option<String>, Option<String>) {
    match pack.labels.lookup(locale, key) {
        Some((l, h)) => (Some(l.to_owned()), h.map(str::to_owned)),
        None => (None, None),
    }
}

/// The id among `ids` that `given` writes in another case or width (`ins-s4-1`, `ＩＮＳ－Ｓ４－１`),
/// as a look-alike of an item's id is still that item.
pub fn item_id<'a>(ids: impl IntoIterator<Item = &'a str>, given: &str) -> Option<&'a str> {
    let plain = crate::ids::normalize_text(given);
    ids.into_iter().find(|id| id.eq_ignore_ascii_case(&plain))
}

/// The label of a rule: from the labels, else its `title`, else its id.
pub fn rule_title(pack: &Pack, locale: Locale, id: &str) -> String {
    label(pack, locale, id)
        .0
        .or_else(|| pack.rules.iter().find(|r| r.id == id).and_then(|r| r.title.clone()))
        .unwrap_or_else(|| id.to_owned())
}

/// The label of a field id (`enterprise.name`, `answers.INS-S1-1`) in any kind.
pub fn field_label(pack: &Pack, locale: Locale, field: &str) -> String {
    for k in KINDS {
        if let (Some(l), _) = label(pack, locale, &format!("{}:{field}", k.name())) {
            return l;
        }
    }
    if let Some(item) = field.strip_prefix("answers.").or_else(|| field.strip_prefix("units[].checklist.")) {
        return rule_title(pack, locale, item);
    }
    field.to_owned()
}

/// Field checks by field id: the format and the limits they imply.
fn field_checks(pack: &Pack, subject: Subject) -> Vec<(String, FieldCheckKind)> {
    let mut out = Vec::new();
    for r in pack.rules.iter().filter(|r| r.subject == subject) {
        if let RuleBody::Field(checks) = &r.body {
            for c in checks {
                for f in c.fields.iter().chain(c.required.iter()) {
                    out.push((f.id(), c.check));
                }
            }
        }
    }
    out
}

/// The closed ranges the kind's checks hold single fields to (`symptoms.temperature` between
/// the pack's `plausibleTemperatureMin` and `…Max`): the field's `min` and `max`. Only an
/// unconditional check (no `when`) reported at that field, so the form's limit is exactly the
/// engine's.
fn field_ranges(pack: &Pack, subject: Subject) -> Vec<(String, f64, f64)> {
    let mut out = Vec::new();
    for r in pack.rules.iter().filter(|r| r.subject == subject) {
        if let RuleBody::Assert(checks) = &r.body {
            for c in checks.iter().filter(|c| c.when.is_none()) {
                let elem = c.each.as_deref();
                if let Some(((e, path), min, max)) = c.assert.as_ref().and_then(|a| a.range(elem))
                    && *path == c.path[..]
                {
                    out.push((crate::schema::field_id(e, path), min, max));
                }
            }
        }
    }
    out
}

fn enum_of(id: &str) -> Option<(&'static str, &'static [&'static str])> {
    let last = id.rsplit('.').next().unwrap_or(id);
    match last {
        "result" => Some(("result", RESULTS)),
        "evidence" => Some(("evidence", EVIDENCE)),
        "level" => Some(("level", LEVELS)),
        _ => None,
    }
}

/// What a kind's rules say of its fields, found once for all of them.
struct KindFacts {
    /// Always asked for.
    required: Vec<String>,
    /// Asked for by a rule (field, rule, the fields it depends on).
    conditional: Vec<(String, String, Vec<String>)>,
    /// Checked by a field check.
    checks: Vec<(String, FieldCheckKind)>,
    /// Held to a closed range (field, min, max).
    ranges: Vec<(String, f64, f64)>,
}

/// The description of one field.
fn describe_field(pack: &Pack, locale: Locale, subject: Subject, f: &FieldInfo, kind: &KindFacts) -> Value {
    let KindFacts { required, conditional, checks, ranges } = kind;
    let mut m = Map::new();
    crate::answer::put(&mut m, "id", Value::from(f.id.as_str()));
    crate::answer::put(&mut m, "pointer", Value::from(f.pointer.as_str()));
    crate::answer::put(&mut m, "type", Value::from(type_name(f.shape)));
    let (l, hint) = label(pack, locale, &format!("{}:{}", subject.name(), f.id));
    crate::answer::put(&mut m, "label", Value::from(l.unwrap_or_else(|| f.id.clone())));
    if let Some(h) = hint {
        crate::answer::put(&mut m, "hint", Value::from(h));
    }
    crate::answer::put(&mut m, "required", Value::from(required.contains(&f.id)));
    let when: Vec<Value> = conditional
        .iter()
        .filter(|(id, ..)| *id == f.id)
        .map(|(_, rule, on)| {
            crate::answer::params([("rule", Value::from(rule.as_str())), ("fields", Value::from(on.clone()))])
        })
        .collect();
    if !when.is_empty() {
        crate::answer::put(&mut m, "requiredWhen", Value::Array(when));
    }
    match f.shape {
        Shape::Leaf(Ty::Str | Ty::Date) => {
            crate::answer::put(&mut m, "maxLength", Value::from(MAX_TEXT_CHARS));
        }
        Shape::Array(_) | Shape::StrList => {
            crate::answer::put(&mut m, "maxItems", Value::from(MAX_ARRAY_LEN));
        }
        _ => {}
    }
    if matches!(f.shape, Shape::Leaf(Ty::Date)) {
        crate::answer::put(&mut m, "format", Value::from("date"));
    }
    // A yes/no field's values are the JSON booleans the input takes (audit 1: the texts "true" and
    // "false" were given, and the engine refuses exactly those).
    if matches!(f.shape, Shape::Leaf(Ty::Bool)) {
        let yes_no = [("true", true), ("false", false)].map(|(w, b)| option(pack, locale, "bool", w, Value::Bool(b)));
        crate::answer::put(&mut m, "enum", Value::Array(yes_no.into()));
    }
    for (_, kind) in checks.iter().filter(|(id, _)| *id == f.id) {
        // The format is the check's name.
        let mode = match kind {
            FieldCheckKind::CreditCode | FieldCheckKind::IdNumber | FieldCheckKind::Date => "text",
            FieldCheckKind::DistrictCode => "numeric",
            FieldCheckKind::Phone => "tel",
            FieldCheckKind::Count => {
                count_range(&mut m, true);
                continue;
            }
            FieldCheckKind::Amount => {
                count_range(&mut m, false);
                continue;
            }
            FieldCheckKind::Text => continue,
        };
        crate::answer::put(&mut m, "format", Value::from(kind.name()));
        crate::answer::put(&mut m, "inputMode", Value::from(mode));
        if kind == &FieldCheckKind::CreditCode || kind == &FieldCheckKind::IdNumber {
            crate::answer::put(&mut m, "maxLength", Value::from(18));
        }
        if kind == &FieldCheckKind::DistrictCode {
            crate::answer::put(&mut m, "maxLength", Value::from(6));
        }
    }
    if matches!(f.shape, Shape::Leaf(Ty::Num)) && !m.contains_key("inputMode") {
        crate::answer::put(&mut m, "inputMode", Value::from("decimal"));
    }
    // Counts of people the engine checks itself (indicators' counts; an inspection's INS-K5
    // knowledge sample): whole numbers ≥ 0, as RTW-F6 makes a filing's.
    if f.id.starts_with("units[].counts.") || KNOWLEDGE_COUNTS.contains(&f.id.as_str()) {
        count_range(&mut m, true);
    }
    if let Some((group, words)) = enum_of(&f.id) {
        crate::answer::put(&mut m, "enum", values(pack, locale, group, words));
    }
    for (_, min, max) in ranges.iter().filter(|(id, ..)| *id == f.id) {
        // The tighter of the shape's `min` (a count's 0) and the check's.
        let shape_min = m.get("min").and_then(Value::as_f64);
        if shape_min.is_none_or(|s| s < *min) {
            crate::answer::put(&mut m, "min", crate::num::json(*min));
        }
        crate::answer::put(&mut m, "max", crate::num::json(*max));
    }
    Value::Object(m)
}

/// A count's or an amount's range: 0 to 2^53 − 1, the most the engine takes (`count.too_large`
/// above; describe audit, thirty-second session: no `max`), a count whole.
fn count_range(m: &mut Map<String, Value>, whole: bool) {
    crate::answer::put(m, "min", Value::from(0));
    crate::answer::put(m, "max", crate::num::json(crate::num::MAX_EXACT));
    whole.then(|| crate::answer::put(m, "integer", Value::from(true)));
    crate::answer::put(m, "inputMode", Value::from(if whole { "numeric" } else { "decimal" }));
}

/// The severity of what a rule reports when it is not met, as the engine gives it (third audit:
/// every inspection item, fact and indicator was described as an `error`): an inspection item
/// fails with an error only when it is a veto (一票否决), else a warning; a fact not recorded and
/// an indicator short of 100% are warnings. Other rules report at the pack's severity.
fn severity(r: &crate::pack::Rule) -> Severity {
    match &r.body {
        RuleBody::Item { veto: true, .. } => Severity::Error,
        RuleBody::Item { veto: false, .. } | RuleBody::Fact { .. } | RuleBody::Indicator { .. } => Severity::Warning,
        _ => r.severity,
    }
}

/// The form of `subject` as the pack describes it, in `locale` (see the module docs).
pub fn describe(pack: &Pack, subject: Subject, locale: Locale) -> Value {
    let required = required_fields(pack, subject);
    let conditional = conditional_fields(pack, subject, &required);
    let kind =
        KindFacts { required, conditional, checks: field_checks(pack, subject), ranges: field_ranges(pack, subject) };
    let fields: Vec<Value> =
        fields(pack, subject).iter().map(|f| describe_field(pack, locale, subject, f, &kind)).collect();
    let rules: Vec<Value> = pack
        .rules
        .iter()
        .filter(|r| r.subject == subject)
        .map(|r| {
            crate::answer::params([
                ("id", Value::from(r.id.as_str())),
                ("kind", Value::from(r.kind_name())),
                ("title", Value::from(rule_title(pack, locale, &r.id))),
                ("severity", Value::from(severity(r).name())),
                ("reads", Value::from(rule_reads_in(pack, r))),
            ])
        })
        .collect();
    let mut out = Map::new();
    crate::answer::put(&mut out, "kind", Value::from(subject.name()));
    crate::answer::put(&mut out, "locale", Value::from(locale.tag()));
    let stamp = &pack.stamp;
    let stamp = [
        ("id", Value::from(stamp.id.as_str())),
        ("version", Value::from(stamp.version.as_str())),
        ("hash", Value::from(stamp.hash.as_str())),
    ];
    crate::answer::put(&mut out, "pack", crate::answer::params(stamp));
    let title = label(pack, locale, &format!("kind:{}", subject.name())).0.unwrap_or_else(|| subject.name().into());
    crate::answer::put(&mut out, "title", Value::from(title));
    crate::answer::put(&mut out, "fields", Value::Array(fields));
    // The version's parameters by name (`leadDays`: 5 in Shenzhen, 3 in Hangzhou), so a page can
    // say what a rule asks without copying the number.
    let mut params = Map::new();
    for (k, v) in pack.params.iter() {
        let v = match v {
            ParamValue::Num(x) => crate::num::json(*x),
            ParamValue::Bool(b) => Value::from(*b),
            ParamValue::Date(d) => Value::from(crate::time::fmt_date(*d)),
            ParamValue::Str(t) => Value::from(t.as_str()),
            ParamValue::StrList(l) => Value::from(l.as_slice()),
        };
        crate::answer::put(&mut params, k, v);
    }
    crate::answer::put(&mut out, "parameters", Value::Object(params));
    crate::answer::put(&mut out, "rules", Value::Array(rules));
    // The words of a kind's decisions: its own where the pack has them (an inspection's
    // 检查合格 / 限期整改 / 责令停工: `value:inspection.decision.*`), else the filing's (fourth
    // audit: the inspection page wrote its outcome words by hand, and describe gave 准予复工).
    let own = format!("{}.decision", subject.name());
    let group =
        if label(pack, locale, &format!("value:{own}.approved")).0.is_some() { own.as_str() } else { "decision" };
    crate::answer::put(&mut out, "decisions", values(pack, locale, group, DECISIONS));
    crate::answer::put(&mut out, "severities", values(pack, locale, "severity", crate::answer::Severity::WORDS));
    let gates: Vec<Value> = pack
        .rules
        .iter()
        .filter(|r| r.subject == subject)
        .filter_map(|r| match &r.body {
            RuleBody::Gate { causes, .. } => {
                let mut fields = rule_reads(&r.body);
                for c in causes {
                    if let Some(cr) = pack.rules.iter().find(|x| x.id == *c) {
                        rule_reads(&cr.body).into_iter().for_each(|f| push_unique(&mut fields, f));
                    }
                }
                Some(crate::answer::params([
                    ("id", Value::from(r.id.as_str())),
                    ("title", Value::from(rule_title(pack, locale, &r.id))),
                    ("rules", Value::from(causes.as_slice())),
                    ("fields", Value::from(fields)),
                ]))
            }
            _ => None,
        })
        .collect();
    if subject == Subject::Filing || !gates.is_empty() {
        crate::answer::put(&mut out, "gates", Value::Array(gates));
        // A gate's `passed`: true, false, or null while a value it needs is missing.
        let states = [("passed", Value::Bool(true)), ("failed", Value::Bool(false)), ("undetermined", Value::Null)];
        let states = states.into_iter().map(|(w, v)| option(pack, locale, "gate", w, v)).collect();
        crate::answer::put(&mut out, "gateStates", Value::Array(states));
    }
    match subject {
        Subject::Inspection => {
            let sections: Vec<Value> = pack
                .rules
                .iter()
                .filter(|r| matches!(r.body, RuleBody::Section))
                .map(|s| {
                    let items: Vec<Value> = pack
                        .rules
                        .iter()
                        .filter_map(|r| match &r.body {
                            RuleBody::Item { section, weight, veto, na_when } if *section == s.id => {
                                Some(crate::answer::params([
                                    ("id", Value::from(r.id.as_str())),
                                    ("title", Value::from(rule_title(pack, locale, &r.id))),
                                    ("weight", crate::num::json(*weight)),
                                    ("veto", Value::from(*veto)),
                                    ("naWhen", Value::from(na_when.as_ref().map(Expr::source))),
                                ]))
                            }
                            _ => None,
                        })
                        .collect();
                    crate::answer::params([
                        ("id", Value::from(s.id.as_str())),
                        ("title", Value::from(rule_title(pack, locale, &s.id))),
                        ("items", Value::from(items)),
                    ])
                })
                .collect();
            crate::answer::put(&mut out, "sections", Value::Array(sections));
            let facts: Vec<Value> = pack
                .rules
                .iter()
                .filter_map(|r| match &r.body {
                    RuleBody::Fact { path } => Some(crate::answer::params([
                        ("id", Value::from(r.id.as_str())),
                        ("title", Value::from(rule_title(pack, locale, &r.id))),
                        ("field", Value::from(path.join("."))),
                    ])),
                    _ => None,
                })
                .collect();
            crate::answer::put(&mut out, "facts", Value::Array(facts));
            crate::answer::put(&mut out, "results", values(pack, locale, "result", RESULTS));
            crate::answer::put(&mut out, "evidence", values(pack, locale, "evidence", EVIDENCE));
            crate::answer::put(&mut out, "needs", values(pack, locale, "needs", NEEDS));
            crate::answer::put(&mut out, "reinspection", values(pack, locale, "inspection.reinspection", REINSPECTION));
            // The words of the answer's own parts (日查日报 …), which a page shows beside them.
            crate::answer::put(&mut out, "answer", values(pack, locale, "inspection.answer", INSPECTION_ANSWER));
        }
        Subject::Indicators => {
            let count = |name: &str| {
                let l = label(pack, locale, &format!("indicators:units[].counts.{name}")).0;
                crate::answer::params([
                    ("count", Value::from(name)),
                    ("label", Value::from(l.unwrap_or_else(|| name.to_owned()))),
                ])
            };
            let inds: Vec<Value> = pack
                .rules
                .iter()
                .filter_map(|r| match &r.body {
                    RuleBody::Indicator { numerator, denominator, code } => Some(crate::answer::params([
                        ("id", Value::from(r.id.as_str())),
                        ("title", Value::from(rule_title(pack, locale, &r.id))),
                        ("code", Value::from(code.as_str())),
                        ("numerator", count(numerator)),
                        ("denominator", count(denominator)),
                    ])),
                    _ => None,
                })
                .collect();
            crate::answer::put(&mut out, "indicators", Value::Array(inds));
            let checklist: Vec<Value> = pack
                .rules
                .iter()
                .filter(|r| matches!(r.body, RuleBody::ChecklistItem))
                .map(|r| {
                    crate::answer::params([
                        ("id", Value::from(r.id.as_str())),
                        ("title", Value::from(rule_title(pack, locale, &r.id))),
                    ])
                })
                .collect();
            crate::answer::put(&mut out, "checklist", Value::Array(checklist));
            crate::answer::put(&mut out, "levels", values(pack, locale, "level", LEVELS));
            crate::answer::put(&mut out, "statuses", values(pack, locale, "indicators.status", STATUSES));
            crate::answer::put(&mut out, "results", options::checklist_results(pack, locale));
        }
        Subject::Screening => {
            let questions: Vec<Value> = out
                .get("fields")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|f| f.get("type").and_then(Value::as_str) != Some("object"))
                .cloned()
                .collect();
            crate::answer::put(&mut out, "questions", Value::Array(questions));
            crate::answer::put(&mut out, "outcomes", values(pack, locale, "outcome", OUTCOMES));
        }
        Subject::Filing => {}
    }
    Value::Object(out)
}

/// Labels a pack family gives for nothing: a field no kind has (`filing:supplies.mask`), a rule
/// no version holds, a kind that is none. Each entry is (locale, key). A typo there changed
/// nothing and passed `lint-pack` (packs audit, twenty-seventh session). A label for what only
/// some versions have (RTW-T3, which 2020-04-07 drops) is not for nothing; `value:` keys (the
/// words of enums, types) are not judged.
/// Only the labels the pack's text gives are judged (`text`: the pack as written, one version or
/// an array): one it inherits for a rule it removes is its parent's.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn unknown_labels<'a>(family: impl IntoIterator<Item = &'a Pack>, text: &Value) -> Vec<(Locale, String)> {
    let mut known = std::collections::BTreeSet::new();
    for pack in family {
        known.extend(pack.rules.iter().map(|r| r.id.clone()));
        for k in KINDS {
            known.insert(format!("kind:{}", k.name()));
            known.extend(fields(pack, k).into_iter().map(|f| format!("{}:{}", k.name(), f.id)));
        }
    }
    let docs = text.as_array().map_or_else(|| vec![text], |a| a.iter().collect());
    let mut out = std::collections::BTreeSet::new();
    for labels in docs.iter().filter_map(|d| d.get("labels").and_then(Value::as_object)) {
        for (tag, entries) in labels {
            let Some(l) = Locale::parse(tag) else { continue };
            for key in entries.as_object().into_iter().flat_map(|m| m.keys()) {
                if !key.starts_with("value:") && !known.contains(key) {
                    out.insert((l, key.clone()));
                }
            }
        }
    }
    out.into_iter().collect()
}

/// What a pack lacks to describe its forms: every field of the kinds it judges, every
/// rule, and every enum value need a label in zh-CN, zh-TW and en. Each entry is
/// (locale, key).
pub fn missing_labels(pack: &Pack) -> Vec<(Locale, String)> {
    let mut keys: Vec<String> = Vec::new();
    for k in KINDS {
        if pack.rules.iter().any(|r| r.subject == k) {
            for f in fields(pack, k) {
                keys.push(format!("{}:{}", k.name(), f.id));
            }
        }
    }
    for r in &pack.rules {
        keys.push(r.id.clone());
    }
    let mut out = Vec::new();
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
        for k in &keys {
            if !pack.labels.has(locale, k) {
                out.push((locale, k.clone()));
            }
        }
    }
    out
}
