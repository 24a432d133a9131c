//! Evaluation of compiled expressions with three-valued logic.

use chrono::{Days, NaiveDate};

use super::NumCheck;
use super::parse::{Base, BinOp, FieldKind, Node};
use crate::schema::{Doc, Items, SlotPath, Ty, keys_at};

impl Node {
    /// A field reference (its keys' positions in slot documents found on first read).
    pub(crate) fn field(base: Base, path: Vec<String>, kind: FieldKind) -> Node {
        Node::Field { base, path, kind, slots: SlotPath::default() }
    }
}

/// What an expression is evaluated against: the walker's canonical `Value`, or a slot
/// document ([`crate::schema::Slot`]).
#[derive(Debug, Clone, Copy)]
pub struct Env<'v> {
    /// The canonical submission.
    pub doc: Doc<'v>,
    /// The current array element, for `each` checks.
    pub elem: Option<Doc<'v>>,
    /// Today in China Standard Time.
    pub today: NaiveDate,
}

impl<'v> Env<'v> {
    /// An environment for the canonical document `doc` (a `Value` or a slot document).
    pub fn new(doc: impl Into<Doc<'v>>, today: NaiveDate) -> Env<'v> {
        Env { doc: doc.into(), elem: None, today }
    }

    /// The same environment with another current element.
    pub fn with_elem(&self, elem: Doc<'v>) -> Env<'v> {
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
    Array(Option<Items<'v>>),
    List(Vec<&'v str>),
}

/// The value at a field reference (`None` when absent or `null`).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn read<'v>(base: Base, path: &[String], slots: &SlotPath, env: &Env<'v>) -> Option<Doc<'v>> {
    let root = match base {
        Base::Doc => env.doc,
        Base::Elem => env.elem?,
    };
    keys_at(root, path, slots).filter(|v| !v.is_null())
}

/// The value of a leaf field (what [`eval`] reads most): [`read`] and [`leaf`] in one call.
#[inline(never)]
fn leaf_at<'v>(t: Ty, base: Base, path: &[String], slots: &SlotPath, env: &Env<'v>) -> Val<'v> {
    leaf(t, read(base, path, slots, env))
}

/// A number field its check may refuse ([`FieldKind::Checked`]): unknown when refused.
fn checked_at<'v>(c: NumCheck, base: Base, path: &[String], slots: &SlotPath, env: &Env<'v>) -> Val<'v> {
    checked(c, leaf_at(Ty::Num, base, path, slots, env))
}

/// A number as its check takes it: unknown when refused.
fn checked(c: NumCheck, v: Val<'_>) -> Val<'_> {
    match v {
        Val::Num(x) if c.refuses(x).is_some() => Val::Unknown,
        other => other,
    }
}

/// A leaf field's value (no [`Raw`] built for it).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn leaf<'v>(t: Ty, v: Option<Doc<'v>>) -> Val<'v> {
    let Some(v) = v else { return Val::Unknown };
    match t {
        Ty::Num => v.number().filter(|x| x.is_finite()).map_or(Val::Unknown, Val::Num),
        Ty::Bool => v.boolean().map_or(Val::Unknown, Val::Bool),
        Ty::Str => v.given_text().map_or(Val::Unknown, Val::Str),
        Ty::Date => v.text().and_then(crate::time::parse_iso_date).map_or(Val::Unknown, Val::Date),
    }
}

fn field<'v>(base: Base, path: &[String], kind: FieldKind, slots: &SlotPath, env: &Env<'v>) -> Raw<'v> {
    let v = read(base, path, slots, env);
    match kind {
        // An object is present when it holds at least one value (the walker drops nulls and blanks).
        FieldKind::Object => Raw::Present(v.is_some_and(Doc::has_members)),
        FieldKind::Array => Raw::Array(v.and_then(Doc::items)),
        FieldKind::StrList => {
            Raw::List(v.and_then(Doc::items).map(|a| a.iter().filter_map(Doc::text).collect()).unwrap_or_default())
        }
        FieldKind::Leaf(t) => Raw::Val(leaf(t, v)),
        // A number its check refuses is as unknown as a text where a number belongs.
        FieldKind::Checked(c) => Raw::Val(checked(c, leaf(Ty::Num, v))),
    }
}

