//! The compact form of compiled packs: what build.rs makes of the embedded packs, and what the
//! runtime (the npm package's main module, built without the `compiler` feature) loads instead
//! of parsing and compiling JSON (issue 9, point 4).
//!
//! A blob is [postcard](https://docs.rs/postcard) (a compact binary serde format) of the
//! compiled model: a header naming the families (one [`Engine`](crate::Engine) each), their
//! versions with stamp, date and parameters, and for each version the indices of its rules and
//! of its message and label entries; then the rules and entries themselves, each stored once.
//! A family's versions and a district's variants share almost every rule and message, so the
//! four embedded packs (six versions) cost little more than one. The hash in each stamp is the
//! one computed from the pack's JSON when it was compiled: a precompiled pack answers with the
//! same `pack.hash`, and `tests/precompiled.rs` shows it equal to the pack compiled at run time.
//!
//! The blob carries the crate version: it is read only by the build that wrote it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::doc::MessageDoc;
use super::{Catalogue, Pack, Rule};
use crate::answer::PackStamp;
use crate::expr::parse::{Base, BinOp, FieldKind, Node};
use crate::expr::{MAX_NODES, ParamValue};
use crate::locale::Locale;
use crate::schema::Subject;

words_serde!(Subject);

/// The first field of every blob.
const MAGIC: &str = "fangkong compiled packs";

/// A blob: what comes before its chunks.
#[derive(Serialize, Deserialize)]
struct Header {
    magic: String,
    /// The crate version that wrote it (`CARGO_PKG_VERSION`).
    version: String,
    /// End offset of each chunk in the bytes after the header.
    ends: Vec<u32>,
    families: Vec<Family>,
}

/// One pack family: the versions of one engine.
#[derive(Serialize, Deserialize)]
struct Family {
    id: String,
    versions: Vec<Version>,
}

/// One compiled version; rules and entries are chunk indices.
#[derive(Serialize, Deserialize)]
struct Version {
    stamp: PackStamp,
    #[serde(with = "date")]
    effective_from: NaiveDate,
    params: BTreeMap<String, ParamValue>,
    rules: Vec<u32>,
    /// Locale tag → entries `(key, message)`, sorted by key.
    messages: Vec<(String, Vec<u32>)>,
    labels: Vec<(String, Vec<u32>)>,
}

/// Chunks stored once each, in order of first use.
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
#[derive(Default)]
struct Chunks {
    data: Vec<u8>,
    ends: Vec<u32>,
    index: BTreeMap<Vec<u8>, u32>,
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
impl Chunks {
    fn add<T: Serialize>(&mut self, value: &T) -> Result<u32, String> {
        let bytes = postcard::to_allocvec(value).map_err(|e| e.to_string())?;
        if let Some(i) = self.index.get(&bytes) {
            return Ok(*i);
        }
        let i = u32::try_from(self.ends.len()).map_err(|e| e.to_string())?;
        self.data.extend_from_slice(&bytes);
        self.ends.push(u32::try_from(self.data.len()).map_err(|e| e.to_string())?);
        self.index.insert(bytes, i);
        Ok(i)
    }

    fn catalogue(&mut self, c: &Catalogue) -> Result<Vec<(String, Vec<u32>)>, String> {
        c.parts()
            .iter()
            .map(|(locale, entries)| {
                let ids = entries.iter().map(|e| self.add(e)).collect::<Result<Vec<u32>, String>>()?;
                Ok((locale.tag().to_owned(), ids))
            })
            .collect()
    }
}

/// The compact form of one or more engines (each a pack family with its versions).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn encode<'e>(engines: impl IntoIterator<Item = &'e crate::Engine>) -> Result<Vec<u8>, String> {
    let mut chunks = Chunks::default();
    let mut families = Vec::new();
    for engine in engines {
        let mut versions = Vec::new();
        for p in engine.packs() {
            versions.push(Version {
                stamp: p.stamp.clone(),
                effective_from: p.effective_from,
                params: p.params.clone(),
                rules: p.rules.iter().map(|r| chunks.add(r)).collect::<Result<_, _>>()?,
                messages: chunks.catalogue(&p.messages)?,
                labels: chunks.catalogue(&p.labels)?,
            });
        }
        families.push(Family { id: engine.pack().stamp.id.clone(), versions });
    }
    let header = Header { magic: MAGIC.into(), version: env!("CARGO_PKG_VERSION").into(), ends: chunks.ends, families };
    let mut out = postcard::to_allocvec(&header).map_err(|e| e.to_string())?;
    out.extend_from_slice(&chunks.data);
    Ok(out)
}

