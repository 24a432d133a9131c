// Times several builds of the runtime against each other, in turns, in one Node process
// (BENCHMARKS.md, "The runtime, smaller"): node scripts/bench-builds.mjs DIR... where each DIR is
// a built pkg/ (scripts/build-pkg.sh DIR, or a copy of pkg/ with another fangkong_bg.wasm).
// ROUNDS=21 by default; prints the median time per call of each input for each build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
const root = new URL("../", import.meta.url).pathname;
const read = (p) => readFileSync(root + p, 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00' };
const inputs = {
  workshop: ['checkFiling', read('examples/filings/workshop.json')],
  factory: ['checkFiling', read('examples/filings/factory-1000.json')],
  inspection: ['scoreInspection', read('examples/inspections/factory-all-pass.json')],
  indicators: ['evaluateIndicators', read('examples/indicators/guangming-district.json')],
};
const builds = [];
for (const [i, d] of process.argv.slice(2).entries()) {
  const { Engine } = await import(pathToFileURL(join(d, 'node.js')).href + '?' + d);
  builds.push({ d: i + ":" + d, e: Engine.withDefaultPack(), Engine });
}
// same answers
for (const [k, [m, t]] of Object.entries(inputs)) {
  const a = builds.map((b) => JSON.stringify(b.e[m](t, opts)));
  if (a.some((x) => x !== a[0])) throw new Error('answers differ: ' + k);
}
const rounds = +(process.env.ROUNDS || 21), res = {};
for (let r = 0; r < rounds; r++) for (const b of builds) for (const [k, [m, t]] of Object.entries({ ...inputs, pack: [null, null] })) {
  let n = 0; const t0 = performance.now(); let t1;
  do { if (m) b.e[m](t, opts); else b.Engine.withDefaultPack().free(); n++; t1 = performance.now(); } while (t1 - t0 < 40);
  ((res[b.d] ??= {})[k] ??= []).push((t1 - t0) / n);
}
for (const b of builds) {
  const row = Object.entries(res[b.d]).map(([k, v]) => { v.sort((x, y) => x - y); return `${k} ${(v[v.length >> 1] * 1000).toFixed(1)} µs`; });
  console.log(b.d, '|', row.join(' | '));
}
