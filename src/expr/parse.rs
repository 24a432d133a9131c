//! Parser and type checker of pack expressions (see the module docs of `expr`; the lexer is `lex.rs`).

use chrono::NaiveDate;
use serde::Serialize;

use super::ExprErrorKind::{Syntax, TypeMismatch, UnknownName};
use super::lex::{Tok, describe, lex};
use super::{ExprError, ExprErrorKind, ExprTy, MAX_DEPTH, MAX_NODES, MAX_SOURCE_CHARS, NumCheck, ParamValue, Scope};
use crate::schema::{Resolved, Shape, Ty, resolve};

/// Which document a field reference reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Base {
    /// The whole submission.
    Doc,
    /// The current array element.
    Elem,
}

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FieldKind {
    Leaf(#[serde(with = "super::stored::ty")] Ty),
    Object,
    Array,
    StrList,
    /// A number the pack checks as a count or an amount ([`NumCheck`] says why).
    Checked(NumCheck),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Coalesce,
}

/// Stored in post-order ([`super::stored::FlatNode`]), rebuilt without recursion ([`super::stored::node`]).
#[derive(Debug, Clone, Serialize)]
#[serde(into = "super::stored::FlatNode")]
pub enum Node {
    Num(f64),
    Bool(bool),
    Str(String),
    Date(NaiveDate),
    StrList(Vec<String>),
    Today,
    Field { base: Base, path: Vec<String>, kind: FieldKind, slots: crate::schema::SlotPath },
    Not(Box<Node>),
    Neg(Box<Node>),
    Bin(BinOp, Box<Node>, Box<Node>),
    Present(Box<Node>),
    Days(Box<Node>, Box<Node>),
    Latest(Box<Node>, Box<Node>),
    If(Box<Node>, Box<Node>, Box<Node>),
    AddDays(Box<Node>, Box<Node>),
    Count(Box<Node>, Box<Node>),
    Any(Box<Node>, Box<Node>),
    Size(Box<Node>),
    In(Box<Node>, Box<Node>),
}

/// A typed node while compiling: its type, or `None` for an object/array field.
struct Typed {
    node: Node,
    ty: Option<ExprTy>,
    /// For array fields: the element shape.
    elem: Option<&'static Shape>,
}

/// An expression mistake at `column`, in Chinese (`zh`, zh-CN) and English (`en`).
pub(super) fn err2(column: usize, kind: ExprErrorKind, zh: impl Into<String>, en: impl Into<String>) -> ExprError {
    ExprError { column, message: en.into(), zh: zh.into(), kind }
}

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end_col: usize,
    scope: &'a Scope<'a>,
    /// The element shape while inside `count`/`any`, or from an `each` check.
    elem: Option<&'static Shape>,
    in_iteration: bool,
    depth: usize,
    nodes: usize,
}

/// Parse and type-check an expression.
pub fn compile(src: &str, scope: &Scope<'_>) -> Result<(Node, ExprTy), ExprError> {
    if src.chars().nth(MAX_SOURCE_CHARS).is_some() {
        return Err(err2(
            1,
            Syntax,
            format!("表达式超过 {MAX_SOURCE_CHARS} 个字符"),
            format!("expression longer than {MAX_SOURCE_CHARS} characters"),
        ));
    }
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        end_col: src.chars().count() + 1,
        scope,
        elem: scope.elem,
        in_iteration: false,
        depth: 0,
        nodes: 0,
    };
    let t = p.expr()?;
    if let Some((tok, col)) = p.toks.get(p.pos) {
        let (zh, en) = describe(tok);
        return Err(err2(*col, Syntax, format!("此处不应出现{zh}"), format!("unexpected {en}")));
    }
    t.ty.map(|ty| (t.node, ty)).ok_or_else(|| not_a_value(1))
}

fn not_a_value(col: usize) -> ExprError {
    let zh = "对象或数组不是值；请使用 `present()`、`count()` 或 `size()`";
    err2(col, TypeMismatch, zh, "an object or array is not a value; use present(), count() or size()")
}

