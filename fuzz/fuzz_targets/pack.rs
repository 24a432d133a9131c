//! `Engine::from_pack_json` on any text: it loads or says why not, never panics; a pack that
//! loads answers an empty filing and the golden workshop filing with the invariants.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match fangkong::Engine::from_pack_json(text) {
        Ok(engine) => {
            let opts = fangkong_fuzz::options();
            fangkong_fuzz::check_answer(&engine.check_filing_json("{}", opts));
            let workshop = &fangkong_fuzz::golden(fangkong_fuzz::Kind::Filing)[0];
            fangkong_fuzz::judge(&engine, fangkong_fuzz::Kind::Filing, workshop, opts);
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "a refused pack names at least one mistake");
            for e in &errors.0 {
                assert!(e.path.is_empty() || e.path.starts_with('/'), "not a JSON Pointer: {:?}", e.path);
                assert!(!e.message.is_empty());
            }
        }
    }
});
