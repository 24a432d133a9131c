// The pages are built from the pack: switching to a district's pack (guangming-2020, which
// renames its filing form and re-words a hint in its `labels`) changes them with no code
// change. Every title and label read here comes from `describe` in Node, for each pack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'fangkong';
import { NOW, axe, openPortal, portal } from './lib/portal.mjs';

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

for (const pack of ['shenzhen-2020', 'guangming-2020']) {
  test(`the filing page follows the ${pack} pack`, async () => {
    const d = Engine.withPackId(pack).describe('filing', { locale: 'zh-CN', on: '2020-02-04' });
    const { page, problems } = await openPortal(p.context, `${p.url}/filing.html?pack=${pack}&now=${encodeURIComponent(NOW)}&nosw=1`);
    assert.equal(await page.textContent('h1'), d.title);
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
