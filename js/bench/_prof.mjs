import { performance } from 'node:perf_hooks';
import { generate } from '../../scripts/gen_filings.mjs';
const m = await import('fangkong');
const lines = generate();
const e = m.Engine.withDefaultPack();
const options = { now: '2020-02-12T10:00:00+08:00' };
const chk = e.checker(options);
const T = { push: [], next: [], parse: [], total: [], bytes: 0, inb: 0 };
for (let r = 0; r < 9; r++) {
  const t0 = performance.now();
  const b = chk._batch();
  for (let i = 0; i < lines.length; i++) b._push(lines[i], i, lines.length);
  const t1 = performance.now();
  const chunks = [];
  for (;;) { const c = b._next(); if (c === '') break; chunks.push(c); }
  const t2 = performance.now();
  let out; for (const c of chunks) { const p = JSON.parse(c); out = out === undefined ? p : out.concat(p); }
  const t3 = performance.now();
  b.free();
  T.push.push(t1 - t0); T.next.push(t2 - t1); T.parse.push(t3 - t2); T.total.push(t3 - t0);
  T.bytes = chunks.reduce((a, c) => a + c.length, 0); T.n = chunks.length;
}
const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1].toFixed(1);
console.log('push', med(T.push), 'next', med(T.next), 'parse', med(T.parse), 'total', med(T.total), 'answer chars', T.bytes, 'chunks', T.n, 'input chars', lines.reduce((a, l) => a + l.length, 0));
{
  const b = chk._batch();
  for (let i = 0; i < lines.length; i++) b._push(lines[i], i, lines.length);
  const chunks = []; for (;;) { const c = b._next(); if (c === '') break; chunks.push(c); } b.free();
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  const td = new TextDecoder('utf-8', { fatal: true });
  const ts = [];
  for (let r = 0; r < 9; r++) { const t0 = performance.now(); for (const x of bytes) td.decode(x); ts.push(performance.now() - t0); }
  console.log('decode', med(ts), 'utf8 bytes', bytes.reduce((a, x) => a + x.length, 0));
  const ascii = chunks.join('').replace(/[^\x00-\x7f]/g, '').length;
  console.log('ascii chars', ascii);
}
