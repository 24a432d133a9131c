// The batch target (issue 9: 13,378 filings in one `checkFilings` call, ≤ 150 ms in Node) measured
// in turns with another build of the package in the same process: on a machine whose speed
// drifts between runs (BENCHMARKS.md, fifteenth session: the same package took 97 ms at 19:40
// and 211 ms at 22:15), only numbers taken side by side say whether a change cost time.
//   FANGKONG_BASELINE=DIR [ROUNDS=15] node js/bench/batch-turns.mjs
// Prints the median and the fastest round of each; both must give the same answers.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generate } from '../../scripts/gen_filings.mjs';

const base = process.env.FANGKONG_BASELINE;
if (!base) {
  console.error('batch-turns: set FANGKONG_BASELINE to the directory of another build of the package');
  process.exit(2);
}
const builds = [
  ['this package', await import('fangkong')],
  [`baseline ${base}`, await import(pathToFileURL(join(base, 'node.js')).href)],
];
const lines = generate();
const options = { now: '2020-02-12T10:00:00+08:00' };
const engines = builds.map(([, m]) => m.Engine.withDefaultPack());
const decisions = engines.map((e) => e.checkFilings(lines, options).map((a) => a.decision).join());
if (decisions[0] !== decisions[1]) throw new Error('the two builds decide differently');
const times = builds.map(() => []);
const rounds = Number(process.env.ROUNDS ?? 15);
for (let r = 0; r < rounds; r++) {
  engines.forEach((e, i) => {
    const t0 = performance.now();
    e.checkFilings(lines, options);
    times[i].push(performance.now() - t0);
  });
}
const median = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
console.log(`| ${lines.length.toLocaleString('en')} filings, one \`checkFilings\`, JSON text, ${rounds} rounds in turns | median | fastest |`);
console.log('|---|---:|---:|');
builds.forEach(([name], i) => console.log(`| ${name} | ${median(times[i]).toFixed(1)} ms | ${Math.min(...times[i]).toFixed(1)} ms |`));
