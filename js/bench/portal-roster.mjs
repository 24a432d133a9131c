// `make bench` (typing in the portal, issue 9 point 3 with issue 8's Web Worker): the filing page
// with the 1,000-person roster (examples/filings/factory-1000.json, checked in the page's Web
// Worker, www/js/check-worker.mjs), 20 characters typed into a roster phone, traced in headless
// Chromium. Prints, per keystroke: the worker's time per check (its `HandlePostMessage` task:
// the filing's copy read, then the check), keydown → the answer in the DOM (the page's
// `fangkong:answer` event), and the main thread's paint and layerize time.
//   [FANGKONG_BASELINE=DIR FANGKONG_BASELINE_WWW=DIR] [ROUNDS=2] node js/bench/portal-roster.mjs
// The baseline (another commit's pkg/ and www/, e.g. `git archive REV pkg www | tar -x -C DIR`)
// is measured in the same run, in turns.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../www/serve.mjs';
import { launchBrowser } from '../test/lib/browser.mjs';
import { record } from './results.mjs';

const NOW = '2020-02-04T10:00:00+08:00';
const builds = [{ label: 'this tree' }];
if (process.env.FANGKONG_BASELINE) builds.push({ label: `baseline ${process.env.FANGKONG_BASELINE}`, pkg: process.env.FANGKONG_BASELINE, www: process.env.FANGKONG_BASELINE_WWW });
const rounds = Number(process.env.ROUNDS ?? 2);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function once(browser, url) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${url}/filing.html?nosw=1&now=${encodeURIComponent(NOW)}`);
    await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
    await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
    await page.selectOption('#example', 'factory-1000');
    await page.click('#load-example');
    await page.waitForFunction(() => document.querySelectorAll('#earliest li button').length === 6, null, { timeout: 30_000 });
    await page.evaluate(() => {
      window.__keys = [];
      let t0 = null;
      addEventListener('keydown', (e) => { if (e.key.length === 1) t0 = performance.now(); }, true);
      addEventListener('fangkong:answer', () => { if (t0 !== null) { window.__keys.push(performance.now() - t0); t0 = null; } });
    });
    await page.click('[name="/roster/0/phone"]');
    await page.keyboard.press('Control+A');
    const dir = mkdtempSync(join(tmpdir(), 'fk-trace-'));
    const path = join(dir, 'trace.json');
    await browser.browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.keyboard.type('13901242486139012424', { delay: 60 });
    await page.waitForTimeout(500);
    await browser.browser.stopTracing();
    const keys = await page.evaluate(() => window.__keys);
    const trace = JSON.parse(readFileSync(path, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    const events = trace.traceEvents ?? trace;
    const threads = new Map();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
    const sum = (name, thread) => events.filter((e) => e.ph === 'X' && e.name === name && threads.get(`${e.pid}:${e.tid}`) === thread).map((e) => e.dur / 1000);
    const worker = sum('HandlePostMessage', 'DedicatedWorker thread');
    const paint = sum('Paint', 'CrRendererMain').reduce((a, b) => a + b, 0) + sum('Layerize', 'CrRendererMain').reduce((a, b) => a + b, 0);
    return { worker, keys, paintPerKey: paint / Math.max(1, keys.length) };
  } finally {
    await page.close();
  }
}

const browser = await launchBrowser();
const servers = [];
try {
  for (const b of builds) {
    const s = await start({ port: 0, now: 'client', ...(b.pkg ? { pkg: b.pkg } : {}), ...(b.www ? { www: b.www } : {}) });
    servers.push(s);
    b.url = s.url;
    b.worker = [];
    b.keys = [];
    b.paint = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const b of builds) {
      const { worker, keys, paintPerKey } = await once(browser, b.url);
      b.worker.push(...worker);
      b.keys.push(...keys);
      b.paint.push(paintPerKey);
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
console.log(`| 1,000-person roster, a phone typed in the filing page (headless Chromium, ${rounds} rounds in turns) | worker, per check: median / max | keydown → answer in the DOM: p50 / p95 | paint + layerize per keystroke (main thread) |`);
console.log('|---|---:|---:|---:|');
for (const b of builds) {
  console.log(`| ${b.label} (${b.worker.length} checks, ${b.keys.length} keystrokes) | ${median(b.worker).toFixed(1)} / ${Math.max(...b.worker).toFixed(1)} ms | ${median(b.keys).toFixed(1)} / ${quantile(b.keys, 0.95).toFixed(1)} ms | ${median(b.paint).toFixed(1)} ms |`);
  if (b.label === 'this tree') record('portal.roster_keystroke_p50', median(b.keys), 'ms', 'node js/bench/portal-roster.mjs');
}
