// The 复工备案 filing page (www/filing.html) in Chromium, as enterprise staff use it: typed
// field by field (full-width digits, a wrong credit code fixed later), reloaded mid-form,
// taken offline, a 1,000-person roster, a hostile name, axe-core and screenshots. Timings are
// measured and written to test-artifacts/perf-filing.json, never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';
import { ARTIFACTS, NOW, assertExamplesInLocale, axe, openPortal, portal, screenshot } from './lib/portal.mjs';

const PAGE = `/filing.html?now=${encodeURIComponent(NOW)}`;
const WORKSHOP = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
const WRONG_CODE = '91440311MA5G0K3P1X'; // the workshop's code with a wrong check character
/** Personal values as a Chinese IME or a phone keyboard gives them: written back normalised (bindForm's `personal: true`). */
const fullWidth = (s) => s.replace(/[0-9+\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const PERSONAL = {
  '/contacts/firstResponsible/phone': '＋８６ １３８ ００１３ ８０００',
  '/contacts/firstResponsible/idNumber': fullWidth('440306198503122134'),
  '/contacts/healthLiaison/phone': fullWidth('0755-12345678'),
};
const XSS = '<img src=x onerror=alert(1)>';
const engine = Engine.withDefaultPack();
const d = engine.describe('filing', { locale: 'zh-CN', on: '2020-02-04' });
/** The decision's words as the page shows them (the pack's, through describe). */
const said = (x, dl = d) => dl.decisions?.find((o) => o.value === x)?.label ?? { incomplete: '待补充', deferred: '暂缓复工', conditional: '整改后复工', approved: '准予复工' }[x];
const perf = { measuredAt: new Date().toISOString(), browser: null };

let p;
before(async () => { p = await portal(); });
after(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'perf-filing.json'), `${JSON.stringify(perf, null, 2)}\n`);
  console.log(`perf-filing: ${JSON.stringify(perf, null, 2)}`);
  await p?.close();
});

const real = (problems) => problems;
async function open(path = PAGE, opts) {
  const r = await openPortal(p.context, `${p.url}${path}`, { wait: false, ...opts });
  if (opts?.wait !== false) await r.page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  return r;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10 : null;
};
const idOf = (pointer) => `f${pointer.replace(/[^A-Za-z0-9_]+/g, '-')}`;
const leaves = (v, prefix = '', out = []) => {
  for (const [k, x] of Object.entries(v)) {
    if (x && typeof x === 'object' && !Array.isArray(x)) leaves(x, `${prefix}/${k}`, out);
    else out.push([`${prefix}/${k}`, x]);
  }
  return out;
};
/** The workshop's values in the order the form shows its fields. */
const ORDER = d.fields.map((f) => f.pointer);
const FIELDS = leaves(WORKSHOP).sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b));
const byPointer = new Map(d.fields.map((f) => [f.pointer, f]));

/** Keydown → the answer in the DOM (the page's `fangkong:answer` event), and → the next frame. */
async function instrument(page) {
  await page.evaluate(() => {
    window.__keys = { update: [], frame: [] };
    let t0 = null;
    addEventListener('keydown', (e) => { if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) t0 = performance.now(); }, true);
    addEventListener('fangkong:answer', () => {
      if (t0 === null) return;
      const start = t0;
      t0 = null;
      window.__keys.update.push(performance.now() - start);
      requestAnimationFrame(() => window.__keys.frame.push(performance.now() - start));
    });
  });
}
const keySamples = (page) => page.evaluate(() => window.__keys);

/** Message elements that show something, by the pointer of their input. */
const shownMessages = (page) => page.evaluate(() => [...document.querySelectorAll('#filing .message')]
  .filter((m) => !m.hidden && m.textContent.trim() !== '')
  .map((m) => [document.getElementById(m.id.replace(/-msg$/, ''))?.name, m.textContent]));

async function typeField(page, pointer, value) {
  const f = byPointer.get(pointer) ?? byPointer.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*')); // a roster cell: its column
  const sel = `[name="${pointer}"]`;
  if (f.type === 'boolean') {
    await page.focus(sel);
    await page.selectOption(sel, String(value));
  } else {
    await page.click(sel);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.type(sel, String(value));
  }
  await page.keyboard.press('Tab');
}
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

test('first load to ready, on localhost and under Fast 3G (measured, not asserted)', async () => {
  const { page, problems } = await open();
  perf.browser = await page.evaluate(() => navigator.userAgent.match(/Chrom\w+\/[\d.]+/)?.[0]);
  perf.firstLoadLocalhostMs = Math.round(await page.evaluate(() => window.portalReadyAt));
  await page.close();
  assert.deepEqual(real(problems), []);

  const slow = await p.context.newPage();
  const cdp = await p.context.newCDPSession(slow);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 });
  await slow.goto(`${p.url}${PAGE}`);
  await slow.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  perf.firstLoadFast3gMs = Math.round(await slow.evaluate(() => window.portalReadyAt));
  perf.fast3g = { latencyMs: 562.5, downloadBytesPerSec: 188743, uploadBytesPerSec: 86400, cache: 'disabled', serviceWorker: 'bypassed' };
  await slow.close();
});

