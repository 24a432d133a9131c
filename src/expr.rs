//! The pack expression language: small, typed, bounded.
//!
//! Cross-field rules are written in packs as expressions such as
//! `staff.local + staff.fromOutside == staff.returning` or
//! `days(filedOn, plannedResumption) >= $leadDays`. They are parsed and type-checked when
//! the pack loads — a misspelt field or a comparison of a date with a number is a load
//! error — and evaluated many times.
//!
//! Grammar (lowest precedence first):
//!
//! ```text
//! expr    := and ( "||" and )*
//! and     := cmp ( "&&" cmp )*
//! cmp     := add ( ("==" | "!=" | "<" | "<=" | ">" | ">=") add )?
//! add     := mul ( ("+" | "-") mul )*
//! mul     := unary ( ("*" | "/") unary )*
//! unary   := ("!" | "-") unary | coalesce
//! coalesce:= primary ( "??" primary )*          // x ?? 0: x, or 0 when x is missing
//! primary := number | "text" | true | false | today | $param | field | call | "(" expr ")"
//! call    := present(e) | days(d1, d2) | addDays(d, n) | latest(d1, d2) | if(cond, a, b) | date("2020-02-10")
//!          | count(array, cond) | any(array, cond) | size(array) | in(text, $list)
//! ```
//!
//! Types are number, boolean, date and text. A missing or unusable field is *unknown*;
//! unknown propagates (`&&`/`||` use three-valued logic), and a check whose condition is
//! unknown is not judged. `count`/`any` evaluate a condition over each element of an
//! array (inside, bare names are the element's fields); they cannot be nested, so every
//! expression runs in time linear in its size times the input's size. Source length,
//! node count and nesting depth are capped, so a hostile pack cannot hang a browser.

mod cost;
mod eval;
mod lex;
pub(crate) mod parse;
pub mod stored;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::schema::Shape;

/// Numbers as JSON and as text, as [`crate::num`] prints them.
pub use crate::num::{json as num_json, text as num_text};
pub use eval::{Env, Missing, Val};

/// A field read by an expression: the array it is an element field of (if any) and its path.
pub type FieldRef<'n> = (Option<&'n [String]>, &'n [String]);

/// Longest expression source accepted, in characters.
pub const MAX_SOURCE_CHARS: usize = 2000;
/// Most syntax nodes in one expression.
pub const MAX_NODES: usize = 400;
/// Deepest nesting of one expression.
pub const MAX_DEPTH: usize = 32;

/// How a number field is checked (`parse::FieldKind::Checked`): a value the pack's `field`
/// rule refuses is not computed with by its other rules, as a value of the wrong type is not
/// (forms audit, twenty-fifth session: `unreachable: -1` passed gate RTW-G6, and `masks: -1`
/// was shown as "现有-1只" beside its own `count.negative`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NumCheck {
    /// A whole number from 0 to 2^53 − 1 (`count`).
    Count,
    /// A number from 0 to 2^53 − 1 (`amount`).
    Amount,
}

impl NumCheck {
    /// What is wrong with `x` for this check (the last word of the code `count.negative`,
    /// `count.fraction`, `count.too_large`, `amount.…`), or `None` when it is fine.
    pub fn refuses(self, x: f64) -> Option<&'static str> {
        use validator::ValidateRange;
        match () {
            _ if !x.validate_range(Some(0.0), None, None, None) => Some("negative"),
            _ if self == NumCheck::Count && x.fract() != 0.0 => Some("fraction"),
            // Past 2^53 − 1 no whole number is exact; rules computing with it (9e307 × 6 masks)
            // overflowed into "undecided", and the filing was approved (packs audit).
            _ if x > crate::num::MAX_EXACT => Some("too_large"),
            _ => None,
        }
    }
}

/// The type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExprTy {
    /// A number.
    Num,
    /// A boolean.
    Bool,
    /// A calendar date.
    Date,
    /// Text.
    Str,
    /// A list of texts (only from parameters, only for `in`).
    StrList,
}

impl ExprTy {
    /// The name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            ExprTy::Num => "number",
            ExprTy::Bool => "boolean",
            ExprTy::Date => "date",
            ExprTy::Str => "text",
            ExprTy::StrList => "list of texts",
        }
    }

    /// [`Self::name`] in Chinese (zh-CN).
    pub fn name_zh(self) -> &'static str {
        match self {
            ExprTy::Num => "数字",
            ExprTy::Bool => "是/否值",
            ExprTy::Date => "日期",
            ExprTy::Str => "文本",
            ExprTy::StrList => "文本列表",
        }
    }
}

/// A parameter value as the expression compiler sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ParamValue {
    /// A number.
    Num(f64),
    /// A boolean.
    Bool(bool),
    /// A date.
    Date(#[serde(with = "stored::date")] NaiveDate),
    /// A text.
    Str(String),
    /// A list of texts.
    StrList(Vec<String>),
}

