// One keystroke through `draft.set`, this tree's package and another build in one process, in
// turns (a machine whose speed drifts compares builds only side by side): the workshop's masks,
// '60'/'6000' (nothing the answer shows moves) and '6'/'6000' (RTW-P4, gate RTW-G3 and the
// decision move). Median and fastest of 7 rounds of 200,000 keystrokes each.
//
//   FANGKONG_BASELINE=/path/to/other/pkg node js/bench/draft-turns.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const base = process.env.FANGKONG_BASELINE;
if (!base) {
  console.error('FANGKONG_BASELINE=DIR (another build of pkg/) is needed: this script compares two builds');
  process.exit(2);
}
const load = async (dir) => (await import(pathToFileURL(join(dir, 'node.js')).href)).Engine.withDefaultPack();
const A = await load(base);
const B = await load(new URL('../../pkg', import.meta.url).pathname);
const filing = JSON.parse(readFileSync(new URL('../../examples/filings/workshop.json', import.meta.url), 'utf8'));
const opts = { now: '2020-02-04T10:00:00+08:00' };
const N = 200000;
const round = (engine, values) => {
  const d = engine.draft('filing', opts, filing);
  for (let i = 0; i < N / 10; i++) d.set('/supplies/masks', values[i & 1]);
  const t = performance.now();
  for (let i = 0; i < N; i++) d.set('/supplies/masks', values[i & 1]);
  const us = ((performance.now() - t) / N) * 1000;
  d.free();
  return us;
};
console.log(`| draft.set, workshop masks (Node ${process.version}, 7 rounds in turns) | baseline median / fastest | this tree median / fastest |`);
console.log('|---|---:|---:|');
for (const values of [['60', '6000'], ['6', '6000']]) {
  const a = [];
  const b = [];
  for (let r = 0; r < 7; r++) {
    a.push(round(A, values));
    b.push(round(B, values));
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  console.log(`| ${values.join(' ↔ ')} | ${a[3].toFixed(2)} / ${a[0].toFixed(2)} µs | ${b[3].toFixed(2)} / ${b[0].toFixed(2)} µs |`);
}
