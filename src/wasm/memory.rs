//! Memory the package may use, counted (issue 10, point 3). When wasm runs out of memory an
//! allocation fails, Rust aborts, and the module traps: every later call would fail, even
//! `Engine.withDefaultPack()`. So the live heap is counted by the global allocator, and work
//! that would take it past [`LIMIT_BYTES`] is refused first with an `Error` whose `code` is
//! `engine.out_of_memory`, while the module is still sound. (Where a trap still happens, the
//! JS glue re-instantiates the module on the next call: scripts/recover-glue.mjs.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use super::convert::{Thrown, coded};

/// Most bytes of live heap the package lets itself hold: 1 GiB, a quarter of what a wasm32
/// memory can grow to, so fragmentation and one more submission's work still fit.
pub const LIMIT_BYTES: usize = 1 << 30;

/// Heap one more engine is allowed to need (an engine of the embedded family holds about
/// 1 MB: js/test/memory.test.mjs measures it).
pub const ENGINE_BYTES: usize = 4 << 20;

/// Heap one more holder of an engine already loaded (the shared default engine) may need.
pub const HANDLE_BYTES: usize = 1 << 10;

// Heap a check may need per byte of its submission's text (value tree, answer, copies): 16,
// reserved by the JS layer before it copies a submission in (src/wasm/api.js, `WORK_PER_BYTE`).

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting the bytes it has handed out and not taken back.
struct Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// SAFETY: every call is forwarded unchanged to `System`; the counter only observes sizes.
// `alloc` and `dealloc` out of line: inlined, each of the ~550 places that free (and ~320 that
// allocate) held its own copy of dlmalloc's size checks (two asserts) and of the counter: 53 KB
// of the runtime's code, 6 KB gzipped (BENCHMARKS.md, "The runtime, smaller: fifth pass").
unsafe impl GlobalAlloc for Counting {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, forwarded as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator (that is, by `System`) with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `dealloc` and `alloc`; on failure the old block stays allocated.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

/// Bytes of heap in use now.
pub fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}

/// Refuse work expected to need about `bytes` more heap when that would pass the limit.
/// (The JS layer makes the same check before it copies a submission in: src/wasm/api.js,
/// `reserve`, with the same message.)
pub fn reserve(bytes: usize, what: impl std::fmt::Display) -> Result<(), Thrown> {
    let live = live_bytes();
    if live.saturating_add(bytes) > LIMIT_BYTES {
        let e = coded(
            &format!(
                "not enough memory for {what}: {live} bytes in use, about {bytes} more needed, at most {LIMIT_BYTES}; \
                 free engines no longer needed (engine.free()) and try again"
            ),
            "engine.out_of_memory",
        );
        return Err(e);
    }
    Ok(())
}

/// The heap in use, in bytes: `memoryUsage()` and the JS layer's `reserve` (src/wasm/api.js),
/// which knows [`LIMIT_BYTES`].
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "_liveBytes", skip_typescript)]
pub fn live_bytes_f64() -> f64 {
    live_bytes() as f64
}
