//! The packs build.rs precompiled (what the npm package's runtime module loads, with no pack
//! compiler) are the packs compiled at run time: equal compiled models, equal hashes, and the
//! same answer, byte for byte, on every golden case.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{answer, check_answer, load_cases};
use fangkong::Engine;
use fangkong::pack::Pack;

const FAMILIES: [&str; 3] = ["shenzhen-2020", "guangming-2020", "hangzhou-2020"];

/// A compiled pack as text, without the JSON it was compiled from (which a precompiled pack
/// does not carry).
fn model(p: &Pack) -> String {
    format!("{:?}", Pack { json: serde_json::Value::Null, ..p.clone() })
}

#[test]
fn precompiled_packs_equal_the_packs_compiled_at_run_time() {
    for id in FAMILIES {
        let compiled = Engine::with_pack_id(id).unwrap();
        let loaded = Engine::precompiled(id).unwrap();
        let (a, b): (Vec<&Pack>, Vec<&Pack>) = (compiled.packs().collect(), loaded.packs().collect());
        assert_eq!(a.len(), b.len(), "{id}: versions");
        assert!(!a.is_empty());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.stamp, y.stamp, "{id}: id, version and hash");
            assert!(x.stamp.hash.starts_with("sha256:") && x.json.is_object() && y.json.is_null());
            assert_eq!(model(x), model(y), "{id} {}: compiled model", x.stamp.version);
        }
        assert_eq!(compiled.to_compiled().unwrap(), loaded.to_compiled().unwrap(), "{id}: compact form");
    }
    assert!(Engine::precompiled("shenzhen-2019").is_err_and(|e| e.to_string().contains("no embedded pack")));
}

#[test]
fn what_build_rs_embedded_is_byte_for_byte_the_packs_compiled_now() {
    let engines: Vec<Engine> = FAMILIES.iter().map(|id| Engine::with_pack_id(id).unwrap()).collect();
    let families: Vec<Vec<&Pack>> = engines.iter().map(|e| e.packs().collect()).collect();
    let fresh = fangkong::pack::compact::encode(&families).unwrap();
    assert_eq!(fangkong::pack::compact::family_ids(&fresh).unwrap(), FAMILIES);
    assert!(fangkong::engine::PRECOMPILED == fresh.as_slice(), "build.rs's packs.bin is stale or not reproducible");
}

#[test]
fn every_golden_case_has_the_same_answer_from_precompiled_packs() {
    let cases = load_cases();
    assert!(cases.len() >= 60);
    let mut engines = Vec::new();
    for id in FAMILIES {
        engines.push((id, Engine::with_pack_id(id).unwrap(), Engine::precompiled(id).unwrap()));
    }
    for case in &cases {
        let id = case.pack.as_deref().unwrap_or("shenzhen-2020");
        let (_, compiled, loaded) = engines.iter().find(|(i, _, _)| *i == id).unwrap();
        let want = answer(compiled, case).unwrap();
        let got = answer(loaded, case).unwrap();
        assert_eq!(got.to_string(), want.to_string(), "{}", case.file);
        check_answer(&got, &case.expect).unwrap_or_else(|e| panic!("{}: {e}", case.file));
    }
}

#[test]
fn a_custom_pack_round_trips_through_the_compact_form() {
    let mut family = common::default_family();
    family[0]["rules"][0]["title"] = "A title of my own".into();
    family[0]["parameters"]["leadDays"]["value"] = 5.into();
    let custom = Engine::from_pack_json(&serde_json::Value::Array(family).to_string()).unwrap();
    let bytes = custom.to_compiled().unwrap();
    let loaded = Engine::from_compiled(&bytes).unwrap();
    let models = |e: &Engine| e.packs().map(model).collect::<Vec<_>>();
    assert_eq!(models(&loaded), models(&custom));
    assert_ne!(loaded.pack_info(), Engine::precompiled("shenzhen-2020").unwrap().pack_info());
}

