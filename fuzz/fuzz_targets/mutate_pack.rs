//! Structure-aware: an embedded pack with a few edits (rules, parameters, messages, labels
//! replaced, removed, duplicated), loaded from its JSON value; a pack that loads judges a
//! golden submission of every kind with the invariants, as text and as a value, and describes
//! the kind (describe, inputSchema, packInfo) for each of its versions in every locale.
#![no_main]
use fangkong::Locale;
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
        // What a page learns from the pack (issue 7: describe, inputSchema, packInfo), for every
        // version the pack holds and in every locale: JSON objects, never a panic.
        let subject = input.kind.subject();
        let versions: Vec<String> = engine.packs().map(|p| p.stamp.version.clone()).collect();
        for locale in [Locale::ZhCn, Locale::En, Locale::ZhTw] {
            for v in versions.iter().map(|v| Some(v.as_str())).chain([None]) {
                let d = engine.describe(subject, locale, v, None).expect("a version the engine holds is described");
                assert!(d.is_object(), "describe gave {d}");
                let schema = engine.input_schema(subject, locale, v, None).expect("and has a schema");
                assert!(schema.is_object(), "inputSchema gave {schema}");
                serde_json::to_string(&engine.pack_info_of(v, None).expect("and its info")).expect("pack info is JSON");
            }
        }
    }
});
