#!/usr/bin/env node
// Pre-initialises the runtime module (scripts/build-pkg.sh, after wasm-opt): instantiates it here,
// calls its `__fk_preinit` export (src/wasm.rs: the default engine loaded, as the first
// `Engine.withDefaultPack()` would), and writes the memory that leaves into the module's data.
// A page's first `withDefaultPack()` then loads nothing: V8 compiled the loader's ~30 functions
// lazily for it (1.3–1.5 ms in Node, the larger part of that call), and now never needs them
// for the default pack (BENCHMARKS.md, "The default engine in the module's data"). The same
// idea as Wizer, done with Node's own WebAssembly because the module imports nothing from JS.
//
// Sound because everything the call changed is in linear memory and in the stack pointer:
// - the module imports nothing (checked), so the call did no I/O and its result is the same
//   on every machine: the build stays reproducible (`scripts/build-pkg.sh --check`);
// - the only mutable global it may have changed is the stack pointer (checked: the module has
//   no other mutable global, and the stack pointer is back where it started);
// - the data segments are all active (checked); each keeps its place with the bytes memory
//   holds now, the bytes changed outside them become new segments, and the memory's initial
//   size becomes its size now (the allocator grew it).
// Usage: node scripts/preinit.mjs MODULE_bg.wasm   (rewritten in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, command, dataSegments, leb } from './wasm-bytes.mjs';

const { argv: [file], fail } = command('preinit.mjs', 'MODULE_bg.wasm');
const b = readFileSync(file);
const sections = [];
{
  const r = new Reader(b);
  while (r.p < b.length) {
    const id = b[r.p++];
    const size = r.uleb();
    sections.push({ id, body: b.subarray(r.p, r.p + size) });
    r.p += size;
  }
}
const section = (id) => sections.find((s) => s.id === id);

/** A constant expression `i32.const N end`: N. */
const i32Const = (r) => {
  const n = r.i32Const();
  if (n === null) fail('a global whose initialiser is not one i32.const');
  return n;
};
const sleb = (n) => {
  const out = [];
  for (;;) {
    const x = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(x & 0x40)) || (n === -1 && x & 0x40)) {
      out.push(x);
      return Buffer.from(out);
    }
    out.push(x | 0x80);
  }
};

// Globals: one mutable, the stack pointer.
{
  const g = section(6);
  const r = new Reader(g ? g.body : Buffer.alloc(1), 0);
  let mutable = 0;
  for (let n = r.uleb(); n > 0; n--) {
    r.p++; // value type
    if (r.b[r.p++] === 1) mutable++;
    i32Const(r);
  }
  if (mutable !== 1) fail(`${mutable} mutable globals: only the stack pointer's state is known after the call`);
}
// Data: active segments of memory 0, each `flags 0, i32.const offset, bytes`.
if (!section(11)) fail('no data section');
const segments = dataSegments(b, fail).map((s) => [s.offset, s.offset + s.length]);

const module = new WebAssembly.Module(b);
if (WebAssembly.Module.imports(module).length) fail('the module imports from JS: the call could do anything');
const x = new WebAssembly.Instance(module, {}).exports;
const before = new Uint8Array(x.memory.buffer.slice(0));
const sp = x.__wbindgen_add_to_stack_pointer(0);
if (x.__fk_preinit() !== 1) fail('__fk_preinit failed: the default pack does not load');
if (x.__wbindgen_add_to_stack_pointer(0) !== sp) fail('the stack pointer moved');
const mem = new Uint8Array(x.memory.buffer);

// The changed bytes outside the old segments, in runs (up to 16 unchanged bytes joined in).
// Below the stack pointer is the stack (it grows down from there): what the call's frames
// left there is dead once it returned, and is not kept.
const inside = (i) => segments.some(([s, e]) => i >= s && i < e);
const changed = (i) => i >= sp && (before[i] ?? 0) !== mem[i] && !inside(i);
if (segments.some(([s]) => s < sp)) fail('a data segment below the stack pointer');
const added = [];
for (let i = sp; i < mem.length; i++) {
  if (!changed(i)) continue;
  let end = i + 1;
  for (let j = end; j < mem.length && j - end <= 16; j++) {
    if (changed(j)) end = j + 1;
  }
  added.push([i, end]);
  i = end;
}
const all = [...segments, ...added].sort((p, q) => p[0] - q[0]);
const data = Buffer.concat([
  leb(all.length),
  ...all.map(([s, e]) => Buffer.concat([Buffer.from([0]), Buffer.from([0x41]), sleb(s), Buffer.from([0x0b]), leb(e - s), mem.subarray(s, e)])),
]);

const out = [b.subarray(0, 8)];
for (const s of sections) {
  let body = s.body;
  if (s.id === 11) body = data;
  else if (s.id === 12) body = leb(all.length);
  else if (s.id === 5) {
    const r = new Reader(body, 0);
    if (r.uleb() !== 1) fail('not one memory');
    const flags = r.uleb();
    r.uleb(); // the old initial size
    body = Buffer.concat([leb(1), leb(flags), leb(mem.length / 65536), body.subarray(r.p)]);
  }
  out.push(Buffer.from([s.id]), leb(body.length), body);
}
const written = Buffer.concat(out);
// The result must instantiate, with the default engine there.
{
  const y = new WebAssembly.Instance(new WebAssembly.Module(written), {}).exports;
  if (Buffer.compare(Buffer.from(new Uint8Array(y.memory.buffer, sp)), Buffer.from(mem.subarray(sp))) !== 0) fail('the written module does not start where the call left the memory');
}
writeFileSync(file, written);
console.log(`preinit: ${file}: ${mem.length / 65536} pages, ${added.length} segments added, ${b.length} -> ${written.length} bytes`);