fn read_header(bytes: &[u8]) -> Result<(Header, &[u8]), String> {
    let (header, data) =
        postcard::take_from_bytes::<Header>(bytes).map_err(|e| format!("not a compiled pack ({e})"))?;
    if header.magic != MAGIC {
        return Err("not a compiled pack".into());
    }
    if header.version != env!("CARGO_PKG_VERSION") {
        return Err(format!(
            "compiled by fangkong {}, not {}: compile the pack again",
            header.version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    Ok((header, data))
}

/// The ids of the families in a blob, in order.
pub fn family_ids(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(read_header(bytes)?.0.families.into_iter().map(|f| f.id).collect())
}

/// The versions of family `id` in a blob (the first family when `id` is `None`), or why not;
/// `Ok(None)` when the blob has no such family.
pub fn decode(bytes: &[u8], id: Option<&str>) -> Result<Option<Vec<Pack>>, String> {
    let (header, data) = read_header(bytes)?;
    let Some(family) = header.families.into_iter().find(|f| id.is_none_or(|id| f.id == id)) else {
        return Ok(None);
    };
    let chunk = |i: u32| -> Result<&[u8], String> {
        let i = usize::try_from(i).map_err(|e| e.to_string())?;
        let start = match i.checked_sub(1) {
            Some(before) => header.ends.get(before).copied().unwrap_or(u32::MAX),
            None => 0,
        };
        let end = header.ends.get(i).copied().unwrap_or(u32::MAX);
        data.get(start as usize..end as usize).ok_or_else(|| format!("compiled pack: no chunk {i}"))
    };
    let read = |i: u32| -> Result<(String, MessageDoc), String> {
        postcard::from_bytes(chunk(i)?).map_err(|e| format!("compiled pack: entry {i}: {e}"))
    };
    let catalogue = |parts: Vec<(String, Vec<u32>)>| -> Result<Catalogue, String> {
        let mut by_locale = Vec::new();
        for (tag, ids) in parts {
            let locale = Locale::parse(&tag).ok_or_else(|| format!("compiled pack: locale `{tag}`"))?;
            by_locale.push((locale, ids.into_iter().map(read).collect::<Result<Vec<_>, _>>()?));
        }
        Ok(Catalogue::from_parts(by_locale))
    };
    let mut packs = Vec::new();
    for v in family.versions {
        let rules = v
            .rules
            .iter()
            .map(|i| postcard::from_bytes::<Rule>(chunk(*i)?).map_err(|e| format!("compiled pack: rule {i}: {e}")))
            .collect::<Result<Vec<Rule>, String>>()?;
        packs.push(Pack {
            stamp: v.stamp,
            effective_from: v.effective_from,
            rules,
            messages: catalogue(v.messages)?,
            labels: catalogue(v.labels)?,
            params: v.params,
            json: serde_json::Value::Null,
        });
    }
    Ok(Some(packs))
}

/// An expression tree ([`Node`]) in the compact form: its nodes in post-order, each without its
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
        Node::Field { base, path, kind } => Op::Field { base, path, kind },
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
                Op::Field { base, path, kind } => (Node::Field { base, path, kind }, 1),
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

/// [`Ty`] as one byte (for `#[serde(with)]`: the type is the schema's, without serde).
pub mod ty {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::schema::Ty;

    const ALL: [Ty; 4] = [Ty::Str, Ty::Num, Ty::Bool, Ty::Date];

    /// Write its index in [`ALL`].
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
    fn a_blob_of_another_kind_or_version_is_refused_not_misread() {
        assert!(decode(b"", None).is_err());
        assert!(decode(b"{\"id\": \"shenzhen-2020\"}", None).is_err());
        let other = Header { magic: MAGIC.into(), version: "0.0.0-other".into(), ends: vec![], families: vec![] };
        let bytes = postcard::to_allocvec(&other).unwrap_or_default();
        assert!(decode(&bytes, None).is_err_and(|e| e.contains("0.0.0-other")));
    }

    #[test]
    fn an_expression_tree_round_trips_and_a_forged_deep_one_is_refused_without_recursion() {
        let leaf = || Box::new(Node::Field { base: Base::Doc, path: vec!["a".into()], kind: FieldKind::Object });
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

    #[test]
    fn a_chunk_index_outside_the_blob_is_an_error() {
        let v = Version {
            stamp: PackStamp { id: "x".into(), version: "1".into(), hash: String::new() },
            effective_from: NaiveDate::MIN,
            params: BTreeMap::new(),
            rules: vec![7],
            messages: vec![],
            labels: vec![],
        };
        let h = Header {
            magic: MAGIC.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            ends: vec![],
            families: vec![Family { id: "x".into(), versions: vec![v] }],
        };
        let bytes = postcard::to_allocvec(&h).unwrap_or_default();
        assert_eq!(family_ids(&bytes), Ok(vec!["x".to_owned()]));
        assert!(decode(&bytes, Some("x")).is_err_and(|e| e.contains("no chunk 7")));
        assert!(matches!(decode(&bytes, Some("y")), Ok(None)));
    }
}
