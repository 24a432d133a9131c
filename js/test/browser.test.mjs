// Loading mode 1 in headless Chromium: a page whose <script type="module"> imports
// /pkg/fangkong.js. Every golden case must give the CLI's answer byte for byte; the bad-input
// suite runs in the page; the server script accepts the browser's pack hash.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT, loadCases, missingKinds, nativeAnswers, portableCase } from './lib/cases.mjs';
import { parityTests } from './lib/parity.mjs';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

let server;
let browser;
let page;
let problems;

before(async () => {
  server = await serve({ '/pkg/': join(ROOT, 'pkg'), '/js/test/': join(ROOT, 'js/test') });
  browser = await launch();
  ({ page, problems } = await openPage(browser.context, `${server.url}/js/test/fixtures/module.html`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('parity in Chromium: every golden case gives the CLI answer byte for byte', async (t) => {
  const cases = loadCases();
  assert.ok(cases.length > 0);
  const native = nativeAnswers(cases);
  const results = await page.evaluate((cs) => window.runCases(cs), cases.map(portableCase));
  await parityTests(t, cases, native, results, missingKinds(Engine, cases), assert);
});

test('bad inputs in Chromium: a diagnostic answer or an Error, and the module keeps working', async (t) => {
  const packText = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
  const results = await page.evaluate((p) => window.badInputChecks(p), packText);
  assert.ok(results.length > 40);
  for (const r of results) {
    await t.test(r.name, () => assert.ok(r.pass, r.detail));
  }
  assert.deepEqual(problems, []);
});

test('the server (Node) re-validates with the pack hash the browser reports', async () => {
  const filing = join(ROOT, 'examples/filings/workshop.json');
  const now = '2020-02-04T10:00:00+08:00';
  const browserAnswer = await page.evaluate(([text, now]) => {
    const engine = window.fangkong.Engine.withDefaultPack();
    return JSON.stringify(engine.checkFiling(text, { now }));
  }, [readFileSync(filing, 'utf8'), now]);
  const { pack, decision } = JSON.parse(browserAnswer);
  const r = spawnSync(process.execPath, [join(ROOT, 'js/examples/portal-check.mjs'), filing, pack.hash, now], { encoding: 'utf8' });
  assert.notEqual(r.status, 3, r.stderr);
  assert.ok(r.stdout.startsWith(`${decision} `), r.stdout);
});
