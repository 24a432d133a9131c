// The JS ↔ wasm boundary (issue 9, point 2): what a filing costs on its way in and its answer
// on its way out, for each way the package offers. `node js/bench/boundary.mjs [FILE]`;
// the table is in BENCHMARKS.md. Every variant is first checked to give the same answer, byte
// for byte. serde-wasm-bindgen and js-sys objects are not in the build (they were measured on a
// prototype and dropped, see BENCHMARKS.md), so they are not rows here.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// FANGKONG_PKG=DIR measures another build of the package (as js/bench/wasm.mjs).
const pkg = process.env.FANGKONG_PKG;
const { Engine } = await import(pkg ? pathToFileURL(join(pkg, 'node.js')).href : 'fangkong');

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00' };

/**
 * Median time per call (µs) of each function: `batches` rounds, each timing every function in
 * turn over a batch of at least `minMs`, so that what else runs on the machine weighs on every
 * row alike.
 */
function medians(fns, { batches = 21, minMs = 60 } = {}) {
  const sizes = fns.map((fn) => {
    let n = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      if (performance.now() - t0 >= minMs || n > 1e6) return n;
      n *= 2;
    }
  });
  const per = fns.map(() => []);
  for (let b = 0; b < batches; b++) {
    fns.forEach((fn, k) => {
      const n = sizes[k];
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      per[k].push(((performance.now() - t0) / n) * 1000);
    });
  }
  return per.map((p) => p.sort((x, y) => x - y)[Math.floor(p.length / 2)]);
}

const engine = Engine.withDefaultPack();
const check = engine.checker(opts);
const file = process.argv[2] || 'examples/filings/workshop.json';
const text = JSON.stringify(JSON.parse(read(file)));
const object = JSON.parse(text);
const answerText = JSON.stringify(engine.checkFiling(text, opts));

const rows = [
  ['a plain object in (`JSON.stringify` inside), `JSON.parse` of the answer out: JSON text both ways', () => engine.checkFiling(object, opts)],
  ['the caller passes JSON text (a string it already has)', () => engine.checkFiling(text, opts)],
  ['`engine.checker(options)` once, then `check.checkFiling(object)`', () => check.checkFiling(object)],
  ['`engine.checker(options)` once, then `check.checkFiling(text)`', () => check.checkFiling(text)],
];
for (const [label, fn] of rows) {
  if (JSON.stringify(fn()) !== answerText) throw new Error(`${label}: not the same answer`);
}

// The JS side of the boundary alone, for scale.
rows.push(['(JS alone) `JSON.stringify` of the filing object', () => JSON.stringify(object)]);
rows.push([`(JS alone) \`JSON.parse\` of the answer's text (${answerText.length} chars)`, () => JSON.parse(answerText)]);
const times = medians(rows.map(([, fn]) => fn));
console.log(`| filing in / answer out (${file}, wasm in Node ${process.version}) | µs per filing (median) |`);
console.log('|---|---:|');
rows.forEach(([label], k) => console.log(`| ${label} | ${times[k].toFixed(1)} |`));
