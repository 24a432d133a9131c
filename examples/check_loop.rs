//! Instruction counts per filing (issue 9): check one filing N times in one thread, and count
//! the allocations of one check. Run under callgrind:
//!
//! ```text
//! cargo build --release --example check_loop
//! valgrind --tool=callgrind target/release/examples/check_loop examples/filings/workshop.json 1000
//! ```
//!
//! Instructions per filing = (total with N=1000 − total with N=0) / 1000.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use fangkong::time::parse_now;
use fangkong::{Engine, Options};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "examples/filings/workshop.json".into());
    let n: usize = args.next().map_or(1000, |s| s.parse().expect("a count"));
    let text = std::fs::read_to_string(&path).expect("a filing");
    let engine = Engine::with_default_pack().expect("the default pack");
    let opts = Options::at(parse_now("2020-02-04T10:00:00+08:00").expect("a time"));
    // One check, its allocations counted (answer serialised, as the CLI and wasm do).
    let (a0, b0) = (ALLOCS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    let once = serde_json::to_string(&engine.check_filing_json(&text, &opts)).expect("json");
    let (a1, b1) = (ALLOCS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    black_box(once);
    let start = std::time::Instant::now();
    for _ in 0..n {
        let answer = engine.check_filing_json(black_box(&text), &opts);
        black_box(serde_json::to_string(&answer).expect("json"));
    }
    let took = start.elapsed();
    eprintln!(
        "{path}: {} allocations ({} bytes) per check and serialisation; {n} checks in {took:?} ({:.2} µs each)",
        a1 - a0,
        b1 - b0,
        took.as_secs_f64() * 1e6 / n.max(1) as f64
    );
}
