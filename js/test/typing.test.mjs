// Issue 7's acceptance: the workshop filing typed field by field, with a growing `scope`,
// in Node and in headless Chromium (see lib/typing.mjs for what is checked at each step).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';
import { typeWorkshop } from './lib/typing.mjs';

const workshop = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));

function check(result) {
  assert.ok(result.steps > 100, `only ${result.steps} keystrokes`);
  assert.deepEqual(result.decisions, ['incomplete', 'approved']);
  assert.deepEqual(result.problems, [], `${result.count} problems`);
}

test('typing the workshop filing in Node: scope grows, nothing invented, incomplete → approved', () => {
  check(typeWorkshop(Engine, workshop));
});

let server;
let browser;
before(async () => {
  server = await serve({ '/pkg/': join(ROOT, 'pkg'), '/js/test/': join(ROOT, 'js/test') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('typing the workshop filing in headless Chromium: the same session, the same result', async () => {
  const { page, problems } = await openPage(browser.context, `${server.url}/js/test/fixtures/typing.html`);
  const result = await page.evaluate((w) => window.typeWorkshop(w), workshop);
  check(result);
  assert.deepEqual(problems, []);
});
