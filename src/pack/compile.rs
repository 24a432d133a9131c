//! The pack compiler: a checked [`PackDoc`] becomes a [`Pack`], every mistake reported at
//! its JSON Pointer inside the pack.

mod checks;
mod labels;
mod placeholders;
mod suggest;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::Value;

use checks::{Compiler, is_ident};

use super::doc::{PackDoc, ParamDoc, ParamType, RuleDoc, RuleKind};
use super::error::perr;
use super::{
    AssertCheck, CHECKLIST_CODES, Catalogue, ENGINE_CODES, INDICATOR_CODES, INSPECTION_PARAMS, ITEM_CODES, Locale,
    Pack, PackErrorKind, PackErrors, Rule, RuleBody,
};
use crate::answer::{PackStamp, Severity};
use crate::expr::{ExprTy, NumCheck, ParamValue, Params};
use crate::schema::{Subject, shape_for};

/// Keys given on a rule that its kind does not use.
fn unused_keys(r: &RuleDoc) -> Vec<(&'static str, bool)> {
    let given = [
        ("severity", r.severity.is_some()),
        ("checks", !r.checks.is_empty()),
        ("causes", r.causes.is_some()),
        ("each", r.each.is_some()),
        ("when", r.when.is_some()),
        ("start", r.start.is_some()),
        ("days", r.days.is_some()),
        ("by", r.by.is_some()),
        ("code", r.code.is_some()),
        ("path", r.path.is_some()),
        ("section", r.section.is_some()),
        ("weight", r.weight.is_some()),
        ("veto", r.veto.is_some()),
        ("naWhen", r.na_when.is_some()),
        ("field", r.field.is_some()),
        ("numerator", r.numerator.is_some()),
        ("denominator", r.denominator.is_some()),
        ("outcome", r.outcome.is_some()),
        ("from", r.from.is_some()),
    ];
    let allowed: &[&str] = match r.kind {
        RuleKind::Field | RuleKind::Assert => &["severity", "checks"],
        RuleKind::Gate => &["severity", "checks", "causes"],
        RuleKind::Isolation => &["severity", "each", "when", "start", "days", "by", "code", "path"],
        RuleKind::Section => &[],
        RuleKind::Item => &["section", "weight", "veto", "naWhen"],
        RuleKind::Fact => &["field"],
        RuleKind::Indicator => &["numerator", "denominator", "code"],
        RuleKind::ChecklistItem => &[],
        RuleKind::Screen => &["severity", "when", "outcome", "from", "days", "code", "path"],
    };
    given.into_iter().filter(|(k, _)| !allowed.contains(k)).collect()
}

struct ParamTable(BTreeMap<String, ParamValue>);

