// No trap poisons the module (issue 10, point 3). When wasm runs out of memory an allocation
// fails and the module traps (`RuntimeError: unreachable`); before, every later call failed,
// even `Engine.withDefaultPack()`. Now:
//   - work that would pass the package's heap limit is refused first, with an `Error` whose
//     code is `engine.out_of_memory` (keeping 4,000 engines used to trap);
//   - a trap that still happens is reported as `engine.trapped`, the module is made afresh on
//     the next call, a fresh engine answers, and an engine of the replaced instance throws
//     `engine.lost` instead of reading the new instance's memory.
// Each scenario runs in its own Node process: a trap is provoked by growing the module's
// memory to the 4 GiB most a wasm32 memory can have, so no allocation can grow it further.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/cases.mjs';

function run(script, flags = []) {
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url), encoding: 'utf8', timeout: 300_000,
  });
  assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const PRELUDE = `
import { readFileSync } from 'node:fs';
import { Engine, initSync, memoryUsage } from 'fangkong';
const read = (p) => readFileSync(${JSON.stringify(ROOT)} + p, 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00' };
const workshop = read('examples/filings/workshop.json');
const attempt = (f) => { try { return { ok: f() }; } catch (e) { return { code: e.code, name: e.name, message: e.message, cause: e.cause && e.cause.name }; } };
`;

test('after a provoked trap, a fresh engine answers, an old engine is made again, and an old draft or checker says it is lost', () => {
  const r = run(`${PRELUDE}
const { draftChecker } = await import('fangkong/form');
const before = Engine.withDefaultPack();
const guangming = Engine.withPackId('guangming-2020');
const expected = JSON.stringify(before.checkFiling(workshop, opts));
const expectedGm = JSON.stringify(guangming.checkFiling(workshop, opts));
const checker = before.checker(opts);
const draft = before.draft('filing', opts, workshop);
const drafting = draftChecker(before);
const value = JSON.parse(workshop);
drafting.check('filing', value, opts);
// The shadow stack's pointer between calls (exports with a return pointer move it and back).
const stackPointer = () => initSync().__wbindgen_add_to_stack_pointer?.(0);
const stackBefore = stackPointer();
// Grow the memory to its maximum: the next allocation that needs more cannot get it.
const memory = initSync().memory;
for (let step = 16384; step >= 1;) { try { memory.grow(step); } catch { step >>= 1; } }
const kept = [];
let failure;
for (let i = 0; i < 10000 && !failure; i++) {
  const r = attempt(() => { kept.push(Engine.withDefaultPack()); });
  if (!('ok' in r)) failure = r;
}
const fresh = attempt(() => JSON.stringify(Engine.withDefaultPack().checkFiling(workshop, opts)));
const old = attempt(() => JSON.stringify(before.checkFiling(workshop, opts)));
const oldGm = attempt(() => JSON.stringify(guangming.checkFiling(workshop, opts)));
const oldChecker = attempt(() => checker.checkFiling(workshop));
const oldDraft = attempt(() => draft.answer());
const redrafted = attempt(() => JSON.stringify(drafting.check('filing', { ...value, staff: { ...value.staff } }, opts)));
const freed = attempt(() => { before.free(); guangming.free(); kept.forEach((e) => e.free()); return true; });
const stackAfter = stackPointer();
console.log(JSON.stringify({ grown: memory.buffer.byteLength, failure, fresh, expected, expectedGm, old, oldGm, oldChecker, oldDraft, redrafted, freed, stackBefore, stackAfter }));
`);
  assert.equal(r.grown, 4 * 1024 ** 3, 'the memory was grown to 4 GiB');
  assert.equal(r.failure.code, 'engine.trapped', JSON.stringify(r.failure));
  assert.equal(r.failure.cause, 'RuntimeError');
  assert.equal(r.fresh.ok, r.expected, 'a fresh engine answers as before the trap');
  // An engine knows what made it: made again in the new instance, the same answer (hostile
  // audit: a page kept its engine and stopped checking until reloaded).
  assert.equal(r.old.ok, r.expected, JSON.stringify(r.old));
  assert.equal(r.oldGm.ok, r.expectedGm, JSON.stringify(r.oldGm));
  // A checker's and a draft's state was in the lost memory: they say so.
  assert.equal(r.oldChecker.code, 'engine.lost', JSON.stringify(r.oldChecker));
  assert.equal(r.oldDraft.code, 'engine.lost', JSON.stringify(r.oldDraft));
  // fangkong/form's draft checker starts a new draft on the engine made again.
  assert.equal(r.redrafted.ok, r.expected, JSON.stringify(r.redrafted));
  assert.equal(r.freed.ok, true, 'engines of the replaced instance free without touching the new one');
  assert.equal(r.stackAfter, r.stackBefore, 'the fresh instance\'s shadow stack is where a new one starts: the trapped call gave nothing back to it');
});

