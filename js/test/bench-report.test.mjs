// `make bench` writes issue 9's targets into BENCHMARKS.md (js/bench/report.mjs): each row's
// verdict comes from the numbers, at the bound included, and a rerun replaces its section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { BEGIN, END, judge, parseResults, render, splice } from '../bench/report.mjs';

const BENCH = new URL('../bench/', import.meta.url);
const results = (pairs) => parseResults(pairs.map(([id, value]) => JSON.stringify({ id, value, command: `cmd ${id}`, load: 1 })).join('\n'));
const all = [
  ['peers.json_logic_js', 6.2], ['peers.json_rules_engine', 46.1], ['peers.plain_js', 1 / 1.4], ['peers.fangkong', 23.5],
  ['native.filings_per_cpu_second', 265_000], ['typing.masks', 2.0], ['typing.masks.plain_js', 6.2],
  ['typing.rule_moving', 8.2], ['typing.rule_moving.plain_js', 6.6], ['typing.roster_phone', 7.7], ['typing.roster_name', 2.2],
  ['batch.checkFilings', 132.6], ['ready.node', 5.3], ['ready.chromium', 19.3], ['portal.roster_keystroke_p50', 12.2],
  ['size.runtime', 216_292], ['size.compiler', 345_818],
];
const status = (rows, start) => rows.find((r) => r.target.startsWith(start)).status;

test('each target is judged by its number: met, not met, recorded', () => {
  const byId = results(all);
  const rows = judge((id) => byId.get(id));
  assert.equal(status(rows, 'whole filing: faster than json-logic-js'), 'met');
  assert.equal(status(rows, 'stretch'), 'met');
  assert.equal(status(rows, 'typing: one `draft.set`, workshop'), 'met');
  assert.equal(status(rows, 'typing: one `draft.set` that moves'), 'not met');
  assert.equal(status(rows, 'ready: instantiate + default engine, Node'), 'not met');
  assert.equal(status(rows, 'ready: instantiate + default engine, headless Chromium'), 'met');
  assert.equal(status(rows, 'size: runtime'), 'not met');
  assert.equal(status(rows, 'size: compiler'), 'recorded');
  assert.equal(status(rows, 'the portal'), 'recorded');
  assert.match(rows.find((r) => r.target.startsWith('stretch')).measured, /^1\.40× \(23\.5 µs per filing\)$/);
  assert.equal(rows.find((r) => r.target.startsWith('batch')).command, 'cmd batch.checkFilings');
});

test('a bound is met at the bound and not a hair beyond it', () => {
  const at = (pairs) => { const m = results(pairs); return judge((id) => m.get(id)); };
  assert.equal(status(at([['batch.checkFilings', 150]]), 'batch'), 'met');
  assert.equal(status(at([['batch.checkFilings', 150.01]]), 'batch'), 'not met');
  assert.equal(status(at([['size.runtime', 120 * 1024]]), 'size: runtime'), 'met');
  assert.equal(status(at([['size.runtime', 120 * 1024 + 1]]), 'size: runtime'), 'not met');
  assert.equal(status(at([['native.filings_per_cpu_second', 199_999]]), 'native'), 'not met');
  // Faster than plain JS is part of the typing bound: 4 µs against plain JS's 3 is not met.
  assert.equal(status(at([['typing.masks', 4], ['typing.masks.plain_js', 3]]), 'typing: one `draft.set`, workshop'), 'not met');
  assert.equal(status(at([['peers.plain_js', 1 / 1.5], ['peers.fangkong', 10]]), 'stretch'), 'met');
  assert.equal(status(at([['peers.plain_js', 1 / 1.51], ['peers.fangkong', 10]]), 'stretch'), 'not met');
});

test('a row whose numbers were not recorded says so, and is not met', () => {
  const m = results([['typing.masks', 2]]);
  const rows = judge((id) => m.get(id));
  assert.equal(status(rows, 'typing: one `draft.set`, workshop'), 'not measured');
  assert.equal(status(rows, 'batch'), 'not measured');
  assert.match(render(rows, { date: 'd', commit: 'c', cpus: 2, cpu: 'x', memory: '1 GiB', node: 'n', rustc: 'r', loads: [] }), /0 of 12 bounded rows met/);
  assert.match(render(rows, { date: 'd', commit: 'c', cpus: 2, cpu: 'x', memory: '1 GiB', node: 'n', rustc: 'r', loads: [] }), /\| — \| ≤ 150 ms \| not measured \| `node js\/bench\/wasm\.mjs` \|/);
});

test('the last value recorded for an id is the one judged', () => {
  const m = parseResults([JSON.stringify({ id: 'ready.node', value: 6 }), '', JSON.stringify({ id: 'ready.node', value: 4 })].join('\n'));
  assert.equal(m.get('ready.node').value, 4);
});

test('the section goes in before the first section, and a rerun replaces it', () => {
  const doc = '# Benchmarks\n\nMachine…\n\n## Older section\n\ntext\n';
  const byId = results(all);
  const machine = { date: '2026-12-02 23:59', commit: '`abc`', cpus: 2, cpu: 'EPYC', memory: '24 GiB', node: 'Node v20', rustc: 'rustc 1.95.0', loads: [0.5, 1.2] };
  const once = splice(doc, render(judge((id) => byId.get(id)), machine));
  assert.ok(once.startsWith('# Benchmarks\n\nMachine…\n\n<!-- make bench: begin'));
  assert.ok(once.endsWith('\n\n## Older section\n\ntext\n'));
  assert.match(once, /load average \(1 min\) during the run 0\.5–1\.2/);
  assert.match(once, /\| batch: 13,378 filings in one `checkFilings` call, Node \| 132\.6 ms \| ≤ 150 ms \| met \|/);
  assert.match(once, /\| size: runtime `pkg\/fangkong_bg\.wasm`, gzip -9 \| 216,292 B \(211\.2 KiB\) \| ≤ 120 KiB \| \*\*not met\*\* \|/);
  const later = results([...all, ['batch.checkFilings', 171.0]]);
  const twice = splice(once, render(judge((id) => later.get(id)), machine));
  assert.equal(twice.split(BEGIN).length, 2, 'one section');
  assert.equal(twice.split(END).length, 2);
  assert.match(twice, /171\.0 ms \| ≤ 150 ms \| \*\*not met\*\*/);
  assert.doesNotMatch(twice, /132\.6 ms/);
  assert.ok(twice.endsWith('\n\n## Older section\n\ntext\n'));
});

test('every number a target reads is recorded by a bench script (or measured by the report)', () => {
  const asked = new Set();
  judge((id) => { asked.add(id); return undefined; });
  const read = (dir) => readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'report.mjs' && f !== 'results.mjs')
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const scripts = read(BENCH);
  const withPeers = [...scripts, ...read(new URL('peers/', BENCH))];
  const report = readFileSync(new URL('report.mjs', BENCH), 'utf8');
  for (const id of asked) {
    if (id.startsWith('size.')) { assert.ok(report.includes(`'${id}'`), id); continue; }
    // `record('batch.checkFilings', …)`, or `record(\`typing.${c.key}\`, …)` and a `key: 'masks'`
    // among that script's cases (the peers' keys are in js/bench/peers/agreement.mjs).
    const [head, key] = id.split('.');
    const found = scripts.some((s) => s.includes(`record('${id}'`))
      || (scripts.some((s) => s.includes(`record(\`${head}.\${`)) && withPeers.some((s) => s.includes(`key: '${key}'`)));
    assert.ok(found, `no bench script records ${id}`);
  }
});