test('a filing typed field by field: messages under the right fields, none ahead, full-width digits, a wrong credit code fixed, reload and offline, approved', async () => {
  const { page, problems } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  const dialogs = [];
  page.on('dialog', (dl) => { dialogs.push(dl.message()); dl.dismiss(); });
  // Generated from describe: every field of the filing has its input, label and hint.
  for (const f of d.fields.filter((x) => !['object', 'array'].includes(x.type))) {
    if (f.pointer.includes('*')) continue;
    const id = idOf(f.pointer);
    assert.equal(await page.locator(`label[for="${id}"]`).first().innerText().then((s) => s.replace(/\s*\*$/, '')), f.label, f.pointer);
    // The pack's hint first; a value asked for only in some cases says on what after it.
    if (f.hint) assert.equal(await page.locator(`#${id}-hint > span`).first().innerText(), f.hint);
    assert.equal(await page.locator(`#${id}`).evaluate((x) => x.required), !!f.required, `${f.pointer} required`);
    if (f.type === 'boolean') assert.deepEqual(await page.locator(`#${id} option`).allInnerTexts(), ['未填写', ...f.enum.map((o) => o.label)]);
    if (f.type === 'number') assert.equal(await page.locator(`#${id}`).getAttribute('type'), 'text');
  }
  assert.equal(await page.locator('#decision').innerText(), said('incomplete'));
  assert.deepEqual(await shownMessages(page), [], 'nothing visited, nothing shown');
  // No planned date yet: who cannot be on site is not known, never "none" (fourth audit).
  assert.equal(await page.locator('#earliest li').innerText(), '待定：填写拟复工日期后给出');
  await instrument(page);

  const visited = new Set();
  const wrong = engine.checkFiling({ enterprise: { creditCode: WRONG_CODE } }, { now: NOW, scope: ['/enterprise/creditCode'] })
    .diagnostics.find((x) => x.path === '/enterprise/creditCode');
  let reloaded = false;
  for (const [pointer, value] of FIELDS) {
    if (pointer === '/enterprise/creditCode') {
      await typeField(page, pointer, WRONG_CODE);
      await settled(page);
      assert.match(await page.locator('#f-enterprise-creditCode-msg').innerText(), new RegExp(wrong.message));
      assert.equal(await page.locator('#f-enterprise-creditCode').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#f-enterprise-creditCode').getAttribute('aria-describedby'), /f-enterprise-creditCode-msg/);
    } else if (pointer === '/staff/total') {
      await typeField(page, pointer, '１２'); // full-width digits, as a Chinese IME types them
      await settled(page);
      assert.equal(await page.inputValue('[name="/staff/total"]'), '12', 'written back as 12');
    } else if (PERSONAL[pointer]) {
      // D3: a full-width phone or ID number is written back normalised, as the engine gives it.
      await typeField(page, pointer, PERSONAL[pointer]);
      await settled(page);
      assert.equal(await page.inputValue(`[name="${pointer}"]`), String(value), `${pointer} written back normalised`);
    } else {
      await typeField(page, pointer, value);
    }
    visited.add(pointer);
    await settled(page);
    for (const [name, text] of await shownMessages(page)) {
      assert.ok(visited.has(name), `a message under ${name}, not reached yet: ${text}`);
    }
    if (pointer === '/staff/total' && !reloaded) {
      // Reload mid-form: every field typed so far comes back (and the wrong code's message).
      reloaded = true;
      const before = await keySamples(page);
      await page.waitForTimeout(100);
      await page.reload();
      await page.waitForFunction(() => window.portalReady === true);
      for (const v of visited) {
        const want = v === '/enterprise/creditCode' ? WRONG_CODE : v === '/staff/total' ? '12' : String(valueAtPointer(WORKSHOP, v));
        assert.equal(await page.inputValue(`[name="${v}"]`), want, `${v} restored`);
      }
      assert.match(await page.locator('#f-enterprise-creditCode-msg').innerText(), new RegExp(wrong.message));
      await instrument(page);
      await page.evaluate((b) => { window.__keys.update.push(...b.update); window.__keys.frame.push(...b.frame); }, before);
    }
  }
  // Still deferred by the wrong code; fix it.
  assert.notEqual(await page.locator('#decision').innerText(), said('approved'));
  await typeField(page, '/enterprise/creditCode', WORKSHOP.enterprise.creditCode);
  await settled(page);
  assert.equal(await page.locator('#f-enterprise-creditCode-msg').evaluate((m) => m.hidden || m.textContent === ''), true);
  assert.equal(await page.locator('#f-enterprise-creditCode').getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#decision').innerText(), said('approved'));
  assert.equal(await page.locator('#decision').getAttribute('class'), 'decision approved');
  assert.equal(await page.locator('#pending').innerText(), '必填项已全部填写');
  assert.deepEqual(await page.locator('#gates .state').allInnerTexts(), d.gates.map(() => '无此情形'));
  assert.deepEqual(await page.locator('#gates .gate-head strong').allInnerTexts(), d.gates.map((g) => g.title));
  assert.deepEqual(await shownMessages(page), []);
  const keys = await keySamples(page);
  perf.keystrokeWorkshop = {
    keystrokes: keys.update.length,
    toDomUpdateMs: { p50: quantile(keys.update, 0.5), p95: quantile(keys.update, 0.95), max: quantile(keys.update, 1) },
    toNextFrameMs: { p50: quantile(keys.frame, 0.5), p95: quantile(keys.frame, 0.95), max: quantile(keys.frame, 1) },
  };
  assert.ok(keys.update.length >= 40, `${keys.update.length} keystrokes measured`);

  // Offline: checks go on in the page; a reload comes from the service worker; a submission waits.
  await page.reload(); // under the service worker now: this load fills its cache
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true, 'the service worker controls the page');
  await p.context.setOffline(true);
  await typeField(page, '/supplies/masks', '1');
  await settled(page);
  assert.equal(await page.locator('#decision').innerText(), said('deferred'), 'checked offline');
  await typeField(page, '/supplies/masks', String(WORKSHOP.supplies.masks));
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await page.inputValue('[name="/enterprise/name"]'), WORKSHOP.enterprise.name);
  assert.equal(await page.locator('#decision').innerText(), said('approved'));
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
  assert.match(await page.locator('#send-status').innerText(), /未发送/);
  const box = await page.evaluate(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]'));
  assert.equal(box.length, 1);
  assert.equal(box[0].status, 'notSent');
  assert.equal(box[0].submission.enterprise.creditCode, WORKSHOP.enterprise.creditCode);
  assert.deepEqual(box[0].submission.contacts, WORKSHOP.contacts, 'the personal values are kept normalised');
  assert.match(await page.locator('#outbox').innerText(), /待发送 1 份/);
  // 提交 again, still offline: the same filing is not queued twice (portal audit: both went).
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
  await settled(page);
  assert.equal((await page.evaluate(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]'))).length, 1, 'queued once');
  assert.match(await page.locator('#outbox').innerText(), /待发送 1 份/);
  // Back online, the outbox is sent and the district's server accepts it.
  await p.context.setOffline(false);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]').length === 0, null, { timeout: 10_000 });
  assert.deepEqual(p.server.submissions.at(-1), { kind: 'filing', decision: 'approved', same: true });
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className === 'sent');
  assert.match(await page.locator('#send-status').innerText(), /已提交 · 区里已受理/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(real(problems), []);
  await page.close();
});

function valueAtPointer(v, pointer) {
  return pointer.split('/').slice(1).reduce((x, k) => x?.[k], v);
}

test('a hostile name shows as text; rows pasted from a spreadsheet; gate causes and start dates focus their fields', async () => {
  const { page, problems } = await open();
  const dialogs = [];
  page.on('dialog', (dl) => { dialogs.push(dl.message()); dl.dismiss(); });
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  await typeField(page, '/enterprise/name', XSS);
  // Two rows copied from a spreadsheet, pasted into the first name cell of an empty roster.
  await page.click('#f-roster .add-row');
  const rows = [
    [XSS, '440306198503122134', '13800138001', '是', '是', '否', '2020-02-01'],
    ['王某某', '11010519491231002x', '１３８００１３８００２', '是', '否', '否', ''],
  ].map((r) => r.join('\t')).join('\r\n');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector('[name="/roster/0/name"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, `${rows}\r\n`);
  await settled(page);
  assert.equal(await page.locator('#f-roster tbody tr').count(), 2);
  assert.equal(await page.inputValue('[name="/roster/0/name"]'), XSS);
  assert.equal(await page.inputValue('[name="/roster/0/keyAreaHistory"]'), 'true');
  // D3: pasted personal values come back normalised (a full-width phone, a lower-case x).
  assert.equal(await page.inputValue('[name="/roster/1/phone"]'), '13800138002');
  assert.equal(await page.inputValue('[name="/roster/1/idNumber"]'), '11010519491231002X');
  assert.equal(await page.inputValue('[name="/roster/1/keyAreaHistory"]'), 'false');
  // The pasted key-area employee arrived 2020-02-01: first working day 2020-02-15, by row.
  const earliest = await page.locator('#earliest li').allInnerTexts();
  assert.deepEqual(earliest, [`${XSS}（第 1 行） 2020-02-15`]);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no img element created');
  await page.click('#earliest button');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/roster/0/arrivedOn');
  // A gate fails; its cause names the field; clicking it focuses the input.
  // 删除第 1 行 removes row 1, not the last one (portal audit, twenty-sixth session: the
  // inputs' old values were copied back over the list, and the last employee was lost).
  await page.click('#f-roster tbody tr:nth-child(1) button.remove');
  await settled(page);
  assert.equal(await page.locator('#f-roster tbody tr').count(), 1);
  assert.equal(await page.inputValue('[name="/roster/0/name"]'), '王某某');
  assert.equal(await page.inputValue('[name="/roster/0/phone"]'), '13800138002');
  assert.equal(await page.locator('#earliest li button').count(), 0, 'the key-area employee removed is no longer listed');
  await page.click('#f-roster tbody tr:nth-child(1) button.remove');
  await typeField(page, '/staff/keyArea/unreachable', '1');
  await settled(page);
  const g6 = page.locator('#gate-RTW-G6');
  assert.equal(await g6.locator('.state').innerText(), '存在此情形（不放手）');
  assert.equal(await page.locator('#decision').innerText(), said('deferred'));
  await g6.locator('.causes button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.name), '/staff/keyArea/unreachable');
  await page.locator('#gate-RTW-G3 .fields button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.name), '/supplies/masks');
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('a 1,000-person roster loads, is checked in the worker, and typing stays responsive (longest frame measured)', async () => {
  const { page, problems } = await open();
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.selectOption('#example', 'factory-1000');
  const t0 = Date.now();
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelectorAll('#earliest li button').length === 6, null, { timeout: 20_000 });
  perf.factory1000LoadToAnswerMs = Date.now() - t0;
  assert.equal(await page.locator('#worker-note').isVisible(), true, 'checked in the worker');
  assert.equal(await page.locator('#f-roster tbody tr').count(), 50, 'a page of rows at a time');
  assert.match(await page.locator('#f-roster .pager').innerText(), /共 1000 行 · 第 1 \/ 20 页/);
  assert.equal(await page.locator('#decision').innerText(), said('conditional'));

  await page.evaluate(() => {
    window.__frames = { loaf: [], longtask: [], gaps: [], run: true };
    for (const type of ['long-animation-frame', 'longtask']) {
      try {
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__frames[type === 'longtask' ? 'longtask' : 'loaf'].push(e.duration); }).observe({ type });
      } catch { /* not supported */ }
    }
    let last = performance.now();
    const loop = (t) => { window.__frames.gaps.push(t - last); last = t; if (window.__frames.run) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  });
  await instrument(page);
  await page.click('[name="/roster/0/phone"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1390124248', { delay: 40 });
  // Its error shows once the cell is left (F6: not while typed), and goes at the keystroke that makes it right.
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('[name="/roster/0/phone"]').getAttribute('aria-invalid') === 'true', null, { timeout: 10_000 });
  await page.click('[name="/roster/0/phone"]');
  await page.keyboard.press('End');
  await page.keyboard.type('6', { delay: 40 });
  await page.waitForFunction(() => document.querySelector('[name="/roster/0/phone"]').getAttribute('aria-invalid') === null, null, { timeout: 10_000 });
  await page.click('[name="/enterprise/address"]');
  await page.keyboard.press('End');
  await page.keyboard.type(' Building B, 2F', { delay: 40 });
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => { window.__frames.run = false; return window.__frames; });
  const keys = await keySamples(page);
  perf.roster1000 = {
    keystrokes: keys.update.length,
    toDomUpdateMs: { p50: quantile(keys.update, 0.5), p95: quantile(keys.update, 0.95), max: quantile(keys.update, 1) },
    longestFrameMs: Math.round(Math.max(0, ...frames.gaps.slice(1)) * 10) / 10,
    longAnimationFrames: frames.loaf.map((x) => Math.round(x)),
    longTasks: frames.longtask.map((x) => Math.round(x)),
  };
  // Earliest start → its row, on the page that holds it.
  await page.locator('#earliest button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.name), '/roster/734/arrivedOn');
  assert.match(await page.locator('#f-roster .pager').innerText(), /第 15 \/ 20 页/);
  assert.equal(await page.inputValue('[name="/roster/734/arrivedOn"]'), '2020-01-28');
  // Paging kept every row as it was (yes/no answers included): same start dates, same decision.
  assert.equal(await page.inputValue('[name="/roster/734/keyAreaHistory"]'), 'true');
  await page.click('#f-roster .pager button:has-text("上一页")');
  await page.click('#f-roster .pager button:has-text("下一页")');
  await page.click('#f-roster .pager button:has-text("下一页")');
  await settled(page);
  assert.equal(await page.locator('#earliest li button').count(), 6);
  assert.equal(await page.locator('#decision').innerText(), said('conditional'));
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('axe-core finds nothing serious; screenshots in zh-CN and en; labels from the pack in each locale', async () => {
  for (const locale of ['zh-CN', 'en']) {
    const { page, problems } = await open(`${PAGE}&locale=${locale}`);
    const dl = engine.describe('filing', { locale, on: '2020-02-04' });
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
    await page.fill('[name="/enterprise/creditCode"]', WRONG_CODE);
    await page.fill('[name="/staff/keyArea/unreachable"]', '1');
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), dl.title);
    assert.equal(await page.locator('label[for="f-staff-total"]').innerText().then((s) => s.replace(/\s*\*$/, '')), dl.fields.find((f) => f.id === 'staff.total').label);
    assert.deepEqual(await page.locator('#gates .gate-head strong').allInnerTexts(), dl.gates.map((g) => g.title));
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `filing-${locale}`);
    assert.deepEqual(real(problems), []);
    await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
    await page.close();
  }
});

/** The filing page with no draft kept from an earlier test. */
async function openEmpty() {
  const opened = await open();
  await opened.page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await opened.page.reload();
  await opened.page.waitForFunction(() => window.portalReady === true);
  return opened;
}

test('载入 and 清空 can be undone; 提交 with values missing marks them all and sends nothing', async () => {
  const { page, problems } = await openEmpty();
  // What the clerk typed survives one click on 清空 or 载入: 撤销 brings it back.
  await typeField(page, '/enterprise/name', '深圳市某某五金厂');
  await typeField(page, '/staff/total', '30');
  await settled(page);
  assert.equal(await page.isVisible('#undo-replace'), false, 'nothing to undo yet');
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/name"]').value === '');
  assert.equal(await page.isVisible('#undo-replace'), true);
  await page.click('#undo-replace');
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/name"]').value === '深圳市某某五金厂');
  assert.equal(await page.inputValue('[name="/staff/total"]'), '30');
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction((n) => document.querySelector('[name="/enterprise/name"]').value === n, WORKSHOP.enterprise.name);
  await page.click('#undo-replace');
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/name"]').value === '深圳市某某五金厂');
  assert.equal(await page.isVisible('#undo-replace'), false);
  // Key-area staff returned and a planned date, but nobody in the roster: not 无, to be known.
  await typeField(page, '/plannedResumption', '2020-02-10');
  await typeField(page, '/staff/keyArea/returned', '2');
  await settled(page);
  await page.waitForFunction(() => document.querySelector('#earliest li').textContent.startsWith('待定：在花名册中填写'));
  // 提交 while values are missing: every one is marked at its field, and nothing is sent.
  const sent = p.server.submissions.length;
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
  assert.match(await page.locator('#send-status').innerText(), /未提交：还有\d+项待填写/);
  const marked = await page.locator('#filing [aria-invalid="true"]').count();
  assert.ok(marked >= 10, `${marked} fields marked`);
  // …and the person is taken to the first of them.
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('#filing [aria-invalid="true"]')), true, 'focus on the first value to fill in');
  assert.equal(p.server.submissions.length, sent, 'nothing sent');
  assert.deepEqual(real(problems), []);
  await page.close();
});

