//! Structure-aware: an embedded pack with a few edits (rules, parameters, messages, labels
//! replaced, removed, duplicated), loaded from its JSON value; a pack that loads judges a
//! golden submission of every kind with the invariants, as text and as a value.
#![no_main]
use fangkong_fuzz::{Edit, Kind, apply, golden, golden_packs, judge, options};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    which: u8,
    edits: Vec<Edit>,
    kind: Kind,
}

fuzz_target!(|input: Input| {
    let packs = golden_packs();
    let Some(pack) = packs.get(usize::from(input.which) % packs.len()) else { return };
    let mut pack = pack.clone();
    apply(&mut pack, &input.edits);
    if let Ok(engine) = fangkong::Engine::from_pack_value(pack) {
        let docs = golden(input.kind);
        if let Some(doc) = docs.first() {
            judge(&engine, input.kind, doc, options());
        }
    }
});
