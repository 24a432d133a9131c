// The portal's Web Workers (check-worker.mjs, through worker-engines.mjs) with a custom pack:
// the runtime module has no pack compiler, so the worker loads `fangkong/compiler` for it,
// compiles the pack (`compilePack`) and answers with the runtime (`Engine.fromCompiled`) — the
// same answer as Node's compiler module. A pack id or the default pack never loads the compiler.
// A filing typed edit by edit is answered through the worker's draft exactly as checkFiling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { Engine as Compiler } from 'fangkong/compiler';
import { ROOT } from './lib/cases.mjs';
import { NOW, openPortal, portal } from './lib/portal.mjs';

/** A check worker in `page`, asked one message at a time by `window.ask(msg)`. */
function startWorker(page) {
  return page.evaluate(() => {
    const w = new Worker('/js/check-worker.mjs', { type: 'module' });
    let n = 0;
    window.ask = (msg) => new Promise((res) => {
      const id = ++n;
      w.onmessage = (e) => { if (e.data.id === id) res(e.data); };
      w.postMessage({ id, ...msg });
    });
  });
}

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

test('a custom pack in the check worker: compiled by fangkong/compiler, answered by the runtime', async () => {
  const pack = JSON.parse(readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8'));
  pack.version = `${pack.version}-custom`;
  pack.parameters.leadDays.value = 9;
  const filing = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
  const { page, problems } = await openPortal(p.context, `${p.url}/index.html?nosw=1`, { wait: false });
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await startWorker(page);
  const ask = (msg) => page.evaluate((m) => window.ask(m), msg);
  const got = { first: await ask({ kind: 'filing', pack: 'guangming-2020', input: filing, options: { now: NOW } }) };
  assert.ok(loaded.includes('/pkg/fangkong_bg.wasm'), loaded.join(' '));
  assert.ok(!loaded.includes('/pkg/fangkong_compiler_bg.wasm'), 'the compiler was loaded for a pack id');
  got.custom = await ask({ kind: 'filing', pack, input: filing, options: { now: NOW } });
  got.bad = await ask({ kind: 'filing', pack: { id: 1 }, input: filing, options: { now: NOW } });
  const want = new Compiler(pack).checkFiling(filing, { now: NOW });
  assert.equal(got.first.answer.pack.id, 'guangming-2020');
  assert.equal(JSON.stringify(got.custom.answer), JSON.stringify(want));
  assert.equal(got.custom.answer.pack.version, pack.version);
  assert.equal(got.bad.error.code, 'pack.syntax');
  assert.equal(got.bad.error.path, '/id');
  // The worker fetched the compiler module once a custom pack came, and only then.
  assert.equal(loaded.filter((u) => u === '/pkg/fangkong_compiler_bg.wasm').length, 1, loaded.join(' '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a filing typed edit by edit in the check worker (a draft per pack) is answered exactly as checkFiling', async () => {
  const workshop = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
  const factory = JSON.parse(readFileSync(join(ROOT, 'examples/filings/factory-1000.json'), 'utf8'));
  const engines = { '': Engine.withDefaultPack(), 'guangming-2020': Engine.withPackId('guangming-2020') };
  const { page, problems } = await openPortal(p.context, `${p.url}/index.html?nosw=1`, { wait: false });
  await startWorker(page);
  // Each step: the whole filing as the page sends it, a pack and options.
  const steps = [];
  let f = structuredClone(workshop);
  const step = (edit, pack = '', options = { now: NOW }) => {
    f = structuredClone(f);
    edit(f);
    steps.push({ filing: f, pack, options });
  };
  step(() => {});
  step((x) => { x.supplies.masks = '6'; }); // RTW-P4 fires, gate RTW-G3 and the decision move
  step((x) => { x.supplies.masks = '6000'; });
  step((x) => { delete x.enterprise.address; });
  step((x) => { x.enterprise.address = '光明区凤凰街道 1 号'; }, 'guangming-2020'); // the other pack's draft
  step((x) => { x.staff.total = 'abc'; }); // a wrong type in the default pack's draft
  step((x) => { x.roster = factory.roster.slice(0, 300); x.staff = factory.staff; });
  step((x) => { x.roster[120].phone = '1390124248'; });
  step((x) => { x.roster[120].phone = '13901242486'; }, '', { now: NOW, locale: 'en' });
  step((x) => { x.roster.splice(7, 1); }, '', { now: NOW, locale: 'en', scope: ['/staff', '/roster'] });
  step((x) => { x.roster[3] = null; }, 'guangming-2020');
  step((x) => { x.filedOn = '2020-04-08'; }, '', { now: '2020-04-08T09:00:00+08:00' }); // another day, another pack version
  step((x) => { for (const k of Object.keys(x)) delete x[k]; });
  step((x) => { Object.assign(x, structuredClone(workshop)); });
  for (const [i, { filing, pack, options }] of steps.entries()) {
    const got = await page.evaluate((m) => window.ask(m), { kind: 'filing', pack: pack || undefined, input: filing, options });
    const want = engines[pack].checkFiling(filing, options);
    assert.equal(JSON.stringify(got.answer), JSON.stringify(want), `step ${i}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the home page names the pack version in force on the day of "now", the one the pages judge with', async () => {
  // 2020-04-06T17:00Z is 2020-04-07 01:00 in China: the day the engine counts in (fourth audit:
  // the home page and the workbench named 2020-02-10, by the UTC day).
  for (const [now, version] of [['2020-02-04', '2020-02-10'], ['2020-04-08', '2020-04-07'], ['2020-04-06T17:00:00Z', '2020-04-07'], ['2020-04-07T00:30:00%2B08:00', '2020-04-07']]) {
    const { page, problems } = await openPortal(p.context, `${p.url}/index.html?nosw=1&now=${now}`, { wait: false });
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== '' && document.querySelector('main ul'));
    assert.equal(await page.locator('main p.muted').first().innerText(), `shenzhen-2020 ${version}`, now);
    assert.deepEqual(problems, []);
    await page.close();
  }
  // The workbench's reference column and the filing page say the same version.
  const now = '2020-04-06T17:00:00Z';
  const wb = await openPortal(p.context, `${p.url}/workbench.html?nosw=1&now=${now}`);
  assert.match(await wb.page.textContent('#examples thead th:nth-child(3)'), /shenzhen-2020 2020-04-07$/);
  assert.deepEqual(wb.problems, []);
  await wb.page.close();
  const fl = await openPortal(p.context, `${p.url}/filing.html?nosw=1&now=${now}`);
  assert.match(await fl.page.textContent('#pack-info'), /shenzhen-2020 2020-04-07/);
  assert.deepEqual(fl.problems, []);
  await fl.page.close();
});

test('at 375 px no page scrolls sideways (a file picker shrinks with its row)', async () => {
  for (const name of ['filing', 'inspection', 'screening', 'dashboard', 'workbench']) {
    const { page, problems } = await openPortal(p.context, `${p.url}/${name}.html?nosw=1&now=2020-02-04`, { wait: false });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 375, `${name}: ${width} px wide at 375`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