test('printed, the filing shows its values whole and none of the page\'s controls', async () => {
  const { page, problems } = await open();
  await page.selectOption('#example', 'factory-1000');
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelectorAll('#f-roster tbody tr').length > 0, null, { timeout: 20_000 });
  await page.emulateMedia({ media: 'print' });
  const got = await page.evaluate(() => {
    const cut = [...document.querySelectorAll('#filing input[type="text"], #f-roster input')]
      .filter((i) => i.offsetParent !== null && i.value && i.scrollWidth > i.clientWidth + 1)
      .map((i) => `${i.name}=${i.value}`);
    const shown = (sel) => [...document.querySelectorAll(sel)].some((x) => getComputedStyle(x).display !== 'none');
    return { cut, bar: shown('.bar'), buttons: shown('main button'), picker: shown('input[type="file"]'), decidedBy: shown('.gate .decided-by') };
  });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(got.cut, [], 'values cut in print');
  assert.equal(got.bar, false);
  assert.equal(got.buttons, false);
  assert.equal(got.picker, false);
  assert.equal(got.decidedBy, false, '由这些字段决定： without its links');
  assert.deepEqual(real(problems), []);
  await page.close();
});

test('the earliest-start panel follows every answer: 待定 until the planned date, the key-area count and the roster say, then the dates', async () => {
  const { page, problems } = await openEmpty();
  const panel = () => page.locator('#earliest').innerText();
  const count = d.fields.find((f) => f.pointer === '/staff/keyArea/returned').label;
  const waitsFor = (text) => page.waitForFunction((x) => document.getElementById('earliest').innerText === x, text, { timeout: 5_000 })
    .catch(async () => assert.equal(await panel(), text));
  assert.equal(await panel(), '待定：填写拟复工日期后给出');
  // The planned date alone: still to be known, now for want of the key-area count (fourth
  // audit: the panel kept asking for the date, then said 无 with the count empty).
  await typeField(page, '/plannedResumption', '2020-02-10');
  await waitsFor(`待定：填写${count}后给出`);
  await typeField(page, '/staff/keyArea/returned', '0');
  await waitsFor('无');
  await typeField(page, '/staff/keyArea/returned', '2');
  await waitsFor('待定：在花名册中填写重点疫区返回的员工及抵达日期后给出');
  await typeField(page, '/staff/keyArea/returned', '');
  await waitsFor(`待定：填写${count}后给出`);
  await typeField(page, '/staff/keyArea/returned', '1');
  // A key-area employee in the roster, returning and arrival not yet given: still to be known;
  // then the date.
  const roster = '待定：在花名册中填写重点疫区返回的员工及抵达日期后给出';
  await page.click('#f-roster .add-row');
  await typeField(page, '/roster/0/name', '李某');
  await waitsFor(roster);
  await typeField(page, '/roster/0/keyAreaHistory', 'true');
  await typeField(page, '/roster/0/arrivedOn', '2020-02-01');
  await waitsFor(roster);
  await typeField(page, '/roster/0/returning', 'true');
  await waitsFor('李某（第 1 行） 2020-02-15');
  // The same data after a reload says the same.
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await panel(), '李某（第 1 行） 2020-02-15');
  await typeField(page, '/roster/0/keyAreaHistory', 'false');
  await waitsFor(roster); // 1 returned, no one listed
  await typeField(page, '/staff/keyArea/returned', '0');
  await waitsFor('无');
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('a gate cause quotes the value typed last (portal audit: it kept 现有1只 after 300 and 479 were typed)', async () => {
  const { page, problems } = await openEmpty();
  const cause = () => page.locator('#gate-RTW-G3 .causes').innerText();
  const waitsFor = (part) => page.waitForFunction((x) => document.querySelector('#gate-RTW-G3 .causes').innerText.includes(x), part, { timeout: 5_000 })
    .catch(async () => assert.match(await cause(), new RegExp(part)));
  await typeField(page, '/staff/returning', '80');
  await typeField(page, '/supplies/masks', '1');
  await waitsFor('现有1只');
  for (const n of ['300', '479']) {
    await typeField(page, '/supplies/masks', n);
    await waitsFor(`现有${n}只`);
    assert.doesNotMatch(await cause(), /现有1只/);
  }
  assert.deepEqual(real(problems), []);
  await page.close();
});

test('a field reached and left empty is asked for again after a reload (portal audit: only filled fields counted as reached)', async () => {
  const { page, problems } = await openEmpty();
  const total = '/staff/total';
  await page.click(`[name="${total}"]`);
  await page.keyboard.press('Tab'); // reached, left empty
  await page.waitForFunction((p) => document.getElementById(`f${p.replace(/[^A-Za-z0-9_]+/g, '-')}-msg`)?.textContent.includes('请填写'), total, { timeout: 5_000 });
  await settled(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.draft.filing') || 'null')?.scope?.includes('/staff/total'), null, { timeout: 5_000 });
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  await page.waitForFunction((p) => document.getElementById(`f${p.replace(/[^A-Za-z0-9_]+/g, '-')}-msg`)?.textContent.includes('请填写'), total, { timeout: 5_000 });
  assert.deepEqual(real(problems), []);
  await page.close();
});

test('every field button of the gate panel focuses something, also while its table is empty (portal audit)', async () => {
  const { page, problems } = await openEmpty();
  const buttons = await page.$$eval('#gates .field-link', (bs) => bs.map((b, i) => ({ i, pointer: b.dataset.pointer, label: b.textContent })));
  assert.ok(buttons.length > 10, `${buttons.length} buttons`);
  const lost = [];
  for (const b of buttons) {
    await page.evaluate((i) => { const x = document.querySelectorAll('#gates .field-link')[i]; x.focus(); x.click(); }, b.i);
    const focused = await page.evaluate(() => { const a = document.activeElement; return a && a !== document.body && !a.classList.contains('field-link') && !a.disabled ? a.tagName : null; });
    if (!focused) lost.push(b.label);
  }
  assert.deepEqual(lost, []);
  assert.deepEqual(real(problems), []);
  await page.close();
});

test('打开 JSON 文件 can be undone as 载入 can; a file that is not a filing says so and leaves the form as it was', async () => {
  const { page, problems } = await openEmpty();
  await typeField(page, '/enterprise/name', '深圳市某某五金厂');
  await typeField(page, '/staff/total', '30');
  await settled(page);
  const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  // Not JSON, and JSON that is not a filing: a message, the form and its draft untouched.
  for (const [name, text, why] of [['not-json.json', '{ enterprise: 1 }', '不是有效的 JSON'], ['array.json', '[1,2,3]', '不是一份备案']]) {
    await page.setInputFiles('#open-file', file(name, text));
    await page.waitForFunction(() => document.getElementById('example-message').textContent !== '');
    const said = await page.locator('#example-message').innerText();
    assert.ok(said.includes(name) && said.includes(why) && said.includes('表单未改动'), said);
    assert.equal(await page.inputValue('[name="/enterprise/name"]'), '深圳市某某五金厂');
    assert.equal(await page.inputValue('[name="/staff/total"]'), '30');
    assert.equal(await page.isVisible('#undo-replace'), false);
  }
  // A filing: it replaces the form, and 撤销 brings back what was typed (draft included).
  await page.setInputFiles('#open-file', file('workshop.json', JSON.stringify(WORKSHOP)));
  await page.waitForFunction((n) => document.querySelector('[name="/enterprise/name"]').value === n, WORKSHOP.enterprise.name);
  assert.equal(await page.locator('#example-message').innerText(), '');
  assert.equal(await page.isVisible('#undo-replace'), true);
  await page.click('#undo-replace');
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/name"]').value === '深圳市某某五金厂');
  assert.equal(await page.inputValue('[name="/staff/total"]'), '30');
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await page.inputValue('[name="/enterprise/name"]'), '深圳市某某五金厂');
  assert.equal(await page.inputValue('[name="/staff/total"]'), '30');
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('inputs in one row of the form keep their height when a neighbour shows a message', async () => {
  const { page, problems } = await open();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  const heights = () => page.$$eval('#filing .field input[type="text"]', (xs) => [...new Set(xs.map((x) => Math.round(x.getBoundingClientRect().height)))]);
  const before = await heights();
  assert.equal(before.length, 1, `text inputs of ${before.join(', ')} px`);
  // A message under 备案日期 (fourth audit: 拟复工日期 beside it grew from 38 to 52 px).
  await typeField(page, '/filedOn', '2020-0');
  await settled(page);
  assert.notEqual(await page.locator('#f-filedOn-msg').innerText(), '');
  assert.deepEqual(await heights(), before);
  const [a, b] = await page.$$eval('[name="/filedOn"], [name="/plannedResumption"]', (xs) => xs.map((x) => Math.round(x.getBoundingClientRect().top)));
  assert.equal(a, b, 'the two dates share a row');
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('the roster pager counts its rows in English as English does', async () => {
  const { page, problems } = await open(`${PAGE}&locale=en`);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  const pager = (text) => page.waitForFunction((x) => document.querySelector('#f-roster .pager span').textContent === x, text, { timeout: 5_000 })
    .catch(async () => assert.equal(await page.locator('#f-roster .pager span').innerText(), text));
  await pager('0 rows · page 1 of 1');
  // By keyboard (by mouse: the "Add a row" test below).
  const add = async () => { await page.focus('#f-roster .add-row'); await settled(page); await page.keyboard.press('Enter'); };
  await add();
  await pager('1 row · page 1 of 1'); // fourth audit: "1 rows"
  await add();
  await pager('2 rows · page 1 of 1');
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('after a reload, a filing already sent says when it was sent and what the district said, until it is changed', async () => {
  const { page, problems } = await open();
  await page.evaluate(() => { localStorage.removeItem('fangkong.draft.filing'); localStorage.removeItem('fangkong.sent.filing'); });
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className === 'sent');
  assert.equal(await page.textContent('#send-status'), '已提交 · 区里已受理');
  // Portal audit, twenty-fifth session: the record of what was sent held the whole filing (names,
  // phones, ID numbers) and outlived 清空. It keeps a digest only.
  const kept = await page.evaluate(() => localStorage.getItem('fangkong.sent.filing'));
  assert.deepEqual(Object.keys(JSON.parse(kept)).sort(), ['accepted', 'at', 'decision', 'digest']);
  for (const personal of [WORKSHOP.contacts.firstResponsible.idNumber, WORKSHOP.contacts.firstResponsible.phone, WORKSHOP.enterprise.name]) {
    assert.ok(!kept.includes(personal), personal);
  }
  // Fourth audit: after a reload only 已恢复上次填写的内容 was shown, as if never sent.
  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  assert.match(await page.textContent('#send-status'), /^已于 \d{4}-\d\d-\d\d \d\d:\d\d 提交 · 区里已受理$/);
  assert.equal(await page.getAttribute('#send-status', 'class'), 'sent');
  // Changed since: no longer said to be sent.
  await typeField(page, '/supplies/masks', '500');
  await page.waitForFunction(() => document.getElementById('send-status').textContent === '');
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await page.textContent('#send-status'), '');
  // 清空 forgets what was sent, with the form.
  assert.notEqual(await page.evaluate(() => localStorage.getItem('fangkong.sent.filing')), null);
  await page.click('#clear');
  await page.waitForFunction(() => localStorage.getItem('fangkong.sent.filing') === null);
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => { localStorage.removeItem('fangkong.draft.filing'); localStorage.removeItem('fangkong.sent.filing'); });
  await page.close();
});

test('reward early, punish late (portal audit F6): typing 9144 into the credit code shows no error until the field is left', async () => {
  const context = await p.fresh();
  const { page, problems } = await openPortal(context, `${p.url}${PAGE}`);
  const sel = '[name="/enterprise/creditCode"]';
  const msg = () => page.locator('#f-enterprise-creditCode-msg').evaluate((m) => (m.hidden ? '' : m.textContent));
  await page.evaluate(() => { window.__answered = 0; addEventListener('fangkong:answer', () => { window.__answered++; }); });
  const answered = async () => {
    const n = await page.evaluate(() => window.__answered);
    return () => page.waitForFunction((k) => window.__answered > k, n);
  };
  await page.click(sel);
  for (const ch of '9144') {
    const next = await answered();
    await page.keyboard.type(ch);
    await next();
    await settled(page);
    assert.equal(await msg(), '', `no message while typing, after ${ch}`);
    assert.equal(await page.getAttribute(sel, 'aria-invalid'), null);
  }
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/creditCode"]').getAttribute('aria-invalid') === 'true');
  const want = engine.checkFiling({ enterprise: { creditCode: '9144' } }, { now: NOW, scope: ['/enterprise/creditCode'] })
    .diagnostics.find((x) => x.path === '/enterprise/creditCode');
  assert.match(await msg(), new RegExp(want.message));
  // Back in it: gone the moment the code is right, while still typing.
  await page.click(sel);
  await page.keyboard.press('End');
  const next = await answered();
  await page.keyboard.type(WORKSHOP.enterprise.creditCode.slice(4));
  await next();
  await page.waitForFunction(() => document.querySelector('[name="/enterprise/creditCode"]').getAttribute('aria-invalid') === null);
  assert.equal(await msg(), '');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/enterprise/creditCode');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone (375 px) a bar at the top keeps the decision and the gates passed / failed / undetermined in sight while typing, and leads to the panels; axe passes', async () => {
  const context = await p.fresh();
  const { page, problems } = await openPortal(context, `${p.url}${PAGE}`, { wait: false });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  await typeField(page, '/supplies/masks', '1'); // too few masks: a gate fails
  await page.waitForFunction(() => !document.getElementById('decision').classList.contains('approved'));
  const inView = (sel) => page.locator(sel).evaluate((x) => { const r = x.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; });
  // Deep in the form, typing: the bar is in the viewport, the panels are not.
  await page.click('[name="/staff/total"]');
  await page.locator('[name="/staff/total"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 400));
  assert.ok(await page.evaluate(() => scrollY) > 800, 'scrolled into the form');
  assert.equal(await inView('#filing-summary'), true, 'the summary is in sight');
  assert.equal(await inView('#decision'), false, 'the full panel is not');
  assert.equal(await page.locator('#summary-decision').innerText(), await page.locator('#decision').innerText());
  const states = await page.locator('#gates .state').evaluateAll((xs) => xs.map((x) => x.classList[1]));
  const n = (s) => states.filter((x) => x === s).length;
  assert.ok(n('failed') >= 1);
  assert.equal(await page.locator('#summary-gates').getAttribute('data-counts'), `${n('passed')} ${n('failed')} ${n('undetermined')}`);
  assert.match(await page.locator('#summary-gates').innerText(), new RegExp(`无此情形${n('passed')}项 · 存在${n('failed')}项 · 待定${n('undetermined')}项`));
  // It leads to the panels.
  await page.click('#filing-summary a');
  await page.waitForFunction(() => { const r = document.getElementById('h-decision').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.deepEqual(await axe(page), []);
  // At desk width the panels are beside the form: no bar.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('#filing-summary').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('yes/no cells pasted into the roster (portal audit F11): Y, N, 是, 否, TRUE, false, 1, 0, √, ×, any case, full-width too; anything else as before', async () => {
  const context = await p.fresh();
  const { page, problems } = await openPortal(context, `${p.url}${PAGE}`);
  await page.click('#f-roster .add-row');
  const rows = [
    ['Y', 'N', 'TRUE'],
    ['false', '1', '0'],
    ['√', '×', 'y'],
    ['ＴＲＵＥ', '１', 'Ｎ'],
    ['是', '否', 'maybe'],
    ['yes', 'No', 'ｆａｌｓｅ'],
  ];
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector('[name="/roster/0/returning"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, rows.map((r) => r.join('\t')).join('\r\n'));
  await settled(page);
  const want = [
    ['true', 'false', 'true'],
    ['false', 'true', 'false'],
    ['true', 'false', 'true'],
    ['true', 'true', 'false'],
    ['true', 'false', ''], // not a yes/no word: as before (the select cannot show it)
    ['true', 'false', 'false'],
  ];
  const got = [];
  for (let i = 0; i < rows.length; i++) {
    got.push(await Promise.all(['returning', 'keyAreaHistory', 'closeContact'].map((k) => page.inputValue(`[name="/roster/${i}/${k}"]`))));
  }
  assert.deepEqual(got, want);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Add a row" clicked again right after adding one adds another, in English too (the new row\'s messages wait for the click to end)', async () => {
  for (const locale of ['en', 'zh-CN']) {
    const context = await p.fresh();
    const { page, problems } = await openPortal(context, `${p.url}${PAGE}&locale=${locale}`, { wait: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
    const rows = () => page.locator('#f-roster tbody tr').count();
    for (let n = 1; n <= 3; n++) {
      await page.click('#f-roster .add-row');
      await settled(page);
      assert.equal(await rows(), n, `${locale}: ${n} click(s), ${n} row(s)`);
      assert.equal(await page.evaluate(() => document.activeElement.name), `/roster/${n - 1}/name`, 'the new row\'s first cell focused');
    }
    // The rows left empty say so once the click is over.
    await page.waitForFunction(() => document.querySelector('[name="/roster/0/name"]').getAttribute('aria-invalid') === 'true');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a deferred filing says why under its decision, each reason leading to its field; a conditional one too; sent and not accepted is said as a refusal, not in green (tablet QA F2)', async () => {
  const context = await p.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const { page, problems } = await openPortal(context, `${p.url}${PAGE}`);
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  assert.equal(await page.locator('#reasons').isVisible(), false, 'an approved filing lists no reasons');
  // Each link to a field (the gates' fields) is a target at least 24 px high on a phone (WCAG 2.2, 2.5.8).
  const heights = await page.$$eval('button.cause', (bs) => bs.filter((b) => b.getClientRects().length > 0).map((b) => b.getBoundingClientRect().height));
  assert.ok(heights.length >= 6 && heights.every((h) => h >= 24), JSON.stringify(heights));
  const reasons = () => page.$$eval('#decision-reasons li', (lis) => lis.map((li) => [li.dataset.path, li.querySelector('button.cause').textContent, li.querySelector('.help')?.textContent.trim() ?? '']));
  // What the engine says of the same filing: every error (warning) that is no value missing.
  const want = (value, severity) => engine.checkFiling(value, { now: NOW, locale: 'zh-CN' }).diagnostics
    .filter((x) => x.severity === severity && !x.missing).map((x) => [x.path, x.message, x.help ?? '']);
  // 拟复工日期 two days after 备案日期: 暂缓复工, with every gate passed (the sticky bar says 6 · 0 · 0).
  const early = { ...WORKSHOP, plannedResumption: '2020-02-06' };
  const deferred = want(early, 'error');
  assert.ok(deferred.length >= 1 && deferred.every(([path]) => path === '/plannedResumption'), JSON.stringify(deferred));
  await typeField(page, '/plannedResumption', early.plannedResumption);
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('deferred'));
  // Shown with the decision (tablet QA: 暂缓复工 and 必填项已全部填写, nothing said why).
  assert.deepEqual(await reasons(), deferred);
  assert.equal(await page.textContent('#h-reasons'), '原因');
  // 详情 in the bar leads to them; each leads to its field, focused, not under the bar.
  await page.tap('#filing-summary a');
  await page.waitForFunction(() => { const r = document.getElementById('decision-reasons').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  await page.locator('#decision-reasons button.cause').first().tap();
  assert.equal(await page.evaluate(() => document.activeElement.name), deferred[0][0]);
  const clear = await page.evaluate(() => {
    const f = document.activeElement.getBoundingClientRect();
    const bar = document.getElementById('filing-summary').getBoundingClientRect();
    return f.top >= bar.bottom && f.bottom <= innerHeight;
  });
  assert.ok(clear, 'the field is in sight, below the bar');
  // Submitted: the district does not accept it, which is said as a refusal is, not in success's green.
  await page.locator('#submit').scrollIntoViewIfNeeded();
  await page.tap('#submit');
  await page.waitForFunction(() => /区里未受理/.test(document.getElementById('send-status').textContent));
  assert.equal(await page.textContent('#send-status'), `已提交 · 区里未受理（结论：${said('deferred')}）`);
  const colors = await page.evaluate(() => {
    const rgb = (hex) => { const n = parseInt(hex.trim().slice(1), 16); return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`; };
    const root = getComputedStyle(document.documentElement);
    return { shown: getComputedStyle(document.getElementById('send-status')).color, ok: rgb(root.getPropertyValue('--ok')), bad: rgb(root.getPropertyValue('--bad')), cls: document.getElementById('send-status').className };
  });
  assert.notEqual(colors.shown, colors.ok, 'not in the green of success');
  assert.equal(colors.shown, colors.bad);
  assert.equal(colors.cls, 'not-accepted');
  // 整改后复工: its warnings are the reasons.
  const fewer = { ...WORKSHOP, measures: { ...WORKSHOP.measures, temperatureChecksPerDay: 1 } };
  const conditional = want(fewer, 'warning');
  assert.ok(conditional.length >= 1);
  await typeField(page, '/plannedResumption', WORKSHOP.plannedResumption);
  await typeField(page, '/measures/temperatureChecksPerDay', '1');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('conditional'));
  assert.deepEqual(await reasons(), conditional);
  assert.equal(await page.locator('#decision-reasons li.warning').count(), conditional.length);
  await page.locator('#decision-reasons button.cause').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.name), conditional[0][0]);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('roster cells show a whole 18-character ID number, an 11-digit or landline phone and a date, at phone, tablet and desk widths; the table scrolls in its box (tablet QA F9)', async () => {
  const rows = [
    { name: '欧阳某某', idNumber: '44030619900725102X', phone: '13800138000', arrivedOn: '2020-02-10' },
    { name: '陈某', idNumber: '440306198503122134', phone: '0755-12345678', arrivedOn: '2020-01-30' },
  ];
  for (const viewport of [{ width: 390, height: 844 }, { width: 768, height: 1024 }, { width: 1024, height: 768 }, { width: 1280, height: 900 }]) {
    const at = `${viewport.width}×${viewport.height}`;
    const context = await p.browser.newContext({ viewport });
    const { page, problems } = await openPortal(context, `${p.url}${PAGE}`);
    for (const [i, row] of rows.entries()) {
      await page.click('#f-roster .add-row');
      for (const [k, v] of Object.entries(row)) await page.fill(`[name="/roster/${i}/${k}"]`, v);
    }
    await page.keyboard.press('Tab');
    await settled(page);
    // Each value against the room its input gives it (portal QA: 107 px, "440306199…").
    const cut = await page.$$eval('#f-roster tbody input', (xs) => {
      const cv = document.createElement('canvas').getContext('2d');
      return xs.filter((x) => x.value).map((x) => {
        const cs = getComputedStyle(x);
        cv.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const need = cv.measureText(x.value).width;
        const room = x.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return need > room + 0.5 ? `${x.name} "${x.value}" needs ${Math.round(need)} px, has ${Math.round(room)}` : null;
      }).filter(Boolean);
    });
    assert.deepEqual(cut, [], at);
    const [w, iw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
    assert.ok(w <= iw, `${at}: the page is ${w} px wide`);
    assert.equal(await page.locator('#f-roster table.rows').evaluate((t) => !!t.closest('.table-wrap')), true);
    if (viewport.width === 390) await screenshot(page, 'filing-roster-phone');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the example picker and the pack line speak the page\'s language: the examples\' names in its words, a full-width colon in Chinese (tablet QA F11)', async () => {
  const seen = {};
  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    const context = await p.fresh();
    const { page, problems } = await openPortal(context, `${p.url}${PAGE}&locale=${locale}`);
    seen[locale] = await assertExamplesInLocale(page, 'filing', locale);
    // A word chosen loads its file.
    await page.selectOption('#example', 'supermarket');
    await page.click('#load-example');
    const want = JSON.parse(readFileSync(join(ROOT, 'examples/filings/supermarket.json'), 'utf8')).enterprise.name;
    await page.waitForFunction((n) => document.querySelector('[name="/enterprise/name"]').value === n, want);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.notDeepEqual(seen['zh-CN'], seen.en);
});

test("an open rectification's item is offered from the pack's checklist, id and title (portal audit, twenty-fifth session)", async () => {
  const { page, problems } = await openEmpty();
  await page.click('#f-openRectifications .add-row');
  const input = '[name="/openRectifications/0/itemId"]';
  await page.waitForSelector(input);
  const list = await page.getAttribute(input, 'list');
  assert.ok(list, 'the item input offers a list');
  const offered = await page.$$eval(`datalist#${list} option`, (os) => os.map((o) => [o.value, o.label]));
  const sections = engine.describe('inspection', { locale: 'zh-CN', on: '2020-02-04' }).sections;
  assert.deepEqual(offered, sections.flatMap((s) => s.items.map((i) => [i.id, i.title])));
  assert.ok(offered.some(([id]) => id === 'INS-S4-1'));
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('a reason listed under the decision is not said again under 其他提示 once the decision moves to it (portal audit, twenty-fifth session)', async () => {
  const { page, problems } = await openEmpty();
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  // One roster row of 8 returning, its arrival not given yet: the roster's count is an error
  // (RTW-C6) while the decision is 待补充; then the date: 暂缓复工, for that same reason.
  await page.click('#f-roster .add-row');
  await typeField(page, '/roster/0/name', '王某');
  await typeField(page, '/roster/0/returning', true);
  await typeField(page, '/roster/0/keyAreaHistory', true);
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('incomplete'));
  await typeField(page, '/roster/0/arrivedOn', '2020-02-01');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('deferred'));
  await settled(page);
  const reasons = await page.$$eval('#decision-reasons li button', (bs) => bs.map((b) => b.textContent));
  const other = await page.$$eval('#other li button', (bs) => bs.map((b) => b.textContent));
  assert.ok(reasons.length > 0, 'the decision has its reasons');
  assert.deepEqual(other.filter((x) => reasons.includes(x)), [], `said twice: ${other}`);
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('a value asked for shows its message under its field without the hint shown there already; under 其他提示, away from its field, with its help; a wrong value with its help (thirty-sixth session)', async () => {
  const { page, problems } = await openEmpty();
  // 51 rows: the last one, on the roster's second page, does not say its key-area history.
  const roster = Array.from({ length: 51 }, (_, i) => ({ name: `员工${i + 1}`, returning: false, keyAreaHistory: false }));
  delete roster[50].keyAreaHistory;
  const filing = { ...WORKSHOP, roster };
  // That cell reached and left empty before a reload (a row's cells not reached are not asked
  // for: portal audit, thirty-sixth session), and the page back on the roster's first page.
  await page.evaluate((v) => localStorage.setItem('fangkong.draft.filing', JSON.stringify({ savedAt: new Date().toISOString(), value: v, scope: ['/roster/50/keyAreaHistory'] })), filing);
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  const away = '#other li[data-path="/roster/50/keyAreaHistory"]';
  await page.waitForSelector(away);
  const far = engine.checkFiling(filing, { now: NOW, locale: 'zh-CN' }).diagnostics.find((x) => x.path === '/roster/50/keyAreaHistory');
  assert.equal(far.missing, true);
  assert.equal(far.help, byPointer.get('/roster/*/keyAreaHistory').hint);
  assert.equal(await page.textContent(`${away} button.cause`), far.message);
  assert.equal(await page.textContent(`${away} .help`), ` ${far.help}`);

  // The name left empty: asked for under it, and its hint, just below, is not said again.
  await typeField(page, '/enterprise/name', '');
  const msg = `#${idOf('/enterprise/name')}-msg`;
  await page.waitForFunction((m) => document.querySelector(m)?.textContent.includes('请填写'), msg);
  const asked = engine.checkFiling({ ...filing, enterprise: { ...filing.enterprise, name: '' } }, { now: NOW, locale: 'zh-CN' })
    .diagnostics.find((x) => x.path === '/enterprise/name');
  assert.equal(asked.help, byPointer.get('/enterprise/name').hint);
  assert.equal(await page.textContent(msg), asked.message);
  assert.equal(await page.textContent(`#${idOf('/enterprise/name')}-hint`), asked.help);
  assert.equal(await page.isVisible(`#${idOf('/enterprise/name')}-hint`), true);

  // A date not written as one: its message and its help under it.
  await typeField(page, '/filedOn', 'abc');
  const filed = `#${idOf('/filedOn')}-msg`;
  const wrong = engine.checkFiling({ ...filing, filedOn: 'abc' }, { now: NOW, locale: 'zh-CN' }).diagnostics.find((x) => x.path === '/filedOn');
  assert.equal(wrong.missing, false);
  await page.waitForFunction(([m, t]) => document.querySelector(m)?.textContent.includes(t), [filed, wrong.message]);
  assert.equal(await page.textContent(filed), `${wrong.message} ${wrong.help}`);
  assert.deepEqual(real(problems), []);
  await page.evaluate(() => localStorage.removeItem('fangkong.draft.filing'));
  await page.close();
});

test('a value asked for only in some cases says on which others it depends, in the pack\'s labels (portal audit, thirty-ninth session: 是否设有食堂 was unmarked and kept the filing 待补充)', async () => {
  const { page, problems } = await openPortal(p.context, `${p.url}${PAGE}`);
  const byId = new Map(d.fields.map((f) => [f.id, f]));
  const conditional = d.fields.filter((f) => f.requiredWhen && !f.pointer.includes('*'));
  assert.ok(conditional.some((f) => f.pointer === '/measures/canteen/present'), 'the canteen question is one');
  for (const f of conditional) {
    const hint = await page.evaluate((ptr) => {
      const input = document.querySelector(`[name="${ptr}"]`);
      const ids = (input?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    }, f.pointer);
    const labels = [...new Set(f.requiredWhen.flatMap((w) => w.fields))].map((id) => byId.get(id).label);
    assert.match(hint, /视以下各项的填写情况，可能需要填写：/, f.pointer);
    for (const label of labels) assert.ok(hint.includes(label), `${f.pointer}: ${hint} lacks ${label}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
