//! Drafts under hostile packs: an embedded pack whose expressions (`assert`, `when`, `value`,
//! `count`, …) are exchanged between its rules, and which may have the generic edits of
//! `mutate_pack` too, so rules read other fields and other arrays than the pack's authors
//! wrote. A pack that loads drafts an example submission through the edits of the `draft`
//! target: a draft re-judges only the rules an edit reaches (the pack's dependency graph, worked
//! out when the pack is compiled), so its answer equals the whole check only if that graph is
//! right for whatever the rules read. The checks: fuzz/src/drafting.rs.
#![no_main]
use fangkong_fuzz::drafting::{Edit as DraftEdit, run};
use fangkong_fuzz::{Edit, Kind, apply, golden, golden_packs, options};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    which: u8,
    /// Expression `a` takes expression `b`'s text (indices modulo their number).
    swaps: Vec<(u8, u8)>,
    edits: Vec<Edit>,
    kind: Kind,
    start: u8,
    drafted: Vec<DraftEdit>,
}

const EXPRESSIONS: &[&str] = &["assert", "when", "value", "expr", "count", "of"];

/// The pointers to every expression of `v`, in document order.
fn expressions(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                if x.is_string() && EXPRESSIONS.contains(&k.as_str()) {
                    out.push(at.clone());
                } else {
                    expressions(x, at, out);
                }
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                expressions(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'v>(v: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k),
        Value::Array(a) => k.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        _ => None,
    })
}

fuzz_target!(|input: Input| {
    let packs = golden_packs();
    let Some(pack) = packs.get(usize::from(input.which) % packs.len()) else { return };
    let mut pack = pack.clone();
    let mut found = Vec::new();
    expressions(&pack, &mut Vec::new(), &mut found);
    if !found.is_empty() {
        for &(a, b) in input.swaps.iter().take(8) {
            let (a, b) = (&found[usize::from(a) % found.len()], &found[usize::from(b) % found.len()]);
            let Some(text) = get_mut(&mut pack, b).cloned() else { continue };
            if let Some(slot) = get_mut(&mut pack, a) {
                *slot = text;
            }
        }
    }
    apply(&mut pack, &input.edits);
    let Ok(engine) = fangkong::Engine::from_pack_value(pack) else { return };
    let docs = golden(input.kind);
    let Some(start) = docs.get(usize::from(input.start) % docs.len()) else { return };
    run(&engine, input.kind, start, options().clone(), &input.drafted);
});
