// Headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'fangkong-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A browser for tests that need a fresh context per page (nothing cached, no icon fetched
 * before, no service worker, no storage): `context` is a first context, `newContext()` makes
 * another. Closes every context it made with the browser.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    context: await browser.newContext(),
    newContext: (options = {}) => browser.newContext(options),
    close: () => browser.close(),
  };
}

/**
 * A new page whose problems are recorded in `problems`: page errors, console errors, and
 * Content-Security-Policy violations (reported by the page itself, and Chromium's "Refused to").
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(text)) problems.push(`console ${m.type()}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

/** Opens `url`, waits for `window.ready` (set by the page) and fails on its error. */
export async function openPage(context, url) {
  const { page, problems } = await watchedPage(context);
  await page.goto(url);
  await page.waitForFunction(() => window.ready !== undefined, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.ready);
  if (ready !== 'ok') throw new Error(`${url}: ${ready}; ${problems.join('; ')}`);
  return { page, problems };
}
