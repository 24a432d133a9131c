//! Expressions and the types they hold, as the compact form of packs stores them
//! (`crate::pack::compact` — here, so that `expr` needs nothing of `pack`).

use chrono::NaiveDate;
use serde::Serialize;

use super::NumCheck;
use super::parse::{Base, BinOp, FieldKind, Node};
use super::{Expr, ExprTy, MAX_NODES};
use crate::wire::{Bad, Reader};

/// An expression tree (`Node`) in the compact form: its nodes in post-order, each without its
/// children. Rebuilt with a stack, not by recursion, and refused when it is larger or deeper than
/// the expression compiler allows (with room): a forged blob cannot exhaust the stack, neither
/// here nor when the expression is evaluated or dropped (`node`).
#[derive(Serialize)]
pub struct FlatNode(Vec<Op>);

/// Most nodes, and deepest nesting, of one expression in a compact form (the compiler's own
/// limits are [`MAX_NODES`] syntax parts and [`crate::expr::MAX_DEPTH`] levels of nesting).
const MAX_FLAT_NODES: usize = 4 * MAX_NODES;
const MAX_FLAT_DEPTH: usize = 2 * MAX_NODES;

/// One node of a [`FlatNode`]; the children are the nodes before it.
#[derive(Serialize)]
enum Op {
    Num(f64),
    Bool(bool),
    Str(String),
    Date(#[serde(with = "date")] NaiveDate),
    StrList(Vec<String>),
    Today,
    Field { base: Base, path: Vec<String>, kind: FieldKind },
    Not,
    Neg,
    Bin(BinOp),
    Present,
    Days,
    Latest,
    If,
    AddDays,
    Count,
    Any,
    Size,
    In,
}

impl From<Node> for FlatNode {
    fn from(node: Node) -> Self {
        let mut ops = Vec::new();
        flatten(node, &mut ops);
        FlatNode(ops)
    }
}

/// Post-order (recursive: only compiled trees, within the compiler's limits, come here).
fn flatten(node: Node, out: &mut Vec<Op>) {
    let kids = |ks: Vec<Node>, out: &mut Vec<Op>| ks.into_iter().for_each(|k| flatten(k, out));
    let op = match node {
        Node::Num(x) => Op::Num(x),
        Node::Bool(b) => Op::Bool(b),
        Node::Str(s) => Op::Str(s),
        Node::Date(d) => Op::Date(d),
        Node::StrList(l) => Op::StrList(l),
        Node::Today => Op::Today,
        Node::Field { base, path, kind, .. } => Op::Field { base, path, kind },
        Node::Not(a) => {
            kids(vec![*a], out);
            Op::Not
        }
        Node::Neg(a) => {
            kids(vec![*a], out);
            Op::Neg
        }
        Node::Present(a) => {
            kids(vec![*a], out);
            Op::Present
        }
        Node::Size(a) => {
            kids(vec![*a], out);
            Op::Size
        }
        Node::Bin(op, a, b) => {
            kids(vec![*a, *b], out);
            Op::Bin(op)
        }
        Node::Days(a, b) => {
            kids(vec![*a, *b], out);
            Op::Days
        }
        Node::Latest(a, b) => {
            kids(vec![*a, *b], out);
            Op::Latest
        }
        Node::AddDays(a, b) => {
            kids(vec![*a, *b], out);
            Op::AddDays
        }
        Node::Count(a, b) => {
            kids(vec![*a, *b], out);
            Op::Count
        }
        Node::Any(a, b) => {
            kids(vec![*a, *b], out);
            Op::Any
        }
        Node::In(a, b) => {
            kids(vec![*a, *b], out);
            Op::In
        }
        Node::If(a, b, c) => {
            kids(vec![*a, *b, *c], out);
            Op::If
        }
    };
    out.push(op);
}

/// Reads an expression tree as [`FlatNode`] wrote it: each node (an [`Op`]) in turn, built on
/// the nodes before it with a stack (not by recursion). A tree that is broken, or larger or
/// deeper than allowed, is [`Bad::Value`] once all its nodes are read (serde's reader rebuilt
/// the tree after it read them: an error of reading comes first).
pub(crate) fn node(r: &mut Reader<'_>) -> Result<Node, Bad> {
    let n = r.len()?;
    // Each node with its depth; `None` once the tree is refused.
    let mut stack: Option<Vec<(Node, usize)>> = (n <= MAX_FLAT_NODES).then(Vec::new);
    for _ in 0..n {
        let leaf = match r.variant()? {
            0 => Node::Num(r.f64()?),
            1 => Node::Bool(r.bool()?),
            2 => Node::Str(r.string()?),
            3 => Node::Date(date::read(r)?),
            4 => Node::StrList(r.strings()?),
            5 => Node::Today,
            6 => {
                let base = match r.variant()? {
                    0 => Base::Doc,
                    1 => Base::Elem,
                    _ => return Err(Bad::Value),
                };
                let path = r.strings()?;
                let kind = match r.variant()? {
                    0 => FieldKind::Leaf(ty::read(r)?),
                    1 => FieldKind::Object,
                    2 => FieldKind::Array,
                    3 => FieldKind::StrList,
                    4 => FieldKind::Checked(match r.variant()? {
                        0 => NumCheck::Count,
                        1 => NumCheck::Amount,
                        _ => return Err(Bad::Value),
                    }),
                    _ => return Err(Bad::Value),
                };
                Node::field(base, path, kind)
            }
            op @ 7..=18 => {
                let bin = if op == 9 { Some(*BIN_OPS.get(r.variant()? as usize).ok_or(Bad::Value)?) } else { None };
                if let Some(s) = &mut stack
                    && operator(s, op, bin).is_none()
                {
                    stack = None;
                }
                continue;
            }
            _ => return Err(Bad::Value),
        };
        if let Some(s) = &mut stack {
            s.push((leaf, 1));
        }
    }
    match stack.map(|mut s| (s.pop(), s.is_empty())) {
        Some((Some((node, _)), true)) => Ok(node),
        _ => Err(Bad::Value),
    }
}

/// [`BinOp`]'s variants, in their order (their indices in the compact form).
const BIN_OPS: [BinOp; 13] = [
    BinOp::Or,
    BinOp::And,
    BinOp::Eq,
    BinOp::Ne,
    BinOp::Lt,
    BinOp::Le,
    BinOp::Gt,
    BinOp::Ge,
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::Coalesce,
];

/// The operator of index `op` in [`Op`] (`bin`: a [`Op::Bin`]'s), on its operands on the
/// stack: `None` when it lacks one or nests too deep.
fn operator(stack: &mut Vec<(Node, usize)>, op: u32, bin: Option<BinOp>) -> Option<()> {
    let mut pop = || stack.pop().map(|(n, d)| (Box::new(n), d));
    let (c, dc) = pop()?;
    let node = match (op, bin) {
        (7, _) => (Node::Not(c), dc),
        (8, _) => (Node::Neg(c), dc),
        (10, _) => (Node::Present(c), dc),
        (17, _) => (Node::Size(c), dc),
        _ => {
            let (b, db) = pop()?;
            let d = db.max(dc);
            match (op, bin) {
                (9, Some(o)) => (Node::Bin(o, b, c), d),
                (11, _) => (Node::Days(b, c), d),
                (12, _) => (Node::Latest(b, c), d),
                (14, _) => (Node::AddDays(b, c), d),
                (15, _) => (Node::Count(b, c), d),
                (16, _) => (Node::Any(b, c), d),
                (18, _) => (Node::In(b, c), d),
                (13, _) => {
                    let (a, da) = pop()?;
                    (Node::If(a, b, c), da.max(d))
                }
                _ => return None,
            }
        }
    };
    if node.1 + 1 > MAX_FLAT_DEPTH {
        return None;
    }
    stack.push((node.0, node.1 + 1));
    Some(())
}

impl Expr {
    /// Reads an expression as serde wrote it: its tree, its type, its source.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Expr, Bad> {
        let node = node(r)?;
        let ty = match r.variant()? {
            0 => ExprTy::Num,
            1 => ExprTy::Bool,
            2 => ExprTy::Date,
            3 => ExprTy::Str,
            4 => ExprTy::StrList,
            _ => return Err(Bad::Value),
        };
        Ok(Expr { node, ty, source: r.string()? })
    }
}

