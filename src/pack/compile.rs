//! The pack compiler: a checked [`PackDoc`] becomes a [`Pack`], every mistake reported at
//! its JSON Pointer inside the pack.

mod checks;
mod labels;
mod param_values;
mod placeholders;
mod suggest;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::Value;

use checks::{Compiler, is_ident};

use super::doc::{PackDoc, RuleDoc, RuleKind};
use super::error::pe;
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

pub(super) fn compile(doc: PackDoc, hash: String, json: Value) -> Result<Pack, PackErrors> {
    let mut errors = Vec::new();
    if doc.id.trim().is_empty() {
        errors.push(pe("/id", PackErrorKind::BadRule, "规则包 id 为空", "pack id is empty"));
    }
    // The pack's identity is printed in every answer and by the command line: no blank version,
    // and no control or bidirectional-override character in either (packs audit, thirty-fourth
    // session: U+202E reversed the CLI's line, and `"version": ""` was accepted).
    for (key, zh_key, text) in [("id", "id", &doc.id), ("version", "版本", &doc.version)] {
        let hidden = |c: char| {
            c.is_control()
                || ('\u{200e}'..='\u{200f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        };
        if key == "version" && text.trim().is_empty() {
            errors.push(pe("/version", PackErrorKind::BadRule, "规则包版本为空", "pack version is empty"));
        } else if text.chars().any(hidden) {
            errors.push(pe(
                format!("/{key}"),
                PackErrorKind::BadRule,
                format!("规则包{zh_key}含有控制字符或文字方向控制字符"),
                format!("the pack {key} holds a control or text-direction character"),
            ));
        }
    }
    let effective_from = match crate::time::parse_iso_date(&doc.effective_from).ok_or(()) {
        Ok(d) => d,
        Err(_) => {
            let d = &doc.effective_from;
            let (zh, en) = (format!("`{d}` 不是日期 `YYYY-MM-DD`"), format!("`{d}` is not a date `YYYY-MM-DD`"));
            errors.push(pe("/effectiveFrom", PackErrorKind::BadParameter, zh, en));
            NaiveDate::MIN
        }
    };
    // Resolving `extends` applies `removeRules` and drops it: left here, nothing was removed.
    if doc.extends.is_none() && json.get("removeRules").is_some() {
        errors.push(pe(
            "/removeRules",
            PackErrorKind::Syntax,
            "`removeRules` 用于移除父规则包的规则，但此规则包没有 `extends`",
            "`removeRules` removes rules of the pack this one extends, and it has no `extends`",
        ));
    }
    let (table, refused) = param_values::read(&doc.parameters, &mut errors);
    let mut c = Compiler { shape: shape_for(Subject::Filing), params: &table, errors, codes: BTreeSet::new() };

    for code in ENGINE_CODES {
        c.codes.insert((*code).to_owned());
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in doc.rules.iter().enumerate() {
        if let Some(first) = seen.insert(r.id.as_str(), i) {
            let zh = format!("规则 id `{}` 已被 /rules/{first} 使用", r.id);
            let en = format!("rule id `{}` is already used by /rules/{first}", r.id);
            c.errors.push(pe(format!("/rules/{i}/id"), PackErrorKind::DuplicateId, zh, en));
        }
        if r.id.trim().is_empty() {
            c.errors.push(pe(format!("/rules/{i}/id"), PackErrorKind::BadRule, "规则 id 为空", "rule id is empty"));
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
            let (kind, judges) = (r.kind.name(), subject.name());
            let zh = format!("{}判定的是{}（`{judges}`）", checks::kind_zh(kind), subject_zh(subject));
            let en = format!("a `{kind}` rule judges {judges}");
            c.errors.push(pe(format!("{at}/on"), PackErrorKind::BadRule, zh, en));
        }
        c.shape = shape_for(subject);
        subjects.push(subject);
        c.unused(&at, &unused_keys(r), r.kind.name());
        let severity = match (r.kind, r.severity) {
            (_, Some(s)) => s,
            (RuleKind::Field | RuleKind::Assert | RuleKind::Isolation, None) => {
                let en = "a rule needs a `severity`";
                c.errors.push(pe(format!("{at}/severity"), PackErrorKind::BadRule, "规则缺少 `severity`", en));
                Severity::Error
            }
            (RuleKind::Screen | RuleKind::ChecklistItem, None) => Severity::Warning,
            (_, None) => Severity::Error,
        };
        // A rule that checks nothing decides nothing: most likely `"checks": null` in a variant,
        // which removes them (packs audit: it loaded silently). `removeRules` removes a rule.
        if matches!(r.kind, RuleKind::Field | RuleKind::Assert) && r.checks.is_empty() {
            c.errors.push(pe(
                format!("{at}/checks"),
                PackErrorKind::BadRule,
                "规则的 `checks` 至少要有一项（要移除规则，请将其列入 `removeRules`）",
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
                            None => c.errors.push(pe(
                                format!("{at}/causes/{j}"),
                                PackErrorKind::UnknownReference,
                                format!("未知的规则 `{cause}`"),
                                format!("unknown rule `{cause}`"),
                            )),
                            Some(x) if x.kind == RuleKind::Gate => c.errors.push(pe(
                                format!("{at}/causes/{j}"),
                                PackErrorKind::BadRule,
                                format!("`{cause}` 是关口；关口的原因须为规则"),
                                format!("`{cause}` is a gate; a gate's causes are rules"),
                            )),
                            Some(_) => {}
                        }
                    }
                    // A gate nothing can fail always passes: most likely its causes were all
                    // removed by a variant's `removeRules` (pack audit, twenty-fifth session: a
                    // Longgang variant without RTW-P4 and RTW-P5 passed RTW-G3 with no masks).
                    if causes.is_empty() && r.checks.is_empty() {
                        let id = &r.id;
                        c.errors.push(pe(
                            format!("{at}/causes"),
                            PackErrorKind::BadRule,
                            format!(
                                "关口 `{id}` 既没有原因也没有自己的检查，永远不会判为不通过：\
                                 请在 `causes` 中列出使其不通过的规则、为其添加 `checks`，或将其一并移除（列入 `removeRules`）"
                            ),
                            format!(
                                "gate `{id}` has no causes and no checks of its own, so it can never fail: \
                                 name the rules that fail it in `causes`, give it `checks`, or remove it too"
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
                    // Not given: said as such, not as a section named `` (packs audit, 34th session).
                    _ if r.section.is_none() => c.errors.push(pe(
                        format!("{at}/section"),
                        PackErrorKind::BadRule,
                        "检查项规则（`item`）需要 `section`（所属检查分项的 id）",
                        "an item needs a `section` (the id of its section)",
                    )),
                    _ => c.errors.push(pe(
                        format!("{at}/section"),
                        PackErrorKind::UnknownReference,
                        format!("未知的检查分项 `{section}`"),
                        format!("unknown section `{section}`"),
                    )),
                }
                let weight = r.weight.unwrap_or(-1.0);
                // At most MAX_NUMBER: weights of 1e307 summed to infinity, and an inspection
                // all passed was approved with `score: null` (packs audit).
                if !(weight.is_finite() && (0.0..=MAX_NUMBER).contains(&weight)) {
                    let m = crate::num::text(MAX_NUMBER);
                    let zh = format!("检查项规则（`item`）需要 0 到 {m} 之间的 `weight`");
                    let en = format!("an item needs a `weight` from 0 to {m}");
                    c.errors.push(pe(format!("{at}/weight"), PackErrorKind::BadParameter, zh, en));
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
                        let (zh, en) = ("必须明确事项规则（`fact`）缺少 `field`", "a fact needs a `field`");
                        c.errors.push(pe(format!("{at}/field"), PackErrorKind::BadRule, zh, en));
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
                    c.errors.push(pe(
                        at.clone(),
                        PackErrorKind::BadRule,
                        "指标规则（`indicator`）需要 `numerator`、`denominator` 和 `code`",
                        "an indicator needs `numerator`, `denominator` and `code`",
                    ));
                    continue;
                };
                for (name, v) in [("numerator", &numerator), ("denominator", &denominator)] {
                    if !is_ident(v) {
                        let (zh, en) = (format!("`{v}` 不是计数名称"), format!("`{v}` is not a count name"));
                        c.errors.push(pe(format!("{at}/{name}"), PackErrorKind::BadRule, zh, en));
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
                c.errors.push(pe(
                    format!("/parameters/{name}"),
                    PackErrorKind::BadParameter,
                    format!("含检查项的规则包需要数字参数 `{name}`"),
                    format!("a pack with inspection items needs the number parameter `{name}`"),
                ));
            }
        }
        param_values::ladder(&table, &refused, &mut c.errors);
    }
    // `{$name}` in a message or a label is the version's parameter, filled in here.
    let message_docs = labels::fill(&doc.messages, &table, labels::Texts::Messages, &mut c.errors);
    let messages = Catalogue::from_doc(&message_docs);
    let labels = Catalogue::from_doc(&labels::fill(&doc.labels, &table, labels::Texts::Labels, &mut c.errors));
    for (root, by_tag) in [("labels", &doc.labels), ("messages", &doc.messages)] {
        c.errors.extend(super::family::locale_given_twice(root, by_tag.iter().map(|(t, _)| t.as_str())));
    }
    for (tag, _) in &doc.labels {
        if Locale::parse(tag).is_none() {
            c.errors.push(unknown_locale(format!("/labels/{tag}"), tag));
        }
    }
    for locale in [Locale::ZhCn, Locale::En] {
        for code in &c.codes {
            if !messages.has(locale, code) {
                // A screen rule's second code, which no one writes in a rule (packs audit,
                // thirty-first session): say what it is for.
                let base = code.strip_suffix("_undated").filter(|base| c.codes.contains(*base));
                let undated = base
                    .map(|base| format!(" (how `{base}` is told while the date its days count from is not given: no end date, placeholders {{outcome}} and {{days}})"))
                    .unwrap_or_default();
                let undated_zh = base
                    .map(|base| {
                        format!(
                            "（`{base}` 在天数起算日期未填写时的表述：没有结束日期，消息参数为 {{outcome}} 和 {{days}}）"
                        )
                    })
                    .unwrap_or_default();
                let tag = locale.tag();
                c.errors.push(pe(
                    format!("/messages/{tag}"),
                    PackErrorKind::MissingMessage,
                    format!("缺少代码 `{code}` 的 `{tag}` 消息{undated_zh}"),
                    format!("no `{tag}` message for code `{code}`{undated}"),
                ));
            }
        }
    }
    for (tag, msgs) in &doc.messages {
        for (code, m) in msgs {
            for (key, zh, text) in [("message", "消息", Some(&m.message)), ("help", "帮助说明", m.help.as_ref())]
            {
                let n = text.map_or(0, |t| t.chars().count());
                if n > MAX_MESSAGE_CHARS {
                    c.errors.push(pe(
                        crate::pointer::Pointer::from_segments(["messages", tag.as_str(), code.as_str(), key])
                            .to_string(),
                        PackErrorKind::Unbounded,
                        format!("{zh}过长：{n} 个字符，最多 {MAX_MESSAGE_CHARS} 个"),
                        format!("a {key} of {n} characters: at most {MAX_MESSAGE_CHARS}"),
                    ));
                }
            }
        }
        if Locale::parse(tag).is_none() {
            c.errors.push(unknown_locale(format!("/messages/{tag}"), tag));
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

/// A kind of submission in Chinese, as the packs' `kind:*` labels name it.
fn subject_zh(s: Subject) -> &'static str {
    match s {
        Subject::Filing => "复工备案",
        Subject::Inspection => "复工检查",
        Subject::Indicators => "社区防控指标日报",
        Subject::Screening => "个人排查申报",
    }
}

/// "unknown locale `tag`; use zh-CN, zh-TW or en" at `at`.
fn unknown_locale(at: String, tag: &str) -> super::PackError {
    let zh = format!("未知的语言 `{tag}`：请使用 zh-CN、zh-TW 或 en");
    pe(at, PackErrorKind::BadRule, zh, format!("unknown locale `{tag}`; use zh-CN, zh-TW or en"))
}

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
                    let zh = format!("消息参数 `{name}` 含个人信息 `{id}`；规则写明 `personalParams: true` 才可显示");
                    c.errors.push(pe(
                        format!("{at}/checks/{j}/params/{name}"),
                        PackErrorKind::BadRule,
                        zh,
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
