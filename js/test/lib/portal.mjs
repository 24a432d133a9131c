// End-to-end tests of the demo portal (www/): its own server (www/serve.mjs, the same one
// `make demo` runs, with the strict CSP), Debian's Chromium through playwright-core, and
// what every page test checks: no console error, no CSP violation, axe-core finds no serious
// violation, and screenshots saved under test-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start } from '../../../www/serve.mjs';
import { launchBrowser, watchedPage } from './browser.mjs';
import { ROOT } from './cases.mjs';

export const NOW = '2020-02-04T10:00:00+08:00';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * Starts the portal server on a free port and a browser; `close()` stops both. `context` is
 * shared by a test file's pages (storage, the service worker and the cache carry over, as for
 * one person); `fresh()` gives a new, empty context, as a first visit is.
 */
export async function portal() {
  // The pages are opened at 2020's dates (?now=): the back end takes their time (`now: 'client'`).
  const server = await start({ port: 0, now: 'client' });
  const browser = await launchBrowser();
  return {
    url: server.url,
    server,
    browser,
    context: browser.context,
    fresh: () => browser.newContext(),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `path` (e.g. `/filing.html?now=…`) in a new page, waits for `window.portalReady`
 * (set by each page once its engine answered), and records console errors, page errors and
 * CSP violations in `problems`.
 */
export async function openPortal(context, url, { wait = true } = {}) {
  const { page, problems } = await watchedPage(context);
  // A failed request (a missing icon, a file not found) is a problem even when Chromium logs
  // nothing for it.
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`); });
  await page.goto(url);
  if (wait) await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  return { page, problems };
}

/** axe-core on the page (served from /vendor/axe/, same origin, so the CSP allows it): serious and critical violations (`impacts`: others too). */
export async function axe(page, impacts = ['serious', 'critical']) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/vendor/axe/axe.min.js' });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot as test-artifacts/screenshots/NAME.png. */
export async function screenshot(page, name) {
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The page's example picker and pack line in `locale` (tablet QA F11): each example of `kind`
 * (`filing`, `screening`) named in the page's words, its value the file's name; a full-width
 * colon in Chinese. Returns the names shown.
 */
export async function assertExamplesInLocale(page, kind, locale) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'www/offline.json'), 'utf8'));
  const names = manifest.examples.filter(([k]) => k === kind).map(([, path]) => path.replace(/^[^/]+\/|\.json$/g, ''));
  const options = await page.$$eval('#example option', (os) => os.map((o) => [o.value, o.text]));
  assert.deepEqual(options.map(([v]) => v), names, 'the values are the files\' names');
  for (const [v, text] of options) {
    assert.notEqual(text, v, `${locale}: ${v} shown as its file name`);
    if (locale === 'en') assert.doesNotMatch(text, /[\u3400-\u9fff]/, `${locale}: ${text}`);
    else assert.doesNotMatch(text, /[A-Za-z]{3,}/, `${locale}: ${text}`);
  }
  const info = await page.textContent('#pack-info');
  if (locale === 'en') assert.match(info, /^Rule pack: \S+ \S+ · Checked at: \d{4}-\d\d-\d\d$/, info);
  else assert.ok(info.includes('：') && !info.includes(':'), `${locale}: ${info}`);
  return options.map(([, text]) => text);
}
