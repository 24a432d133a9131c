//! Rule packs: JSON documents holding parameters, rules and messages, statically
//! checked and compiled once into a [`Pack`].
//!
//! A pack error names the JSON Pointer of the mistake inside the pack, e.g.
//! `/rules/7/checks/0/assert: unknown field `staff.returing` (column 1)`.

pub mod doc;
mod messages;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::answer::{PackStamp, Severity};
use crate::expr::{Expr, ExprErrorKind, ExprTy, ParamValue, Params, Scope};
use crate::schema::{Resolved, Shape, Ty, resolve};
use doc::{CheckDoc, FieldCheckKind, PackDoc, ParamDoc, ParamType, RuleDoc, RuleKind};
pub use messages::{Catalogue, Locale};

/// Largest pack accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// What is wrong with a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackErrorKind {
    /// Not JSON, or not of the pack's shape.
    Syntax,
    /// A field, parameter, rule or function that does not exist.
    UnknownReference,
    /// A value or expression of the wrong type.
    TypeMismatch,
    /// Two rules with the same id.
    DuplicateId,
    /// A parameter value outside what its type allows.
    BadParameter,
    /// A code without a message in a required locale.
    MissingMessage,
    /// Something the rule kind needs is missing, or something it cannot use is given.
    BadRule,
}

impl PackErrorKind {
    /// Stable code, e.g. for a JS `Error.code`.
    pub fn code(self) -> &'static str {
        match self {
            PackErrorKind::Syntax => "pack.syntax",
            PackErrorKind::UnknownReference => "pack.unknown_reference",
            PackErrorKind::TypeMismatch => "pack.type_mismatch",
            PackErrorKind::DuplicateId => "pack.duplicate_id",
            PackErrorKind::BadParameter => "pack.bad_parameter",
            PackErrorKind::MissingMessage => "pack.missing_message",
            PackErrorKind::BadRule => "pack.bad_rule",
        }
    }
}

/// One mistake in a pack, at a JSON Pointer inside the pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{path}`: {message}")]
pub struct PackError {
    /// JSON Pointer into the pack document.
    pub path: String,
    /// What kind of mistake.
    pub kind: PackErrorKind,
    /// What is wrong (lower-case, one line).
    pub message: String,
}

/// All mistakes found in a pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("rule pack has {} error(s); first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
pub struct PackErrors(pub Vec<PackError>);

fn perr(path: impl Into<String>, kind: PackErrorKind, message: impl Into<String>) -> PackError {
    PackError {
        path: path.into(),
        kind,
        message: message.into(),
    }
}

/// A field named in a pack (`roster[].phone`), resolved against the input shape.
#[derive(Debug, Clone)]
pub struct FieldPath {
    /// Segments; `Each` iterates an array.
    pub segs: Vec<Seg>,
    /// Leaf type.
    pub ty: Ty,
}

/// One segment of a [`FieldPath`].
#[derive(Debug, Clone)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// Every element of the array at this member.
    Each(String),
}

/// A compiled field check.
#[derive(Debug, Clone)]
pub struct FieldCheck {
    /// Which check.
    pub check: FieldCheckKind,
    /// Fields it applies to.
    pub fields: Vec<FieldPath>,
    /// Fields that must be present.
    pub required: Vec<FieldPath>,
    /// Accepted codes (districtCode).
    pub allowed: Option<Vec<String>>,
    /// Severity of a wrong check character.
    pub checksum_severity: Severity,
    /// Severity of every other failure.
    pub severity: Severity,
}

/// A compiled assertion.
#[derive(Debug, Clone)]
pub struct AssertCheck {
    /// Must hold.
    pub assert: Expr,
    /// Judged only when this holds.
    pub when: Option<Expr>,
    /// Judged per element of this array.
    pub each: Option<Vec<String>>,
    /// Where the diagnostic points (relative to the element with `each`).
    pub path: Vec<String>,
    /// Diagnostic code.
    pub code: String,
    /// Diagnostic parameters.
    pub params: Vec<(String, Expr)>,
    /// Severity.
    pub severity: Severity,
}

/// A compiled isolation rule (RTW-T3).
#[derive(Debug, Clone)]
pub struct IsolationRule {
    /// The array of people.
    pub each: Vec<String>,
    /// Who must isolate.
    pub when: Expr,
    /// Isolation start.
    pub start: Expr,
    /// Isolation days.
    pub days: Expr,
    /// The day they should be on site.
    pub by: Expr,
    /// Code when they cannot be.
    pub code: String,
    /// Field of the element the diagnostic points at.
    pub path: Vec<String>,
    /// Severity.
    pub severity: Severity,
}

