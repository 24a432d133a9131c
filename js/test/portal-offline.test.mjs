// The portal offline, as a person meets it: a first visit to one page, then no network.
// - The workbench works offline after a first visit to any other page (its 13 examples are
//   precached from the manifest, www/offline.json, that the page itself reads).
// - The filing page's examples load offline; one the cache lost says so instead of failing.
// - The outbox: a filing submitted offline waits, counted on every page; it is sent on the next
//   page load when online (no `online` event needed), or with "send now"; one the district
//   refuses (4xx) stays, flagged refused with the server's reason, until removed.
// Each test has its own fresh browser context (its own service worker, cache and storage).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';
import { NOW, openPortal, portal } from './lib/portal.mjs';

const Q = `now=${encodeURIComponent(NOW)}`;
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'www/offline.json'), 'utf8'));
const WORKSHOP = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
const example = (path) => JSON.parse(readFileSync(join(ROOT, 'examples', path), 'utf8'));
const HASH = Engine.withDefaultPack().checkFiling(WORKSHOP, { now: NOW }).pack.hash;

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

/** A first visit to `path` in `context`, waiting until the service worker has precached and taken the page. */
async function firstVisit(context, path) {
  const { page, problems } = await openPortal(context, `${p.url}${path}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 }).catch(() => {});
  assert.deepEqual(problems, []);
  await page.close();
}

/** `fn(context)` in a fresh browser context after a first visit to `path`; the context is closed after. */
async function afterFirstVisit(path, fn) {
  const context = await p.fresh();
  try {
    await firstVisit(context, path);
    await fn(context);
  } finally {
    await context.close();
  }
}

const outboxOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]'));

test('D1: after a first visit to the filing page only, the workbench loads offline and runs every example', async () => {
  await afterFirstVisit(`/filing.html?${Q}`, async (context) => {
    await context.setOffline(true);
    const { page, problems } = await openPortal(context, `${p.url}/workbench.html?${Q}`);
    await page.waitForFunction(() => /my-district-2020/.test(document.getElementById('pack-status').textContent), null, { timeout: 20_000 });
    const rows = await page.$$eval('#examples tbody tr', (trs) => trs.map((tr) => tr.dataset.example));
    assert.deepEqual(rows, MANIFEST.examples.map(([, path]) => path));
    // Every example was read and judged (a decision in the reference column), none failed.
    assert.equal(await page.locator('#examples tbody td:nth-child(3) [data-decision]').count(), MANIFEST.examples.length);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test('D10: offline, every filing example loads on the filing page; one the cache lost shows a clear message and leaves the form alone', async () => {
  await afterFirstVisit(`/inspection.html?now=${encodeURIComponent('2020-02-12T10:00:00+08:00')}`, async (context) => {
    await context.setOffline(true);
    const { page, problems } = await openPortal(context, `${p.url}/filing.html?${Q}`);
    const names = MANIFEST.examples.filter(([k]) => k === 'filing').map(([, path]) => path.replace(/^filings\/|\.json$/g, ''));
    assert.deepEqual(await page.$$eval('#example option', (os) => os.map((o) => o.value)), names);
    for (const name of names) {
      await page.selectOption('#example', name);
      await page.click('#load-example');
      const want = example(`filings/${name}.json`).enterprise.name;
      await page.waitForFunction((n) => document.querySelector('[name="/enterprise/name"]').value === n, want, { timeout: 20_000 });
      assert.equal(await page.textContent('#example-message'), '');
    }
    assert.deepEqual(problems, []);
    // The cache loses the workshop: offline, loading it says so, and the form keeps what it had.
    // (Chromium logs the failed request itself; that is the one problem expected.)
    const before = await page.inputValue('[name="/enterprise/name"]');
    await page.evaluate(async () => { for (const key of await caches.keys()) await (await caches.open(key)).delete('/examples/filings/workshop.json'); });
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('example-message').textContent !== '');
    // Named as the picker names it, in the page's words (tablet QA F11), not by its file name.
    const word = await page.$eval('#example option[value="workshop"]', (o) => o.text);
    assert.ok(await page.textContent('#example-message').then((m) => m.startsWith(`离线时无法载入示例 ${word}：`) && !m.includes('workshop')), await page.textContent('#example-message'));
    assert.equal(await page.inputValue('[name="/enterprise/name"]'), before);
    assert.deepEqual(problems, ['console error: Failed to load resource: net::ERR_FAILED']);
    await page.close();
  });
});

test('D2: the outbox is sent on the next page load, with "send now", and a refused filing stays with the server\'s reason', async () => {
  await afterFirstVisit(`/filing.html?${Q}`, async (context) => {
    // Submitted offline: kept, counted on this page and in every page's header.
    await context.setOffline(true);
    let { page, problems } = await openPortal(context, `${p.url}/filing.html?${Q}`);
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
    assert.match(await page.textContent('#outbox'), /待发送 1 份/);
    assert.match(await page.textContent('#outbox-count'), /待发送 1 份/);
    assert.equal(await page.isVisible('#send-now'), true, 'send now is offered while an item waits');
    assert.deepEqual(problems, []);
    await page.close();
    ({ page, problems } = await openPortal(context, `${p.url}/inspection.html?${Q}`));
    assert.match(await page.textContent('#outbox-count'), /待发送 1 份/, 'the inspection page shows the waiting count too');
    await page.close();

    // Back online with no page open: the next page load sends it (no `online` event comes).
    await context.setOffline(false);
    const sentBefore = p.server.submissions.length;
    ({ page, problems } = await openPortal(context, `${p.url}/dashboard.html?${Q}`));
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]').length === 0, null, { timeout: 10_000 });
    assert.deepEqual(p.server.submissions.slice(sentBefore), [{ kind: 'filing', decision: 'approved', same: true }]);
    assert.equal(await page.isVisible('#outbox-count'), false);
    assert.deepEqual(problems, []);
    await page.close();

    // "Send now": a filing that waits (put there by another tab) is offered and sent on a click,
    // and the district's verdict is shown.
    ({ page, problems } = await openPortal(context, `${p.url}/filing.html?${Q}`));
    const other = await context.newPage();
    await other.goto(`${p.url}/favicon.svg`);
    const item = (id, extra) => ({ id, kind: 'filing', submission: WORKSHOP, packHash: HASH, now: NOW, status: 'notSent', ...extra });
    await other.evaluate((x) => localStorage.setItem('fangkong.outbox', JSON.stringify([x])), item('a-1'));
    await page.waitForSelector('#outbox-send:not([hidden])');
    assert.match(await page.textContent('#outbox'), /待发送 1 份/);
    await page.click('#outbox-send');
    await page.waitForFunction(() => document.getElementById('sent-later').textContent !== '');
    assert.match(await page.textContent('#sent-later'), /离线保存的 1 份已发送：.*区里已受理/);
    assert.deepEqual(await outboxOf(page), []);

    // Refused (4xx): kept, flagged, with the server's reason; still there after a reload; removable.
    const otherRules = item('b-1', { packHash: 'sha256:00' });
    const badNow = item('b-2', { now: 'not a time' });
    const serverSays = await (await fetch(`${p.url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(badNow) })).json();
    assert.ok(serverSays.error, 'the server refuses a submission with a bad time, and says why');
    await other.evaluate((xs) => localStorage.setItem('fangkong.outbox', JSON.stringify(xs)), [otherRules, badNow]);
    await page.waitForSelector('#outbox-send:not([hidden])');
    await page.click('#outbox-send');
    await page.waitForFunction(() => document.querySelectorAll('#refused li').length === 2);
    const box = await outboxOf(page);
    assert.deepEqual(box.map((x) => [x.id, x.status, x.httpStatus]), [['b-1', 'refused', 409], ['b-2', 'refused', 400]]);
    const reasons = await page.$$eval('#refused li .refused-reason', (xs) => xs.map((x) => x.textContent));
    // An item from before packId, under rules no family has: every pack the district takes is named.
    assert.match(reasons[0], /区里拒收：本机检查所用的规则与区里不同，区里受理的规则包是：shenzhen-2020 2020-02-10、guangming-2020 2020-02-10、hangzhou-2020 2020-02-10。请在页首选择该规则包/);
    assert.equal(reasons[1], `区里拒收：${serverSays.error}`);
    assert.match(await page.textContent('#outbox-count'), /区里拒收 2 份/);
    assert.equal(await page.isVisible('#outbox-send'), false, 'nothing waits: nothing to send');
    await page.reload();
    await page.waitForFunction(() => window.portalReady === true);
    assert.equal(await page.locator('#refused li').count(), 2, 'a refused filing is not dropped');
    // Worded in the page's language when shown, not kept in the one it arrived in (portal audit,
    // thirty-sixth session: the en page showed 区里拒收's Chinese reason).
    await page.evaluate(() => localStorage.setItem('fangkong.locale', 'en'));
    await page.reload();
    await page.waitForFunction(() => window.portalReady === true);
    const english = await page.$$eval('#refused li .refused-reason', (xs) => xs.map((x) => x.textContent));
    assert.match(english[0], /^Refused by the district: this device checked with other rules than the district/);
    assert.doesNotMatch(english.join(' '), /[\u4e00-\u9fff]/, english.join(' | '));
    await page.evaluate(() => localStorage.setItem('fangkong.locale', 'zh-CN'));
    await page.reload();
    await page.waitForFunction(() => window.portalReady === true);
    await page.click('#refused li[data-id="b-1"] button');
    assert.deepEqual((await outboxOf(page)).map((x) => x.id), ['b-2']);
    assert.equal(await page.locator('#refused li').count(), 1);
    // The refusals were the server's 4xx answers, nothing else went wrong.
    assert.deepEqual(problems.filter((x) => !/^HTTP 4\d\d: \/api\/submissions$/.test(x) && !/status of 4\d\d/.test(x)), []);
    await other.close();
    await page.close();
  });
});

