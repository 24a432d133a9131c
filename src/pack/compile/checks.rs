//! The parts of a rule: fields, expressions and checks, resolved against the input shape.

use std::collections::BTreeSet;

use super::ParamTable;
use crate::answer::Severity;
use crate::expr::{Expr, ExprErrorKind, ExprTy, ParamValue, Params, Scope};
use crate::pack::doc::{CheckDoc, FieldCheckKind, RuleDoc};
use crate::pack::error::pe;
use crate::pack::{
    AssertCheck, FieldCheck, FieldPath, IsolationRule, PackError, PackErrorKind, ScreenOutcome, ScreenRule, Seg,
    field_check_codes,
};
use crate::schema::{Resolved, Shape, Ty, resolve};

/// The type of field a check applies to.
fn check_ty(k: FieldCheckKind) -> Ty {
    match k {
        FieldCheckKind::Date => Ty::Date,
        FieldCheckKind::Count | FieldCheckKind::Amount => Ty::Num,
        FieldCheckKind::CreditCode
        | FieldCheckKind::DistrictCode
        | FieldCheckKind::Phone
        | FieldCheckKind::IdNumber
        | FieldCheckKind::Text => Ty::Str,
    }
}

pub(super) fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic()) && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

pub(super) struct Compiler<'a> {
    pub(super) shape: &'static Shape,
    pub(super) params: &'a ParamTable,
    pub(super) errors: Vec<PackError>,
    pub(super) codes: BTreeSet<String>,
}

/// [`Ty::name`] in Chinese (zh-CN).
fn ty_zh(t: Ty) -> &'static str {
    match t {
        Ty::Str => "文本",
        Ty::Num => "数字",
        Ty::Bool => "是/否值",
        Ty::Date => "日期",
    }
}

/// A rule kind (`kind`'s word) in Chinese, the word itself after it: "断言规则（`assert`）".
pub(super) fn kind_zh(word: &str) -> String {
    let name = match word {
        "field" => "字段规则",
        "assert" => "断言规则",
        "isolation" => "隔离规则",
        "gate" => "关口规则",
        "section" => "检查分项规则",
        "item" => "检查项规则",
        "fact" => "必须明确事项规则",
        "indicator" => "指标规则",
        "checklistItem" => "清单项规则",
        "screen" => "排查规则",
        _ => "规则",
    };
    format!("{name}（`{word}`）")
}

/// The English article before `word`: "an assert", "a screen".
fn article(word: &str) -> &'static str {
    match word.as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}

/// "unknown field `name`" at `at`.
fn unknown_field(at: &str, name: &str) -> PackError {
    pe(at, PackErrorKind::UnknownReference, format!("未知的字段 `{name}`"), format!("unknown field `{name}`"))
}

fn expr_kind(k: ExprErrorKind) -> PackErrorKind {
    match k {
        ExprErrorKind::Syntax => PackErrorKind::Syntax,
        ExprErrorKind::UnknownName => PackErrorKind::UnknownReference,
        ExprErrorKind::TypeMismatch => PackErrorKind::TypeMismatch,
    }
}

