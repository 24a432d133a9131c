//! Evaluation of compiled expressions with three-valued logic.

use chrono::{Days, NaiveDate};
use serde_json::Value;

use super::parse::{Base, BinOp, FieldKind, Node};
use crate::schema::Ty;

/// What an expression is evaluated against.
#[derive(Debug, Clone, Copy)]
pub struct Env<'v> {
    /// The canonical submission.
    pub doc: &'v Value,
    /// The current array element, for `each` checks.
    pub elem: Option<&'v Value>,
    /// Today in China Standard Time.
    pub today: NaiveDate,
}

impl<'v> Env<'v> {
    /// The same environment with another current element.
    pub fn with_elem(&self, elem: &'v Value) -> Env<'v> {
        Env { elem: Some(elem), ..*self }
    }
}

/// A value during evaluation. `Unknown` is a missing or unusable field, or anything
/// computed from one.
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'v> {
    /// A finite number.
    Num(f64),
    /// A boolean.
    Bool(bool),
    /// A date.
    Date(NaiveDate),
    /// Non-blank text.
    Str(&'v str),
    /// Missing or unusable.
    Unknown,
}

enum Raw<'v> {
    Val(Val<'v>),
    Present(bool),
    Array(Option<&'v Vec<Value>>),
    List(Vec<&'v str>),
}

fn lookup<'v>(root: &'v Value, path: &[String]) -> Option<&'v Value> {
    let mut here = root;
    for seg in path {
        here = here.get(seg.as_str())?;
    }
    if here.is_null() { None } else { Some(here) }
}

fn field<'v>(base: Base, path: &[String], kind: FieldKind, env: &Env<'v>) -> Raw<'v> {
    let root = match base {
        Base::Doc => Some(env.doc),
        Base::Elem => env.elem,
    };
    let v = root.and_then(|r| lookup(r, path));
    match kind {
        FieldKind::Object => Raw::Present(v.is_some_and(Value::is_object)),
        FieldKind::Array => Raw::Array(v.and_then(Value::as_array)),
        FieldKind::StrList => Raw::List(
            v.and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default(),
        ),
        FieldKind::Leaf(t) => Raw::Val(match (t, v) {
            (Ty::Num, Some(Value::Number(n))) => n.as_f64().filter(|x| x.is_finite()).map_or(Val::Unknown, Val::Num),
            (Ty::Bool, Some(Value::Bool(b))) => Val::Bool(*b),
            (Ty::Str, Some(Value::String(s))) if !s.trim().is_empty() => Val::Str(s),
            (Ty::Date, Some(Value::String(s))) => crate::time::parse_iso_date(s).map_or(Val::Unknown, Val::Date),
            _ => Val::Unknown,
        }),
    }
}

fn raw<'v>(node: &'v Node, env: &Env<'v>) -> Raw<'v> {
    match node {
        Node::Field { base, path, kind } => field(*base, path, *kind, env),
        Node::StrList(l) => Raw::List(l.iter().map(String::as_str).collect()),
        other => Raw::Val(eval(other, env)),
    }
}

fn num(x: f64) -> Val<'static> {
    if x.is_finite() { Val::Num(x) } else { Val::Unknown }
}

