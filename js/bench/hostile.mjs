// Hostile inputs' cost, in growth (hostile audit, thirty-second session; SECURITY.md "Limits":
// hostile input gets bounded work). Each shape is timed at n and 4n; the work is linear when
// the time grows about 4× (allocation and cache effects make it a little more), and quadratic
// when it grows about 16×. Before this session three shapes were quadratic: a scope of many
// pointers against many missing values (4,000 + 4,000: 7.9 s), units naming parents that are
// not in the report (32,000: 9 s) and an inspection's distinct `needs` (100,000: 28 s natively);
// in the thirty-fourth, a variant's own rules (16,000: a minute).
//
//   node js/bench/hostile.mjs            this tree's pkg/
//   FANGKONG_PKG=/path/to/pkg node js/bench/hostile.mjs
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const pkg = resolve(process.env.FANGKONG_PKG ?? new URL('../../pkg', import.meta.url).pathname);
const { Engine } = await import(pathToFileURL(`${pkg}/node.js`).href);
const { Engine: Compiler } = await import(pathToFileURL(`${pkg}/compiler-node.js`).href);
const engine = Engine.withDefaultPack();
const now = '2020-02-12T10:00:00+08:00';
const N = Number(process.env.HOSTILE_N ?? 2000);

const shapes = [
  ['a scope of n pointers, n empty roster rows (3n missing values)', (n) =>
    engine.checkFiling(JSON.stringify({ roster: new Array(n).fill({}) }), { now, scope: Array.from({ length: n }, (_, i) => `/*/*/x${i}`) })],
  ['a draft of n empty rows given a scope of n pointers', (n) => {
    const d = engine.draft('filing', { now }, { roster: new Array(n).fill({}) });
    try { d.setScope(Array.from({ length: n }, (_, i) => `/roster/${i}/name`)); } finally { d.free(); }
  }],
  ['n units, each naming a parent not in the report', (n) =>
    engine.evaluateIndicators(JSON.stringify({ date: '2020-02-12', units: Array.from({ length: 4 * n }, (_, i) => ({ id: `U${i}`, parent: `X${i}` })) }), { now })],
  ['an inspection with n distinct needs', (n) =>
    engine.scoreInspection(JSON.stringify({ inspectedOn: '2020-02-12', facts: { needs: Array.from({ length: 10 * n }, (_, i) => `n${i}`) } }), { now })],
  // A variant's own rules (packs audit, thirty-fourth session: 16,000 took a minute, each looked
  // up along the growing list of rules when merged over its parent, and again when its mistakes
  // were placed; 2,000 → 8,000: 414 → 6,228 ms before, 239 → 346 ms after).
  ['a variant giving n rules of its own (new Engine)', (n) => {
    const rules = Array.from({ length: n }, (_, i) => ({ id: `INS-X-${i}`, kind: 'item', section: 'INS-S1', weight: 1 }));
    new Compiler(JSON.stringify({ id: 'v', version: '2020-02-10', effectiveFrom: '2020-02-01', extends: 'shenzhen-2020', rules })).free();
  }],
];

const time = (f, n) => {
  f(Math.max(1, n >> 4)); // warm
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    f(n);
    best = Math.min(best, performance.now() - t);
  }
  return best;
};

console.log(`hostile shapes, ${pkg}; fastest of 3, n = ${N} and ${4 * N}`);
console.log('| shape | n | 4n | growth (linear ≈ 4, quadratic ≈ 16) |\n|---|---:|---:|---:|');
for (const [name, f] of shapes) {
  const a = time(f, N);
  const b = time(f, 4 * N);
  console.log(`| ${name} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${(b / a).toFixed(1)}× |`);
}
