// Example pages (js/examples/) opened in headless Chromium the way a person would: under a
// strict Content-Security-Policy, at a fixed clock, with every console error or warning,
// page error, failed request and CSP violation collected.
import { Engine } from 'fangkong';

/** The policy the README recommends, sent as a header by the test server. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
/** The examples' moment of checking (their pages use `new Date()`; the test fixes the clock). */
export const NOW = '2020-02-04T10:00:00+08:00';

/** Opens `url`; resolves to { page, problems, violations() }. */
export async function openStrict(context, url, { now = NOW } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  // Browsers ask for /favicon.ico by themselves; no example is about it.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.clock.setFixedTime(new Date(now));
  await page.goto(url);
  return { page, problems, violations: () => page.evaluate(() => window.cspViolations) };
}

/** Waits until `fn` (run in the page) is truthy; fails at once on a page problem. */
export async function waitFor(page, problems, fn, arg, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}`);
    if (Date.now() > end) throw new Error(`${what}: timed out`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The filing page of js/examples/{web,esbuild,vite,webpack}: pastes `text` into the form,
 * presses 检查 and reads what the page shows: { decision, messages }.
 */
export async function checkOnPage(page, problems, text) {
  await waitFor(page, problems, () => !document.querySelector('form button').disabled, null, 'the engine never became ready');
  await page.evaluate(() => { document.querySelector('form').elements.decision.value = ''; });
  await page.fill('textarea[name=filing]', text);
  await page.click('form button');
  await waitFor(page, problems, () => document.querySelector('form').elements.decision.value !== '', null, 'no decision shown');
  return page.evaluate(() => ({
    decision: document.querySelector('form').elements.decision.value,
    messages: [...document.querySelectorAll('#messages li')].map((li) => li.textContent),
  }));
}

/** What the filing page must show for `text`, computed by the engine in Node. */
export function expectedOnPage(text, now = NOW) {
  const answer = Engine.withDefaultPack().checkFiling(text, { now, locale: 'zh-CN' });
  return { decision: answer.decision, messages: answer.diagnostics.map((d) => `${d.path || '/'}：${d.message}`) };
}

/**
 * What the installed package offers of the API of issue 7, detected at run time: `scope`
 * (rejected as an unknown option, `options.invalid`, by older builds) and `describe`.
 */
export function newApi() {
  const engine = Engine.withDefaultPack();
  let scope = true;
  try {
    engine.checkFiling({}, { now: NOW, scope: [] });
  } catch (e) {
    if (e.code !== 'options.invalid') throw e;
    scope = false;
  }
  return { scope, describe: typeof engine.describe === 'function' };
}
