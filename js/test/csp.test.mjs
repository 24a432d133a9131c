// The README's pages without a bundler, in headless Chromium, under the Content-Security-Policy
// the README recommends (sent as a header by the test server), with the .wasm served as
// application/wasm and compressed: the plain <script type="module"> page importing /pkg/fangkong.js
// and the as-you-type page (option `scope`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT, mergePatch } from './lib/cases.mjs';
import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
import { CSP, NOW, checkOnPage, expectedOnPage, newApi, openStrict, waitFor } from './lib/pages.mjs';
import { formToFiling } from '../examples/as-you-type/form-to-filing.js';

const PKG = join(ROOT, 'pkg');
const EXAMPLES = join(ROOT, 'js/examples');
const workshop = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
/** Filings the page checks: one approved, one conditional, one deferred, one empty. */
export const FILINGS = {
  workshop,
  'factory-1000': readFileSync(join(ROOT, 'examples/filings/factory-1000.json'), 'utf8'),
  'workshop, mistyped': JSON.stringify(mergePatch(JSON.parse(workshop), { plannedResumption: '2020-02-07', enterprise: { creditCode: '91440311MA5G0K3P1X' } })),
  empty: '{}',
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Serves `mounts` under the CSP; opens /index.html; runs `fn`; checks nothing went wrong. */
async function withPage(mounts, serverOptions, fn) {
  const server = await serve(mounts, { headers: { 'content-security-policy': CSP }, ...serverOptions });
  try {
    const opened = await openStrict(browser.context, `${server.url}/index.html`);
    try {
      await fn(opened, server);
      assert.deepEqual(opened.problems, []);
      assert.deepEqual(await opened.violations(), []);
    } finally {
      await opened.page.close();
    }
  } finally {
    await server.close();
  }
}

/** The page's answers are the engine's in Node, for every filing. */
async function checksLikeNode({ page, problems }) {
  const decisions = new Set();
  for (const [name, text] of Object.entries(FILINGS)) {
    const want = expectedOnPage(text);
    assert.deepEqual(await checkOnPage(page, problems, text), want, name);
    decisions.add(want.decision);
  }
  assert.ok(decisions.size >= 3, `the filings should reach three rungs: ${[...decisions]}`);
  assert.equal(expectedOnPage(workshop).decision, 'approved');
}

/** The .wasm was fetched once (the preload was used), as application/wasm, compressed. */
function wasmServed(server, encodings) {
  const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `the .wasm was fetched ${wasm.length} times: ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].status, 200);
  assert.equal(wasm[0].type, 'application/wasm');
  assert.ok(encodings.includes(wasm[0].encoding), `Content-Encoding ${wasm[0].encoding}, asked: ${wasm[0].acceptEncoding}`);
}

const web = { '/pkg/': PKG, '/': join(EXAMPLES, 'web') };

test('the plain page (script module importing /pkg/fangkong.js) answers as Node does, under the CSP, brotli', async () => {
  await withPage(web, { compress: ['br', 'gzip'] }, async (opened, server) => {
    await checksLikeNode(opened);
    wasmServed(server, ['br']);
  });
});

test('the plain page with the .wasm sent gzip-compressed', async () => {
  await withPage(web, { compress: ['gzip'] }, async (opened, server) => {
    const { page, problems } = opened;
    assert.deepEqual(await checkOnPage(page, problems, workshop), expectedOnPage(workshop));
    wasmServed(server, ['gzip']);
  });
});

test('the server sends the .wasm as application/wasm, with br or gzip as asked', async () => {
  const server = await serve(web, { headers: { 'content-security-policy': CSP }, compress: true });
  try {
    const raw = readFileSync(join(PKG, 'fangkong_bg.wasm'));
    for (const encoding of ['br', 'gzip']) {
      const r = await fetch(`${server.url}/pkg/fangkong_bg.wasm`, { headers: { 'accept-encoding': encoding } });
      assert.equal(r.headers.get('content-type'), 'application/wasm');
      assert.equal(r.headers.get('content-encoding'), encoding);
      assert.equal(r.headers.get('content-security-policy'), CSP);
      assert.ok(Buffer.from(await r.arrayBuffer()).equals(raw), `${encoding}: not the package's .wasm`);
      assert.ok(WebAssembly.validate(raw));
    }
    const sizes = server.requests.map((q) => q.encoding);
    assert.deepEqual(sizes, ['br', 'gzip']);
  } finally {
    await server.close();
  }
});

