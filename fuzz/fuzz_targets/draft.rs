//! Drafts (issue 9, point 3) under any edits, as a form gives them: a draft of any kind starts
//! from an example submission, with the default pack family, and is edited at pointers walked
//! from its value and past it (a new key, `-`, the index past the end or beyond it, keys that
//! need escaping, text that is no pointer at all). The checks: fuzz/src/drafting.rs.
#![no_main]
use fangkong::Locale;
use fangkong_fuzz::drafting::{Edit, run};
use fangkong_fuzz::{Kind, engine, golden, options};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    kind: Kind,
    which: u8,
    /// 0: zh-CN, everything reached; 1: English with a scope; 2: zh-TW, personal data shown.
    variant: u8,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let docs = golden(input.kind);
    let Some(start) = docs.get(usize::from(input.which) % docs.len()) else { return };
    let mut opts = options().clone();
    match input.variant % 3 {
        1 => opts = opts.locale(Locale::En).scope(["/enterprise", "/filedOn", "/roster/1", "/answers", "/units/0"]),
        2 => opts = opts.locale(Locale::ZhTw).personal(true),
        _ => {}
    }
    run(engine(), input.kind, start, opts, &input.edits);
});
