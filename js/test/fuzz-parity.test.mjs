// 1,000 fuzzed inputs give identical answers in the CLI, Node and Chromium (issue 10,
// acceptance): golden inputs mutated by a seeded generator (js/test/lib/fuzz-inputs.mjs), run
// through `fangkong --jsonl`, the package in Node (object and JSON text, one by one and in a
// batch) and the same package in headless Chromium, compared byte for byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT, loadCases, missingKinds, nativeAnswers, portableCase } from './lib/cases.mjs';
import { fuzzCases } from './lib/fuzz-inputs.mjs';
import { parityTests } from './lib/parity.mjs';
import { runCases } from './lib/run-cases.mjs';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

const cases = fuzzCases(loadCases(), 1000);
let native;
let server;
let browser;
let page;

before(async () => {
  native = nativeAnswers(cases);
  server = await serve({ '/pkg/': join(ROOT, 'pkg'), '/js/test/': join(ROOT, 'js/test') });
  browser = await launch();
  ({ page } = await openPage(browser.context, `${server.url}/js/test/fixtures/module.html`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the fuzzed inputs are 1,000, of every kind, and the CLI answers each', () => {
  assert.equal(cases.length, 1000);
  assert.equal(new Set(cases.map((c) => c.kind)).size, 4);
  assert.equal(new Set(cases.map((c) => JSON.stringify(c.input))).size > 900, true, 'mostly distinct inputs');
  for (const c of cases) assert.ok(native.get(c.file)?.line, `${c.file}: no CLI answer`);
  // Not all the same verdict: the mutations reach the rules, not only the shape check.
  const decisions = new Set(cases.map((c) => JSON.parse(native.get(c.file).line).decision));
  assert.ok(decisions.size >= 3, [...decisions].join());
});

test('Node: every fuzzed input gives the CLI answer byte for byte', async (t) => {
  await parityTests(t, cases, native, runCases(Engine, cases.map(portableCase)), missingKinds(Engine, cases), assert);
});

test('Chromium: every fuzzed input gives the CLI answer byte for byte', async (t) => {
  const results = await page.evaluate((cs) => window.runCases(cs), cases.map(portableCase));
  await parityTests(t, cases, native, results, missingKinds(Engine, cases), assert);
});
