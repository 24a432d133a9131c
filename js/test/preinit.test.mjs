// The runtime module is shipped pre-initialised (scripts/preinit.mjs): its default engine was
// loaded at build time and is in the module's data, so `Engine.withDefaultPack()` loads nothing.
// Shown here: (1) it is there — the first `withDefaultPack()` of this process allocates only the
// handle, while loading another family allocates its pack; (2) it is the default pack as loaded
// at run time — every golden case answers byte for byte as with `withPackId('shenzhen-2020')`,
// which loads the family afresh, and so do `describe`, `inputSchema` and `packInfo`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { Engine, memoryUsage } from 'fangkong';
import { loadCases, portableCase } from './lib/cases.mjs';
import { runCases } from './lib/run-cases.mjs';

test('the default engine is in the module: withDefaultPack() loads nothing', () => {
  const before = memoryUsage().liveBytes;
  const engine = Engine.withDefaultPack();
  const handle = memoryUsage().liveBytes - before;
  const other = Engine.withPackId('hangzhou-2020');
  const loaded = memoryUsage().liveBytes - before - handle;
  assert.ok(handle <= 64, `withDefaultPack() allocated ${handle} bytes: the pack was loaded at run time`);
  assert.ok(loaded > 1024, `loading hangzhou-2020 allocated only ${loaded} bytes: the measure cannot tell`);
  engine.free();
  other.free();
});

test('the module imports nothing and its data holds the default engine (scripts/preinit.mjs ran)', () => {
  const bytes = readFileSync(new URL('../../pkg/fangkong_bg.wasm', import.meta.url));
  const module = new WebAssembly.Module(bytes);
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  const x = new WebAssembly.Instance(module, {}).exports;
  const live = x._liveBytes();
  assert.equal(x.__fk_preinit(), 1);
  assert.equal(x._liveBytes(), live, 'pre-initialising again allocated: the engine was not there');
});

test('the pre-initialised default engine answers as the family loaded afresh', () => {
  const cases = loadCases().map(portableCase).filter((c) => !c.pack);
  assert.ok(cases.length > 100, `only ${cases.length} cases on the default pack`);
  const afresh = { withDefaultPack: () => Engine.withPackId('shenzhen-2020'), withPackId: (id) => Engine.withPackId(id) };
  const mine = runCases(Engine, cases);
  const theirs = runCases(afresh, cases);
  assert.deepEqual(Object.keys(mine).sort(), Object.keys(theirs).sort());
  for (const k of Object.keys(mine)) assert.deepEqual(mine[k], theirs[k], k);
  const a = Engine.withDefaultPack();
  const b = Engine.withPackId('shenzhen-2020');
  for (const kind of ['filing', 'inspection', 'indicators', 'screening']) {
    for (const locale of ['zh-CN', 'en']) {
      assert.deepEqual(a.describe(kind, { locale }), b.describe(kind, { locale }), `describe ${kind} ${locale}`);
      assert.deepEqual(a.inputSchema(kind, { locale }), b.inputSchema(kind, { locale }), `inputSchema ${kind} ${locale}`);
    }
  }
  assert.deepEqual(a.packInfo({}), b.packInfo({}));
  assert.deepEqual(a.packInfo({ on: '2020-02-04' }), b.packInfo({ on: '2020-02-04' }));
});
