//! Instruction counts per keystroke of a draft (issue 9, typing): set one value N times,
//! alternating two, and serialise each edit's changes as the wasm does. Run under callgrind:
//!
//! ```text
//! cargo build --release --example draft_loop
//! valgrind --tool=callgrind target/release/examples/draft_loop examples/filings/workshop.json /supplies/masks 6 6000 1000
//! ```
//!
//! Instructions per keystroke = (total with N=1000 − total with N=0) / 1000.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use fangkong::time::parse_now;
use fangkong::{Engine, Options};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, d: &str| args.get(i).cloned().unwrap_or_else(|| d.to_owned());
    let path = arg(0, "examples/filings/workshop.json");
    let pointer = arg(1, "/supplies/masks");
    let values = [arg(2, "6"), arg(3, "6000")];
    let n: usize = arg(4, "1000").parse().expect("a count");
    let text = std::fs::read_to_string(&path).expect("a filing");
    let engine = Engine::with_default_pack().expect("the default pack");
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").expect("a time"));
    let mut draft = engine.draft_filing(&opts);
    draft.set("", serde_json::from_str(&text).expect("JSON")).expect("the filing");
    let start = std::time::Instant::now();
    for i in 0..n {
        let v = values.get(i % 2).cloned().unwrap_or_default();
        let changes = draft.set(black_box(&pointer), serde_json::Value::String(v)).expect("an edit");
        black_box(serde_json::to_string(&changes).expect("json"));
    }
    let took = start.elapsed();
    eprintln!("{path} {pointer}: {n} edits in {took:?} ({:.2} µs each)", took.as_secs_f64() * 1e6 / n.max(1) as f64);
}
