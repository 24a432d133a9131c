// `make bench` (typing, issue 9 point 3): one keystroke through `draft.set` against a whole
// `checkFiling` and the hand-written plain-JS peer re-checking the whole filing, in Node.
// Each keystroke alternates two values, so every one changes the answer where it can. Median
// of repeated timed batches; prints a Markdown table (BENCHMARKS.md, "Typing: the draft").
// FANGKONG_PKG=DIR measures another build of the package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decide } from './peers/plain-js.mjs';
import { isoDay } from './peers/ids.mjs';
import { record } from './results.mjs';

const pkg = process.env.FANGKONG_PKG;
const { Engine } = await import(pkg ? pathToFileURL(join(pkg, 'node.js')).href : 'fangkong');
const { draftChecker } = await import(pkg ? pathToFileURL(join(pkg, 'form.js')).href : 'fangkong/form');

const read = (p) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'));
const opts = { now: '2020-02-04T10:00:00+08:00' };
const today = isoDay('2020-02-04');

function median(fn, { batches = 15, minMs = 50 } = {}) {
  let n = 1;
  for (;;) { // size a batch to take at least minMs
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    if (performance.now() - t0 >= minMs || n > 1e6) break;
    n *= 2;
  }
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    per.push((performance.now() - t0) / n);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}
/** `value` put at `pointer` (plain keys, no escapes) in `doc`. */
const putAt = (doc, pointer, value) => {
  const at = pointer.slice(1).split('/');
  let o = doc;
  for (const k of at.slice(0, -1)) o = o[k];
  o[at.at(-1)] = value;
};
const shown = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

const engine = Engine.withDefaultPack();
const cases = [
  // Typing a number as text: the masks, '60' then '6000' (48 are needed: both enough, so
  // nothing the answer shows moves; the text is read as a number each time). The target's row.
  { key: 'masks', label: 'workshop (examples/filings/workshop.json), typing the masks', file: 'examples/filings/workshop.json', pointer: '/supplies/masks', values: ['60', '6000'] },
  // The masks, '6' then '6000': RTW-P4 fires and clears, gate RTW-G3 and the decision move, and
  // the change list carries the diagnostic with its message (twenty-first session).
  { key: 'rule_moving', label: 'workshop, the masks too few then enough (RTW-P4 and gate RTW-G3 move)', file: 'examples/filings/workshop.json', pointer: '/supplies/masks', values: ['6', '6000'] },
  // Typing a text: the enterprise's address (nothing moves).
  { key: 'address', label: 'workshop, typing the address', file: 'examples/filings/workshop.json', pointer: '/enterprise/address', values: ['深圳市宝安区某某路1号', '深圳市宝安区某某路12号'] },
  // One roster row of 1,000: a phone, one digit short then whole (RTW-F3 fires, then not).
  { key: 'roster_phone', label: 'factory, 1,000-person roster (examples/filings/factory-1000.json), a phone in row 500', file: 'examples/filings/factory-1000.json', pointer: '/roster/500/phone', values: ['1380013800', '13800138000'] },
  // A name in the same row (nothing reads it but the walk).
  { key: 'roster_name', label: 'factory, 1,000-person roster, a name in row 500', file: 'examples/filings/factory-1000.json', pointer: '/roster/500/name', values: ['员工0501', '员工0501号'] },
];

// Warm up first: V8 compiles the .wasm with its baseline compiler and optimises it in the
// background; the first case measured would otherwise run on the baseline code.
for (const c of cases) {
  const draft = engine.draft('filing', opts, read(c.file));
  const until = performance.now() + 500;
  for (let i = 0; performance.now() < until; i++) { draft.set(c.pointer, c.values[i & 1]); if ((i & 15) === 0) draft.answer(); }
  draft.free();
}

console.log(`| one keystroke (Node ${process.version}) | \`draft.set\` | \`draft.set\` + \`answer()\` | whole \`checkFiling\` (object) | plain JS, whole filing |`);
console.log('|---|---:|---:|---:|---:|');
for (const c of cases) {
  const filing = read(c.file);
  const draft = engine.draft('filing', opts, filing);
  // The same keystrokes in a plain object, for checkFiling and the peer.
  const typed = structuredClone(filing);
  const put = (v) => putAt(typed, c.pointer, v);
  const set = median((i) => draft.set(c.pointer, c.values[i & 1]));
  const withAnswer = median((i) => { draft.set(c.pointer, c.values[i & 1]); draft.answer(); });
  const whole = median((i) => { put(c.values[i & 1]); engine.checkFiling(typed, opts); }, { batches: 9 });
  const plain = median((i) => { put(c.values[i & 1]); decide(typed, today); }, { batches: 9 });
  // The draft answers as checkFiling does (not timed).
  if (JSON.stringify(draft.answer()) !== JSON.stringify(engine.checkFiling(draft.value(), opts))) throw new Error(`${c.label}: the draft's answer differs`);
  console.log(`| ${c.label} | ${shown(set)} | ${shown(withAnswer)} | ${shown(whole)} | ${shown(plain)} |`);
  record(`typing.${c.key}`, set * 1000, 'µs', 'node js/bench/draft.mjs');
  record(`typing.${c.key}.plain_js`, plain * 1000, 'µs', 'node js/bench/draft.mjs');
  draft.free();
}

// The whole filing given at each keystroke, as the portal's Web Worker gets it (a fresh copy in
// each message) and as a form's model is: `draftChecker` (fangkong/form) finds what differs and
// gives the draft only that, then asks for the answer. Two prepared copies that differ only at
// the pointer are given in turns (every object in them new to the checker, as a message's are);
// copying is not timed.
console.log('');
console.log(`| the whole filing given at each keystroke (Node ${process.version}) | \`draftChecker.check\` (answer included) | whole \`checkFiling\` (object) |`);
console.log('|---|---:|---:|');
for (const c of cases) {
  const copies = c.values.map((v) => {
    const x = read(c.file);
    putAt(x, c.pointer, v);
    return x;
  });
  const checker = draftChecker(engine, { snapshot: false });
  const viaDraft = median((i) => checker.check('filing', copies[i & 1], opts));
  const whole = median((i) => engine.checkFiling(copies[i & 1], opts), { batches: 9 });
  for (const x of copies) {
    if (JSON.stringify(checker.check('filing', x, opts)) !== JSON.stringify(engine.checkFiling(x, opts))) throw new Error(`${c.label}: draftChecker's answer differs`);
  }
  console.log(`| ${c.label} | ${shown(viaDraft)} | ${shown(whole)} |`);
  checker.free();
}
