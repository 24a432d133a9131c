// Every page of the portal opened as a first visit is: each in a fresh browser context (no
// cache, no icon fetched before, no service worker, no storage), in zh-CN and en. Nothing may
// go wrong on the way: no console error, no page error, no CSP violation, no failed request
// (a missing /favicon.ico is one), and no element id used twice (a <label for> then finds the
// wrong element).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, axe, openPortal, portal } from './lib/portal.mjs';

const PAGES = ['index', 'filing', 'inspection', 'screening', 'dashboard', 'workbench'];

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

/** Ids used more than once in the page. */
const duplicateIds = (page) => page.evaluate(() => {
  const seen = new Map();
  for (const x of document.querySelectorAll('[id]')) seen.set(x.id, (seen.get(x.id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
});

for (const locale of ['zh-CN', 'en']) {
  for (const name of PAGES) {
    test(`${name}.html (${locale}), a first visit in a fresh context: no console error, failed request or CSP violation; no duplicate id`, async () => {
      const context = await p.fresh();
      try {
        const { page, problems } = await openPortal(context, `${p.url}/${name}.html?locale=${locale}&now=${encodeURIComponent(NOW)}`, { wait: name !== 'index' });
        if (name === 'index') await page.waitForSelector('main ul a');
        // The browser asks for an icon after the load: give it the time to.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        assert.deepEqual(problems, []);
        assert.deepEqual(await duplicateIds(page), []);
        assert.equal(await page.locator('link[rel="icon"]').count(), 1, 'the page links its icon');
      } finally {
        await context.close();
      }
    });
  }
}

// Portal audit, twenty-fifth session: a keyboard user paid eight Tabs (the site name, five pages,
// the language, the pack) before the form, on every page and every language switch.
test('every page: the first Tab is 跳到正文, and it takes the focus to the page\'s main part', async () => {
  const context = await p.fresh();
  try {
    for (const name of PAGES) {
      const { page, problems } = await openPortal(context, `${p.url}/${name}.html?nosw=1&now=${encodeURIComponent(NOW)}`, { wait: false });
      if (name === 'index') await page.waitForSelector('main ul a');
      else await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.keyboard.press('Tab');
      assert.deepEqual(await page.evaluate(() => [document.activeElement?.className, document.activeElement?.textContent]), ['skip', '跳到正文'], name);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', name);
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), `${name}: the next Tab stays in the main part`);
      assert.deepEqual(problems, [], name);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

// axe-core at phone width too: a table that fits at 1280 px scrolls sideways at 375 px, and
// must then be reachable by keyboard (fourth audit: the workbench's examples table was not).
for (const locale of ['zh-CN', 'en']) {
  test(`every page at 375 px (${locale}): axe-core finds nothing serious`, async () => {
    const context = await p.fresh();
    try {
      for (const name of PAGES) {
        const { page, problems } = await openPortal(context, `${p.url}/${name}.html?locale=${locale}&nosw=1&now=${encodeURIComponent(NOW)}`, { wait: false });
        await page.setViewportSize({ width: 375, height: 800 });
        if (name === 'index') await page.waitForSelector('main ul a');
        else await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
        assert.deepEqual(await axe(page), [], name);
        // Moderate ones too, on the pages that have none (portal audit, twenty-fifth session:
        // the workbench's two regions had one name, landmark-unique).
        assert.deepEqual(await axe(page, ['moderate']), [], `${name}: moderate`);
        assert.deepEqual(problems, [], name);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
}

// WCAG 1.4.10 (reflow): at 320 CSS px, which is 1280 px at 400 % zoom, no page scrolls sideways
// (portal audit, twenty-sixth session: the workbench was 363 px wide: its one-column layout
// took the width of its widest content).
test('every page at 320 px: nothing scrolls sideways', async () => {
  const context = await p.fresh();
  try {
    for (const name of PAGES) {
      const { page, problems } = await openPortal(context, `${p.url}/${name}.html?nosw=1&now=${encodeURIComponent(NOW)}`, { wait: false });
      await page.setViewportSize({ width: 320, height: 640 });
      if (name === 'index') await page.waitForSelector('main ul a');
      else await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), 320, name);
      assert.deepEqual(problems, [], name);
      await page.close();
    }
  } finally {
    await context.close();
  }
});