/// Looks parameters up by name at compile time.
pub trait Params {
    /// The value of `$name`, if the pack has it.
    fn param(&self, name: &str) -> Option<&ParamValue>;
}

/// What an expression may refer to.
pub struct Scope<'a> {
    /// The submission's shape.
    pub doc: &'static Shape,
    /// The element shape when the expression is evaluated per array element (`each`).
    pub elem: Option<&'static Shape>,
    /// Pack parameters.
    pub params: &'a dyn Params,
}

/// A compile error: what is wrong and at which character of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// 1-based character column in the expression source.
    pub column: usize,
    /// What is wrong, in English (lower-case, one line).
    pub message: String,
    /// What is wrong, in Chinese (zh-CN, one line).
    pub zh: String,
    /// Whether the mistake is a type mismatch (as opposed to syntax or a name).
    pub kind: ExprErrorKind,
}

/// The kind of an expression error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    /// Not well-formed, or too large.
    Syntax,
    /// A field or parameter that does not exist.
    UnknownName,
    /// Operands or arguments of the wrong type.
    TypeMismatch,
}

/// A parsed and type-checked expression.
#[derive(Debug, Clone, Serialize)]
pub struct Expr {
    node: parse::Node,
    ty: ExprTy,
    source: String,
}

impl Expr {
    /// Parse and type-check `source` in `scope`.
    pub fn compile(source: &str, scope: &Scope<'_>) -> Result<Expr, ExprError> {
        let (node, ty) = parse::compile(source, scope)?;
        Ok(Expr { node, ty, source: source.to_owned() })
    }

    /// Parse, type-check and require a type.
    pub fn compile_as(source: &str, scope: &Scope<'_>, want: ExprTy) -> Result<Expr, ExprError> {
        let e = Self::compile(source, scope)?;
        if e.ty != want {
            return Err(ExprError {
                column: 1,
                zh: format!("表达式的结果是{}，此处应为{}", e.ty.name_zh(), want.name_zh()),
                message: format!("expression is a {}, expected a {}", e.ty.name(), want.name()),
                kind: ExprErrorKind::TypeMismatch,
            });
        }
        Ok(e)
    }

