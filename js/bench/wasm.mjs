// `make bench` (wasm part): the npm package's speed in Node, on the same inputs as the
// native criterion benchmarks. Median of repeated timed batches; prints a Markdown table.
// FANGKONG_PKG=DIR measures another build of the package (scripts/build-pkg.sh DIR), e.g. the
// runtime at another opt-level (BENCHMARKS.md, "Two modules: runtime and compiler").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generate } from '../../scripts/gen_filings.mjs';
import { record } from './results.mjs';

const pkg = process.env.FANGKONG_PKG;
const { Engine } = await import(pkg ? pathToFileURL(join(pkg, 'node.js')).href : 'fangkong');

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00' };

function median(label, fn, { batches = 15, minMs = 50 } = {}) {
  let n = 1;
  for (;;) { // size a batch to take at least minMs
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    if (performance.now() - t0 >= minMs || n > 1e6) break;
    n *= 2;
  }
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    per.push((performance.now() - t0) / n);
  }
  per.sort((a, b) => a - b);
  const ms = per[Math.floor(per.length / 2)];
  const shown = ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
  console.log(`| ${label} | ${shown} |`);
  return ms;
}

const engine = Engine.withDefaultPack();
const workshop = read('examples/filings/workshop.json');
const workshopObj = JSON.parse(workshop);
const factory = read('examples/filings/factory-1000.json');
const inspection = read('examples/inspections/factory-all-pass.json');
const district = read('examples/indicators/guangming-district.json');
const person = read('examples/screening/returned-from-area.json');

console.log('| benchmark (wasm in Node ' + process.version + ') | time (median) |');
console.log('|---|---:|');
median('load the default pack family, precompiled (`Engine.withDefaultPack()`)', () => Engine.withDefaultPack().free());
median('check a filing: workshop, JSON text', () => engine.checkFiling(workshop, opts));
median('check a filing: workshop, plain object', () => engine.checkFiling(workshopObj, opts));
median('check a filing: factory, 1,000-person roster', () => engine.checkFiling(factory, opts));
// One keystroke while typing (issue 7): the filing so far, `scope` = the fields reached.
const half = structuredClone(workshopObj);
delete half.measures;
half.supplies.masks = '6';
const reached = ['/filedOn', '/plannedResumption', '/enterprise', '/contacts', '/staff', '/supplies'];
median('keystroke with scope: workshop, half filled (plain object)', () => engine.checkFiling(half, { ...opts, scope: reached }));
const fac = JSON.parse(factory);
fac.roster.at(-1).phone = '1380013';
const facText = JSON.stringify(fac);
const reachedRoster = ['/filedOn', '/plannedResumption', '/enterprise', '/staff', '/roster'];
median('keystroke with scope: factory, 1,000-person roster (JSON text)', () => engine.checkFiling(facText, { ...opts, scope: reachedRoster }));
median('score an inspection: 27 items', () => engine.scoreInspection(inspection, opts));
median('indicators: district of 19 units', () => engine.evaluateIndicators(district, opts));
median('screen a person', () => engine.screenPerson(person, opts));
// Batch (issue 9): Guangming's 13,378 filings (scripts/gen_filings.mjs) in one call, as the
// district dashboard holds them (JSONL lines) and as objects; against one call per filing.
const lines = generate();
const objects = lines.map((l) => JSON.parse(l));
const later = { now: '2020-02-12T10:00:00+08:00' };
const check = engine.checker(later);
const big = { batches: 5, minMs: 0 };
record('batch.checkFilings', median(`batch: ${lines.length.toLocaleString("en")} filings in one \`checkFilings\` call, JSON text`, () => engine.checkFilings(lines, later), big), 'ms', 'node js/bench/wasm.mjs');
median(`batch: ${lines.length.toLocaleString("en")} filings in one \`checkFilings\` call, objects`, () => engine.checkFilings(objects, later), big);
record('batch.checker', median(`batch: ${lines.length.toLocaleString("en")} filings, \`checker(options).checkFilings\`, JSON text`, () => check.checkFilings(lines), big), 'ms', 'node js/bench/wasm.mjs');
median(`batch: ${lines.length.toLocaleString("en")} filings, one \`checkFiling\` call each, JSON text`, () => { for (const l of lines) engine.checkFiling(l, later); }, big);
