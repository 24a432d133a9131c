//! `score_inspection_json` on any text; the answer is valid JSON with the engine's invariants.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        fangkong_fuzz::check_answer(&fangkong_fuzz::engine().score_inspection_json(text, fangkong_fuzz::options()));
    }
});
