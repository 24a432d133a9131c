//! The runtime module's JSON reader against serde_json: shared by tests/json_reader.rs and the
//! fuzz target `json_reader` (fuzz/src/lib.rs includes this file).

use fangkong::num::read_json;
use serde_json::Value;

/// Both readers' answers to `text`, as text: the value, or the error with its place
/// (`read_json`'s first, serde_json's second).
pub fn both_readers(text: &str) -> (String, String) {
    let ours = match read_json(text) {
        Ok(v) => v.to_string(),
        Err(e) => format!("{e} [{}:{}]", e.line(), e.column()),
    };
    let theirs = match serde_json::from_str::<Value>(text) {
        Ok(v) => v.to_string(),
        Err(e) => format!("{e} [{}:{}]", e.line(), e.column()),
    };
    (ours, theirs)
}