fn raw<'v>(node: &'v Node, env: &Env<'v>) -> Raw<'v> {
    match node {
        Node::Field { base, path, kind, slots } => field(*base, path, *kind, slots, env),
        Node::StrList(l) => Raw::List(l.iter().map(String::as_str).collect()),
        other => Raw::Val(eval(other, env)),
    }
}

fn num(x: f64) -> Val<'static> {
    if x.is_finite() { Val::Num(decimal(x)) } else { Val::Unknown }
}

/// An arithmetic result as the decimal arithmetic it stands for gives it. Submissions and packs
/// write decimals, and binary floating point rounds them: 50 × 1.1 × 3 is 165.00000000000003 and
/// 6.6 / 3 is 2.1999999999999997, so a firm with exactly the 165 masks a pack's 1.1 a day asks
/// for was told it had too few ("至少需要165.00000000000003只"), and a dormitory exactly at a
/// pack's 2.2 m² was under it (spec audit, thirtieth session). A result within four units in
/// the last place of a decimal with at most 12 digits after the point is that decimal (the
/// double nearest it: `k / 10^n` with both exact is rounded once, as parsing its text is);
/// any other (7 / 3) is kept as it is. Whole numbers, exact already, are the first test.
fn decimal(x: f64) -> f64 {
    if x.fract() == 0.0 {
        return x;
    }
    let tolerance = x.abs() * (4.0 * f64::EPSILON);
    let mut scale = 1.0_f64;
    for _ in 0..=12 {
        let scaled = x * scale;
        if scaled.abs() >= crate::num::MAX_EXACT {
            break;
        }
        let near = scaled.round() / scale;
        if (x - near).abs() <= tolerance {
            return near;
        }
        scale *= 10.0;
    }
    x
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
        Node::Field { base, path, kind: FieldKind::Leaf(t), slots } => leaf_at(*t, *base, path, slots, env),
        Node::Field { base, path, kind: FieldKind::Checked(c), slots } => checked_at(*c, *base, path, slots, env),
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
        Node::Days(a, b) => match (operand(a, env), operand(b, env)) {
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
        // An element whose condition is unknown (a value it needs is missing) makes the
        // count unknown: a missing value is never read as `false`.
        Node::Count(arr, cond) => match raw(arr, env) {
            Raw::Array(Some(items)) => {
                let mut n = 0usize;
                // A `null` element (a row left empty, or one of the wrong type, which has its
                // shape diagnostic) holds nothing to count by: the count is unknown, as for a
                // row whose value is missing (fourth audit: `roster: [null]` counted 0).
                for it in items.iter() {
                    if it.is_null() {
                        return Val::Unknown;
                    }
                    match eval(cond, &env.with_elem(it)) {
                        Val::Bool(true) => n += 1,
                        Val::Bool(false) => {}
                        _ => return Val::Unknown,
                    }
                }
                Val::Num(n as f64)
            }
            _ => Val::Unknown,
        },
        // Three-valued: true if one element is true, unknown if none is but one is unknown.
        Node::Any(arr, cond) => match raw(arr, env) {
            Raw::Array(Some(items)) => {
                let mut unknown = false;
                for it in items.iter() {
                    if it.is_null() {
                        unknown = true;
                        continue;
                    }
                    match eval(cond, &env.with_elem(it)) {
                        Val::Bool(true) => return Val::Bool(true),
                        Val::Bool(false) => {}
                        _ => unknown = true,
                    }
                }
                if unknown { Val::Unknown } else { Val::Bool(false) }
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

/// [`eval`] of an operand, with the common leaves (a field's value, a constant) read in place:
/// no recursive call, whose frame costs more than reading them.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn operand<'v>(node: &'v Node, env: &Env<'v>) -> Val<'v> {
    match node {
        Node::Field { base, path, kind: FieldKind::Leaf(t), slots } => leaf_at(*t, *base, path, slots, env),
        Node::Field { base, path, kind: FieldKind::Checked(c), slots } => checked_at(*c, *base, path, slots, env),
        Node::Num(x) => Val::Num(*x),
        Node::Date(d) => Val::Date(*d),
        Node::Today => Val::Date(env.today),
        other => eval(other, env),
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
        BinOp::Coalesce => match operand(a, env) {
            Val::Unknown => operand(b, env),
            v => v,
        },
        _ => {
            let (x, y) = (operand(a, env), operand(b, env));
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

/// A field an expression needs whose value is missing (absent, `null` or blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing<'v> {
    /// The array and element index the field is in, for fields of an element.
    pub element: Option<(&'v [String], usize)>,
    /// The field's path (from the root, or from the element).
    pub path: &'v [String],
}

/// The missing fields that make `node` unknown, in source order. Nothing when `node` is
/// known: a value not needed for the result (the other side of a decided `||`, the left
/// of `??`) is never asked for. `at` locates `env.elem` (the array and index) for checks
/// per element.
pub fn needs<'v>(node: &'v Node, env: &Env<'v>, at: Option<(&'v [String], usize)>, out: &mut Vec<Missing<'v>>) {
    if eval(node, env) != Val::Unknown {
        return;
    }
    match node {
        Node::Field { base, path, slots, .. } => {
            let root = match base {
                Base::Doc => Some(env.doc),
                Base::Elem => env.elem,
            };
            let v = root.and_then(|r| keys_at(r, path, slots));
            if crate::schema::missing(v) {
                let element = match base {
                    Base::Doc => None,
                    Base::Elem => at,
                };
                out.push(Missing { element, path });
            }
        }
        Node::Bin(BinOp::Coalesce, _, b) => needs(b, env, at, out),
        // `a || b`, `a && b` with both operands undecided: the left one is asked for first; the
        // right one once the left is known and does not decide (RTW-T2 asks whether the firm is
        // 保障类 only once its resumption date is before the province's).
        Node::Bin(BinOp::And | BinOp::Or, a, _) if eval(a, env) == Val::Unknown => needs(a, env, at, out),
        Node::If(c, a, b) => match eval(c, env) {
            Val::Bool(true) => needs(a, env, at, out),
            Val::Bool(false) => needs(b, env, at, out),
            _ => needs(c, env, at, out),
        },
        Node::Count(arr, cond) | Node::Any(arr, cond) => match (raw(arr, env), arr.as_ref()) {
            (Raw::Array(Some(items)), Node::Field { path, .. }) => {
                for (i, it) in items.iter().enumerate() {
                    // A `null` row is asked for itself (an empty field path).
                    if it.is_null() {
                        out.push(Missing { element: Some((path.as_slice(), i)), path: &[] });
                        continue;
                    }
                    let e = env.with_elem(it);
                    if eval(cond, &e) == Val::Unknown {
                        needs(cond, &e, Some((path.as_slice(), i)), out);
                    }
                }
            }
            _ => needs(arr, env, at, out),
        },
        Node::Present(_)
        | Node::Num(_)
        | Node::Bool(_)
        | Node::Str(_)
        | Node::Date(_)
        | Node::StrList(_)
        | Node::Today => {}
        Node::Not(a) | Node::Neg(a) | Node::Size(a) => needs(a, env, at, out),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) | Node::In(a, b) => {
            needs(a, env, at, out);
            needs(b, env, at, out);
        }
    }
}

/// Every field an expression reads, as `(element array, path)`: `(None, staff.total)` or
/// `(Some(roster), returning)` for a field of each element of `roster`.
pub fn reads<'n>(node: &'n Node, elem: Option<&'n [String]>, out: &mut Vec<(Option<&'n [String]>, &'n [String])>) {
    match node {
        Node::Field { base, path, .. } => {
            let e = match base {
                Base::Doc => None,
                Base::Elem => elem,
            };
            if !out.contains(&(e, path.as_slice())) {
                out.push((e, path));
            }
        }
        Node::Count(arr, cond) | Node::Any(arr, cond) => {
            reads(arr, elem, out);
            if let Node::Field { path, .. } = arr.as_ref() {
                reads(cond, Some(path), out);
            }
        }
        Node::Not(a) | Node::Neg(a) | Node::Size(a) | Node::Present(a) => reads(a, elem, out),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) | Node::In(a, b) => {
            reads(a, elem, out);
            reads(b, elem, out);
        }
        Node::If(c, a, b) => {
            reads(c, elem, out);
            reads(a, elem, out);
            reads(b, elem, out);
        }
        _ => {}
    }
}

/// The fields an expression may ask for, for some values of the others ([`needs`] read
/// statically): under `||`, `&&` and both branches of `if`, but never the left of `??` nor what
/// `present()` reads (for a form's `requiredWhen`).
pub fn may_need<'n>(node: &'n Node, elem: Option<&'n [String]>, out: &mut Vec<(Option<&'n [String]>, &'n [String])>) {
    match node {
        Node::Field { base: Base::Doc, path, kind: FieldKind::Leaf(_) | FieldKind::Checked(_), .. } => {
            push_ref(out, (None, path));
        }
        Node::Field { base: Base::Elem, path, kind: FieldKind::Leaf(_) | FieldKind::Checked(_), .. } => {
            push_ref(out, (elem, path));
        }
        Node::Bin(BinOp::Coalesce, _, b) => may_need(b, elem, out),
        Node::Count(arr, cond) | Node::Any(arr, cond) => {
            if let Node::Field { path, .. } = arr.as_ref() {
                may_need(cond, Some(path), out);
            }
        }
        Node::Not(a) | Node::Neg(a) | Node::Size(a) => may_need(a, elem, out),
        Node::If(c, a, b) => [c, a, b].into_iter().for_each(|x| may_need(x, elem, out)),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) | Node::In(a, b) => {
            may_need(a, elem, out);
            may_need(b, elem, out);
        }
        _ => {}
    }
}