#[test]
fn a_truncated_or_altered_compact_form_is_an_error_never_a_panic() {
    let bytes = Engine::precompiled("hangzhou-2020").unwrap().to_compiled().unwrap();
    let ends = (0..bytes.len()).step_by(101).chain(bytes.len().saturating_sub(300)..bytes.len());
    for n in ends {
        assert!(Engine::from_compiled(&bytes[..n]).is_err(), "truncated to {n} bytes");
    }
    // One byte changed anywhere: refused by the checksum, never read as some other pack under
    // the original's hash (fourth audit: it could be read, and answer differently).
    for i in (0..bytes.len()).step_by(61).chain([bytes.len() - 1]) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        let e = Engine::from_compiled(&b).err().unwrap_or_else(|| panic!("byte {i} changed, and loaded"));
        assert!(e.to_string().contains("checksum"), "{e}");
    }
    assert!(
        Engine::from_compiled(br#"{"id": "shenzhen-2020"}"#).is_err_and(|e| e.to_string().contains("compiled pack"))
    );
}

/// No compact form is larger than `MAX_COMPILED_BYTES` (third npm audit, F7: `fromCompiled` of
/// 500 M bytes ran for 29 s before it was refused as out of memory): `to_compiled` refuses a
/// family that would compile to more (`pack.unbounded`), and `from_compiled` refuses more bytes
/// before it reads any. The pack text limit (2 MiB) does not bound it: 64 versions of a family,
/// each keeping its own copy of a list parameter of 40,000 codes, are 0.36 MB of text.
#[test]
fn no_compact_form_is_larger_than_the_bound() {
    use fangkong::engine::MAX_COMPILED_BYTES;
    use fangkong::pack::PackErrorKind;
    use serde_json::json;
    let districts: Vec<String> = (0..40_000).map(|i| (100_000 + i).to_string()).collect();
    let mut family = vec![json!({
        "id": "big", "extends": "shenzhen-2020", "version": "v0", "effectiveFrom": "2020-01-01",
        "parameters": { "districts": { "value": districts } },
    })];
    for i in 1..64 {
        let on = format!("2020-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        family.push(json!({ "id": "big", "extends": "big@v0", "version": format!("v{i}"), "effectiveFrom": on }));
    }
    let text = serde_json::Value::Array(family.clone()).to_string();
    assert!(text.len() < fangkong::pack::MAX_PACK_BYTES);
    // Such a family is now refused as it is resolved, before anything is compiled: its versions
    // make more than 16 MiB of JSON once each is merged over its parent (seventeenth session's
    // packs audit). `to_compiled`'s own bound stays as a backstop.
    let e = match Engine::from_pack_json(&text) {
        Ok(_) => panic!("a family of 64 copies of a 40,000-code list was accepted"),
        Err(e) => e,
    };
    assert_eq!((e.0[0].kind, e.0[0].path.as_str()), (PackErrorKind::Unbounded, ""), "{e}");
    assert!(e.to_string().contains(&fangkong::engine::MAX_FAMILY_RESOLVED_BYTES.to_string()), "{e}");
    // With fewer versions it loads, and compiles within the bound.
    family.truncate(8);
    let engine = Engine::from_pack_json(&serde_json::Value::Array(family).to_string()).unwrap();
    assert!(engine.to_compiled().unwrap().len() < MAX_COMPILED_BYTES);

    let bytes = Engine::precompiled("hangzhou-2020").unwrap().to_compiled().unwrap();
    assert!(bytes.len() < MAX_COMPILED_BYTES / 100);
    let mut padded = bytes.clone();
    padded.resize(MAX_COMPILED_BYTES + 1, 0);
    let e = Engine::from_compiled(&padded).err().unwrap();
    assert!(e.to_string().contains("none is larger than 16 MiB"), "{e}");
    assert!(Engine::from_compiled(&bytes).is_ok());
}
