// The portal when things go wrong around it (portal audit, thirty-fifth session): the engine's
// .wasm that does not load (F1), a second tab of the same page (F2), the district's re-check
// disagreeing with the page (F3), and dates and times near China's midnight (F5). Each test has
// a browser context of its own: storage, the outbox and routes do not carry over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start } from '../../www/serve.mjs';
import { ROOT } from './lib/cases.mjs';
import { NOW, axe, openPortal, portal } from './lib/portal.mjs';

const WORKSHOP = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
const at = (now) => `now=${encodeURIComponent(now)}`;
const CJK = /[\u3400-\u9fff]/;

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

/** A context with no service worker (so routes see every request) and, given, a time zone or clock. */
const context = (options = {}) => p.browser.newContext({ serviceWorkers: 'block', ...options });
/** Problems other than the failed requests a test causes on purpose (`expected`: paths). */
const unexpected = (problems, expected) => problems.filter((x) => !expected.some((path) => x.includes(path)) && !/Failed to load resource/.test(x));

/** Loads the workshop example into the filing page and waits for it to be saved. */
async function loadWorkshop(page) {
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction((name) => document.getElementById('f-enterprise-name').value === name, WORKSHOP.enterprise.name);
  await page.waitForFunction(() => /已自动保存|Saved automatically/.test(document.getElementById('saved').textContent));
}

