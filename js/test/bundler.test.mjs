// Loading mode 2: a bundler. esbuild bundles an entry that imports `fangkong` by name —
// for the browser (run in headless Chromium) and for Node (run by node).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

const FIXTURES = join(ROOT, 'js/test/fixtures');
// The hash of the pack version that judges the fixtures' filing (filed 2020-02-03).
const hash = Engine.withDefaultPack().checkFiling({ filedOn: '2020-02-03' }, { now: '2020-02-04' }).pack.hash;
let out;

before(() => { out = mkdtempSync(join(tmpdir(), 'fangkong-bundle-')); });
after(() => rmSync(out, { recursive: true, force: true }));

test('esbuild bundle for the browser loads the wasm and answers in Chromium', async () => {
  const dir = join(out, 'web');
  const result = await build({
    entryPoints: [join(FIXTURES, 'bundle-entry.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    loader: { '.wasm': 'file' },
    logLevel: 'silent',
    metafile: true,
  });
  assert.deepEqual(result.errors, []);
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((i) => i.endsWith('pkg/fangkong.js')), `fangkong resolved elsewhere: ${inputs}`);
  assert.ok(!inputs.some((i) => i.endsWith('pkg/node.js')), 'the browser bundle took the node entry');
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.wasm')), 'no .wasm asset emitted');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./bundle-entry.js"></script>\n');
  const server = await serve({ '/bundle/': dir });
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, `${server.url}/bundle/index.html`);
    const r = await page.evaluate(() => window.result);
    assert.equal(r.hash, hash);
    assert.equal(r.decision, 'incomplete', 'a filing with two values is still to be filled in');
    assert.ok(r.diagnostics > 0);
    assert.equal(typeof r.version, 'string');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('esbuild bundle for Node takes the node entry and initialises itself', async () => {
  const dir = join(out, 'node');
  const result = await build({
    entryPoints: [join(FIXTURES, 'bundle-entry-node.js')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node18',
    outfile: join(dir, 'check.mjs'),
    logLevel: 'silent',
    metafile: true,
  });
  assert.deepEqual(result.errors, []);
  assert.ok(Object.keys(result.metafile.inputs).some((i) => i.endsWith('pkg/node.js')), 'the node bundle did not take the node entry');
  // The node entry reads the .wasm beside itself: ship it beside the bundle.
  copyFileSync(join(ROOT, 'pkg/fangkong_bg.wasm'), join(dir, 'fangkong_bg.wasm'));
  const r = spawnSync(process.execPath, [join(dir, 'check.mjs')], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout);
  assert.equal(got.hash, hash);
  assert.equal(got.decision, 'incomplete');
});