test('a filing sent from the outbox when back online is said sent, as a direct submit says it, and after a reload', async () => {
  await afterFirstVisit(`/filing.html?${Q}`, async (context) => {
    await context.setOffline(true);
    const { page, problems } = await openPortal(context, `${p.url}/filing.html?${Q}`);
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
    assert.match(await page.textContent('#send-status'), /未发送/);
    // Back online: the outbox is sent, and the page says so where it said 未发送.
    const before = p.server.submissions.length;
    await context.setOffline(false);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]').length === 0, null, { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('send-status').className === 'sent', null, { timeout: 5_000 });
    assert.equal(await page.textContent('#send-status'), '已提交 · 区里已受理');
    assert.deepEqual(p.server.submissions.slice(before), [{ kind: 'filing', decision: 'approved', same: true }]);
    assert.equal(await page.textContent('#outbox'), '');
    // As after a direct submit: a reload says when it was sent.
    await page.reload();
    await page.waitForFunction(() => window.portalReady === true);
    await page.waitForFunction(() => document.getElementById('send-status').className === 'sent');
    assert.match(await page.textContent('#send-status'), /^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 提交 · 区里已受理$/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/**
 * A front to the portal whose responses can be held (a weak network: requests hang rather than
 * fail). `stall = true` holds every request from then on, until `close()`.
 */
async function weakNetwork(target) {
  const { createServer, request } = await import('node:http');
  const held = new Set();
  const front = { stall: false, held };
  const server = createServer((req, res) => {
    if (front.stall) {
      held.add(res);
      req.resume();
      return;
    }
    const to = new URL(req.url, target);
    const up = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  front.url = `http://127.0.0.1:${server.address().port}`;
  front.close = () => new Promise((r) => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    server.close(() => r());
  });
  return front;
}

test('D12: on a network that hangs, a page visited before opens from the cache, and a filing submitted is kept in the outbox, sent once when the network is back (portal audit, thirty-ninth session)', async () => {
  const net = await weakNetwork(p.url);
  const context = await p.fresh();
  try {
    // The first visit through the front, so the service worker and its cache are the front's.
    const first = await openPortal(context, `${net.url}/filing.html?${Q}`);
    await first.page.evaluate(() => navigator.serviceWorker.ready);
    await first.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 }).catch(() => {});
    await first.page.close();
    // The network now hangs: nothing answers, nothing fails. The page opens all the same.
    net.stall = true;
    const { page } = await openPortal(context, `${net.url}/filing.html?${Q}`);
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'), null, { timeout: 30_000 });
    await page.click('#submit');
    // Kept at once, while 正在发送…: closing the tab now loses nothing.
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]').length === 1);
    const [kept] = await outboxOf(page);
    assert.equal(kept.status, 'notSent');
    assert.equal(kept.kind, 'filing');
    await page.close();
    // The network is back (the held request reached no one): the next page load sends it, once.
    const before = p.server.submissions.length;
    for (const res of net.held) res.destroy();
    net.stall = false;
    const again = await openPortal(context, `${net.url}/dashboard.html?${Q}`);
    await again.page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.outbox') || '[]').length === 0, null, { timeout: 30_000 });
    assert.deepEqual(p.server.submissions.slice(before), [{ kind: 'filing', decision: 'approved', same: true }]);
    // Sent again by the same id (its answer lost on the way), it is the same answer, counted once.
    const body = JSON.stringify({ id: kept.id, kind: kept.kind, submission: kept.submission, packHash: kept.packHash, packId: kept.packId, now: kept.now });
    const post = () => fetch(`${p.url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(async (r) => [r.status, await r.text()]);
    const [status, text] = await post();
    assert.equal(status, 200);
    assert.equal(JSON.parse(text).sameRules, true);
    assert.equal(p.server.submissions.length, before + 1, 'the same id is taken once');
    await again.page.close();
  } finally {
    await context.close();
    await net.close();
  }
});

test('a filing submitted online while the browser\'s storage is full is sent all the same, not kept (review, thirty-ninth session: it was not sent at all)', async () => {
  const context = await p.fresh();
  try {
    const { page, problems } = await openPortal(context, `${p.url}/filing.html?${Q}`);
    await page.selectOption('#example', 'workshop');
    await page.click('#load-example');
    await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
    // Storage filled to the last few bytes, as a large roster's draft leaves it.
    const full = await page.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      let n = 0;
      while (chunk.length >= 16) {
        try {
          localStorage.setItem(`filler-${n}`, chunk);
          n += 1;
        } catch {
          chunk = chunk.slice(0, chunk.length >> 1);
        }
      }
      try { localStorage.setItem('probe', 'x'.repeat(4096)); return false; } catch { return true; }
    });
    assert.equal(full, true, 'the storage is full');
    const before = p.server.submissions.length;
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('send-status').className === 'sent', null, { timeout: 20_000 });
    assert.deepEqual(p.server.submissions.slice(before), [{ kind: 'filing', decision: 'approved', same: true }]);
    assert.deepEqual(await outboxOf(page), []);
    // The only problems: the page's own draft could not be saved either.
    assert.deepEqual(problems.filter((x) => !/quota|QuotaExceeded/i.test(x)), []);
    await page.close();
  } finally {
    await context.close();
  }
});
