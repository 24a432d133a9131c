// Fixes of the portal audit of the thirty-sixth session, each in Chromium as people use the
// pages: the filing page's reached fields across a reload, the roster's column hint kept in
// sight, the home page's names, punctuation by the page's language, the district's refusals
// worded in the page's language and gone once the filing is accepted, and the server's refusal
// of a body without its submission.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, openPortal, portal } from './lib/portal.mjs';
import { start } from '../../www/serve.mjs';

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

const withNow = (path) => `${path}${path.includes('?') ? '&' : '?'}now=${encodeURIComponent(NOW)}`;
async function open(path, context) {
  const ctx = context ?? (await p.fresh());
  const r = await openPortal(ctx, `${p.url}${withNow(path)}`);
  return { ...r, ctx };
}
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
/** Message elements of the filing form that show something: [input name, text]. */
const shownMessages = (page) => page.evaluate(() => [...document.querySelectorAll('#filing .message')]
  .filter((m) => !m.hidden && m.textContent.trim() !== '')
  .map((m) => [document.getElementById(m.id.replace(/-msg$/, ''))?.name, m.textContent]));

test('filing: a reload or a language switch asks again only for what was reached, never for a roster row\'s cells not reached (issue 8 point 8)', async () => {
  const { page, problems, ctx } = await open('/filing.html?locale=zh-CN');
  await page.click('button.add-row');
  await page.keyboard.type('张三');
  await page.keyboard.press('Tab');
  await settled(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('fangkong.draft.filing') || 'null')?.scope?.includes('/roster/0/name'), null, { timeout: 5_000 });
  await page.waitForTimeout(300);
  const before = await shownMessages(page);
  assert.deepEqual(before, [], 'nothing reached is empty');

  await page.reload();
  await page.waitForFunction(() => window.portalReady === true);
  await settled(page);
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('[name="/roster/0/name"]'), '张三', 'the reload restores the form');
  assert.deepEqual(await shownMessages(page), before, 'after a reload');
  const scope = await page.evaluate(() => JSON.parse(localStorage.getItem('fangkong.draft.filing')).scope);
  assert.ok(!scope.includes('/roster'), `the saved scope holds no array as a whole: ${scope}`);

  await page.selectOption('#locale', 'en');
  await page.waitForURL(/locale=en/);
  await page.waitForFunction(() => window.portalReady === true);
  await settled(page);
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('[name="/roster/0/name"]'), '张三');
  assert.deepEqual(await shownMessages(page), [], 'after a language switch');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('filing: deep in a 60-row roster the column\'s hint, which a cell asking for a value leaves its help to, stays in sight in the sticky header (issue 8 point 1)', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
    const at = `${viewport.width}×${viewport.height}`;
    const ctx = await p.browser.newContext({ viewport });
    const { page, problems } = await openPortal(ctx, `${p.url}${withNow('/filing.html?locale=zh-CN')}`);
    await page.click('#f-roster .add-row');
    const rows = Array.from({ length: 60 }, (_, i) => [`员工${i + 1}`, '', '', '是', i === 44 ? '是' : '否', '否', ''].join('\t'));
    await page.focus('[name="/roster/0/name"]');
    await page.evaluate((text) => { const dt = new DataTransfer(); dt.setData('text/plain', text); document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })); }, rows.join('\n'));
    await page.waitForFunction(() => document.getElementById('f-roster-44-arrivedOn-msg')?.textContent.trim(), null, { timeout: 10_000 });
    const seen = () => page.evaluate(() => {
      const cell = document.querySelector('[name="/roster/44/arrivedOn"]');
      const hint = document.getElementById(cell.getAttribute('aria-describedby').split(' ').find((id) => id.includes('-hint-')));
      const visible = (node) => {
        const r = node.getBoundingClientRect();
        if (r.top < 0 || r.top + r.height / 2 > innerHeight || r.height === 0) return false; // its top half on the screen
        const top = document.elementFromPoint(r.left + Math.min(4, r.width / 2), r.top + r.height / 2);
        return !!top && (top === node || node.contains(top));
      };
      return { hint: visible(hint), cell: visible(cell), text: hint.textContent };
    });
    // Scrolled to, and reached by Tab from the row above.
    await page.locator('[name="/roster/44/arrivedOn"]').scrollIntoViewIfNeeded();
    assert.deepEqual(await seen(), { hint: true, cell: true, text: await page.textContent('#f-roster-hint-arrivedOn') }, `${at}: scrolled to`);
    await page.evaluate(() => scrollTo(0, 0));
    await page.focus('[name="/roster/43/arrivedOn"]');
    for (let k = 0; k < 8; k++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.name), '/roster/44/arrivedOn');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const s = await seen();
    assert.ok(s.hint && s.cell, `${at}: reached by Tab, the hint and the cell in sight: ${JSON.stringify(s)}`);
    assert.deepEqual(problems, []);
    await ctx.close();
  }
});