    /// The expression's type.
    pub fn ty(&self) -> ExprTy {
        self.ty
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Evaluate against a document.
    pub fn eval<'a>(&'a self, env: &Env<'a>) -> Val<'a> {
        eval::eval(&self.node, env)
    }

    /// The missing fields that make this expression unknown (nothing when it is known).
    /// `at` locates `env.elem` for checks per array element.
    pub fn needs<'a>(&'a self, env: &Env<'a>, at: Option<(&'a [String], usize)>, out: &mut Vec<Missing<'a>>) {
        eval::needs(&self.node, env, at, out);
    }

    /// Every field the expression reads; `elem` is the array its bare names are elements of.
    pub fn reads<'a>(&'a self, elem: Option<&'a [String]>, out: &mut Vec<FieldRef<'a>>) {
        eval::reads(&self.node, elem, out);
    }

    /// How deeply it loops over whole collections of the submission (`count`, `any`, `in`
    /// over a document field): 0 for a constant cost, 1 for a cost linear in a collection, 2
    /// and more for a loop inside such a loop. The pack compiler's cost model (`cost.rs`).
    pub fn collection_loops(&self) -> usize {
        cost::collection_loops(&self.node)
    }

    /// The steps evaluating it once takes on `doc` (`elem`: the current item): one per node
    /// and one per element an aggregate visits (the work budget, `crate::budget`).
    pub fn work(&self, doc: &Value, elem: Option<&Value>) -> u64 {
        cost::work(&self.node, doc, elem)
    }

    /// An upper bound of [`Self::work`] on any document whose arrays have at most `l` elements.
    pub fn work_bound(&self, l: u64) -> u64 {
        cost::bound(&self.node, l)
    }

    /// The closed range this expression holds one field to, when it is exactly such a check:
    /// `f >= a && f <= b` (either side of each comparison; `a`, `b` numbers or parameters).
    /// A form's `min` and `max` (describe): a range is a limit of the value, where a single
    /// threshold (`preventionTeamSize >= 2`) is a requirement the engine words itself.
    pub fn range<'a>(&'a self, elem: Option<&'a [String]>) -> Option<(FieldRef<'a>, f64, f64)> {
        use parse::{BinOp, Node};
        /// `f >= x` as (f, x, true), `f <= x` as (f, x, false), either way round.
        fn bound(n: &Node) -> Option<(&[String], f64, bool)> {
            match n {
                Node::Bin(op @ (BinOp::Ge | BinOp::Le), a, b) => match (&**a, &**b) {
                    (Node::Field { path, .. }, Node::Num(x)) => Some((path, *x, *op == BinOp::Ge)),
                    (Node::Num(x), Node::Field { path, .. }) => Some((path, *x, *op == BinOp::Le)),
                    _ => None,
                },
                _ => None,
            }
        }
        let Node::Bin(BinOp::And, a, b) = &self.node else { return None };
        let ((fa, xa, lower_a), (fb, xb, lower_b)) = (bound(a)?, bound(b)?);
        let (min, max) = match (lower_a, lower_b) {
            (true, false) => (xa, xb),
            (false, true) => (xb, xa),
            _ => return None,
        };
        (fa == fb && min <= max).then_some(((elem, fa), min, max))
    }

    /// The fields it needs whatever the other values are (for a form's `required`).
    pub fn always_needs<'a>(&'a self, elem: Option<&'a [String]>, out: &mut Vec<FieldRef<'a>>) {
        eval::always_needs(&self.node, elem, out);
    }

    /// The fields it may ask for, for some values of the others (for a form's `requiredWhen`).
    pub fn may_need<'a>(&'a self, elem: Option<&'a [String]>, out: &mut Vec<FieldRef<'a>>) {
        eval::may_need(&self.node, elem, out);
    }

    /// The collection a condition `present(xs)` asks about (`roster`), if that is all it is: a
    /// check under it reads its elements' fields only when there are some.
    pub fn presence_of(&self) -> Option<&[String]> {
        match &self.node {
            parse::Node::Present(a) => match a.as_ref() {
                parse::Node::Field { base: parse::Base::Doc, path, .. } => Some(path),
                _ => None,
            },
            _ => None,
        }
    }

    /// Mark the number fields the pack checks as counts or amounts (`checked`: field ids as
    /// packs write them, `staff.total`, `roster[].days`), so that a value the check refuses is
    /// not computed with ([`parse::FieldKind::Checked`]). `elem`: the id of the array its bare
    /// names are element fields of (`roster[]`).
    #[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
    pub(crate) fn mark_checked(&mut self, elem: Option<&str>, checked: &[(String, NumCheck)]) {
        if !checked.is_empty() {
            mark(&mut self.node, elem, checked);
        }
    }

    /// Evaluate a condition: `Some(true/false)`, or `None` when unknown.
    pub fn truth(&self, env: &Env<'_>) -> Option<bool> {
        match self.eval(env) {
            Val::Bool(b) => Some(b),
            _ => None,
        }
    }
}

/// [`Expr::mark_checked`] of one node. Not under `present()`: a value the check refuses is
/// still given.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
fn mark(node: &mut parse::Node, elem: Option<&str>, checked: &[(String, NumCheck)]) {
    use parse::{Base, FieldKind, Node};
    let id = |base: Base, path: &[String], elem: Option<&str>| -> Option<String> {
        let rel = path.join(".");
        match base {
            Base::Doc => Some(rel),
            Base::Elem => elem.map(|e| format!("{e}.{rel}")),
        }
    };
    match node {
        Node::Field { base, path, kind, .. } => {
            if *kind == FieldKind::Leaf(crate::schema::Ty::Num)
                && let Some(id) = id(*base, path, elem)
                && let Some((_, c)) = checked.iter().find(|(f, _)| *f == id)
            {
                *kind = FieldKind::Checked(*c);
            }
        }
        Node::Count(arr, cond) | Node::Any(arr, cond) => {
            mark(arr, elem, checked);
            let inner = match arr.as_ref() {
                Node::Field { base, path, .. } => id(*base, path, elem).map(|i| format!("{i}[]")),
                _ => None,
            };
            mark(cond, inner.as_deref(), checked);
        }
        Node::Not(a) | Node::Neg(a) | Node::Size(a) => mark(a, elem, checked),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) | Node::In(a, b) => {
            mark(a, elem, checked);
            mark(b, elem, checked);
        }
        Node::If(c, a, b) => {
            mark(c, elem, checked);
            mark(a, elem, checked);
            mark(b, elem, checked);
        }
        Node::Present(_)
        | Node::Num(_)
        | Node::Bool(_)
        | Node::Str(_)
        | Node::Date(_)
        | Node::StrList(_)
        | Node::Today => {}
    }
}

/// Turn a value into JSON for diagnostic `params` (whole numbers print without `.0`).
pub fn to_json(v: &Val<'_>) -> Value {
    match v {
        Val::Num(x) => crate::num::json(*x),
        Val::Bool(b) => Value::Bool(*b),
        Val::Date(d) => Value::String(crate::time::fmt_date(*d)),
        Val::Str(s) => Value::String((*s).to_owned()),
        Val::Unknown => Value::Null,
    }
}