test('portal audit, thirty-fifth session, F1: when the .wasm cannot load, every page says so, offers to try again, and keeps the draft', async () => {
  const ctx = await context();
  try {
    // A draft saved first, with the engine there.
    const { page: first } = await openPortal(ctx, `${p.url}/filing.html?${at(NOW)}`);
    await first.fill('#f-enterprise-name', '光明精密电子有限公司');
    await first.press('#f-enterprise-name', 'Tab');
    await first.waitForFunction(() => /已自动保存/.test(document.getElementById('saved').textContent));
    await first.close();

    await ctx.route(/\.wasm(\?|$)/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    for (const name of ['index', 'filing', 'inspection', 'screening', 'dashboard', 'workbench']) {
      const { page, problems } = await openPortal(ctx, `${p.url}/${name}.html?${at(NOW)}`, { wait: false });
      await page.waitForSelector('#status.load-failed', { timeout: 20_000 });
      const status = await page.textContent('#status');
      assert.match(status, /^无法加载规则引擎/, `${name}: ${status}`);
      assert.equal(await page.getAttribute('#status', 'role'), 'alert', name);
      assert.equal((await page.textContent('#retry')).trim(), '重试', name);
      // The filing's draft is said to be kept, and only there (no other page has one).
      const kept = await page.$('#draft-kept');
      if (name === 'filing') {
        assert.match(await kept.textContent(), /仍保存在本机，没有丢失/);
        assert.deepEqual(await axe(page), [], name);
      } else assert.equal(kept, null, name);
      // No uncaught rejection, nothing else failing.
      assert.deepEqual(unexpected(problems, ['.wasm']), [], name);
      await page.close();
    }

    // In English, the same, in English.
    const { page: en } = await openPortal(ctx, `${p.url}/inspection.html?${at(NOW)}&locale=en`, { wait: false });
    await en.waitForSelector('#status.load-failed', { timeout: 20_000 });
    assert.match(await en.textContent('#status'), /^The rules engine could not be loaded/);
    assert.equal((await en.textContent('#retry')).trim(), 'Try again');
    assert.doesNotMatch(`${await en.textContent('#status')} ${await en.textContent('#retry')}`, CJK);
    await en.close();

    // A .wasm that does not compile: said the same way.
    await ctx.unroute(/\.wasm(\?|$)/);
    await ctx.route(/fangkong_bg\.wasm(\?|$)/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
    const { page, problems } = await openPortal(ctx, `${p.url}/filing.html?${at(NOW)}`, { wait: false });
    await page.waitForSelector('#status.load-failed', { timeout: 20_000 });
    assert.match(await page.textContent('#draft-kept'), /没有丢失/);
    assert.deepEqual(unexpected(problems, []), []);

    // 重试 once the network is back: the page loads, with the draft.
    await ctx.unroute(/fangkong_bg\.wasm(\?|$)/);
    await page.click('#retry');
    await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
    assert.equal(await page.inputValue('#f-enterprise-name'), '光明精密电子有限公司');
  } finally {
    await ctx.close();
  }
});

test('portal audit, thirty-fifth session, F2: a second tab of the filing page never overwrites the draft unasked; it asks which version to keep', async () => {
  const ctx = await context();
  try {
    const url = `${p.url}/filing.html?${at(NOW)}`;
    const { page: a } = await openPortal(ctx, url);
    const { page: b } = await openPortal(ctx, url); // opened with an empty form
    const stored = () => a.evaluate(() => JSON.parse(localStorage.getItem('fangkong.draft.filing')).value);

    await a.bringToFront();
    await loadWorkshop(a);
    // The other tab is told, with its two choices.
    await b.waitForSelector('#draft-other', { timeout: 10_000 });
    assert.match(await b.textContent('#draft-other'), /草稿已在另一个标签页（或窗口）中修改/);
    assert.equal((await b.textContent('#draft-load-other')).trim(), '载入另一个标签页的内容');
    assert.equal((await b.textContent('#draft-keep-mine')).trim(), '保留本页的内容（并保存）');
    assert.equal(await a.$('#draft-other'), null, 'the tab that saved is not asked');
    assert.deepEqual(await axe(b), []);

    // A keystroke in the stale tab saves nothing over it, and says so.
    await b.bringToFront();
    await b.fill('#f-enterprise-name', 'x');
    await b.press('#f-enterprise-name', 'Tab');
    await b.waitForFunction(() => /未自动保存/.test(document.getElementById('saved').textContent));
    assert.equal((await stored()).enterprise.name, WORKSHOP.enterprise.name);
    await a.reload();
    await a.waitForFunction(() => window.portalReady === true);
    assert.equal(await a.inputValue('#f-enterprise-name'), WORKSHOP.enterprise.name, 'the whole filing is still there after a reload');
    assert.equal(await a.inputValue('#f-staff-total'), String(WORKSHOP.staff.total));

    // Loading the other tab's version: the form holds it, the notice goes, 撤销 brings back this tab's.
    await b.click('#draft-load-other');
    await b.waitForFunction((name) => document.getElementById('f-enterprise-name').value === name, WORKSHOP.enterprise.name);
    assert.equal(await b.$('#draft-other'), null);
    assert.equal(await b.isVisible('#undo-replace'), true);
    await b.waitForFunction(() => /已自动保存/.test(document.getElementById('saved').textContent));

    // Now this tab edits and saves; the first tab is asked in turn, and keeping its own saves it.
    await b.fill('#f-enterprise-address', '深圳市光明区（已核对）');
    await b.press('#f-enterprise-address', 'Tab');
    await a.waitForSelector('#draft-other', { timeout: 10_000 });
    assert.equal((await stored()).enterprise.address, '深圳市光明区（已核对）');
    await a.click('#draft-keep-mine');
    assert.equal(await a.$('#draft-other'), null);
    await a.waitForFunction((address) => JSON.parse(localStorage.getItem('fangkong.draft.filing')).value.enterprise.address === address, WORKSHOP.enterprise.address);
    await b.waitForSelector('#draft-other', { timeout: 10_000 });
  } finally {
    await ctx.close();
  }
});

test('portal audit, thirty-fifth session, F2: the inspection and screening pages (and English) share it', async () => {
  const ctx = await context();
  try {
    for (const [name, field, value, locale] of [
      ['inspection', '[name="/enterprise/name"]', '光明精密电子有限公司', 'zh-CN'],
      ['screening', '[name="/symptoms/temperature"]', '36.5', 'zh-CN'],
      ['inspection', '[name="/inspector/name"]', 'Li Ming', 'en'],
    ]) {
      const url = `${p.url}/${name}.html?${at(NOW)}&locale=${locale}`;
      const key = `fangkong.draft.${name}`;
      const { page: a } = await openPortal(ctx, url);
      await a.evaluate((k) => localStorage.removeItem(k), key);
      const { page: b } = await openPortal(ctx, url);
      await a.bringToFront();
      await a.fill(field, value);
      await a.press(field, 'Tab');
      await b.waitForSelector('#draft-other', { timeout: 10_000 });
      if (locale === 'en') {
        assert.match(await b.textContent('#draft-other'), /^This draft was changed in another tab/);
        assert.doesNotMatch(await b.textContent('#draft-other'), CJK);
      }
      // The stale tab's change is not saved over the other's.
      await b.bringToFront();
      await b.fill(field, '1');
      await b.press(field, 'Tab');
      await b.waitForTimeout(300);
      const saved = (page) => page.evaluate(([k, f]) => {
        const v = JSON.parse(localStorage.getItem(k))?.value;
        return f.split('/').slice(1).reduce((o, s) => o?.[s], v);
      }, [key, field.slice(7, -2)]);
      assert.equal(String(await saved(a)), value, `${name} ${locale}`);
      await b.click('#draft-load-other');
      await b.waitForFunction(([f, v]) => document.querySelector(f).value === v, [field, value]);
      assert.equal(await b.$('#draft-other'), null);
      // Keeping this page's instead saves it.
      await b.fill(field, '2');
      await b.press(field, 'Tab');
      await a.waitForSelector('#draft-other', { timeout: 10_000 });
      await a.click('#draft-keep-mine');
      await a.waitForFunction(([k, v]) => localStorage.getItem(k).includes(v), [key, value]);
      await a.close();
      await b.close();
    }
  } finally {
    await ctx.close();
  }
});

test('portal audit, thirty-fifth session, F3: when the district disagrees with the page, the submit panel says the district\'s reasons', async () => {
  // The district's clock stands at 2020-02-04; the device's is a day ahead.
  const district = await start({ port: 0, now: NOW });
  const ctx = await context();
  try {
    for (const locale of ['zh-CN', 'en']) {
      const { page } = await openPortal(ctx, `${district.url}/filing.html?${at('2020-02-05T10:00:00+08:00')}&locale=${locale}`);
      await loadWorkshop(page);
      await page.fill('#f-filedOn', '2020-02-05');
      await page.fill('#f-plannedResumption', '2020-02-11');
      await page.press('#f-plannedResumption', 'Tab');
      await page.waitForFunction(() => document.getElementById('decision').className.includes('approved'));
      const response = page.waitForResponse((r) => r.url().endsWith('/api/submissions'));
      await page.click('#submit');
      const body = await (await response).json();
      assert.equal(body.accepted, false);
      assert.equal(body.answer.decision, 'deferred');
      await page.waitForSelector('#send-why:not([hidden])');
      const why = await page.textContent('#send-why');
      assert.deepEqual(await axe(page), [], locale);
      const errors = body.answer.diagnostics.filter((x) => x.severity === 'error');
      assert.ok(errors.length > 0);
      for (const x of errors) {
        assert.ok(why.includes(x.message), `${locale}: ${why} / ${x.message}`);
        if (x.help) assert.ok(why.includes(x.help), `${locale}: ${why} / ${x.help}`);
      }
      if (locale === 'zh-CN') {
        assert.match(await page.textContent('#send-status'), /区里未受理（结论：暂缓复工）/);
        assert.match(why, /^区里复核的原因：/);
        assert.match(why, /备案日期2020-02-05晚于今天（2020-02-04，北京时间）/);
      } else {
        // In the page's language, the district's words too.
        assert.match(why, /^The district's reasons:/);
        assert.doesNotMatch(why.replace(/\d{4}-\d\d-\d\d/g, ''), CJK, why);
      }
      // A change to the form: what was said of the one sent goes with it.
      await page.fill('#f-filedOn', '2020-02-04');
      await page.press('#f-filedOn', 'Tab');
      await page.waitForSelector('#send-why[hidden]', { state: 'attached' });
      await page.close();
    }
  } finally {
    await ctx.close();
    await district.close();
  }
});

test('portal audit, thirty-fifth session, F5: a refused submission\'s day and the 已自动保存 time are China\'s, near its midnight', async () => {
  // 2020-02-04T16:30:05Z is 00:30:05 on 2020-02-05 in China, 08:30:05 on 2020-02-04 in Los Angeles.
  const ctx = await context({ timezoneId: 'America/Los_Angeles' });
  try {
    // The district refuses the rules (a tampered hash): the refusal is dated by the page's `now`.
    await ctx.route('**/api/submissions', async (route) => {
      const body = JSON.parse(route.request().postData());
      await route.continue({ postData: JSON.stringify({ ...body, packHash: 'sha256:00' }) });
    });
    const { page } = await openPortal(ctx, `${p.url}/filing.html?${at('2020-02-04T23:30:00Z')}`);
    assert.match(await page.textContent('#pack-info'), /2020-02-05$/);
    await loadWorkshop(page);
    await page.click('#submit');
    await page.waitForSelector('#refused li');
    const refused = await page.textContent('#refused');
    assert.match(refused, /2020-02-05 提交/, refused);
    assert.doesNotMatch(refused, /2020-02-04/, refused);
    await page.close();

    for (const [name, act] of [
      ['filing', async (pg) => { await pg.fill('#f-enterprise-name', '光明精密电子有限公司'); await pg.press('#f-enterprise-name', 'Tab'); }],
      ['screening', async (pg) => { await pg.fill('[name="/symptoms/temperature"]', '36.5'); await pg.press('[name="/symptoms/temperature"]', 'Tab'); }],
    ]) {
      const pg = await ctx.newPage();
      await pg.clock.setFixedTime(new Date('2020-02-04T16:30:05Z'));
      await pg.goto(`${p.url}/${name}.html?${at(NOW)}`);
      await pg.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
      await act(pg);
      await pg.waitForFunction(() => /已自动保存/.test(document.getElementById('saved').textContent));
      assert.equal(await pg.textContent('#saved'), '已自动保存 00:30:05', name);
      await pg.close();
    }
  } finally {
    await ctx.close();
  }
});