impl Params for ParamTable {
    fn param(&self, name: &str) -> Option<&ParamValue> {
        self.0.get(name)
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn param_value(name: &str, p: &ParamDoc) -> Result<ParamValue, String> {
    let num = |v: &Value| v.as_f64().filter(|x| x.is_finite());
    let v = match p.ty {
        ParamType::Days | ParamType::Count => {
            let x = num(&p.value).ok_or("must be a number")?;
            if x < 0.0 || x.fract() != 0.0 {
                return Err(format!("`{name}` must be a whole number ≥ 0, found `{}`", p.value));
            }
            if p.ty == ParamType::Days && x > MAX_DAYS {
                return Err(format!("`{name}` must be at most {MAX_DAYS} days (ten years), found `{}`", p.value));
            }
            ParamValue::Num(x)
        }
        ParamType::Number => {
            let x = num(&p.value).ok_or("must be a number")?;
            // Products of counts (≤ 2^53) and such numbers stay finite: `masksPerPersonPerDay`
            // of 1e307 overflowed, and 60 masks for 8 people were approved (packs audit).
            if x.abs() > MAX_NUMBER {
                return Err(format!(
                    "`{name}` must be from -{0} to {0}, found `{1}`",
                    crate::num::text(MAX_NUMBER),
                    p.value
                ));
            }
            ParamValue::Num(x)
        }
        ParamType::Date => {
            let s = p.value.as_str().ok_or("must be a date `YYYY-MM-DD`")?;
            ParamValue::Date(
                crate::time::parse_iso_date(s).ok_or(()).map_err(|_| format!("`{s}` is not a date `YYYY-MM-DD`"))?,
            )
        }
        ParamType::Text => ParamValue::Str(p.value.as_str().ok_or("must be a text")?.to_owned()),
        ParamType::Texts => {
            let a = p.value.as_array().ok_or("must be a list of texts")?;
            ParamValue::StrList(
                a.iter()
                    .map(|x| x.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or("must be a list of texts")?,
            )
        }
        ParamType::Bool => ParamValue::Bool(p.value.as_bool().ok_or("must be true or false")?),
    };
    if let ParamValue::Num(x) = v {
        if let Some(min) = p.min.filter(|m| x < *m) {
            return Err(format!("`{name}` must be at least {}, found {}", crate::num::text(min), crate::num::text(x)));
        }
        if let Some(max) = p.max.filter(|m| x > *m) {
            return Err(format!("`{name}` must be at most {}, found {}", crate::num::text(max), crate::num::text(x)));
        }
    }
    Ok(v)
}

/// A value of parameter type `ty`, standing in for one refused (never evaluated: a pack with
/// an error is not compiled).
fn stand_in(ty: ParamType) -> ParamValue {
    match ty {
        ParamType::Days | ParamType::Count | ParamType::Number => ParamValue::Num(0.0),
        ParamType::Date => ParamValue::Date(NaiveDate::MIN),
        ParamType::Text => ParamValue::Str(String::new()),
        ParamType::Texts => ParamValue::StrList(Vec::new()),
        ParamType::Bool => ParamValue::Bool(false),
    }
}

pub(super) fn compile(doc: PackDoc, hash: String, json: Value) -> Result<Pack, PackErrors> {
    let mut errors = Vec::new();
    if doc.id.trim().is_empty() {
        errors.push(perr("/id", PackErrorKind::BadRule, "pack id is empty"));
    }
    let effective_from = match crate::time::parse_iso_date(&doc.effective_from).ok_or(()) {
        Ok(d) => d,
        Err(_) => {
            errors.push(perr(
                "/effectiveFrom",
                PackErrorKind::BadParameter,
                format!("`{}` is not a date `YYYY-MM-DD`", doc.effective_from),
            ));
            NaiveDate::MIN
        }
    };
    // Resolving `extends` applies `removeRules` and drops it: left here, nothing was removed.
    if doc.extends.is_none() && json.get("removeRules").is_some() {
        errors.push(perr(
            "/removeRules",
            PackErrorKind::Syntax,
            "`removeRules` removes rules of the pack this one extends, and it has no `extends`",
        ));
    }
    let mut params = BTreeMap::new();
    for (name, p) in &doc.parameters {
        if !is_ident(name) {
            errors.push(perr(
                format!("/parameters/{name}"),
                PackErrorKind::BadParameter,
                format!("`{name}` is not a parameter name"),
            ));
            continue;
        }
        match param_value(name, p) {
            Ok(v) => {
                params.insert(name.clone(), v);
            }
            Err(m) => {
                errors.push(perr(format!("/parameters/{name}/value"), PackErrorKind::BadParameter, m));
                // Still known, with a stand-in of its declared type: the rules that read it
                // type-check against it, so the one mistake is not reported again as an unknown
                // parameter at every rule that uses it. The pack is refused all the same.
                params.insert(name.clone(), stand_in(p.ty));
            }
        }
    }
    let table = ParamTable(params);
    let mut c = Compiler { shape: shape_for(Subject::Filing), params: &table, errors, codes: BTreeSet::new() };

    for code in ENGINE_CODES {
        c.codes.insert((*code).to_owned());
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in doc.rules.iter().enumerate() {
        if let Some(first) = seen.insert(r.id.as_str(), i) {
            c.errors.push(perr(
                format!("/rules/{i}/id"),
                PackErrorKind::DuplicateId,
                format!("rule id `{}` is already used by /rules/{first}", r.id),
            ));
        }
        if r.id.trim().is_empty() {
            c.errors.push(perr(format!("/rules/{i}/id"), PackErrorKind::BadRule, "rule id is empty"));
        }
    }

    let mut rules = Vec::new();
    let mut subjects = Vec::with_capacity(doc.rules.len());
    for (i, r) in doc.rules.iter().enumerate() {
        let at = format!("/rules/{i}");
        let subject = match (r.kind, r.on) {
            (RuleKind::Section | RuleKind::Item | RuleKind::Fact, _) => Subject::Inspection,
            (RuleKind::Indicator | RuleKind::ChecklistItem, _) => Subject::Indicators,
            (RuleKind::Screen, _) => Subject::Screening,
            (_, on) => on.unwrap_or(Subject::Filing),
        };
        if r.on.is_some_and(|on| on != subject) {
            c.errors.push(perr(
                format!("{at}/on"),
                PackErrorKind::BadRule,
                format!("a `{}` rule judges {}", r.kind.name(), subject.name()),
            ));
        }
        c.shape = shape_for(subject);
        subjects.push(subject);
        c.unused(&at, &unused_keys(r), r.kind.name());
        let severity = match (r.kind, r.severity) {
            (_, Some(s)) => s,
            (RuleKind::Field | RuleKind::Assert | RuleKind::Isolation, None) => {
                c.errors.push(perr(format!("{at}/severity"), PackErrorKind::BadRule, "a rule needs a `severity`"));
                Severity::Error
            }
            (RuleKind::Screen | RuleKind::ChecklistItem, None) => Severity::Warning,
            (_, None) => Severity::Error,
        };
        // A rule that checks nothing decides nothing: most likely `"checks": null` in a variant,
        // which removes them (packs audit: it loaded silently). `removeRules` removes a rule.
        if matches!(r.kind, RuleKind::Field | RuleKind::Assert) && r.checks.is_empty() {
            c.errors.push(perr(
                format!("{at}/checks"),
                PackErrorKind::BadRule,
                "a rule needs at least one check (to drop a rule, name it in `removeRules`)",
            ));
        }
        let body = match r.kind {
            RuleKind::Field => {
                let checks = r
                    .checks
                    .iter()
                    .enumerate()
                    .filter_map(|(j, ch)| c.field_check(ch, severity, &format!("{at}/checks/{j}")))
                    .collect();
                RuleBody::Field(checks)
            }
            RuleKind::Assert | RuleKind::Gate => {
                let checks: Vec<AssertCheck> = r
                    .checks
                    .iter()
                    .enumerate()
                    .filter_map(|(j, ch)| c.assert_check(ch, severity, &format!("{at}/checks/{j}")))
                    .collect();
                if !r.personal_params {
                    personal_in_params(&mut c, &checks, &at);
                }
                if r.kind == RuleKind::Assert {
                    RuleBody::Assert(checks)
                } else {
                    let causes = r.causes.clone().unwrap_or_default();
                    for (j, cause) in causes.iter().enumerate() {
                        match seen.get(cause.as_str()).and_then(|k| doc.rules.get(*k)) {
                            None => c.errors.push(perr(
                                format!("{at}/causes/{j}"),
                                PackErrorKind::UnknownReference,
                                format!("unknown rule `{cause}`"),
                            )),
                            Some(x) if x.kind == RuleKind::Gate => c.errors.push(perr(
                                format!("{at}/causes/{j}"),
                                PackErrorKind::BadRule,
                                format!("`{cause}` is a gate; a gate's causes are rules"),
                            )),
                            Some(_) => {}
                        }
                    }
                    // A gate nothing can fail always passes: most likely its causes were all
                    // removed by a variant's `removeRules` (pack audit, twenty-fifth session: a
                    // Longgang variant without RTW-P4 and RTW-P5 passed RTW-G3 with no masks).
                    if causes.is_empty() && r.checks.is_empty() {
                        c.errors.push(perr(
                            format!("{at}/causes"),
                            PackErrorKind::BadRule,
                            format!(
                                "gate `{}` has no causes and no checks of its own, so it can never fail: \
                                 name the rules that fail it in `causes`, give it `checks`, or remove it too",
                                r.id
                            ),
                        ));
                    }
                    RuleBody::Gate { causes, checks }
                }
            }
            RuleKind::Isolation => match c.isolation(r, severity, &at) {
                Some(iso) => RuleBody::Isolation(Box::new(iso)),
                None => continue,
            },
            RuleKind::Section => RuleBody::Section,
            RuleKind::Item => {
                let section = r.section.clone().unwrap_or_default();
                match seen.get(section.as_str()).and_then(|k| doc.rules.get(*k)) {
                    Some(x) if x.kind == RuleKind::Section => {}
                    _ => c.errors.push(perr(
                        format!("{at}/section"),
                        PackErrorKind::UnknownReference,
                        format!("unknown section `{section}`"),
                    )),
                }
                let weight = r.weight.unwrap_or(-1.0);
                // At most MAX_NUMBER: weights of 1e307 summed to infinity, and an inspection
                // all passed was approved with `score: null` (packs audit).
                if !(weight.is_finite() && (0.0..=MAX_NUMBER).contains(&weight)) {
                    c.errors.push(perr(
                        format!("{at}/weight"),
                        PackErrorKind::BadParameter,
                        format!("an item needs a `weight` from 0 to {}", crate::num::text(MAX_NUMBER)),
                    ));
                }
                let na_when = match &r.na_when {
                    Some(src) => c.expr(src, None, Some(ExprTy::Bool), &format!("{at}/naWhen")),
                    None => None,
                };
                for code in ITEM_CODES {
                    c.codes.insert((*code).to_owned());
                }
                let veto = r.veto.unwrap_or(false);
                if veto && na_when.is_some() {
                    c.codes.insert(crate::pack::NA_NOT_ALLOWED.to_owned());
                }
                RuleBody::Item { section, weight, veto, na_when }
            }
            RuleKind::Fact => {
                let Some(path) = r
                    .field
                    .as_deref()
                    .and_then(|f| c.path_in(c.shape, f, &format!("{at}/field")))
                    .filter(|p| !p.is_empty())
                else {
                    if r.field.is_none() {
                        c.errors.push(perr(format!("{at}/field"), PackErrorKind::BadRule, "a fact needs a `field`"));
                    }
                    continue;
                };
                c.codes.insert(crate::answer::REQUIRED.to_owned());
                RuleBody::Fact { path }
            }
            RuleKind::Indicator => {
                let (Some(numerator), Some(denominator), Some(code)) =
                    (r.numerator.clone(), r.denominator.clone(), r.code.clone())
                else {
                    c.errors.push(perr(
                        at.clone(),
                        PackErrorKind::BadRule,
                        "an indicator needs `numerator`, `denominator` and `code`",
                    ));
                    continue;
                };
                for (name, v) in [("numerator", &numerator), ("denominator", &denominator)] {
                    if !is_ident(v) {
                        c.errors.push(perr(
                            format!("{at}/{name}"),
                            PackErrorKind::BadRule,
                            format!("`{v}` is not a count name"),
                        ));
                    }
                }
                c.codes.insert(code.clone());
                for code in INDICATOR_CODES {
                    c.codes.insert((*code).to_owned());
                }
                RuleBody::Indicator { numerator, denominator, code }
            }
            RuleKind::ChecklistItem => {
                for code in CHECKLIST_CODES {
                    c.codes.insert((*code).to_owned());
                }
                RuleBody::ChecklistItem
            }
            RuleKind::Screen => match c.screen(r, &at) {
                Some(sc) => RuleBody::Screen(Box::new(sc)),
                None => continue,
            },
        };
        rules.push(Rule { id: r.id.clone(), title: r.title.clone(), subject, severity, body });
    }

    mark_checked(&mut rules);
    if rules.iter().any(|r| matches!(r.body, RuleBody::Item { .. })) {
        for name in INSPECTION_PARAMS {
            if !matches!(table.0.get(*name), Some(ParamValue::Num(_))) {
                c.errors.push(perr(
                    format!("/parameters/{name}"),
                    PackErrorKind::BadParameter,
                    format!("a pack with inspection items needs the number parameter `{name}`"),
                ));
            }
        }
        // The ladder: 限期整改 from conditionalScore, 检查合格 from approvedScore (packs audit:
        // a conditionalScore above approvedScore loaded, and no score could be conditional).
        if let (Some(ParamValue::Num(cond)), Some(ParamValue::Num(appr))) =
            (table.0.get("conditionalScore"), table.0.get("approvedScore"))
            && cond > appr
        {
            c.errors.push(perr(
                "/parameters/conditionalScore/value",
                PackErrorKind::BadParameter,
                format!(
                    "`conditionalScore` ({}) must not be above `approvedScore` ({})",
                    crate::num::text(*cond),
                    crate::num::text(*appr)
                ),
            ));
        }
    }
    // `{$name}` in a message or a label is the version's parameter, filled in here.
    let message_docs = labels::fill(&doc.messages, &table, labels::Texts::Messages, &mut c.errors);
    let messages = Catalogue::from_doc(&message_docs);
    let labels = Catalogue::from_doc(&labels::fill(&doc.labels, &table, labels::Texts::Labels, &mut c.errors));
    for (tag, _) in &doc.labels {
        if Locale::parse(tag).is_none() {
            c.errors.push(perr(
                format!("/labels/{tag}"),
                PackErrorKind::BadRule,
                format!("unknown locale `{tag}`; use zh-CN, zh-TW or en"),
            ));
        }
    }
    for locale in [Locale::ZhCn, Locale::En] {
        for code in &c.codes {
            if !messages.has(locale, code) {
                // A screen rule's second code, which no one writes in a rule (packs audit,
                // thirty-first session): say what it is for.
                let undated = code
                    .strip_suffix("_undated")
                    .filter(|base| c.codes.contains(*base))
                    .map(|base| format!(" (how `{base}` is told while the date its days count from is not given: no end date, placeholders {{outcome}} and {{days}})"))
                    .unwrap_or_default();
                c.errors.push(perr(
                    format!("/messages/{}", locale.tag()),
                    PackErrorKind::MissingMessage,
                    format!("no `{}` message for code `{code}`{undated}", locale.tag()),
                ));
            }
        }
    }
    for (tag, msgs) in &doc.messages {
        for (code, m) in msgs {
            for (key, text) in [("message", Some(&m.message)), ("help", m.help.as_ref())] {
                let n = text.map_or(0, |t| t.chars().count());
                if n > MAX_MESSAGE_CHARS {
                    c.errors.push(perr(
                        crate::pointer::Pointer::from_segments(["messages", tag.as_str(), code.as_str(), key])
                            .to_string(),
                        PackErrorKind::Unbounded,
                        format!("a {key} of {n} characters: at most {MAX_MESSAGE_CHARS}"),
                    ));
                }
            }
        }
        if Locale::parse(tag).is_none() {
            c.errors.push(perr(
                format!("/messages/{tag}"),
                PackErrorKind::BadRule,
                format!("unknown locale `{tag}`; use zh-CN, zh-TW or en"),
            ));
        }
    }
    placeholders::check(&rules, &message_docs, &mut c.errors);
    if !c.errors.is_empty() {
        let rule_ids = doc.rules.iter().map(|r| r.id.as_str()).collect();
        let known = suggest::Known {
            subjects: &subjects,
            params: table.0.keys().map(String::as_str).collect(),
            rules: rule_ids,
        };
        suggest::hint(&mut c.errors, &known);
        return Err(PackErrors(c.errors));
    }
    let params = table.0.into_iter().collect();
    let work_bounds = super::WorkBounds::of(&rules);
    Ok(Pack {
        stamp: Arc::new(PackStamp { id: doc.id.clone(), version: doc.version.clone(), hash }),
        effective_from,
        rules: rules.into(),
        messages,
        labels,
        params,
        json,
        work_bounds,
    })
}

/// The number fields a `field` rule checks as counts or amounts, marked in every expression of
/// the rules on the same submission ([`crate::expr::Expr::mark_checked`]): a value its check
/// refuses (`count.negative`, …) is not computed with by the other rules.
fn mark_checked(rules: &mut [Rule]) {
    let mut checked: Vec<(Subject, String, NumCheck)> = Vec::new();
    for r in rules.iter() {
        let RuleBody::Field(checks) = &r.body else { continue };
        for c in checks {
            let Some(check) = c.check.num_check() else { continue };
            checked.extend(c.fields.iter().map(|f| (r.subject, f.id(), check)));
        }
    }
    for r in rules.iter_mut() {
        let mine: Vec<(String, NumCheck)> =
            checked.iter().filter(|(s, ..)| *s == r.subject).map(|(_, f, c)| (f.clone(), *c)).collect();
        if mine.is_empty() {
            continue;
        }
        let each_id = |each: &Option<Vec<String>>| each.as_ref().map(|e| format!("{}[]", e.join(".")));
        match &mut r.body {
            RuleBody::Assert(checks) | RuleBody::Gate { checks, .. } => {
                for c in checks {
                    let elem = each_id(&c.each);
                    let exprs = c.assert.iter_mut().chain(c.when.iter_mut()).chain(c.params.iter_mut().map(|(_, e)| e));
                    exprs.for_each(|e| e.mark_checked(elem.as_deref(), &mine));
                }
            }
            RuleBody::Isolation(iso) => {
                let elem = format!("{}[]", iso.each.join("."));
                for e in [&mut iso.when, &mut iso.start, &mut iso.days] {
                    e.mark_checked(Some(&elem), &mine);
                }
                iso.by.mark_checked(None, &mine);
            }
            RuleBody::Screen(sc) => {
                let exprs = std::iter::once(&mut sc.when).chain(sc.from.iter_mut()).chain(sc.days.iter_mut());
                exprs.for_each(|e| e.mark_checked(None, &mine));
            }
            RuleBody::Item { na_when: Some(e), .. } => e.mark_checked(None, &mine),
            _ => {}
        }
    }
}

/// Largest magnitude of a `number` parameter and of an item's weight: a billion, far above any
/// rate, temperature or weight the rules speak of, and small enough that a count (≤ 2^53)
/// times a few of them stays finite.
pub const MAX_NUMBER: f64 = 1.0e9;

/// Largest value of a `days` parameter: ten years, more than any period the rules speak of.
/// A date of these years plus it is still a date of four digits; 2^53 − 1 days gave no date
/// at all and switched RTW-T3 off (the factory's filing was approved), and 3,000,000 days gave
/// "10233-10-08" and "推迟到null或之后" (audit 3, F4).
pub const MAX_DAYS: f64 = 3650.0;

/// Longest message or help template, in characters: a message repeats for each roster row
/// that fires it (a 600,000-character message made a 41 KB filing 1.84 GB of output).
pub const MAX_MESSAGE_CHARS: usize = 500;

/// Refuse message params that read a person's data (name, phone, ID number): a district pack
/// could otherwise print "employee 王五 (110105194912310021, 13912345678)". A rule marked
/// `personalParams: true` may.
fn personal_in_params(c: &mut Compiler<'_>, checks: &[AssertCheck], at: &str) {
    for (j, check) in checks.iter().enumerate() {
        for (name, e) in &check.params {
            let mut reads = Vec::new();
            e.reads(check.each.as_deref(), &mut reads);
            for (elem, path) in reads {
                let id = crate::schema::field_id(elem, path);
                if crate::schema::PERSONAL_FIELDS.contains(&id.as_str()) {
                    c.errors.push(perr(
                        format!("{at}/checks/{j}/params/{name}"),
                        PackErrorKind::BadRule,
                        format!(
                            "message param `{name}` shows `{id}`, a person's data; messages carry no personal \
                             data unless the rule says `personalParams: true`"
                        ),
                    ));
                }
            }
        }
    }
}
