//! The pack compiler: a checked [`PackDoc`] becomes a [`Pack`], every mistake reported at
//! its JSON Pointer inside the pack.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;

use super::doc::{CheckDoc, FieldCheckKind, PackDoc, ParamDoc, ParamType, RuleDoc, RuleKind, Subject};
use super::error::perr;
use super::{
    AssertCheck, CHECKLIST_CODES, Catalogue, ENGINE_CODES, FieldCheck, FieldPath, INDICATOR_CODES, INSPECTION_PARAMS,
    ITEM_CODES, IsolationRule, Locale, Pack, PackError, PackErrorKind, PackErrors, Rule, RuleBody, ScreenOutcome,
    ScreenRule, Seg, field_check_codes,
};
use crate::answer::{PackStamp, Severity};
use crate::expr::{Expr, ExprErrorKind, ExprTy, ParamValue, Params, Scope};
use crate::schema::{Resolved, Shape, Ty, resolve, shape_for};

fn kind_name(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Field => "field",
        RuleKind::Assert => "assert",
        RuleKind::Isolation => "isolation",
        RuleKind::Gate => "gate",
        RuleKind::Section => "section",
        RuleKind::Item => "item",
        RuleKind::Fact => "fact",
        RuleKind::Indicator => "indicator",
        RuleKind::ChecklistItem => "checklistItem",
        RuleKind::Screen => "screen",
    }
}

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

fn check_ty(k: FieldCheckKind) -> Ty {
    match k {
        FieldCheckKind::Date => Ty::Date,
        FieldCheckKind::Count | FieldCheckKind::Amount => Ty::Num,
        _ => Ty::Str,
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
            ParamValue::Num(x)
        }
        ParamType::Number => ParamValue::Num(num(&p.value).ok_or("must be a number")?),
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
            return Err(format!(
                "`{name}` must be at least {}, found {}",
                crate::expr::num_text(min),
                crate::expr::num_text(x)
            ));
        }
        if let Some(max) = p.max.filter(|m| x > *m) {
            return Err(format!(
                "`{name}` must be at most {}, found {}",
                crate::expr::num_text(max),
                crate::expr::num_text(x)
            ));
        }
    }
    Ok(v)
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic()) && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

struct Compiler<'a> {
    shape: &'static Shape,
    params: &'a ParamTable,
    errors: Vec<PackError>,
    codes: BTreeSet<String>,
}

fn expr_kind(k: ExprErrorKind) -> PackErrorKind {
    match k {
        ExprErrorKind::Syntax => PackErrorKind::Syntax,
        ExprErrorKind::UnknownName => PackErrorKind::UnknownReference,
        ExprErrorKind::TypeMismatch => PackErrorKind::TypeMismatch,
    }
}

