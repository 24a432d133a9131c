// The pages are built from the pack: switching to a district's pack (guangming-2020, which
// renames its filing form and re-words a hint in its `labels`) changes them with no code
// change. Every title and label read here comes from `describe` in Node, for each pack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'fangkong';
import { NOW, axe, openPortal, portal } from './lib/portal.mjs';
import { embeddedPacks } from '../../www/js/packs.mjs';

/** The families the package embeds, as the pages ask for them (www/js/packs.mjs). */
const PACKS = embeddedPacks(Engine);

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
  assert.ok(PACKS.includes('hangzhou-2020') && PACKS.length >= 3, `packs.mjs found ${PACKS.join(', ')}`);
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
  for (const name of ['index', 'filing', 'dashboard']) {
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