/// What a compiled rule does.
#[derive(Debug, Clone)]
pub enum RuleBody {
    /// Field checks.
    Field(Vec<FieldCheck>),
    /// Assertions.
    Assert(Vec<AssertCheck>),
    /// Per-person isolation.
    Isolation(Box<IsolationRule>),
    /// A gate: causes and own checks.
    Gate {
        /// Rules whose diagnostics close the gate.
        causes: Vec<String>,
        /// The gate's own conditions.
        checks: Vec<AssertCheck>,
    },
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What it does.
    pub body: RuleBody,
}

/// A checked and compiled rule pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Identity and hash.
    pub stamp: PackStamp,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Rules in evaluation order.
    pub rules: Vec<Rule>,
    /// Messages.
    pub messages: Catalogue,
    /// The document it was compiled from.
    pub doc: PackDoc,
}

struct ParamTable(BTreeMap<String, ParamValue>);

impl Params for ParamTable {
    fn param(&self, name: &str) -> Option<&ParamValue> {
        self.0.get(name)
    }
}

/// Codes the engine itself may emit, whatever the pack's rules: every pack needs their messages.
pub const ENGINE_CODES: &[&str] = &[
    "input.not_json",
    "input.too_large",
    "input.invalid_type",
    "input.unknown_field",
    "input.too_long",
    "input.too_many",
];

/// The codes a field check may emit.
pub fn field_check_codes(k: FieldCheckKind) -> &'static [&'static str] {
    match k {
        FieldCheckKind::CreditCode => &[
            "field.required",
            "credit_code.length",
            "credit_code.charset",
            "credit_code.checksum",
        ],
        FieldCheckKind::DistrictCode => &[
            "field.required",
            "district_code.format",
            "district_code.province",
            "district_code.not_allowed",
        ],
        FieldCheckKind::Phone => &["field.required", "phone.format"],
        FieldCheckKind::IdNumber => &[
            "field.required",
            "id_number.length",
            "id_number.charset",
            "id_number.province",
            "id_number.birth_date",
            "id_number.checksum",
        ],
        FieldCheckKind::Date => &["field.required", "date.format", "date.impossible"],
        FieldCheckKind::Count => &["field.required", "count.negative", "count.fraction"],
        FieldCheckKind::Amount => &["field.required", "amount.negative"],
        FieldCheckKind::Text => &["field.required", "text.blank"],
    }
}

fn check_ty(k: FieldCheckKind) -> Ty {
    match k {
        FieldCheckKind::Date => Ty::Date,
        FieldCheckKind::Count | FieldCheckKind::Amount => Ty::Num,
        _ => Ty::Str,
    }
}

impl Pack {
    /// Parse, check and compile a pack against the input shape it judges.
    pub fn from_json(text: &str, shape: &'static Shape) -> Result<Pack, PackErrors> {
        if text.len() > MAX_PACK_BYTES {
            return Err(PackErrors(vec![perr(
                "",
                PackErrorKind::Syntax,
                format!("pack larger than {MAX_PACK_BYTES} bytes"),
            )]));
        }
        let value: Value = serde_json::from_str(text).map_err(|e| {
            PackErrors(vec![perr(
                "",
                PackErrorKind::Syntax,
                format!("not valid JSON: {e}"),
            )])
        })?;
        Self::from_value(value, shape)
    }

    /// Check and compile a pack given as a JSON value.
    pub fn from_value(value: Value, shape: &'static Shape) -> Result<Pack, PackErrors> {
        let canonical = serde_json::to_string(&value).unwrap_or_default();
        let doc: PackDoc = serde_path_to_error::deserialize(&value).map_err(|e| {
            let path = serde_pointer(e.path());
            PackErrors(vec![perr(
                path,
                PackErrorKind::Syntax,
                e.inner().to_string(),
            )])
        })?;
        let hash = format!("sha256:{}", hex(&Sha256::digest(canonical.as_bytes())));
        compile(doc, hash, shape)
    }

    /// A parameter's value.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.doc.parameters.get(name).map(|p| &p.value)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Turn a serde_path_to_error path into a JSON Pointer.
fn serde_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn param_value(name: &str, p: &ParamDoc) -> Result<ParamValue, String> {
    let num = |v: &Value| v.as_f64().filter(|x| x.is_finite());
    let v = match p.ty {
        ParamType::Days | ParamType::Count => {
            let x = num(&p.value).ok_or("must be a number")?;
            if x < 0.0 || x.fract() != 0.0 {
                return Err(format!(
                    "`{name}` must be a whole number ≥ 0, found `{}`",
                    p.value
                ));
            }
            ParamValue::Num(x)
        }
        ParamType::Number => ParamValue::Num(num(&p.value).ok_or("must be a number")?),
        ParamType::Date => {
            let s = p.value.as_str().ok_or("must be a date `YYYY-MM-DD`")?;
            ParamValue::Date(
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| format!("`{s}` is not a date `YYYY-MM-DD`"))?,
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
            return Err(format!("`{name}` must be at least {min}, found {x}"));
        }
        if let Some(max) = p.max.filter(|m| x > *m) {
            return Err(format!("`{name}` must be at most {max}, found {x}"));
        }
    }
    Ok(v)
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic())
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
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
    fn expr(
        &mut self,
        src: &str,
        elem: Option<&'static Shape>,
        want: Option<ExprTy>,
        at: &str,
    ) -> Option<Expr> {
        let scope = Scope {
            doc: self.shape,
            elem,
            params: self.params,
        };
        let r = match want {
            Some(t) => Expr::compile_as(src, &scope, t),
            None => Expr::compile(src, &scope),
        };
        match r {
            Ok(e) => Some(e),
            Err(e) => {
                self.errors.push(perr(
                    at,
                    expr_kind(e.kind),
                    format!("{} (column {})", e.message, e.column),
                ));
                None
            }
        }
    }

