//! Structure-aware: a golden submission of any kind with a few edits (values replaced,
//! members removed or duplicated, full-width look-alike keys, numbers as text, long arrays),
//! judged as JSON text and as a JSON value: the invariants hold and both answers are equal.
#![no_main]
use fangkong_fuzz::{Edit, Kind, apply, engine, golden, judge, options};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    kind: Kind,
    which: u8,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let docs = golden(input.kind);
    let Some(doc) = docs.get(usize::from(input.which) % docs.len()) else { return };
    let mut doc = doc.clone();
    apply(&mut doc, &input.edits);
    judge(engine(), input.kind, &doc, options());
});
