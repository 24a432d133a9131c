// `make bench` (peers part): the same filings through fangkong (wasm) and three JavaScript
// peers of the default pack (shenzhen-2020, version 2020-02-10): hand-written plain JS,
// json-logic-js (with ajv + ajv-formats for the shape) and json-rules-engine
// (js/bench/peers/). First every engine must reach fangkong's decision — and fire the same
// rules — on every filing (exit status 1, naming the filing and the engines, if not); then
// each is timed, median of repeated batches, and a Markdown table is printed. Writes no file.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadFilings, factory, NOW, TODAY } from './peers/filings.mjs';
import { isoDay } from './peers/ids.mjs';
import { agreement, PEERS as peers } from './peers/agreement.mjs';
import { record } from './results.mjs';
// FANGKONG_PKG=DIR measures another build of the package (as js/bench/wasm.mjs).
const pkg = process.env.FANGKONG_PKG;
const { Engine } = await import(pkg ? pathToFileURL(join(pkg, 'node.js')).href : 'fangkong');

const opts = { now: NOW };
const today = isoDay(TODAY);
const fangkong = Engine.withDefaultPack();
const filings = loadFilings();
const big = factory();
const check = fangkong.checker(opts);

// ---- 1. Agreement (js/bench/peers/agreement.mjs, also a test) ----
const { problems, tally } = await agreement(fangkong);
if (problems.length > 0) {
  console.error(`The engines disagree (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const mix = ['approved', 'conditional', 'deferred', 'incomplete'].map((d) => `${tally[d] ?? 0} ${d}`).join(', ');
console.log(`Agreement: ${filings.length} filings (${mix}) + the 1,000-person factory: fangkong and the ${peers.length} peers reach the same decision and fire the same rules on every one.\n`);

// ---- 2. Timing ----
// Each engine's batch is sized once to take ≥ 50 ms (n calls), then the engines take turns,
// one batch each per round, for 15 rounds: a burst of load on the shared machine then falls
// on every engine alike. The median batch, divided by its calls, is the time per call.
const objects = filings.map((f) => f.filing);
const texts = objects.map((f) => JSON.stringify(f));
const bigText = JSON.stringify(big.filing);
const N = objects.length;
const ROUNDS = 15;

const timed = (fn, isAsync) => (isAsync
  ? async (n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) await fn(); return performance.now() - t0; }
  : async (n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); return performance.now() - t0; });
const cases = [];
const add = (label, key, fn, isAsync, per) => cases.push({ label, key, run: timed(fn, isAsync), per, n: 1, samples: [] });
for (const p of peers) {
  add(p.label, 'set', p.async ? async () => { for (const f of objects) await p.decide(f, today); } : () => { for (const f of objects) p.decide(f, today); }, p.async, N);
  add(p.label, 'big', () => p.decide(big.filing, today), p.async, 1);
}
const FK_TEXT = '**fangkong wasm `checkFiling`, JSON text**';
const FK_OBJECT = '**fangkong wasm `checkFiling`, plain object**';
const FK_CHECKER = '**fangkong wasm `checker(options).checkFiling`, JSON text**';
add(FK_TEXT, 'set', () => { for (const t of texts) fangkong.checkFiling(t, opts); }, false, N);
add(FK_TEXT, 'big', () => fangkong.checkFiling(bigText, opts), false, 1);
add(FK_OBJECT, 'set', () => { for (const o of objects) fangkong.checkFiling(o, opts); }, false, N);
add(FK_OBJECT, 'big', () => fangkong.checkFiling(big.filing, opts), false, 1);
add(FK_CHECKER, 'set', () => { for (const t of texts) check.checkFiling(t); }, false, N);
add(FK_CHECKER, 'big', () => check.checkFiling(bigText), false, 1);
for (const c of cases) while ((await c.run(c.n)) < 50 && c.n < 1e6) c.n *= 2;
for (let r = 0; r < ROUNDS; r++) for (const c of cases) c.samples.push((await c.run(c.n)) / c.n / c.per);
const med = (label, key) => {
  const s = cases.find((c) => c.label === label && c.key === key).samples.sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const rows = [...peers.map((p) => p.label), FK_TEXT, FK_OBJECT, FK_CHECKER].map((label) => ({ label, per: med(label, 'set'), big: med(label, 'big') }));
const [fkText, fkObject, fkChecker] = rows.slice(-3);

const time = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const ratio = (a, b) => { const r = a / b; return r >= 1 ? `${r.toFixed(1)}× slower` : `${(1 / r).toFixed(1)}× faster`; };
console.log(`| engine (Node ${process.version}, ${N} filings) | per filing (median) | fangkong, JSON text, is | fangkong, object, is | fangkong, checker, is | factory-1000 (median) | fangkong, JSON text, is |`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows.slice(0, -3)) {
  console.log(`| ${r.label} | ${time(r.per)} | ${ratio(fkText.per, r.per)} | ${ratio(fkObject.per, r.per)} | ${ratio(fkChecker.per, r.per)} | ${time(r.big)} | ${ratio(fkText.big, r.big)} |`);
}
for (const r of [fkText, fkObject, fkChecker]) console.log(`| ${r.label} | ${time(r.per)} | | | | ${time(r.big)} | |`);
// Recorded as how many times fangkong (JSON text) is faster than each peer, per filing.
record('peers.fangkong', fkText.per * 1000, 'µs', 'node js/bench/peers.mjs');
peers.forEach((p, k) => record(`peers.${p.key}`, rows[k].per / fkText.per, '×', 'node js/bench/peers.mjs'));
