// The README's portal back-end script (js/examples/portal-check.mjs) runs as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';

const SCRIPT = join(ROOT, 'js/examples/portal-check.mjs');
const FILING = join(ROOT, 'examples/filings/workshop.json');
const NOW = '2020-02-04T10:00:00+08:00';

test('the README shows the portal script verbatim', () => {
  const readme = ['README.md', 'README-wasm-notes.md'].map((f) => join(ROOT, f)).find((f) => existsSync(f) && readFileSync(f, 'utf8').includes('## The npm package'));
  assert.ok(readme, 'no README with a `## The npm package` section');
  assert.ok(readFileSync(readme, 'utf8').includes(readFileSync(SCRIPT, 'utf8').trim()), `${readme} does not show js/examples/portal-check.mjs as it is`);
});

test('the portal script accepts a filing judged by the same pack', () => {
  // What the browser sends along: the hash in its own answer to the filing.
  const hash = Engine.withDefaultPack().checkFiling(readFileSync(FILING, 'utf8'), { now: NOW }).pack.hash;
  const r = spawnSync(process.execPath, [SCRIPT, FILING, hash, NOW], { encoding: 'utf8', cwd: join(ROOT, 'js') });
  const want = Engine.withDefaultPack().checkFiling(readFileSync(FILING, 'utf8'), { now: NOW });
  assert.equal(r.status, ['approved', 'conditional'].includes(want.decision) ? 0 : 1, r.stderr);
  assert.ok(r.stdout.startsWith(`${want.decision} (shenzhen-2020 `), r.stdout);
  assert.equal(r.stdout.trim().split('\n').length, 1 + want.diagnostics.length);
});

test('the portal script refuses a filing judged by other rules', () => {
  const r = spawnSync(process.execPath, [SCRIPT, FILING, 'sha256:0000', NOW], { encoding: 'utf8' });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^pack mismatch: browser sha256:0000, server sha256:[0-9a-f]{64}$/m);
});

test('the portal script does not accept a filing still to be filled in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fangkong-portal-'));
  const half = join(dir, 'half.json');
  writeFileSync(half, JSON.stringify({ filedOn: '2020-02-04', enterprise: { name: '深圳市光明某某电子有限公司' } }));
  const hash = Engine.withDefaultPack().packInfo({ on: '2020-02-04' }).hash;
  const r = spawnSync(process.execPath, [SCRIPT, half, hash, NOW], { encoding: 'utf8', cwd: join(ROOT, 'js') });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stdout.startsWith('incomplete (shenzhen-2020 2020-02-10'), r.stdout);
  assert.match(r.stdout, /field\.required|请填写/);
});
