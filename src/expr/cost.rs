//! The cost model of expressions (issue 10): how deeply an expression loops over whole
//! collections of the submission. A pack is compiled only when every rule's cost is linear in
//! the size of the submission: an expression judged once may loop over a collection
//! (`count(roster, …)`), but not over a collection inside such a loop, and an expression judged
//! for each item (`each`) may not loop over a whole collection at all — that is a loop inside
//! the loop over the items, whose cost grows with the square of the roster (1,000 rows took
//! 1.5 s, 30,000 rows over 300 s). An aggregate a per-item rule needs is computed once, in a
//! rule without `each`. Loops over an item's own sub-list (`count(rectifications, …)` for each
//! previous inspection) visit each value once in all, and are linear.

use super::parse::{Base, Node};

/// The deepest nesting of loops over a collection of the whole submission in `node`: `count`
/// and `any` over a document array, and `in` over a document list.
pub(super) fn collection_loops(node: &Node) -> usize {
    match node {
        Node::Count(arr, cond) | Node::Any(arr, cond) => {
            collection_loops(arr).max(usize::from(of_document(arr)) + collection_loops(cond))
        }
        Node::In(a, b) => collection_loops(a).max(collection_loops(b) + usize::from(of_document(b))),
        Node::Not(a) | Node::Neg(a) | Node::Size(a) | Node::Present(a) => collection_loops(a),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) => {
            collection_loops(a).max(collection_loops(b))
        }
        Node::If(c, a, b) => collection_loops(c).max(collection_loops(a)).max(collection_loops(b)),
        Node::Num(_)
        | Node::Bool(_)
        | Node::Str(_)
        | Node::Date(_)
        | Node::StrList(_)
        | Node::Today
        | Node::Field { .. } => 0,
    }
}

/// Whether a collection operand is a field of the whole submission (not of the current item).
fn of_document(n: &Node) -> bool {
    matches!(n, Node::Field { base: Base::Doc, .. })
}

/// The work of evaluating `node` once on `doc` (with `elem` the current item), in steps:
/// one per node, and one per element an aggregate visits. Found from the collections' lengths
/// without evaluating anything; deterministic, so the budget does not depend on the machine.
pub(super) fn work(node: &Node, doc: &serde_json::Value, elem: Option<&serde_json::Value>) -> u64 {
    let len = |n: &Node| -> u64 {
        let Node::Field { base, path, .. } = n else { return 0 };
        let root = match base {
            Base::Doc => Some(doc),
            Base::Elem => elem,
        };
        root.map_or(0, |r| crate::schema::array_at(r, path).len() as u64)
    };
    1 + match node {
        // The condition's own cost does not depend on the item (the language has no nested
        // aggregates), so it is counted once and multiplied.
        Node::Count(arr, cond) | Node::Any(arr, cond) => len(arr).saturating_mul(work(cond, doc, None)),
        Node::In(a, b) => work(a, doc, elem).saturating_add(len(b)).saturating_add(list_len(b)),
        Node::Not(a) | Node::Neg(a) | Node::Size(a) | Node::Present(a) => work(a, doc, elem),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) => {
            work(a, doc, elem).saturating_add(work(b, doc, elem))
        }
        Node::If(c, a, b) => work(c, doc, elem).saturating_add(work(a, doc, elem)).saturating_add(work(b, doc, elem)),
        Node::Num(_)
        | Node::Bool(_)
        | Node::Str(_)
        | Node::Date(_)
        | Node::StrList(_)
        | Node::Today
        | Node::Field { .. } => 0,
    }
}

/// The length of a pack's list (`$list`, a constant): `in(x, $list)` compares with each entry
/// (packs audit: `in(phone, $list)` of 150,000 entries on 60 checks cost nothing here, and a
/// 1,000-row roster took 13 s with no budget exhausted).
fn list_len(n: &Node) -> u64 {
    if let Node::StrList(l) = n { l.len() as u64 } else { 0 }
}

/// An upper bound of [`work`] on any document whose arrays have at most `l` elements each
/// (`l` ≥ 1): every collection's length replaced by `l`. Monotone in `l`, saturating as
/// [`work`] is, so `work(node, doc, elem) ≤ bound(node, l)` when no array of `doc` is longer.
pub(super) fn bound(node: &Node, l: u64) -> u64 {
    let len = |n: &Node| -> u64 { if matches!(n, Node::Field { .. }) { l } else { 0 } };
    let inner = match node {
        Node::Count(arr, cond) | Node::Any(arr, cond) => len(arr).saturating_mul(bound(cond, l)),
        Node::In(a, b) => bound(a, l).saturating_add(len(b)).saturating_add(list_len(b)),
        Node::Not(a) | Node::Neg(a) | Node::Size(a) | Node::Present(a) => bound(a, l),
        Node::Bin(_, a, b) | Node::Days(a, b) | Node::Latest(a, b) | Node::AddDays(a, b) => {
            bound(a, l).saturating_add(bound(b, l))
        }
        Node::If(c, a, b) => bound(c, l).saturating_add(bound(a, l)).saturating_add(bound(b, l)),
        Node::Num(_)
        | Node::Bool(_)
        | Node::Str(_)
        | Node::Date(_)
        | Node::StrList(_)
        | Node::Today
        | Node::Field { .. } => 0,
    };
    inner.saturating_add(1)
}