    fn array_field(&mut self, name: &str, at: &str) -> Option<(Vec<String>, &'static Shape)> {
        let segs: Vec<&str> = name.split('.').collect();
        match resolve(self.shape, &segs) {
            Some(Resolved::Array(el)) => Some((segs.iter().map(|s| (*s).to_owned()).collect(), el)),
            Some(_) => {
                self.errors.push(perr(
                    at,
                    PackErrorKind::TypeMismatch,
                    format!("`{name}` is not an array field"),
                ));
                None
            }
            None => {
                self.errors.push(perr(
                    at,
                    PackErrorKind::UnknownReference,
                    format!("unknown field `{name}`"),
                ));
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
            self.errors.push(perr(
                at,
                PackErrorKind::UnknownReference,
                format!("unknown field `{name}`"),
            ));
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
                self.errors.push(perr(
                    at,
                    PackErrorKind::UnknownReference,
                    format!("unknown field `{name}`"),
                ));
                return None;
            };
            let Some(fl) = fields.iter().find(|f| f.name == key) else {
                self.errors.push(perr(
                    at,
                    PackErrorKind::UnknownReference,
                    format!("unknown field `{name}`"),
                ));
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
                    format!(
                        "`{name}` is a {} field; this check needs a {} field",
                        t.name(),
                        want.name()
                    ),
                ));
                None
            }
            _ => {
                self.errors.push(perr(
                    at,
                    PackErrorKind::TypeMismatch,
                    format!("`{name}` is not a single value"),
                ));
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
            self.errors.push(perr(
                format!("{at}/check"),
                PackErrorKind::BadRule,
                "a field check needs `check`",
            ));
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
            self.errors.push(perr(
                format!("{at}/fields"),
                PackErrorKind::BadRule,
                "a field check needs `fields`",
            ));
        }
        let allowed = match (&c.allowed, kind) {
            (None, _) => None,
            (Some(p), FieldCheckKind::DistrictCode) => {
                match p.strip_prefix('$').and_then(|n| self.params.param(n)) {
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
                }
            }
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
            checksum_severity: c
                .checksum_severity
                .unwrap_or(c.severity.unwrap_or(rule_sev)),
            severity: c.severity.unwrap_or(rule_sev),
        })
    }

    fn assert_check(&mut self, c: &CheckDoc, rule_sev: Severity, at: &str) -> Option<AssertCheck> {
        self.unused(
            at,
            &[
                ("check", c.check.is_some()),
                ("fields", c.fields.is_some()),
                ("required", c.required.is_some()),
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
        let Some(src) = &c.assert else {
            self.errors.push(perr(
                format!("{at}/assert"),
                PackErrorKind::BadRule,
                "an assertion needs `assert`",
            ));
            return None;
        };
        let assert = self.expr(src, elem, Some(ExprTy::Bool), &format!("{at}/assert"));
        let when = match &c.when {
            Some(w) => Some(self.expr(w, elem, Some(ExprTy::Bool), &format!("{at}/when"))?),
            None => None,
        };
        let path = self.path_in(
            elem.unwrap_or(self.shape),
            c.path.as_deref().unwrap_or(""),
            &format!("{at}/path"),
        );
        let code = match &c.code {
            Some(code) if !code.is_empty() => Some(code.clone()),
            _ => {
                self.errors.push(perr(
                    format!("{at}/code"),
                    PackErrorKind::BadRule,
                    "an assertion needs a `code`",
                ));
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
            when,
            each,
            path: path?,
            code,
            params,
            severity: c.severity.unwrap_or(rule_sev),
        })
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
        let days = need(self, "days", &r.days)
            .and_then(|s| self.expr(&s, Some(el), Some(ExprTy::Num), &format!("{at}/days")));
        let by = need(self, "by", &r.by)
            .and_then(|s| self.expr(&s, None, Some(ExprTy::Date), &format!("{at}/by")));
        let code = need(self, "code", &r.code)?;
        let path = self.path_in(el, r.path.as_deref().unwrap_or(""), &format!("{at}/path"))?;
        if !r.checks.is_empty() {
            self.errors.push(perr(
                format!("{at}/checks"),
                PackErrorKind::BadRule,
                "an isolation rule has no `checks`",
            ));
        }
        self.codes.insert(code.clone());
        self.codes.insert("isolation.arrival_missing".to_owned());
        Some(IsolationRule {
            each,
            when: when?,
            start: start?,
            days: days?,
            by: by?,
            code,
            path,
            severity: sev,
        })
    }
}

fn compile(doc: PackDoc, hash: String, shape: &'static Shape) -> Result<Pack, PackErrors> {
    let mut errors = Vec::new();
    if doc.id.trim().is_empty() {
        errors.push(perr("/id", PackErrorKind::BadRule, "pack id is empty"));
    }
    let effective_from = match NaiveDate::parse_from_str(&doc.effective_from, "%Y-%m-%d") {
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
            Err(m) => errors.push(perr(
                format!("/parameters/{name}/value"),
                PackErrorKind::BadParameter,
                m,
            )),
        }
    }
    let table = ParamTable(params);
    let mut c = Compiler {
        shape,
        params: &table,
        errors,
        codes: ENGINE_CODES.iter().map(|s| (*s).to_owned()).collect(),
    };

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
            c.errors.push(perr(
                format!("/rules/{i}/id"),
                PackErrorKind::BadRule,
                "rule id is empty",
            ));
        }
    }

    let mut rules = Vec::new();
    for (i, r) in doc.rules.iter().enumerate() {
        let at = format!("/rules/{i}");
        let iso_fields = [
            ("each", r.each.is_some()),
            ("when", r.when.is_some()),
            ("start", r.start.is_some()),
            ("days", r.days.is_some()),
            ("by", r.by.is_some()),
            ("code", r.code.is_some()),
            ("path", r.path.is_some()),
        ];
        let severity = match (r.kind, r.severity) {
            (_, Some(s)) => s,
            (RuleKind::Gate, None) => Severity::Error,
            (_, None) => {
                c.errors.push(perr(
                    format!("{at}/severity"),
                    PackErrorKind::BadRule,
                    "a rule needs a `severity`",
                ));
                Severity::Error
            }
        };
        if r.kind != RuleKind::Gate && r.causes.is_some() {
            c.errors.push(perr(
                format!("{at}/causes"),
                PackErrorKind::BadRule,
                "only gates have `causes`",
            ));
        }
        let body = match r.kind {
            RuleKind::Field | RuleKind::Assert | RuleKind::Gate => {
                c.unused(&at, &iso_fields, "field, assert or gate rule");
                let mut checks_f = Vec::new();
                let mut checks_a = Vec::new();
                for (j, ch) in r.checks.iter().enumerate() {
                    let cat = format!("{at}/checks/{j}");
                    if r.kind == RuleKind::Field {
                        checks_f.extend(c.field_check(ch, severity, &cat));
                    } else {
                        checks_a.extend(c.assert_check(ch, severity, &cat));
                    }
                }
                match r.kind {
                    RuleKind::Field => RuleBody::Field(checks_f),
                    RuleKind::Assert => RuleBody::Assert(checks_a),
                    _ => {
                        let causes = r.causes.clone().unwrap_or_default();
                        for (j, cause) in causes.iter().enumerate() {
                            match seen.get(cause.as_str()) {
                                None => c.errors.push(perr(
                                    format!("{at}/causes/{j}"),
                                    PackErrorKind::UnknownReference,
                                    format!("unknown rule `{cause}`"),
                                )),
                                Some(k)
                                    if doc
                                        .rules
                                        .get(*k)
                                        .is_some_and(|x| x.kind == RuleKind::Gate) =>
                                {
                                    c.errors.push(perr(
                                        format!("{at}/causes/{j}"),
                                        PackErrorKind::BadRule,
                                        format!("`{cause}` is a gate; a gate's causes are rules"),
                                    ));
                                }
                                Some(_) => {}
                            }
                        }
                        RuleBody::Gate {
                            causes,
                            checks: checks_a,
                        }
                    }
                }
            }
            RuleKind::Isolation => match c.isolation(r, severity, &at) {
                Some(iso) => RuleBody::Isolation(Box::new(iso)),
                None => continue,
            },
        };
        rules.push(Rule {
            id: r.id.clone(),
            body,
        });
    }

    let messages = Catalogue::from_doc(&doc.messages);
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
    for tag in doc.messages.keys() {
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
    Ok(Pack {
        stamp: PackStamp {
            id: doc.id.clone(),
            version: doc.version.clone(),
            hash,
        },
        effective_from,
        rules,
        messages,
        doc,
    })
}