impl Compiler<'_> {
    fn expr(&mut self, src: &str, elem: Option<&'static Shape>, want: Option<ExprTy>, at: &str) -> Option<Expr> {
        let scope = Scope { doc: self.shape, elem, params: self.params };
        let r = match want {
            Some(t) => Expr::compile_as(src, &scope, t),
            None => Expr::compile(src, &scope),
        };
        match r {
            Ok(e) => Some(e),
            Err(e) => {
                self.errors.push(perr(at, expr_kind(e.kind), format!("{} (column {})", e.message, e.column)));
                None
            }
        }
    }

    fn array_field(&mut self, name: &str, at: &str) -> Option<(Vec<String>, &'static Shape)> {
        let segs: Vec<&str> = name.split('.').collect();
        match resolve(self.shape, &segs) {
            Some(Resolved::Array(el)) => Some((segs.iter().map(|s| (*s).to_owned()).collect(), el)),
            Some(_) => {
                self.errors.push(perr(at, PackErrorKind::TypeMismatch, format!("`{name}` is not an array field")));
                None
            }
            None => {
                self.errors.push(perr(at, PackErrorKind::UnknownReference, format!("unknown field `{name}`")));
                None
            }
        }
    }

    fn path_in(&mut self, shape: &'static Shape, name: &str, at: &str) -> Option<Vec<String>> {
        if name.is_empty() {
            return Some(Vec::new());
        }
        let segs: Vec<&str> = name.split('.').collect();
        if resolve(shape, &segs).is_none() {
            self.errors.push(perr(at, PackErrorKind::UnknownReference, format!("unknown field `{name}`")));
            return None;
        }
        Some(segs.iter().map(|s| (*s).to_owned()).collect())
    }

    fn field_path(&mut self, name: &str, want: Ty, at: &str) -> Option<FieldPath> {
        let mut shape = self.shape;
        let mut segs = Vec::new();
        let parts: Vec<&str> = name.split('.').collect();
        let n = parts.len();
        for (i, part) in parts.iter().enumerate() {
            let (key, each) = match part.strip_suffix("[]") {
                Some(k) => (k, true),
                None => (*part, false),
            };
            let Shape::Object(fields) = shape else {
                self.errors.push(perr(at, PackErrorKind::UnknownReference, format!("unknown field `{name}`")));
                return None;
            };
            let Some(fl) = fields.iter().find(|f| f.name == key) else {
                self.errors.push(perr(at, PackErrorKind::UnknownReference, format!("unknown field `{name}`")));
                return None;
            };
            shape = &fl.shape;
            if each {
                let Shape::Array(el) = shape else {
                    self.errors.push(perr(
                        at,
                        PackErrorKind::TypeMismatch,
                        format!("`{key}` in `{name}` is not an array"),
                    ));
                    return None;
                };
                shape = el;
                segs.push(Seg::Each(key.to_owned()));
            } else {
                if matches!(shape, Shape::Array(_)) && i + 1 < n {
                    self.errors.push(perr(
                        at,
                        PackErrorKind::TypeMismatch,
                        format!("`{key}` in `{name}` is an array: write `{key}[]`"),
                    ));
                    return None;
                }
                segs.push(Seg::Key(key.to_owned()));
            }
        }
        match shape {
            Shape::Leaf(t) if *t == want => Some(FieldPath { segs, ty: *t }),
            Shape::Leaf(t) => {
                self.errors.push(perr(
                    at,
                    PackErrorKind::TypeMismatch,
                    format!("`{name}` is a {} field; this check needs a {} field", t.name(), want.name()),
                ));
                None
            }
            _ => {
                self.errors.push(perr(at, PackErrorKind::TypeMismatch, format!("`{name}` is not a single value")));
                None
            }
        }
    }

    fn unused(&mut self, at: &str, what: &[(&str, bool)], kind: &str) {
        for (name, given) in what {
            if *given {
                self.errors.push(perr(
                    format!("{at}/{name}"),
                    PackErrorKind::BadRule,
                    format!("`{name}` is not used by a {kind}"),
                ));
            }
        }
    }

    fn field_check(&mut self, c: &CheckDoc, rule_sev: Severity, at: &str) -> Option<FieldCheck> {
        let Some(kind) = c.check else {
            self.errors.push(perr(format!("{at}/check"), PackErrorKind::BadRule, "a field check needs `check`"));
            return None;
        };
        self.unused(
            at,
            &[
                ("assert", c.assert.is_some()),
                ("when", c.when.is_some()),
                ("each", c.each.is_some()),
                ("path", c.path.is_some()),
                ("code", c.code.is_some()),
                ("params", !c.params.is_empty()),
            ],
            "field check",
        );
        let want = check_ty(kind);
        let mut fields = Vec::new();
        for (i, f) in c.fields.iter().flatten().enumerate() {
            fields.extend(self.field_path(f, want, &format!("{at}/fields/{i}")));
        }
        let mut required = Vec::new();
        for (i, f) in c.required.iter().flatten().enumerate() {
            required.extend(self.field_path(f, want, &format!("{at}/required/{i}")));
        }
        if fields.is_empty() && required.is_empty() && c.fields.is_none() {
            self.errors.push(perr(format!("{at}/fields"), PackErrorKind::BadRule, "a field check needs `fields`"));
        }
        let allowed = match (&c.allowed, kind) {
            (None, _) => None,
            (Some(p), FieldCheckKind::DistrictCode) => match p.strip_prefix('$').and_then(|n| self.params.param(n)) {
                Some(ParamValue::StrList(l)) => Some(l.clone()),
                Some(_) => {
                    self.errors.push(perr(
                        format!("{at}/allowed"),
                        PackErrorKind::TypeMismatch,
                        format!("`{p}` is not a list of texts"),
                    ));
                    None
                }
                None => {
                    self.errors.push(perr(
                        format!("{at}/allowed"),
                        PackErrorKind::UnknownReference,
                        format!("unknown parameter `{p}`"),
                    ));
                    None
                }
            },
            (Some(_), _) => {
                self.errors.push(perr(
                    format!("{at}/allowed"),
                    PackErrorKind::BadRule,
                    "`allowed` is only for districtCode checks",
                ));
                None
            }
        };
        for code in field_check_codes(kind) {
            self.codes.insert((*code).to_owned());
        }
        Some(FieldCheck {
            check: kind,
            fields,
            required,
            allowed,
            checksum_severity: c.checksum_severity.unwrap_or(c.severity.unwrap_or(rule_sev)),
            severity: c.severity.unwrap_or(rule_sev),
        })
    }

    fn assert_check(&mut self, c: &CheckDoc, rule_sev: Severity, at: &str) -> Option<AssertCheck> {
        self.unused(
            at,
            &[
                ("check", c.check.is_some()),
                ("fields", c.fields.is_some()),
                ("allowed", c.allowed.is_some()),
                ("checksumSeverity", c.checksum_severity.is_some()),
            ],
            "assertion",
        );
        let (each, elem) = match &c.each {
            Some(name) => {
                let (segs, el) = self.array_field(name, &format!("{at}/each"))?;
                (Some(segs), Some(el))
            }
            None => (None, None),
        };
        let mut required = Vec::new();
        for (i, name) in c.required.iter().flatten().enumerate() {
            let p = self.path_in(elem.unwrap_or(self.shape), name, &format!("{at}/required/{i}"));
            required.extend(p.filter(|p| !p.is_empty()));
        }
        let assert = match &c.assert {
            Some(src) => self.expr(src, elem, Some(ExprTy::Bool), &format!("{at}/assert")).map(Some),
            None if c.required.is_some() => Some(None),
            None => {
                self.errors.push(perr(
                    format!("{at}/assert"),
                    PackErrorKind::BadRule,
                    "an assertion needs `assert` (or `required`)",
                ));
                return None;
            }
        };
        let when = match &c.when {
            Some(w) => Some(self.expr(w, elem, Some(ExprTy::Bool), &format!("{at}/when"))?),
            None => None,
        };
        let path = self.path_in(elem.unwrap_or(self.shape), c.path.as_deref().unwrap_or(""), &format!("{at}/path"));
        let code = match &c.code {
            Some(code) if !code.is_empty() => Some(code.clone()),
            None if c.assert.is_none() => Some(crate::answer::REQUIRED.to_owned()),
            _ => {
                self.errors.push(perr(format!("{at}/code"), PackErrorKind::BadRule, "an assertion needs a `code`"));
                None
            }
        };
        let mut params = Vec::new();
        for (name, src) in &c.params {
            if !is_ident(name) {
                self.errors.push(perr(
                    format!("{at}/params/{name}"),
                    PackErrorKind::BadRule,
                    format!("`{name}` is not a parameter name"),
                ));
            }
            if let Some(e) = self.expr(src, elem, None, &format!("{at}/params/{name}")) {
                params.push((name.clone(), e));
            }
        }
        let code = code?;
        self.codes.insert(code.clone());
        Some(AssertCheck {
            assert: assert?,
            required,
            when,
            each,
            path: path?,
            code,
            params,
            severity: c.severity.unwrap_or(rule_sev),
        })
    }

    fn screen(&mut self, r: &RuleDoc, at: &str) -> Option<ScreenRule> {
        let Some(when_src) = &r.when else {
            self.errors.push(perr(format!("{at}/when"), PackErrorKind::BadRule, "a screen rule needs `when`"));
            return None;
        };
        let when = self.expr(when_src, None, Some(ExprTy::Bool), &format!("{at}/when"));
        let outcome = match r.outcome.as_deref() {
            Some("fever_clinic") => Some(ScreenOutcome::FeverClinic),
            Some("central_quarantine") => Some(ScreenOutcome::CentralQuarantine),
            Some("home_observation") => Some(ScreenOutcome::HomeObservation),
            Some("normal") => Some(ScreenOutcome::Normal),
            other => {
                self.errors.push(perr(
                    format!("{at}/outcome"),
                    PackErrorKind::BadRule,
                    format!(
                        "`{}` is not an outcome; use fever_clinic, central_quarantine, home_observation or normal",
                        other.unwrap_or("")
                    ),
                ));
                None
            }
        };
        let from = match &r.from {
            Some(src) => Some(self.expr(src, None, Some(ExprTy::Date), &format!("{at}/from"))?),
            None => None,
        };
        let days = match &r.days {
            Some(src) => Some(self.expr(src, None, Some(ExprTy::Num), &format!("{at}/days"))?),
            None => None,
        };
        if from.is_some() != days.is_some() {
            self.errors.push(perr(at.to_owned(), PackErrorKind::BadRule, "`from` and `days` go together"));
        }
        let Some(code) = r.code.clone() else {
            self.errors.push(perr(format!("{at}/code"), PackErrorKind::BadRule, "a screen rule needs a `code`"));
            return None;
        };
        let path = self.path_in(self.shape, r.path.as_deref().unwrap_or(""), &format!("{at}/path"))?;
        self.codes.insert(code.clone());
        self.codes.insert("screening.date_missing".to_owned());
        Some(ScreenRule { when: when?, outcome: outcome?, from, days, code, path })
    }

    fn isolation(&mut self, r: &RuleDoc, sev: Severity, at: &str) -> Option<IsolationRule> {
        let need = |this: &mut Self, name: &str, v: &Option<String>| -> Option<String> {
            if v.is_none() {
                this.errors.push(perr(
                    format!("{at}/{name}"),
                    PackErrorKind::BadRule,
                    format!("an isolation rule needs `{name}`"),
                ));
            }
            v.clone()
        };
        let each_name = need(self, "each", &r.each)?;
        let (each, el) = self.array_field(&each_name, &format!("{at}/each"))?;
        let when = need(self, "when", &r.when)
            .and_then(|s| self.expr(&s, Some(el), Some(ExprTy::Bool), &format!("{at}/when")));
        let start = need(self, "start", &r.start)
            .and_then(|s| self.expr(&s, Some(el), Some(ExprTy::Date), &format!("{at}/start")));
        let days =
            need(self, "days", &r.days).and_then(|s| self.expr(&s, Some(el), Some(ExprTy::Num), &format!("{at}/days")));
        let by = need(self, "by", &r.by).and_then(|s| self.expr(&s, None, Some(ExprTy::Date), &format!("{at}/by")));
        let code = need(self, "code", &r.code)?;
        let path = self.path_in(el, r.path.as_deref().unwrap_or(""), &format!("{at}/path"))?;
        if !r.checks.is_empty() {
            self.errors.push(perr(format!("{at}/checks"), PackErrorKind::BadRule, "an isolation rule has no `checks`"));
        }
        self.codes.insert(code.clone());
        Some(IsolationRule { each, when: when?, start: start?, days: days?, by: by?, code, path, severity: sev })
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
            Err(m) => errors.push(perr(format!("/parameters/{name}/value"), PackErrorKind::BadParameter, m)),
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
                format!("a `{}` rule judges {}", kind_name(r.kind), subject.name()),
            ));
        }
        c.shape = shape_for(subject);
        c.unused(&at, &unused_keys(r), kind_name(r.kind));
        let severity = match (r.kind, r.severity) {
            (_, Some(s)) => s,
            (RuleKind::Field | RuleKind::Assert | RuleKind::Isolation, None) => {
                c.errors.push(perr(format!("{at}/severity"), PackErrorKind::BadRule, "a rule needs a `severity`"));
                Severity::Error
            }
            (RuleKind::Screen | RuleKind::ChecklistItem, None) => Severity::Warning,
            (_, None) => Severity::Error,
        };
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
                if !(weight.is_finite() && weight >= 0.0) {
                    c.errors.push(perr(
                        format!("{at}/weight"),
                        PackErrorKind::BadParameter,
                        "an item needs a `weight` ≥ 0",
                    ));
                }
                let na_when = match &r.na_when {
                    Some(src) => c.expr(src, None, Some(ExprTy::Bool), &format!("{at}/naWhen")),
                    None => None,
                };
                for code in ITEM_CODES {
                    c.codes.insert((*code).to_owned());
                }
                RuleBody::Item { section, weight, veto: r.veto.unwrap_or(false), na_when }
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
        rules.push(Rule { id: r.id.clone(), subject, severity, body });
    }

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
    }
    let messages = Catalogue::from_doc(&doc.messages);
    let labels = Catalogue::from_doc(&doc.labels);
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
                c.errors.push(perr(
                    format!("/messages/{}", locale.tag()),
                    PackErrorKind::MissingMessage,
                    format!("no `{}` message for code `{code}`", locale.tag()),
                ));
            }
        }
    }
    for (tag, _) in &doc.messages {
        if Locale::parse(tag).is_none() {
            c.errors.push(perr(
                format!("/messages/{tag}"),
                PackErrorKind::BadRule,
                format!("unknown locale `{tag}`; use zh-CN, zh-TW or en"),
            ));
        }
    }

    if !c.errors.is_empty() {
        return Err(PackErrors(c.errors));
    }
    let params = table.0;
    Ok(Pack {
        stamp: PackStamp { id: doc.id.clone(), version: doc.version.clone(), hash },
        effective_from,
        rules,
        messages,
        labels,
        doc,
        params,
        json,
    })
}