test('the home page names each page once, in each language (portal audit: "复工备案 — 复工备案")', async () => {
  const ctx = await p.fresh();
  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    const { page, problems } = await openPortal(ctx, `${p.url}${withNow(`/index.html?locale=${locale}`)}`, { wait: false });
    await page.waitForSelector('main ul a');
    const items = await page.$$eval('main ul li', (lis) => lis.map((li) => li.textContent));
    assert.equal(items.length, 5, locale);
    for (const text of items) {
      const parts = text.split(' — ').map((s) => s.trim().toLowerCase());
      assert.equal(new Set(parts).size, parts.length, `${locale}: ${text}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  await ctx.close();
});

test('punctuation of the page\'s language: 李某（第 1 行） on zh pages, (row 1) in English; 無法讀取的列（1）; the English chart axis and CSV in English punctuation', async () => {
  // The filing page's earliest start, from a draft.
  const draft = { savedAt: new Date().toISOString(), scope: [], value: {
    plannedResumption: '2020-02-10', staff: { keyArea: { returned: 1 } },
    roster: [{ name: '李某', keyAreaHistory: true, returning: true, arrivedOn: '2020-02-01' }] } };
  const ctx = await p.fresh();
  const want = { 'zh-CN': '李某（第 1 行） 2020-02-15', 'zh-TW': '李某（第 1 列） 2020-02-15', en: '李某 (row 1) 2020-02-15' };
  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    const { page, problems } = await openPortal(ctx, `${p.url}${withNow(`/filing.html?locale=${locale}`)}`);
    await page.evaluate((v) => localStorage.setItem('fangkong.draft.filing', JSON.stringify(v)), draft);
    await page.reload();
    await page.waitForFunction(() => window.portalReady === true);
    await page.waitForFunction(() => document.querySelector('#earliest li button'), null, { timeout: 5_000 });
    assert.equal(await page.locator('#earliest li').first().innerText(), want[locale], locale);
    assert.deepEqual(problems, []);
    await page.close();
  }

  // The dashboard, at its own date (the bundled report's).
  const Q = `now=${encodeURIComponent('2020-02-12T10:00:00+08:00')}`;
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('./lib/cases.mjs');
  const w = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
  const two = structuredClone(w);
  two.supplies.masks = 1; // 物资保障不到位
  two.staff.keyArea.unreachable = 1; // 失联
  const lines = [JSON.stringify(w), '{ not json', JSON.stringify(two)].join('\n');
  const file = { name: 'filings.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines}\n`) };
  for (const locale of ['zh-TW', 'en']) {
    const { page, problems } = await openPortal(ctx, `${p.url}/dashboard.html?locale=${locale}&${Q}`);
    await page.click('#load-example');
    await page.waitForSelector('#chart-children');
    const axis = await page.evaluate(() => [].concat(window.echarts.getInstanceByDom(document.getElementById('chart-children')).getOption().xAxis)[0].data);
    const marked = axis.filter((x) => /[()（）]/.test(x));
    assert.ok(marked.length > 0, `${locale}: a unit with a missing report is marked: ${axis}`);
    for (const x of marked) {
      if (locale === 'en') assert.match(x, /^[^（）]+ \([^()]+\)$/, `${locale}: ${x}`);
      else assert.match(x, /^[^()]+（[^（）]+）$/, `${locale}: ${x}`);
    }
    await page.setInputFiles('#filings-file', file);
    await page.waitForSelector('body[data-filings="done"]', { timeout: 60_000 });
    const title = await page.textContent('#unreadable-title');
    if (locale === 'en') assert.match(title, /^[^（）]+ \(1\)$/, title);
    else assert.equal(title, '無法讀取的列（1）');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const rows = readFileSync(await csv.path(), 'utf8').replace(/\r\n$/, '').split('\r\n');
    const row = rows.find((r) => r.startsWith('3,'));
    if (locale === 'en') {
      assert.doesNotMatch(rows.join('\n'), /；/, `${locale}: a full-width semicolon in the English CSV`);
      assert.match(row, /Supplies not in place; Key-area staff unreachable/, row);
    } else {
      assert.match(row, /；/, row);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  await ctx.close();
});

test('the server refuses a body without its submission up front, with a code and words in the three locales (portal audit: English only, "got undefined")', async () => {
  for (const body of [{ kind: 'filing', locale: 'zh-TW' }, { kind: 'filing', submission: null, locale: 'zh-CN' }, { kind: 'screening' }]) {
    const res = await fetch(`${p.url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 400);
    const r = await res.json();
    assert.equal(r.code, 'input.required', JSON.stringify(r));
    assert.deepEqual(Object.keys(r.messages).sort(), ['en', 'zh-CN', 'zh-TW']);
    // In Chinese: the member's name aside, no English words.
    for (const l of ['zh-CN', 'zh-TW']) assert.doesNotMatch(r.messages[l].replace('submission', ''), /[A-Za-z]{3,}/, `${l}: ${r.messages[l]}`);
    assert.match(r.messages['zh-TW'], /送出/);
    assert.doesNotMatch(r.messages.en, /undefined/);
    assert.equal(r.error, r.messages.en);
  }
});
