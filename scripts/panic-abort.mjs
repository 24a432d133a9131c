#!/usr/bin/env node
// A binary `panic_immediate_abort` (scripts/build-pkg.sh, after wasm-bindgen, before wasm-opt):
// the bodies of the panic entry points and of the diverging helpers that build a panic message
// become one `unreachable`, so wasm-opt inlines the trap at every call site and drops what only
// they reached: the message formatting (`fmt::Arguments` built at each site), the payload and
// hook machinery, and the `Location` arguments (their records are zeroed after wasm-opt by
// scripts/panic-data.mjs).
//
// Nothing observable changes. Every function replaced returns `!`: before, it formatted a
// message nobody can read (the module has no import: it cannot print, and there is no panic
// hook) and ended in `__rust_abort`, an `unreachable`; now it reaches the same `unreachable`
// at once. The memory it wrote on the way is never read again: the glue answers any trap with
// `engine.trapped` and makes a fresh instance for the next call (scripts/recover-glue.mjs). A
// Rust panic traps with the same `RuntimeError` as before, only sooner.
//
// Measured on cc6c6c9: the runtime 546,231 -> 537,618 B raw, 212,060 -> 208,889 B gzip -9 (its code
// 8.4 KB smaller: 25 functions gone, 231 callers smaller); the compiler module about twice that.
// Speed within the noise (the calls only ever happened on the way to a trap).
// What stays: functions the table holds for vtables in the data (`FormatStringPayload`'s
// `Display`, a few `Debug` impls), which wasm-opt cannot prove dead.
//
// The names are read from the name section wasm-bindgen leaves (hashes dropped); the build fails
// when an entry point is missing (a toolchain that renamed them would otherwise lose the saving
// silently). The helpers are replaced when present.
// Usage: node scripts/panic-abort.mjs MODULE_bg.wasm   (rewritten in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, command, leb } from './wasm-bytes.mjs';

const ENTRY = [
  '__rustc::rust_begin_unwind', // the #[panic_handler] (std's begin_panic_handler)
  'core::panicking::panic_fmt',
];
const HELPERS = [
  'std::panicking::panic_with_hook', // rust_panic_with_hook: the hook, the panic count
  'std::panicking::panic_handler::{closure#0}',
  '__rustc::rust_panic',
  'core::panicking::panic',
  'core::panicking::panic_bounds_check',
  'core::slice::index::slice_index_fail',
  'core::result::unwrap_failed',
  'core::option::unwrap_failed',
  'core::option::expect_failed',
  'core::cell::panic_already_borrowed',
  'std::thread::local::panic_access_error',
  'core::slice::sort::shared::smallsort::panic_on_ord_violation',
  '<alloc::vec::Vec<_, _>>::insert_mut::assert_failed',
  '<alloc::vec::Vec<_, _>>::remove::assert_failed',
  'alloc::raw_vec::capacity_overflow',
  'alloc::raw_vec::handle_error',
  'alloc::alloc::handle_alloc_error',
  'std::alloc::rust_oom',
  '<hashbrown::raw::Fallibility>::capacity_overflow',
];

const { argv: [file], fail } = command('panic-abort.mjs', 'MODULE_bg.wasm');
const b = readFileSync(file);
const r = new Reader(b);
let imported = 0;
let code = null;
const names = new Map();
while (r.p < b.length) {
  const start = r.p;
  const id = b[r.p++];
  const end = r.uleb() + r.p;
  if (id === 2) {
    for (let n = r.uleb(); n > 0; n--) {
      r.name();
      r.name();
      const kind = b[r.p++];
      if (kind === 0) {
        r.uleb();
        imported += 1;
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) r.p += 1; // the table's element type
        const flags = r.uleb();
        r.uleb();
        if (flags & 1) r.uleb();
      } else if (kind === 3) r.p += 2;
      else fail(`import kind ${kind}`);
    }
  } else if (id === 10) {
    code = { start, end, bodies: [] };
    for (let n = r.uleb(); n > 0; n--) {
      const size = r.uleb();
      code.bodies.push(b.subarray(r.p, r.p + size));
      r.p += size;
    }
  } else if (id === 0 && r.name() === 'name') {
    while (r.p < end) {
      const sub = b[r.p++];
      const subEnd = r.uleb() + r.p;
      if (sub === 1) {
        for (let n = r.uleb(); n > 0; n--) {
          const index = r.uleb();
          names.set(r.name().replace(/\[[0-9a-f]{16}\]/g, ''), index);
        }
      }
      r.p = subEnd;
    }
  }
  r.p = end;
}
if (!code) fail('no code section');
if (names.size === 0) fail('no function names (is this wasm-bindgen\'s output?)');
const stub = new Set();
for (const name of [...ENTRY, ...HELPERS]) {
  const index = names.get(name);
  if (index === undefined) {
    if (ENTRY.includes(name)) fail(`no function ${name} (did the toolchain rename it?)`);
    continue;
  }
  if (index < imported) fail(`${name} is an import`);
  stub.add(index - imported);
}
// A body with no locals whose one instruction is `unreachable`.
const TRAP = Buffer.from([0x00, 0x00, 0x0b]);
const bodies = code.bodies.map((body, i) => (stub.has(i) ? TRAP : body));
const section = Buffer.concat([leb(bodies.length), ...bodies.flatMap((body) => [leb(body.length), body])]);
writeFileSync(file, Buffer.concat([b.subarray(0, code.start), Buffer.from([10]), leb(section.length), section, b.subarray(code.end)]));
console.log(`panic-abort: ${stub.size} functions now trap at once`);