test('keeping thousands of engines is refused with engine.out_of_memory, never a trap', () => {
  const r = run(`${PRELUDE}
const base = memoryUsage().liveBytes;
const kept = [];
let failure;
// Each engine checks a filing, so it holds the pack version it decoded (the embedded packs are
// read lazily: about 28 KB for a bare engine, about 80 KB once it has judged a filing).
// \`withPackId\` loads the family for each engine; \`withDefaultPack()\` engines share one default
// engine (src/wasm.rs, in the module's data: scripts/preinit.mjs), so a thousand cost nothing.
const sharedBefore = memoryUsage().liveBytes;
const defaults = Array.from({ length: 1000 }, () => Engine.withDefaultPack());
defaults[999].checkFiling(workshop, opts);
const shared = memoryUsage().liveBytes - sharedBefore;
for (const e of defaults) e.free();
for (let i = 0; i < 40000 && !failure; i++) {
  const r = attempt(() => { const e = Engine.withPackId('shenzhen-2020'); kept.push(e); e.checkFiling(workshop, opts); });
  if (!('ok' in r)) failure = r;
}
const perEngine = Math.round((memoryUsage().liveBytes - base) / kept.length);
const count = kept.length;
// At the limit, where another engine is refused, another holder of the default engine (already
// loaded) costs a handle and is still given.
const defaultAtLimit = attempt(() => { const e = Engine.withDefaultPack(); e.free(); return 'made'; });
const packIdAtLimit = attempt(() => Engine.withPackId('shenzhen-2020'));
const refusedCheck = attempt(() => kept[0].checkFiling(JSON.stringify({ enterprise: { address: 'x'.repeat(2_000_000) } }), opts).decision);
for (const e of kept.splice(0)) e.free();
const after = memoryUsage();
const fresh = attempt(() => Engine.withDefaultPack().checkFiling(workshop, opts).decision);
console.log(JSON.stringify({ failure, count, perEngine, refusedCheck, after, base, fresh, shared, defaultAtLimit, packIdAtLimit: packIdAtLimit.code }));
`);
  assert.equal(r.failure.code, 'engine.out_of_memory', JSON.stringify(r.failure));
  assert.match(r.failure.message, /free engines no longer needed/);
  assert.ok(r.count > 100, `${r.count} engines before the limit`);
  assert.equal(r.refusedCheck.code, 'engine.out_of_memory', `a 2 MB submission is refused near the limit too: ${JSON.stringify(r)}`);
  assert.ok(r.after.liveBytes < r.base + 16 * 1024 * 1024, `freed: ${JSON.stringify(r.after)} (base ${r.base})`);
  assert.equal(r.fresh.ok, 'approved');
  assert.equal(r.defaultAtLimit.ok, 'made', `withDefaultPack() at the limit: ${JSON.stringify(r.defaultAtLimit)}`);
  assert.equal(r.packIdAtLimit, 'engine.out_of_memory');
  assert.ok(r.shared < 1000 * 64 + 80_000, `1,000 withDefaultPack() engines hold ${r.shared} bytes: they do not share the default engine`);
  console.log(`# ${r.count} engines of ${r.perEngine} bytes each before engine.out_of_memory (limit ${r.after.limitBytes})`);
});

test('engines no longer referenced are freed by the garbage collector (FinalizationRegistry)', () => {
  const r = run(`${PRELUDE}
const base = memoryUsage().liveBytes;
const wait = () => new Promise((resolve) => setTimeout(resolve, 10));
// 300 engines made and dropped without free(): without a FinalizationRegistry they would
// hold about 300 × 80 KB of heap (each with the pack version it decoded to judge the filing)
// for as long as the page lives.
// (withPackId: each loads its own; withDefaultPack() engines share one.)
for (let i = 0; i < 300; i++) Engine.withPackId('shenzhen-2020').checkFiling(workshop, opts);
const held = memoryUsage().liveBytes - base;
for (let i = 0; i < 50 && memoryUsage().liveBytes - base > held / 10; i++) { globalThis.gc(); await wait(); }
console.log(JSON.stringify({ held, after: memoryUsage().liveBytes - base }));
`, ['--expose-gc']);
  assert.ok(r.held > 300 * 50_000, `300 engines hold ${r.held} bytes before collection`);
  assert.ok(r.after < r.held / 10, `after collection: ${r.after} of ${r.held} bytes still held`);
});