impl Parser<'_> {
    fn col(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end_col, |t| t.1)
    }

    fn peek_op(&self, op: &str) -> bool {
        matches!(self.toks.get(self.pos), Some((Tok::Op(o), _)) if *o == op)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let hit = self.peek_op(op);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn expect_op(&mut self, op: &str) -> Result<(), ExprError> {
        if self.eat_op(op) {
            Ok(())
        } else {
            let (zh, en) = self
                .toks
                .get(self.pos)
                .map_or_else(|| ("表达式结尾".to_owned(), "end of expression".to_owned()), |t| describe(&t.0));
            let zh = format!("应为 `{op}`，实际为{zh}");
            Err(err2(self.col(), Syntax, zh, format!("expected `{op}`, found {en}")))
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        self.nodes += 1;
        // Each level of nesting a pack's author writes (a bracket, a function's argument) is
        // three frames here (`expr`, `unary`, `primary`): [`MAX_DEPTH`] levels are allowed, as
        // the message says (documents audit, thirty-ninth session: 10 brackets were refused as
        // "deeper than 32").
        if self.depth > 3 * (MAX_DEPTH + 1) {
            let (zh, en) =
                (format!("表达式嵌套超过 {MAX_DEPTH} 层"), format!("expression nested deeper than {MAX_DEPTH}"));
            return Err(err2(self.col(), Syntax, zh, en));
        }
        if self.nodes > MAX_NODES {
            let (zh, en) =
                (format!("表达式的组成部分多于 {MAX_NODES} 个"), format!("expression has more than {MAX_NODES} parts"));
            return Err(err2(self.col(), Syntax, zh, en));
        }
        Ok(())
    }

    fn value(&self, t: &Typed, col: usize) -> Result<ExprTy, ExprError> {
        t.ty.ok_or_else(|| not_a_value(col))
    }

    /// An operand of `what` (an operator, or "arithmetic") of type `want`.
    fn want(&self, t: &Typed, want: ExprTy, col: usize, what: &str) -> Result<(), ExprError> {
        let zh_what = if what == "arithmetic" { "算术运算".to_owned() } else { format!("{what} ") };
        self.want_as(t, want, col, what, &format!("{zh_what}需要"))
    }

    /// A part of `what` of type `want`; in Chinese "{zh_lead}{want}，实际为…", with the function as
    /// code and which of its parts is meant: "`days()` 的第一个参数应为日期，实际为数字".
    fn want_as(&self, t: &Typed, want: ExprTy, col: usize, what: &str, zh_lead: &str) -> Result<(), ExprError> {
        let ty = self.value(t, col)?;
        if ty == want {
            Ok(())
        } else {
            let zh = format!("{zh_lead}{}，实际为{}", want.name_zh(), ty.name_zh());
            Err(err2(col, TypeMismatch, zh, format!("{what} needs a {}, found a {}", want.name(), ty.name())))
        }
    }

    fn expr(&mut self) -> Result<Typed, ExprError> {
        self.enter()?;
        let col = self.col();
        let mut left = self.and()?;
        while self.eat_op("||") {
            let rcol = self.col();
            let right = self.and()?;
            self.want(&left, ExprTy::Bool, col, "`||`")?;
            self.want(&right, ExprTy::Bool, rcol, "`||`")?;
            left = bin(BinOp::Or, left, right, ExprTy::Bool);
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Typed, ExprError> {
        let col = self.col();
        let mut left = self.cmp()?;
        while self.eat_op("&&") {
            let rcol = self.col();
            let right = self.cmp()?;
            self.want(&left, ExprTy::Bool, col, "`&&`")?;
            self.want(&right, ExprTy::Bool, rcol, "`&&`")?;
            left = bin(BinOp::And, left, right, ExprTy::Bool);
        }
        Ok(left)
    }

    fn cmp(&mut self) -> Result<Typed, ExprError> {
        let col = self.col();
        let left = self.add()?;
        let ops = [
            ("==", BinOp::Eq),
            ("!=", BinOp::Ne),
            ("<=", BinOp::Le),
            (">=", BinOp::Ge),
            ("<", BinOp::Lt),
            (">", BinOp::Gt),
        ];
        for (sym, op) in ops {
            if self.eat_op(sym) {
                let rcol = self.col();
                let right = self.add()?;
                let lt = self.value(&left, col)?;
                let rt = self.value(&right, rcol)?;
                if lt != rt {
                    return Err(err2(
                        col,
                        TypeMismatch,
                        format!("{}不能与{}比较", lt.name_zh(), rt.name_zh()),
                        format!("cannot compare a {} with a {}", lt.name(), rt.name()),
                    ));
                }
                let ordered = matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
                if ordered && !matches!(lt, ExprTy::Num | ExprTy::Date) {
                    return Err(err2(
                        col,
                        TypeMismatch,
                        format!("`{sym}` 需要数字或日期，实际为{}", lt.name_zh()),
                        format!("`{sym}` needs numbers or dates, found a {}", lt.name()),
                    ));
                }
                if lt == ExprTy::StrList {
                    let zh = "列表不能比较；请使用 `in()`";
                    return Err(err2(col, TypeMismatch, zh, "lists cannot be compared; use in()"));
                }
                return Ok(bin(op, left, right, ExprTy::Bool));
            }
        }
        Ok(left)
    }

    fn add(&mut self) -> Result<Typed, ExprError> {
        self.arithmetic(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::mul)
    }

    fn mul(&mut self) -> Result<Typed, ExprError> {
        self.arithmetic(&[("*", BinOp::Mul), ("/", BinOp::Div)], Self::unary)
    }

    /// A left-associative chain of number operators over operands parsed by `next`.
    fn arithmetic(
        &mut self,
        ops: &[(&str, BinOp)],
        next: fn(&mut Self) -> Result<Typed, ExprError>,
    ) -> Result<Typed, ExprError> {
        let col = self.col();
        let mut left = next(self)?;
        loop {
            let Some(op) = ops.iter().find(|(sym, _)| self.eat_op(sym)).map(|(_, op)| *op) else {
                return Ok(left);
            };
            let rcol = self.col();
            let right = next(self)?;
            self.want(&left, ExprTy::Num, col, "arithmetic")?;
            self.want(&right, ExprTy::Num, rcol, "arithmetic")?;
            left = bin(op, left, right, ExprTy::Num);
        }
    }

    fn unary(&mut self) -> Result<Typed, ExprError> {
        self.enter()?;
        let col = self.col();
        let out = if self.eat_op("!") {
            let inner = self.unary()?;
            self.want(&inner, ExprTy::Bool, col, "`!`")?;
            typed(Node::Not(Box::new(inner.node)), ExprTy::Bool)
        } else if self.eat_op("-") {
            let inner = self.unary()?;
            self.want(&inner, ExprTy::Num, col, "`-`")?;
            typed(Node::Neg(Box::new(inner.node)), ExprTy::Num)
        } else {
            self.coalesce()?
        };
        self.depth -= 1;
        Ok(out)
    }

    fn coalesce(&mut self) -> Result<Typed, ExprError> {
        let col = self.col();
        let mut left = self.primary()?;
        while self.eat_op("??") {
            let rcol = self.col();
            let right = self.primary()?;
            let lt = self.value(&left, col)?;
            let rt = self.value(&right, rcol)?;
            if lt != rt {
                return Err(err2(
                    rcol,
                    TypeMismatch,
                    format!("`??` 两侧类型须相同，实际为{}和{}", lt.name_zh(), rt.name_zh()),
                    format!("`??` needs the same type on both sides, found a {} and a {}", lt.name(), rt.name()),
                ));
            }
            left = bin(BinOp::Coalesce, left, right, lt);
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Typed, ExprError> {
        self.enter()?;
        let col = self.col();
        let Some((tok, _)) = self.toks.get(self.pos).cloned() else {
            return Err(err2(col, Syntax, "表达式提前结束", "expression ends too early"));
        };
        self.pos += 1;
        let out = match tok {
            Tok::Num(n) => typed(Node::Num(n), ExprTy::Num),
            Tok::Str(s) => typed(Node::Str(s), ExprTy::Str),
            Tok::Op("(") => {
                let inner = self.expr()?;
                self.expect_op(")")?;
                inner
            }
            Tok::Op(o) => {
                return Err(err2(col, Syntax, format!("此处不应出现 `{o}`"), format!("unexpected `{o}`")));
            }
            Tok::Param(name) => self.param(&name, col)?,
            Tok::Ident(name) => {
                if self.peek_op("(") {
                    self.pos += 1;
                    self.call(&name, col)?
                } else {
                    match name.as_str() {
                        "true" => typed(Node::Bool(true), ExprTy::Bool),
                        "false" => typed(Node::Bool(false), ExprTy::Bool),
                        "today" => typed(Node::Today, ExprTy::Date),
                        _ => self.field(&name, col)?,
                    }
                }
            }
        };
        self.depth -= 1;
        Ok(out)
    }

    fn param(&self, name: &str, col: usize) -> Result<Typed, ExprError> {
        let Some(v) = self.scope.params.param(name) else {
            let (zh, en) = (format!("未知的参数 `${name}`"), format!("unknown parameter `${name}`"));
            return Err(err2(col, UnknownName, zh, en));
        };
        Ok(match v {
            ParamValue::Num(x) => typed(Node::Num(*x), ExprTy::Num),
            ParamValue::Bool(b) => typed(Node::Bool(*b), ExprTy::Bool),
            ParamValue::Date(d) => typed(Node::Date(*d), ExprTy::Date),
            ParamValue::Str(s) => typed(Node::Str(s.clone()), ExprTy::Str),
            ParamValue::StrList(l) => typed(Node::StrList(l.clone()), ExprTy::StrList),
        })
    }

    fn field(&self, name: &str, col: usize) -> Result<Typed, ExprError> {
        let segs: Vec<&str> = name.split('.').collect();
        let found = match self.elem.and_then(|el| resolve(el, &segs)) {
            Some(r) => Some((Base::Elem, r)),
            None => resolve(self.scope.doc, &segs).map(|r| (Base::Doc, r)),
        };
        let Some((base, r)) = found else {
            let (zh, en) = (format!("未知的字段 `{name}`"), format!("unknown field `{name}`"));
            return Err(err2(col, UnknownName, zh, en));
        };
        let path = segs.iter().map(|s| (*s).to_owned()).collect();
        Ok(match r {
            Resolved::Leaf(t) => typed(Node::field(base, path, FieldKind::Leaf(t)), leaf_ty(t)),
            Resolved::Object => Typed { node: Node::field(base, path, FieldKind::Object), ty: None, elem: None },
            Resolved::StrList => typed(Node::field(base, path, FieldKind::StrList), ExprTy::StrList),
            Resolved::Array(el) => Typed { node: Node::field(base, path, FieldKind::Array), ty: None, elem: Some(el) },
        })
    }

    fn args_end(&mut self) -> Result<(), ExprError> {
        self.expect_op(")")
    }

    /// One argument with its column, then `,` (or `)` after the last).
    fn arg(&mut self, last: bool) -> Result<(Typed, usize), ExprError> {
        let col = self.col();
        let a = self.expr()?;
        self.expect_op(if last { ")" } else { "," })?;
        Ok((a, col))
    }

    /// `a, b)` — two arguments with their columns.
    #[allow(clippy::type_complexity)]
    fn two_args(&mut self) -> Result<((Typed, usize), (Typed, usize)), ExprError> {
        Ok((self.arg(false)?, self.arg(true)?))
    }

    fn call(&mut self, name: &str, col: usize) -> Result<Typed, ExprError> {
        match name {
            "present" => {
                let a = self.expr()?;
                self.args_end()?;
                Ok(typed(Node::Present(Box::new(a.node)), ExprTy::Bool))
            }
            "days" | "addDays" | "latest" => {
                let ((a, acol), (b, bcol)) = self.two_args()?;
                self.want_as(&a, ExprTy::Date, acol, name, &format!("`{name}()` 的第一个参数应为"))?;
                let second = if name == "addDays" { ExprTy::Num } else { ExprTy::Date };
                self.want_as(&b, second, bcol, name, &format!("`{name}()` 的第二个参数应为"))?;
                let (a, b) = (Box::new(a.node), Box::new(b.node));
                Ok(match name {
                    "days" => typed(Node::Days(a, b), ExprTy::Num),
                    "addDays" => typed(Node::AddDays(a, b), ExprTy::Date),
                    _ => typed(Node::Latest(a, b), ExprTy::Date),
                })
            }
            "if" => {
                let (c, ccol) = self.arg(false)?;
                let ((a, acol), (b, bcol)) = self.two_args()?;
                self.want_as(&c, ExprTy::Bool, ccol, "if()", "`if()` 的条件应为")?;
                let ty = self.value(&a, acol)?;
                self.want_as(&b, ty, bcol, "if()", "`if()` 的第三个参数应与第二个参数同为")?;
                Ok(typed(Node::If(Box::new(c.node), Box::new(a.node), Box::new(b.node)), ty))
            }
            "date" => {
                let acol = self.col();
                let Some((Tok::Str(s), _)) = self.toks.get(self.pos).cloned() else {
                    let zh = "`date()` 需要直接写出日期，如 \"2020-02-10\"";
                    return Err(err2(acol, Syntax, zh, "date() takes a literal like \"2020-02-10\""));
                };
                self.pos += 1;
                self.args_end()?;
                let d = crate::time::parse_iso_date(&s).ok_or_else(|| {
                    let (zh, en) =
                        (format!("`{s}` 不是日期（YYYY-MM-DD）"), format!("`{s}` is not a date (YYYY-MM-DD)"));
                    err2(acol, Syntax, zh, en)
                })?;
                Ok(typed(Node::Date(d), ExprTy::Date))
            }
            "count" | "any" => {
                let acol = self.col();
                if self.in_iteration {
                    return Err(err2(
                        col,
                        Syntax,
                        format!("`{name}()` 不能嵌套在另一个 `count()` 或 `any()` 之中"),
                        format!("{name}() cannot be nested inside another count() or any()"),
                    ));
                }
                let arr = self.expr()?;
                let Some(el) = arr.elem else {
                    return Err(err2(
                        acol,
                        TypeMismatch,
                        format!("`{name}()` 的第一个参数应为数组字段"),
                        format!("{name}() needs an array field as first argument"),
                    ));
                };
                self.expect_op(",")?;
                let saved = self.elem;
                self.elem = Some(el);
                self.in_iteration = true;
                let ccol = self.col();
                let cond = self.expr();
                self.elem = saved;
                self.in_iteration = false;
                let cond = cond?;
                self.want_as(&cond, ExprTy::Bool, ccol, name, &format!("`{name}()` 的条件应为"))?;
                self.args_end()?;
                if name == "count" {
                    Ok(typed(Node::Count(Box::new(arr.node), Box::new(cond.node)), ExprTy::Num))
                } else {
                    Ok(typed(Node::Any(Box::new(arr.node), Box::new(cond.node)), ExprTy::Bool))
                }
            }
            "size" => {
                let acol = self.col();
                let arr = self.expr()?;
                self.args_end()?;
                if arr.elem.is_none() && arr.ty != Some(ExprTy::StrList) {
                    return Err(err2(acol, TypeMismatch, "`size()` 需要数组字段", "size() needs an array field"));
                }
                Ok(typed(Node::Size(Box::new(arr.node)), ExprTy::Num))
            }
            "in" => {
                let ((a, acol), (b, bcol)) = self.two_args()?;
                self.want_as(&a, ExprTy::Str, acol, "in()", "`in()` 的第一个参数应为")?;
                self.want_as(&b, ExprTy::StrList, bcol, "in()", "`in()` 的第二个参数应为")?;
                Ok(typed(Node::In(Box::new(a.node), Box::new(b.node)), ExprTy::Bool))
            }
            _ => Err(err2(col, UnknownName, format!("未知的函数 `{name}`"), format!("unknown function `{name}`"))),
        }
    }
}

fn leaf_ty(t: Ty) -> ExprTy {
    match t {
        Ty::Str => ExprTy::Str,
        Ty::Num => ExprTy::Num,
        Ty::Bool => ExprTy::Bool,
        Ty::Date => ExprTy::Date,
    }
}

fn typed(node: Node, ty: ExprTy) -> Typed {
    Typed { node, ty: Some(ty), elem: None }
}

fn bin(op: BinOp, l: Typed, r: Typed, ty: ExprTy) -> Typed {
    typed(Node::Bin(op, Box::new(l.node), Box::new(r.node)), ty)
}
