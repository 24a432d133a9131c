// The pages are built from the pack: switching to a district's pack (guangming-2020, which
// renames its filing form and re-words a hint in its `labels`) changes them with no code
// change. Every title and label read here comes from `describe` in Node, for each pack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'fangkong';
import { NOW, axe, openPortal, portal } from './lib/portal.mjs';
import { start } from '../../www/serve.mjs';

/** The families the package embeds, as the pages ask for them (`Engine.packIds()`). */
const PACKS = Engine.packIds();

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

for (const pack of PACKS) {
  test(`the filing page follows the ${pack} pack`, async () => {
    const d = Engine.withPackId(pack).describe('filing', { locale: 'zh-CN', on: '2020-02-04' });
    const { page, problems } = await openPortal(p.context, `${p.url}/filing.html?pack=${pack}&now=${encodeURIComponent(NOW)}&nosw=1`);
    assert.equal(await page.textContent('h1'), d.title);
    assert.equal(await page.inputValue('#pack'), pack, 'the header names the pack the page judges by');
    assert.match(await page.textContent('#pack-info'), new RegExp(`${pack} `));
    const district = d.fields.find((f) => f.id === 'enterprise.districtCode');
    const text = await page.locator('form').innerText();
    assert.ok(text.includes(district.hint), `the page lacks the hint ${district.hint}`);
    for (const g of d.gates) assert.ok((await page.innerText('body')).includes(g.title), g.title);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('the two packs differ where guangming-2020 says so, and only there', () => {
  const sz = Engine.withPackId('shenzhen-2020').describe('filing', { locale: 'zh-CN' });
  const gm = Engine.withPackId('guangming-2020').describe('filing', { locale: 'zh-CN' });
  assert.notEqual(sz.title, gm.title);
  const hint = (d) => d.fields.find((f) => f.id === 'enterprise.districtCode').hint;
  assert.notEqual(hint(sz), hint(gm));
  assert.deepEqual(gm.gates.map((g) => g.title), sz.gates.map((g) => g.title));
});

test('the pack switch offers every family the package embeds, taken from the package', async () => {
  assert.ok(PACKS.includes('hangzhou-2020') && PACKS.length >= 3, `packIds() gave ${PACKS.join(', ')}`);
  assert.equal(PACKS[0], Engine.withDefaultPack().packInfo({}).id, 'the default pack first');
  const { page, problems } = await openPortal(p.context, `${p.url}/filing.html?now=${encodeURIComponent(NOW)}&nosw=1`);
  assert.deepEqual(await page.locator('#pack option').evaluateAll((os) => os.map((o) => o.value)), PACKS);
  // A Hangzhou firm's link: judged by Hangzhou's rules (leadDays 3, its districts), not Shenzhen's.
  const hz = Engine.withPackId('hangzhou-2020');
  await page.goto(`${p.url}/filing.html?pack=hangzhou-2020&now=${encodeURIComponent(NOW)}&nosw=1`);
  await page.waitForFunction(() => window.portalReady === true);
  assert.equal(await page.inputValue('#pack'), 'hangzhou-2020');
  assert.equal(await page.textContent('h1'), hz.describe('filing', { locale: 'zh-CN', on: '2020-02-04' }).title);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a pack the package does not embed is refused on the page, never replaced by another', async () => {
  for (const name of ['index', 'filing', 'screening', 'dashboard']) {
    const { page, problems } = await openPortal(p.context, `${p.url}/${name}.html?pack=nowhere-2021&now=${encodeURIComponent(NOW)}&nosw=1`, { wait: false });
    await page.waitForSelector('#pack-refused');
    const said = await page.textContent('#pack-refused');
    assert.ok(said.includes('nowhere-2021') && PACKS.every((x) => said.includes(x)), said);
    assert.deepEqual(await page.locator('#pack-choices a').allTextContents(), PACKS);
    assert.equal(await page.inputValue('#pack'), '', 'the switch names no pack it was not given');
    assert.match(await page.locator('#pack option:checked').textContent(), /nowhere-2021（无此规则包）/);
    assert.equal(await page.locator('#decision, #pack-info').count(), 0, 'nothing judged');
    // Its link opens the same page under that pack.
    await page.click('#pack-choices a >> text=guangming-2020');
    if (name !== 'index') await page.waitForFunction(() => window.portalReady === true);
    else await page.waitForSelector('main ul a');
    assert.equal(await page.inputValue('#pack'), 'guangming-2020');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a filing checked under guangming-2020 is submitted and accepted; a district that takes other rules says which', async () => {
  const Q = `pack=guangming-2020&now=${encodeURIComponent(NOW)}&nosw=1`;
  const { page, problems } = await openPortal(p.context, `${p.url}/filing.html?${Q}`);
  await page.evaluate(() => { localStorage.removeItem('fangkong.draft.filing'); localStorage.removeItem('fangkong.outbox'); });
  await page.selectOption('#example', 'workshop');
  await page.click('#load-example');
  await page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('send-status').className !== '');
  assert.match(await page.textContent('#send-status'), /已提交 · 区里已受理/);
  assert.deepEqual(p.server.submissions.at(-1), { kind: 'filing', decision: 'approved', same: true });
  assert.deepEqual(problems, []);
  await page.close();

  // A back end that takes only the default pack: refused, the reason names the pack it takes,
  // and the long hash wraps inside the side panel.
  const strict = await start({ port: 0, accepts: [PACKS[0]] });
  try {
    const r = await openPortal(p.context, `${strict.url}/filing.html?${Q}`);
    await r.page.setViewportSize({ width: 1280, height: 900 });
    await r.page.evaluate(() => { localStorage.removeItem('fangkong.draft.filing'); localStorage.removeItem('fangkong.outbox'); });
    await r.page.selectOption('#example', 'workshop');
    await r.page.click('#load-example');
    await r.page.waitForFunction(() => document.getElementById('decision').classList.contains('approved'));
    await r.page.click('#submit');
    await r.page.waitForFunction(() => document.getElementById('send-status').className === 'not-sent');
    const info = Engine.withDefaultPack().packInfo({ on: '2020-02-04' });
    const said = await r.page.textContent('#send-status');
    assert.ok(said.includes(`区里受理的规则包是：${info.id} ${info.version}（${info.hash}）。`), said);
    assert.doesNotMatch(said, /guangming/);
    // Fourth audit: the hash ran past the side column's edge, and its paint containment clipped it.
    const past = await r.page.$$eval('#send-status, #refused li', (xs) => {
      const edge = document.querySelector('.side').getBoundingClientRect().right;
      return xs.filter((x) => x.getBoundingClientRect().right > edge + 1 || x.scrollWidth > x.clientWidth + 1).map((x) => x.id || x.className);
    });
    assert.deepEqual(past, [], 'the hash wraps inside the side column');
    // The refusal is the server's 409, nothing else went wrong.
    assert.deepEqual(r.problems.filter((x) => x !== 'HTTP 409: /api/submissions' && !/status of 409/.test(x)), []);
    await r.page.evaluate(() => localStorage.removeItem('fangkong.outbox'));
    await r.page.close();
  } finally {
    await strict.close();
  }
});