test("the policy is enforced: without 'wasm-unsafe-eval' the browser refuses the module", async () => {
  const server = await serve(web, { headers: { 'content-security-policy': "default-src 'self'; script-src 'self'" } });
  try {
    const { page, problems, violations } = await openStrict(browser.context, `${server.url}/index.html`);
    try {
      await waitFor(page, problems, () => false, null, 'refused').catch(() => {});
      assert.ok(problems.some((p) => /WebAssembly/.test(p)), problems.join('; '));
      assert.ok((await violations()).some((v) => v.startsWith('script-src') && v.includes('wasm-eval')), (await violations()).join());
      assert.equal(await page.evaluate(() => document.querySelector('form button').disabled), true);
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
});

// The as-you-type page: typed field by field (in form order, Tab to leave a field), the page
// shows under each input the messages the engine in Node gives for the same filing and scope.
const api = newApi();
test('the as-you-type page (option scope) shows only what the person has reached', {
  todo: api.scope ? undefined : 'the installed pkg/ rejects the option `scope` (options.invalid): rebuild it (issue 7)',
}, async () => {
  const engine = Engine.withDefaultPack();
  const filing = JSON.parse(workshop);
  const mounts = { '/pkg/': PKG, '/': join(EXAMPLES, 'as-you-type') };
  await withPage(mounts, { compress: true }, async ({ page, problems }) => {
    const names = await page.evaluate(() => [...document.querySelectorAll('form input')].map((i) => i.name));
    assert.ok(names.length >= 5);
    // On load, the page checks once with an empty scope: no message, everything pending.
    await waitFor(page, problems, () => document.querySelector('form').elements.decision.value !== '', null, 'no first check');
    const first = engine.checkFiling({}, { now: NOW, locale: 'zh-CN', scope: [] });
    assert.deepEqual(first.diagnostics, []);
    assert.equal(await page.evaluate(() => document.querySelector('form .message')), null);
    assert.equal(await page.evaluate(() => document.querySelector('form').elements.pending.value), String(first.pending));
    const typed = [];
    const visited = [];
    // The workshop's values, then a wrong credit code typed over the right one.
    const steps = names.map((name) => [name, pointerValue(filing, name)]);
    steps.push(['/enterprise/creditCode', '91440311MA5G0K3P1X']);
    let sawPending = false;
    for (const [name, value] of steps) {
      await page.fill(`[name="${name}"]`, String(value));
      await page.press(`[name="${name}"]`, 'Tab');
      if (!visited.includes(name)) visited.push(name);
      typed.push(name);
      const elements = await page.evaluate(() => [...document.querySelector('form').elements].map((e) => ({ name: e.name, type: e.type, value: e.value })));
      const want = engine.checkFiling(formToFiling({ elements }), { now: NOW, locale: 'zh-CN', scope: visited });
      await waitFor(page, problems, (d) => document.querySelector('form').elements.decision.value === d, want.decision, `decision after ${name}`);
      const shown = await page.evaluate(() => [...document.querySelectorAll('form .message')].map((p) => ({
        at: p.previousElementSibling.name, message: p.textContent,
      })));
      const expected = want.diagnostics.map((d) => ({ at: names.includes(d.path) ? d.path : 'decision', message: d.message }));
      const sort = (xs) => xs.map((x) => JSON.stringify(x)).sort();
      assert.deepEqual(sort(shown), sort(expected), `after ${name}`);
      assert.equal(await page.evaluate(() => document.querySelector('form').elements.pending.value), String(want.pending));
      // Nothing missing is shown outside what the person has reached.
      for (const d of want.diagnostics) {
        if (d.missing) assert.ok(visited.some((v) => d.path === v || d.path.startsWith(`${v}/`)), `${d.path} shown too early`);
      }
      if (want.pending > 0) sawPending = true;
    }
    assert.ok(sawPending, 'the form is a part of a filing: missing values outside it stay pending');
    const last = await page.evaluate(() => [...document.querySelectorAll('form .message')].map((p) => [p.previousElementSibling.name, p.textContent]));
    assert.ok(last.some(([at]) => at === '/enterprise/creditCode'), `the wrong credit code is shown under its input: ${JSON.stringify(last)}`);
  });
});

function pointerValue(value, pointer) {
  return pointer.slice(1).split('/').reduce((v, k) => v?.[k], value);
}
