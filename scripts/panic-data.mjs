#!/usr/bin/env node
// Zeroes the panic `Location` records and their source paths that nothing references any more
// (scripts/build-pkg.sh, after wasm-opt, before preinit.mjs). After scripts/panic-abort.mjs the
// calls that passed a `&Location` (a panic's file, line and column) are gone, but the records
// stay in the data segment: wasm-opt cannot split it. Zeros compress to almost nothing.
//
// A record is a 16-byte `core::panic::Location` { file: &str (pointer, length), line, col } whose
// file is a `.rs` path in the data. It is zeroed only when nothing can reach it:
//   - no `i32.const` and no load/store offset in the code points into it, and
//   - no 32-bit word anywhere in the initialised memory (any alignment) points into it.
// A path is zeroed when every record that names it is zeroed and, by the same two tests,
// nothing else points into it. The crate never calls `Location::caller()`: a record is read
// only by the panic machinery, and before panic-abort.mjs every use of a record's address in
// the code was an argument of a call to a function it replaces (checked on cc6c6c9: 203 of 203
// uses). Memory is the same at every call; the records are read by no one.
//
// Measured on the runtime (cc6c6c9, after panic-abort.mjs): 72 of 72 records and 32 of 33 paths
// (3,138 B) zeroed, 208,889 -> 208,070 B gzip -9. Raw unchanged: splitting the segments at the
// zeros (wasm-opt's --memory-packing) is 3.3 KB smaller raw but 0.3 KB larger gzipped.
// Usage: node scripts/panic-data.mjs MODULE_bg.wasm   (rewritten in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { command, dataSegments } from './wasm-bytes.mjs';
import binaryen from '../js/node_modules/binaryen/index.js';

const { argv: [file], fail } = command('panic-data.mjs', 'MODULE_bg.wasm');
const b = readFileSync(file);

// The active data segments: where each lies in memory and in the file.
const segments = dataSegments(b, fail);
const size = Math.max(0, ...segments.map((s) => s.offset + s.length));
const mem = Buffer.alloc(size);
const init = new Uint8Array(size);
for (const s of segments) {
  b.copy(mem, s.offset, s.at, s.at + s.length);
  init.fill(1, s.offset, s.offset + s.length);
}

// Every address the code names: i32.const values and memory-access offsets.
const named = new Set();
{
  const m = binaryen.readBinary(b);
  const text = m.emitText();
  m.dispose();
  for (const line of text.split('\n')) {
    if (/^\s*\(data\b/.test(line)) continue;
    for (const x of line.matchAll(/i32\.const (-?\d+)|offset=(\d+)/g)) named.add(Number(x[1] ?? x[2]) >>> 0);
  }
}
// [from, to): an address one past the end is the next object's (a record is never iterated; a
// loop over a path's bytes would name its start too).
const codeNames = (from, to) => {
  for (let a = from; a < to; a++) if (named.has(a)) return true;
  return false;
};

// The records.
const isPath = (p, l) => l > 3 && l < 1024 && p + l <= size && init.subarray(p, p + l).every(Boolean)
  && /^[\x21-\x7e]+\.rs$/.test(mem.subarray(p, p + l).toString('latin1'));
const records = [];
for (let a = 0; a + 16 <= size; a += 4) {
  if (!init[a] || !init[a + 15]) continue;
  const p = mem.readUInt32LE(a);
  const l = mem.readUInt32LE(a + 4);
  const line = mem.readUInt32LE(a + 8);
  const col = mem.readUInt32LE(a + 12);
  if (line >= 1 && col >= 1 && line < 1 << 20 && col < 1 << 16 && isPath(p, l)) records.push({ a, p, l });
}
// Words of memory that point into [from, to), outside the bytes `skip` marks.
const dataNames = (from, to, skip) => {
  for (let a = 0; a + 4 <= size; a++) {
    if (!init[a] || skip[a]) continue;
    const v = mem.readUInt32LE(a);
    if (v >= from && v < to) return true;
  }
  return false;
};
const inRecord = new Uint8Array(size);
for (const r of records) inRecord.fill(1, r.a, r.a + 16);
const dead = records.filter((r) => !codeNames(r.a, r.a + 16) && !dataNames(r.a, r.a + 16, inRecord));
const zero = new Uint8Array(size);
for (const r of dead) zero.fill(1, r.a, r.a + 16);
const paths = new Map();
for (const r of records) {
  const key = `${r.p}:${r.l}`;
  paths.set(key, (paths.get(key) ?? true) && dead.includes(r));
}
let pathBytes = 0;
let pathsZeroed = 0;
for (const [key, allDead] of paths) {
  if (!allDead) continue;
  const [p, l] = key.split(':').map(Number);
  if (codeNames(p, p + l) || dataNames(p, p + l, zero)) continue;
  zero.fill(1, p, p + l);
  pathBytes += l;
  pathsZeroed += 1;
}
for (const s of segments) {
  for (let i = 0; i < s.length; i++) if (zero[s.offset + i]) b[s.at + i] = 0;
}
writeFileSync(file, b);
console.log(`panic-data: ${dead.length} of ${records.length} Location records, ${pathsZeroed} of ${paths.size} paths (${dead.length * 16 + pathBytes} B) zeroed`);