/// Evaluate a node.
pub fn eval<'v>(node: &'v Node, env: &Env<'v>) -> Val<'v> {
    match node {
        Node::Num(x) => Val::Num(*x),
        Node::Bool(b) => Val::Bool(*b),
        Node::Str(s) => Val::Str(s),
        Node::Date(d) => Val::Date(*d),
        Node::Today => Val::Date(env.today),
        Node::StrList(_) => Val::Unknown,
        Node::Field { .. } => match raw(node, env) {
            Raw::Val(v) => v,
            _ => Val::Unknown,
        },
        Node::Not(a) => match eval(a, env) {
            Val::Bool(b) => Val::Bool(!b),
            _ => Val::Unknown,
        },
        Node::Neg(a) => match eval(a, env) {
            Val::Num(x) => num(-x),
            _ => Val::Unknown,
        },
        Node::Present(a) => Val::Bool(match raw(a, env) {
            Raw::Val(v) => v != Val::Unknown,
            Raw::Present(p) => p,
            Raw::Array(a) => a.is_some_and(|a| !a.is_empty()),
            Raw::List(l) => !l.is_empty(),
        }),
        Node::Days(a, b) => match (eval(a, env), eval(b, env)) {
            (Val::Date(x), Val::Date(y)) => Val::Num((y - x).num_days() as f64),
            _ => Val::Unknown,
        },
        Node::If(c, a, b) => match eval(c, env) {
            Val::Bool(true) => eval(a, env),
            Val::Bool(false) => eval(b, env),
            _ => Val::Unknown,
        },
        Node::Latest(a, b) => match (eval(a, env), eval(b, env)) {
            (Val::Date(x), Val::Date(y)) => Val::Date(x.max(y)),
            (Val::Date(x), _) | (_, Val::Date(x)) => Val::Date(x),
            _ => Val::Unknown,
        },
        Node::AddDays(a, b) => match (eval(a, env), eval(b, env)) {
            (Val::Date(d), Val::Num(n)) if n.fract() == 0.0 && n.abs() < 1.0e6 => {
                let moved = if n >= 0.0 {
                    d.checked_add_days(Days::new(n as u64))
                } else {
                    d.checked_sub_days(Days::new((-n) as u64))
                };
                moved.map_or(Val::Unknown, Val::Date)
            }
            _ => Val::Unknown,
        },
        Node::Count(arr, cond) => match raw(arr, env) {
            Raw::Array(Some(items)) => {
                Val::Num(items.iter().filter(|it| eval(cond, &env.with_elem(it)) == Val::Bool(true)).count() as f64)
            }
            _ => Val::Unknown,
        },
        Node::Any(arr, cond) => match raw(arr, env) {
            Raw::Array(Some(items)) => {
                Val::Bool(items.iter().any(|it| eval(cond, &env.with_elem(it)) == Val::Bool(true)))
            }
            Raw::Array(None) => Val::Bool(false),
            _ => Val::Unknown,
        },
        Node::Size(arr) => match raw(arr, env) {
            Raw::Array(Some(items)) => Val::Num(items.len() as f64),
            Raw::List(l) => Val::Num(l.len() as f64),
            _ => Val::Unknown,
        },
        Node::In(a, list) => match (eval(a, env), raw(list, env)) {
            (Val::Str(s), Raw::List(l)) => Val::Bool(l.contains(&s)),
            _ => Val::Unknown,
        },
        Node::Bin(op, a, b) => binary(*op, a, b, env),
    }
}

fn binary<'v>(op: BinOp, a: &'v Node, b: &'v Node, env: &Env<'v>) -> Val<'v> {
    match op {
        BinOp::And => match (eval(a, env), eval(b, env)) {
            (Val::Bool(false), _) | (_, Val::Bool(false)) => Val::Bool(false),
            (Val::Bool(true), Val::Bool(true)) => Val::Bool(true),
            _ => Val::Unknown,
        },
        BinOp::Or => match (eval(a, env), eval(b, env)) {
            (Val::Bool(true), _) | (_, Val::Bool(true)) => Val::Bool(true),
            (Val::Bool(false), Val::Bool(false)) => Val::Bool(false),
            _ => Val::Unknown,
        },
        BinOp::Coalesce => match eval(a, env) {
            Val::Unknown => eval(b, env),
            v => v,
        },
        _ => {
            let (x, y) = (eval(a, env), eval(b, env));
            match (op, x, y) {
                (_, Val::Unknown, _) | (_, _, Val::Unknown) => Val::Unknown,
                (BinOp::Add, Val::Num(x), Val::Num(y)) => num(x + y),
                (BinOp::Sub, Val::Num(x), Val::Num(y)) => num(x - y),
                (BinOp::Mul, Val::Num(x), Val::Num(y)) => num(x * y),
                (BinOp::Div, Val::Num(x), Val::Num(y)) => {
                    if y == 0.0 {
                        Val::Unknown
                    } else {
                        num(x / y)
                    }
                }
                (BinOp::Eq, x, y) => Val::Bool(x == y),
                (BinOp::Ne, x, y) => Val::Bool(x != y),
                (op, Val::Num(x), Val::Num(y)) => Val::Bool(order(op, x.partial_cmp(&y))),
                (op, Val::Date(x), Val::Date(y)) => Val::Bool(order(op, Some(x.cmp(&y)))),
                _ => Val::Unknown,
            }
        }
    }
}

fn order(op: BinOp, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    matches!(
        (op, o),
        (BinOp::Lt, Some(Less))
            | (BinOp::Le, Some(Less | Equal))
            | (BinOp::Gt, Some(Greater))
            | (BinOp::Ge, Some(Greater | Equal))
    )
}