impl Compiler<'_> {
    pub(super) fn expr(
        &mut self,
        src: &str,
        elem: Option<&'static Shape>,
        want: Option<ExprTy>,
        at: &str,
    ) -> Option<Expr> {
        let scope = Scope { doc: self.shape, elem, params: self.params };
        let r = match want {
            Some(t) => Expr::compile_as(src, &scope, t),
            None => Expr::compile(src, &scope),
        };
        match r {
            // The cost model: linear in the submission, or the pack is refused (expr/cost.rs).
            Ok(e) if e.collection_loops() > usize::from(elem.is_none()) => {
                let (zh, en) = if elem.is_some() {
                    (
                        concat!(
                            "此表达式对每个元素都要判断，且每次都遍历整个集合（对提交内容的字段使用 `count`、",
                            "`any` 或 `in`），耗时随集合大小的平方增长；请在不带 `each` 的规则中一次算出汇总值"
                        ),
                        concat!(
                            "this expression is judged for each item and loops over a whole collection ",
                            "(`count`, `any` or `in` over a field of the submission) each time: its cost grows ",
                            "with the square of the collection; compute the aggregate once, in a rule without `each`"
                        ),
                    )
                } else {
                    (
                        concat!(
                            "此表达式在遍历集合的循环中又遍历整个集合，耗时随提交内容大小的平方增长；",
                            "请拆成只遍历一次的多条规则"
                        ),
                        concat!(
                            "this expression loops over a whole collection inside a loop over a collection: its ",
                            "cost grows with the square of the submission; split it into rules that loop once"
                        ),
                    )
                };
                self.errors.push(pe(at, PackErrorKind::Unbounded, zh, en));
                None
            }
            Ok(e) => Some(e),
            Err(e) => {
                let zh = format!("{}（第 {} 列）", e.zh, e.column);
                self.errors.push(pe(at, expr_kind(e.kind), zh, format!("{} (column {})", e.message, e.column)));
                None
            }
        }
    }

    fn array_field(&mut self, name: &str, at: &str) -> Option<(Vec<String>, &'static Shape)> {
        let segs: Vec<&str> = name.split('.').collect();
        match resolve(self.shape, &segs) {
            Some(Resolved::Array(el)) => Some((segs.iter().map(|s| (*s).to_owned()).collect(), el)),
            Some(_) => {
                let zh = format!("`{name}` 不是数组字段");
                self.errors.push(pe(at, PackErrorKind::TypeMismatch, zh, format!("`{name}` is not an array field")));
                None
            }
            None => {
                self.errors.push(unknown_field(at, name));
                None
            }
        }
    }

    pub(super) fn path_in(&mut self, shape: &'static Shape, name: &str, at: &str) -> Option<Vec<String>> {
        if name.is_empty() {
            return Some(Vec::new());
        }
        let segs: Vec<&str> = name.split('.').collect();
        if resolve(shape, &segs).is_none() {
            self.errors.push(unknown_field(at, name));
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
                self.errors.push(unknown_field(at, name));
                return None;
            };
            let Some(fl) = fields.iter().find(|f| f.name == key) else {
                self.errors.push(unknown_field(at, name));
                return None;
            };
            shape = &fl.shape;
            if each {
                let Shape::Array(el) = shape else {
                    self.errors.push(pe(
                        at,
                        PackErrorKind::TypeMismatch,
                        format!("`{name}` 中的 `{key}` 不是数组"),
                        format!("`{key}` in `{name}` is not an array"),
                    ));
                    return None;
                };
                shape = el;
                segs.push(Seg::Each(key.to_owned()));
            } else {
                if matches!(shape, Shape::Array(_)) && i + 1 < n {
                    self.errors.push(pe(
                        at,
                        PackErrorKind::TypeMismatch,
                        format!("`{name}` 中的 `{key}` 是数组：请写作 `{key}[]`"),
                        format!("`{key}` in `{name}` is an array: write `{key}[]`"),
                    ));
                    return None;
                }
                segs.push(Seg::Key(key.to_owned()));
            }
        }
        match shape {
            Shape::Leaf(t) if *t == want => Some(FieldPath { segs, ty: *t, slots: Default::default() }),
            Shape::Leaf(t) => {
                self.errors.push(pe(
                    at,
                    PackErrorKind::TypeMismatch,
                    format!("`{name}` 是{}字段；此检查需要{}字段", ty_zh(*t), ty_zh(want)),
                    format!("`{name}` is a {} field; this check needs a {} field", t.name(), want.name()),
                ));
                None
            }
            _ => {
                let zh = format!("`{name}` 不是单个值");
                self.errors.push(pe(at, PackErrorKind::TypeMismatch, zh, format!("`{name}` is not a single value")));
                None
            }
        }
    }

    /// `kind`: "field check", "assertion" or a rule kind's word (`field`, `screen`, …).
    pub(super) fn unused(&mut self, at: &str, what: &[(&str, bool)], kind: &str) {
        let kind_zh = match kind {
            "field check" => "字段检查".to_owned(),
            "assertion" => "断言".to_owned(),
            word => kind_zh(word),
        };
        for (name, given) in what {
            if *given {
                self.errors.push(pe(
                    format!("{at}/{name}"),
                    PackErrorKind::BadRule,
                    format!("{kind_zh}不使用 `{name}`"),
                    format!("`{name}` is not used by {} {kind}", article(kind)),
                ));
            }
        }
    }

    pub(super) fn field_check(&mut self, c: &CheckDoc, rule_sev: Severity, at: &str) -> Option<FieldCheck> {
        let Some(kind) = c.check else {
            let en = "a field check needs `check`";
            self.errors.push(pe(format!("{at}/check"), PackErrorKind::BadRule, "字段检查缺少 `check`", en));
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
        // Only a check with a check character has one to downgrade (domain.md §6.1, §6.2): on
        // any other it was accepted and did nothing (spec audit, thirtieth session).
        if c.checksum_severity.is_some() && !kind.has_check_character() {
            self.errors.push(pe(
                format!("{at}/checksumSeverity"),
                PackErrorKind::BadRule,
                "`checksumSeverity` 只用于 creditCode 和 idNumber 检查（针对其校验码）",
                "`checksumSeverity` is only for creditCode and idNumber checks (their check character)",
            ));
        }
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
            let en = "a field check needs `fields`";
            self.errors.push(pe(format!("{at}/fields"), PackErrorKind::BadRule, "字段检查缺少 `fields`", en));
        }
        let allowed = match (&c.allowed, kind) {
            (None, _) => None,
            (Some(p), FieldCheckKind::DistrictCode) => match p.strip_prefix('$').and_then(|n| self.params.param(n)) {
                Some(ParamValue::StrList(l)) => {
                    // Each a six-digit GB/T 2260 code as firms' are read: a code pasted with a
                    // space or in full-width digits refused every firm of its district (packs
                    // audit, twenty-seventh session).
                    for (i, d) in l.iter().enumerate() {
                        if d.len() != 6 || !d.bytes().all(|b| b.is_ascii_digit()) {
                            self.errors.push(pe(
                                crate::pointer::Pointer::from_segments([
                                    "parameters",
                                    p.trim_start_matches('$'),
                                    "value",
                                    &i.to_string(),
                                ])
                                .to_string(),
                                PackErrorKind::BadParameter,
                                format!("`{d}` 不是行政区划代码：应为六位数字（GB/T 2260），如 440311"),
                                format!("`{d}` is not a district code: six digits (GB/T 2260), such as 440311"),
                            ));
                        }
                    }
                    Some(l.clone())
                }
                Some(_) => {
                    self.errors.push(pe(
                        format!("{at}/allowed"),
                        PackErrorKind::TypeMismatch,
                        format!("`{p}` 不是文本列表"),
                        format!("`{p}` is not a list of texts"),
                    ));
                    None
                }
                None => {
                    self.errors.push(pe(
                        format!("{at}/allowed"),
                        PackErrorKind::UnknownReference,
                        format!("未知的参数 `{p}`"),
                        format!("unknown parameter `{p}`"),
                    ));
                    None
                }
            },
            (Some(_), _) => {
                self.errors.push(pe(
                    format!("{at}/allowed"),
                    PackErrorKind::BadRule,
                    "`allowed` 只用于 districtCode 检查",
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

    pub(super) fn assert_check(&mut self, c: &CheckDoc, rule_sev: Severity, at: &str) -> Option<AssertCheck> {
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
                self.errors.push(pe(
                    format!("{at}/assert"),
                    PackErrorKind::BadRule,
                    "断言缺少 `assert`（或 `required`）",
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
                let en = "an assertion needs a `code`";
                self.errors.push(pe(format!("{at}/code"), PackErrorKind::BadRule, "断言缺少 `code`", en));
                None
            }
        };
        let mut params = Vec::new();
        for (name, src) in &c.params {
            if !is_ident(name) {
                self.errors.push(pe(
                    format!("{at}/params/{name}"),
                    PackErrorKind::BadRule,
                    format!("`{name}` 不是有效的消息参数名"),
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
            required_slots: Default::default(),
            when,
            each,
            path: path?,
            code,
            params,
            severity: c.severity.unwrap_or(rule_sev),
        })
    }

    pub(super) fn screen(&mut self, r: &RuleDoc, at: &str) -> Option<ScreenRule> {
        let Some(when_src) = &r.when else {
            let en = "a screen rule needs `when`";
            self.errors.push(pe(format!("{at}/when"), PackErrorKind::BadRule, "排查规则（`screen`）缺少 `when`", en));
            return None;
        };
        let when = self.expr(when_src, None, Some(ExprTy::Bool), &format!("{at}/when"));
        let outcome = ScreenOutcome::parse(r.outcome.as_deref().unwrap_or_default());
        if outcome.is_none() {
            let (last, rest) = ScreenOutcome::WORDS.split_last().unwrap_or((&"", &[]));
            let given = r.outcome.as_deref().unwrap_or("");
            self.errors.push(pe(
                format!("{at}/outcome"),
                PackErrorKind::BadRule,
                format!("`{given}` 不是有效的结果；请使用 {} 或 {last}", rest.join("、")),
                format!("`{given}` is not an outcome; use {} or {last}", rest.join(", ")),
            ));
        }
        let from = match &r.from {
            Some(src) => Some(self.expr(src, None, Some(ExprTy::Date), &format!("{at}/from"))?),
            None => None,
        };
        let days = match &r.days {
            Some(src) => Some(self.expr(src, None, Some(ExprTy::Num), &format!("{at}/days"))?),
            None => None,
        };
        if from.is_some() != days.is_some() {
            let zh = "`from` 与 `days` 须同时给出";
            self.errors.push(pe(at, PackErrorKind::BadRule, zh, "`from` and `days` go together"));
        }
        let Some(code) = r.code.clone() else {
            let en = "a screen rule needs a `code`";
            self.errors.push(pe(format!("{at}/code"), PackErrorKind::BadRule, "排查规则（`screen`）缺少 `code`", en));
            return None;
        };
        let path = self.path_in(self.shape, r.path.as_deref().unwrap_or(""), &format!("{at}/path"))?;
        self.codes.insert(code.clone());
        if from.is_some() {
            self.codes.insert(crate::pack::undated_code(&code));
        }
        self.codes.insert("screening.date_missing".to_owned());
        Some(ScreenRule { when: when?, outcome: outcome?, from, days, code, path })
    }

    pub(super) fn isolation(&mut self, r: &RuleDoc, sev: Severity, at: &str) -> Option<IsolationRule> {
        let need = |this: &mut Self, name: &str, v: &Option<String>| -> Option<String> {
            if v.is_none() {
                this.errors.push(pe(
                    format!("{at}/{name}"),
                    PackErrorKind::BadRule,
                    format!("隔离规则（`isolation`）缺少 `{name}`"),
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
        // `checks` given here is told once, by `unused` (the rule's keys): "`checks` is not used
        // by a isolation" (zh audit: it was told twice at one pointer).
        self.codes.insert(code.clone());
        Some(IsolationRule { each, when: when?, start: start?, days: days?, by: by?, code, path, severity: sev })
    }
}

#[cfg(test)]
#[path = "checks_zh_tests.rs"]
mod zh_tests;