fn push_ref<'n>(out: &mut Vec<(Option<&'n [String]>, &'n [String])>, r: (Option<&'n [String]>, &'n [String])) {
    if !out.contains(&r) {
        out.push(r);
    }
}

/// The fields an expression needs whatever the other values are: not under `||`, `&&`,
/// the left of `??`, `present()` or a branch of `if` (for `required` in forms).
pub fn always_needs<'n>(
    node: &'n Node,
    elem: Option<&'n [String]>,
    out: &mut Vec<(Option<&'n [String]>, &'n [String])>,
) {
    match node {
        Node::Field { base, path, kind: FieldKind::Leaf(_) | FieldKind::Checked(_), .. } => {
            let e = match base {
                Base::Doc => None,
                Base::Elem => elem,
            };
            if !out.contains(&(e, path.as_slice())) {
                out.push((e, path));
            }
        }
        Node::Bin(BinOp::And | BinOp::Or, ..) | Node::Present(_) => {}
        Node::Bin(BinOp::Coalesce, _, b) => always_needs(b, elem, out),
        Node::Count(arr, cond) => {
            if let Node::Field { path, .. } = arr.as_ref() {
                always_needs(cond, Some(path), out);
            }
        }
        Node::Not(a) | Node::Neg(a) | Node::Size(a) => always_needs(a, elem, out),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) | Node::In(a, b) => {
            always_needs(a, elem, out);
            always_needs(b, elem, out);
        }
        Node::If(c, ..) => always_needs(c, elem, out),
        _ => {}
    }
}
