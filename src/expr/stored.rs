//! Expressions and the types they hold, as the compact form of packs stores them
//! (`crate::pack::compact` — here, so that `expr` needs nothing of `pack`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::MAX_NODES;
use super::parse::{Base, BinOp, FieldKind, Node};

/// An expression tree (`Node`) in the compact form: its nodes in post-order, each without its
/// children. Rebuilt with a stack, not by recursion, and refused when it is larger or deeper than
/// the expression compiler allows (with room): a forged blob cannot exhaust the stack, neither
/// here nor when the expression is evaluated or dropped.
#[derive(Serialize, Deserialize)]
pub struct FlatNode(Vec<Op>);

/// Most nodes, and deepest nesting, of one expression in a compact form (the compiler's own
/// limits are [`MAX_NODES`] syntax parts and [`crate::expr::MAX_DEPTH`] levels of nesting).
const MAX_FLAT_NODES: usize = 4 * MAX_NODES;
const MAX_FLAT_DEPTH: usize = 2 * MAX_NODES;

/// One node of a [`FlatNode`]; the children are the nodes before it.
#[derive(Serialize, Deserialize)]
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

impl TryFrom<FlatNode> for Node {
    type Error = String;

    fn try_from(flat: FlatNode) -> Result<Node, String> {
        if flat.0.len() > MAX_FLAT_NODES {
            return Err(format!("an expression of more than {MAX_FLAT_NODES} nodes"));
        }
        // Each node with its depth.
        let mut stack: Vec<(Node, usize)> = Vec::new();
        fn pop(stack: &mut Vec<(Node, usize)>) -> Result<(Box<Node>, usize), String> {
            let (n, d) = stack.pop().ok_or("an expression node lacks an operand")?;
            Ok((Box::new(n), d))
        }
        fn one(stack: &mut Vec<(Node, usize)>, f: fn(Box<Node>) -> Node) -> Result<(Node, usize), String> {
            let (a, d) = pop(stack)?;
            Ok((f(a), d + 1))
        }
        type Two<'f> = &'f dyn Fn(Box<Node>, Box<Node>) -> Node;
        fn two(stack: &mut Vec<(Node, usize)>, f: Two<'_>) -> Result<(Node, usize), String> {
            let (b, db) = pop(stack)?;
            let (a, da) = pop(stack)?;
            Ok((f(a, b), da.max(db) + 1))
        }
        for op in flat.0 {
            let node = match op {
                Op::Num(x) => (Node::Num(x), 1),
                Op::Bool(b) => (Node::Bool(b), 1),
                Op::Str(s) => (Node::Str(s), 1),
                Op::Date(d) => (Node::Date(d), 1),
                Op::StrList(l) => (Node::StrList(l), 1),
                Op::Today => (Node::Today, 1),
                Op::Field { base, path, kind } => (Node::field(base, path, kind), 1),
                Op::Not => one(&mut stack, Node::Not)?,
                Op::Neg => one(&mut stack, Node::Neg)?,
                Op::Present => one(&mut stack, Node::Present)?,
                Op::Size => one(&mut stack, Node::Size)?,
                Op::Bin(o) => two(&mut stack, &|a, b| Node::Bin(o, a, b))?,
                Op::Days => two(&mut stack, &Node::Days)?,
                Op::Latest => two(&mut stack, &Node::Latest)?,
                Op::AddDays => two(&mut stack, &Node::AddDays)?,
                Op::Count => two(&mut stack, &Node::Count)?,
                Op::Any => two(&mut stack, &Node::Any)?,
                Op::In => two(&mut stack, &Node::In)?,
                Op::If => {
                    let (c, dc) = pop(&mut stack)?;
                    let (b, db) = pop(&mut stack)?;
                    let (a, da) = pop(&mut stack)?;
                    (Node::If(a, b, c), da.max(db).max(dc) + 1)
                }
            };
            if node.1 > MAX_FLAT_DEPTH {
                return Err(format!("an expression nested deeper than {MAX_FLAT_DEPTH}"));
            }
            stack.push(node);
        }
        match (stack.pop(), stack.is_empty()) {
            (Some((node, _)), true) => Ok(node),
            _ => Err("an expression is not one tree".into()),
        }
    }
}

/// [`Ty`](crate::schema::Ty) as one byte (for `#[serde(with)]`: the type is the schema's, without serde).
pub mod ty {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::schema::Ty;

    const ALL: [Ty; 4] = [Ty::Str, Ty::Num, Ty::Bool, Ty::Date];

    /// Write its index in `ALL` (string, number, yes/no, date).
    pub fn serialize<S: Serializer>(t: &Ty, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(ALL.iter().position(|x| x == t).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX))
    }

    /// Read it back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Ty, D::Error> {
        let i = u8::deserialize(d)?;
        ALL.get(usize::from(i)).copied().ok_or_else(|| serde::de::Error::custom(format!("no type {i}")))
    }
}

/// A [`NaiveDate`] as its day number (for `#[serde(with)]`; chrono's own serde parses text).
pub mod date {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Write the day number from 0001-01-01.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    /// Read it back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| serde::de::Error::custom(format!("no day {n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expression_tree_round_trips_and_a_forged_deep_one_is_refused_without_recursion() {
        let leaf = || Box::new(Node::field(Base::Doc, vec!["a".into()], FieldKind::Object));
        let tree = Node::If(
            Box::new(Node::Not(Box::new(Node::Bool(true)))),
            Box::new(Node::Bin(BinOp::Add, leaf(), Box::new(Node::Num(1.5)))),
            Box::new(Node::Days(Box::new(Node::Today), Box::new(Node::Date(NaiveDate::MIN)))),
        );
        let bytes = postcard::to_allocvec(&tree).unwrap_or_default();
        let back: Result<Node, _> = postcard::from_bytes(&bytes);
        assert_eq!(back.map(|n| format!("{n:?}")), Ok(format!("{tree:?}")));
        // 100,000 nested `!`: a recursive reader would overflow the stack; this one says no.
        let mut ops = vec![Op::Bool(true)];
        ops.extend((0..100_000).map(|_| Op::Not));
        let bytes = postcard::to_allocvec(&FlatNode(ops)).unwrap_or_default();
        assert!(postcard::from_bytes::<Node>(&bytes).is_err());
        let deep = FlatNode(std::iter::once(Op::Bool(true)).chain((0..MAX_FLAT_DEPTH).map(|_| Op::Not)).collect());
        assert!(Node::try_from(deep).is_err_and(|e| e.contains("deeper")));
        let ok = FlatNode(std::iter::once(Op::Bool(true)).chain((1..MAX_FLAT_DEPTH).map(|_| Op::Not)).collect());
        assert!(Node::try_from(ok).is_ok());
        assert!(Node::try_from(FlatNode(vec![Op::Not])).is_err_and(|e| e.contains("operand")));
        assert!(Node::try_from(FlatNode(vec![Op::Today, Op::Today])).is_err_and(|e| e.contains("one tree")));
    }
}