/// [`Ty`](crate::schema::Ty) as one byte (for `#[serde(with)]`: the type is the schema's, without serde).
pub mod ty {
    use serde::Serializer;

    use crate::schema::Ty;
    use crate::wire::{Bad, Reader};

    const ALL: [Ty; 4] = [Ty::Str, Ty::Num, Ty::Bool, Ty::Date];

    /// Write its index in `ALL` (string, number, yes/no, date).
    pub fn serialize<S: Serializer>(t: &Ty, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(ALL.iter().position(|x| x == t).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX))
    }

    /// Read it back.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Ty, Bad> {
        ALL.get(usize::from(r.byte()?)).copied().ok_or(Bad::Value)
    }
}

/// A [`NaiveDate`] as its day number (for `#[serde(with)]`; chrono's own serde parses text).
pub mod date {
    use chrono::{Datelike, NaiveDate};
    use serde::Serializer;

    use crate::wire::{Bad, Reader};

    /// Write the day number from 0001-01-01.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    /// Read it back.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<NaiveDate, Bad> {
        NaiveDate::from_num_days_from_ce_opt(r.i32()?).ok_or(Bad::Value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Node, Bad> {
        node(&mut Reader(bytes))
    }

    fn flat(ops: Vec<Op>) -> Vec<u8> {
        postcard::to_allocvec(&FlatNode(ops)).unwrap_or_default()
    }

    #[test]
    fn an_expression_tree_round_trips_and_a_forged_deep_one_is_refused_without_recursion() {
        let leaf = |kind| Box::new(Node::field(Base::Doc, vec!["a".into()], kind));
        let mut tree = Node::If(
            Box::new(Node::Not(Box::new(Node::Bool(true)))),
            Box::new(Node::Bin(BinOp::Add, leaf(FieldKind::Object), Box::new(Node::Num(1.5)))),
            Box::new(Node::Days(Box::new(Node::Today), Box::new(Node::Date(NaiveDate::MIN)))),
        );
        // Every operator and field kind, in one tree.
        for (i, o) in BIN_OPS.into_iter().enumerate() {
            let kinds = [FieldKind::Leaf(crate::schema::Ty::Date), FieldKind::Array, FieldKind::StrList];
            let kind = kinds.get(i % 3).copied().unwrap_or(FieldKind::Object);
            let elem = Box::new(Node::field(Base::Elem, vec!["b".into(), String::new()], kind));
            tree = Node::Bin(o, Box::new(tree), elem);
        }
        let b = |n| Box::new(n);
        let num = || b(Node::Num(-0.0));
        let others = [
            Node::Neg(num()),
            Node::Present(num()),
            Node::Size(num()),
            Node::Latest(num(), num()),
            Node::AddDays(num(), num()),
            Node::Count(num(), num()),
            Node::Any(num(), num()),
            Node::In(b(Node::Str("湖北".into())), b(Node::StrList(vec!["a".into(), String::new()]))),
        ];
        for other in others {
            tree = Node::Bin(BinOp::And, b(tree), b(other));
        }
        let bytes = postcard::to_allocvec(&tree).unwrap_or_default();
        assert_eq!(read(&bytes).map(|n| format!("{n:?}")), Ok(format!("{tree:?}")));
        for cut in 0..bytes.len() {
            assert_eq!(read(bytes.get(..cut).unwrap_or_default()).err(), Some(Bad::End), "cut at {cut}");
        }
        // 100,000 nested `!`: a recursive reader would overflow the stack; this one says no.
        let mut ops = vec![Op::Bool(true)];
        ops.extend((0..100_000).map(|_| Op::Not));
        assert_eq!(read(&flat(ops)).err(), Some(Bad::Value));
        let deep = std::iter::once(Op::Bool(true)).chain((0..MAX_FLAT_DEPTH).map(|_| Op::Not)).collect();
        assert_eq!(read(&flat(deep)).err(), Some(Bad::Value));
        let ok = std::iter::once(Op::Bool(true)).chain((1..MAX_FLAT_DEPTH).map(|_| Op::Not)).collect();
        assert!(read(&flat(ok)).is_ok());
        assert_eq!(read(&flat(vec![Op::Not])).err(), Some(Bad::Value));
        assert_eq!(read(&flat(vec![Op::Today, Op::Today])).err(), Some(Bad::Value));
        assert_eq!(read(&flat(vec![])).err(), Some(Bad::Value));
        // A broken tree whose nodes are cut short: the reading error first.
        let mut bytes = flat(vec![Op::Not, Op::Str("abc".into())]);
        bytes.pop();
        assert_eq!(read(&bytes).err(), Some(Bad::End));
        // A variant that is none.
        assert_eq!(read(&[1, 19]).err(), Some(Bad::Value));
        assert_eq!(read(&[1, 9, 13]).err(), Some(Bad::Value));
    }
}
