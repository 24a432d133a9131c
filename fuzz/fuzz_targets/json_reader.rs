//! The runtime module's JSON reader (`fangkong::num::read_json`, src/num/read.rs: the `.wasm`
//! reads every submission given as text with it) against serde_json (`from_str`, what the CLI and
//! the Rust API read with natively): on any text, the same `Value` byte for byte, or the same
//! error, message, line and column. A difference would be a submission the browser and the
//! server judge differently. tests/json_reader.rs checks the same on damaged examples and on
//! random JSON-like text; seeds: the golden inputs (scripts/fuzz-corpus.sh).
#![no_main]
use fangkong_fuzz::both_readers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (ours, theirs) = both_readers(text);
    assert_eq!(ours, theirs, "{text:?}");
});
