// The package's boundary against careless and hostile arguments (third npm audit, F1, F6, F7,
// F8, F11): every argument copied into wasm memory is measured first, so no call traps the
// module (a trap would lose every engine made before: `engine.lost`); a bad one is an `Error`
// with a code. Messages echo at most a short part of what the caller gave. An invalid `Date`
// as `on` is `options.invalid`, and a method called on something that is not one of the
// package's objects says so, not that an instance trapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, memoryUsage } from 'fangkong';
import * as compiler from 'fangkong/compiler';
import { ROOT } from './lib/cases.mjs';

const NOW = '2020-02-04T10:00:00+08:00';
const opts = { now: NOW };
const workshop = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
const hangzhou = readFileSync(join(ROOT, 'packs/hangzhou-2020.json'), 'utf8');

// Cheap to make and to measure (V8 keeps a repeated string as a rope until it is read), and
// far too large to copy: 300 M UTF-16 units, 900 MB of UTF-8.
const big = '中'.repeat(3e8);
// 10 M characters: the audit's measure of how much of an argument an error echoes.
const long = 'a'.repeat(1e7);

/** The error `f` throws (it must throw). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('no throw');
}

/** `f` throws an `Error` with `code` (and, within a second, without copying its argument),
 *  and the engines made before it still answer. */
function refused(f, code, kept) {
  const t0 = performance.now();
  const e = thrown(f);
  const ms = performance.now() - t0;
  assert.ok(e instanceof Error, `${e}`);
  assert.equal(e.code, code, `${e.code}: ${e.message.slice(0, 300)}`);
  assert.ok(ms < 1000, `refused after ${Math.round(ms)} ms`);
  assert.ok(e.message.length < 400, `a message of ${e.message.length} characters`);
  for (const engine of kept) assert.ok(['approved', 'deferred'].includes(engine.checkFiling(workshop, opts).decision));
  return e;
}

test('F1: an array-like of a bad length never traps: a coded Error, and earlier engines keep working', () => {
  const kept = [Engine.withDefaultPack(), Engine.withPackId('hangzhou-2020'), Engine.fromCompiled(compiler.compilePack(hangzhou))];
  for (const length of [-1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, '5', null, undefined, 5n]) {
    refused(() => Engine.fromCompiled({ length }), length === 2 ** 53 || length === Infinity ? 'input.too_large' : 'pack.syntax', kept);
  }
  // 2 ** 32: a bare RangeError (offset is out of bounds) before.
  const e = refused(() => Engine.fromCompiled({ length: 2 ** 32 }), 'input.too_large', kept);
  assert.equal(e.maxBytes, 16 * 1024 * 1024);
  refused(() => Engine.fromCompiled({ get length() { throw new Error('no length'); } }), 'pack.syntax', kept);
  refused(() => Engine.fromCompiled({ length: 3, 0: 1, get 1() { throw new Error('no byte'); } }), 'pack.syntax', kept);
  // A length that changes between reads is read once.
  let reads = 0;
  refused(() => Engine.fromCompiled({ get length() { reads += 1; return reads === 1 ? 4 : -1; } }), 'pack.syntax', kept);
  refused(() => Engine.fromCompiled(new BigInt64Array(2)), 'pack.syntax', kept);
  // A typed array whose `length` says less than it holds is read by what it holds.
  const fake = compiler.compilePack(hangzhou);
  Object.defineProperty(fake, 'length', { value: 2 ** 31 });
  assert.equal(Engine.fromCompiled(fake).packInfo().id, 'hangzhou-2020');
  // Still loaded from a plain array of numbers, as the types allow.
  assert.equal(Engine.fromCompiled(Array.from(compiler.compilePack(hangzhou))).packInfo().id, 'hangzhou-2020');
});

test('F1: text arguments are measured before they are copied into wasm memory', () => {
  const engine = Engine.withDefaultPack();
  const draft = engine.draft('filing', opts);
  const kept = [engine, Engine.withPackId('guangming-2020'), draft];
  const check = (d) => d.answer().decision;
  const keptAnswer = () => {
    for (const k of kept) {
      if (k === draft) assert.equal(check(draft), 'incomplete');
      else assert.equal(k.checkFiling(workshop, opts).decision, 'approved');
    }
  };
  const cases = [
    ['withPackId', () => Engine.withPackId(big), 'pack.unknown_reference'],
    ['describe kind', () => engine.describe(big), 'options.invalid'],
    ['draft kind', () => engine.draft(big, opts), 'options.invalid'],
    ['draft.set pointer', () => draft.set(`/${big}`, 1), 'input.too_large'],
    ['draft.set pointer, text value', () => draft.set(`/${big}`, 'x'), 'input.too_large'],
    ['draft.remove pointer', () => draft.remove(`/${big}`), 'input.too_large'],
    ['draft.set object value', () => draft.set('/enterprise', { name: big }), 'input.too_large'],
    ['draft.setScope', () => draft.setScope([`/${big}`]), 'options.invalid'],
    ['draft.setScope, many', () => draft.setScope(new Array(3e6).fill('/enterprise')), 'options.invalid'],
    ['now', () => engine.checkFiling(workshop, { now: big }), 'options.invalid'],
    ['locale', () => engine.checkFiling(workshop, { now: NOW, locale: big }), 'options.invalid'],
    ['packVersion', () => engine.checkFiling(workshop, { now: NOW, packVersion: big }), 'options.invalid'],
    ['scope', () => engine.checkFiling(workshop, { now: NOW, scope: [`/${big}`] }), 'options.invalid'],
    ['scope, many', () => engine.checkFiling(workshop, { now: NOW, scope: new Array(3e6).fill('/enterprise') }), 'options.invalid'],
    ['checker options', () => engine.checker({ now: big }), 'options.invalid'],
    ['describe locale', () => engine.describe('filing', { locale: big }), 'options.invalid'],
    ['describe on', () => engine.inputSchema('filing', { on: big }), 'options.invalid'],
    ['packInfo packVersion', () => engine.packInfo({ packVersion: big }), 'options.invalid'],
    ['compiler: new Engine', () => new compiler.Engine(big), 'pack.syntax'],
    ['compiler: compilePack', () => compiler.compilePack(big), 'pack.syntax'],
    ['compiler: lint', () => compiler.lint(big), 'pack.syntax'],
    ['compiler: withPackId', () => compiler.Engine.withPackId(big), 'pack.unknown_reference'],
  ];
  for (const [name, f, code] of cases) {
    const e = thrown(f);
    assert.equal(e.code, code, `${name}: ${e.code} ${e.message.slice(0, 200)}`);
    assert.ok(e.message.length < 400, `${name}: a message of ${e.message.length} characters`);
    keptAnswer();
  }
  // A submission given as an object is cut like one given as text: its JSON text is not copied whole.
  assert.equal(engine.checkFiling({ enterprise: { name: big } }, opts).diagnostics[0].code, 'input.too_large');
  assert.equal(engine.checkFilings([{ enterprise: { name: big } }], opts)[0].diagnostics[0].code, 'input.too_large');
  assert.ok(memoryUsage().liveBytes < 64 * 1024 * 1024, JSON.stringify(memoryUsage()));
  keptAnswer();
});

test('F1: the limits refuse nothing a real call gives', () => {
  const engine = Engine.withDefaultPack();
  // A JSON Pointer as long as a key that fits in a submission (4 MiB), and a value of 4 MiB.
  const draft = engine.draft('filing', opts);
  assert.ok(Array.isArray(draft.set(`/${'k'.repeat(1 << 20)}`, 1).added));
  assert.ok(Array.isArray(draft.remove(`/${'k'.repeat(1 << 20)}`).removed));
  assert.ok(Array.isArray(draft.set('/enterprise/name', 'x'.repeat(1 << 20)).added));
  assert.equal(engine.checkFiling(workshop, { now: `2020-02-04T10:00:00.${'0'.repeat(1000)}+08:00` }).decision, 'approved');
  assert.equal(engine.checkFiling(workshop, { now: NOW, scope: new Array(1000).fill('/enterprise') }).decision, 'approved');
  assert.equal(engine.describe('filing', { locale: 'zh-Hant-TW' }).locale, 'zh-TW');
});

test('F6: an error echoes at most a short part of the caller\'s text', () => {
  const engine = Engine.withDefaultPack();
  const getter = { now: NOW, get locale() { throw new Error(long); } };
  const cases = [
    ['now', () => engine.checkFiling(workshop, { now: long }), 'options.invalid'],
    ['now (short enough to cross)', () => engine.checkFiling(workshop, { now: 'a'.repeat(4000) }), 'options.invalid'],
    ['packVersion', () => engine.checkFiling(workshop, { now: NOW, packVersion: long }), 'options.invalid'],
    ['packVersion (short enough to cross)', () => engine.checkFiling(workshop, { now: NOW, packVersion: 'a'.repeat(4000) }), 'options.invalid'],
    ['describe packVersion', () => engine.describe('filing', { packVersion: 'a'.repeat(4000) }), 'options.invalid'],
    ['packInfo packVersion', () => engine.packInfo({ packVersion: 'a'.repeat(4000) }), 'options.invalid'],
    ['on', () => engine.describe('filing', { on: 'a'.repeat(4000) }), 'options.invalid'],
    ['kind', () => engine.describe(long), 'options.invalid'],
    ['kind (short enough to cross)', () => engine.describe('a'.repeat(4000)), 'options.invalid'],
    ['packId', () => Engine.withPackId(long), 'pack.unknown_reference'],
    ['packId (short enough to cross)', () => Engine.withPackId('a'.repeat(4000)), 'pack.unknown_reference'],
    ['unknown option name', () => engine.checkFiling(workshop, { now: NOW, [long]: 1 }), 'options.invalid'],
    ['unknown describe option name', () => engine.describe('filing', { [long]: 1 }), 'options.invalid'],
    ['scope item', () => engine.checkFiling(workshop, { now: NOW, scope: [long] }), 'options.invalid'],
    ['setScope item', () => engine.draft('filing', opts).setScope([long]), 'options.invalid'],
    ['draft pointer', () => engine.draft('filing', opts).set(long, 1), 'input.too_large'],
    ['draft pointer (short enough to cross)', () => engine.draft('filing', opts).set('a'.repeat(4000), 1), 'pointer.invalid'],
    ['a getter\'s error', () => engine.checkFiling(workshop, getter), 'options.invalid'],
    ['a toJSON\'s error', () => engine.checkFiling({ toJSON() { throw new Error(long); } }, opts), 'input.unconvertible'],
  ];
  for (const [name, f, code] of cases) {
    const e = thrown(f);
    assert.equal(e.code, code, `${name}: ${e.code} ${e.message.slice(0, 200)}`);
    assert.ok(e.message.length < 400, `${name}: a message of ${e.message.length} characters`);
    assert.ok(!e.message.includes('\n'), `${name}: one line`);
  }
  // What is echoed is the start of the text, marked as cut.
  assert.match(thrown(() => Engine.withPackId('b'.repeat(4000))).message, /`b{100}…`/);
});

test('F7: a compiled pack larger than any compilePack gives is refused at once', () => {
  for (const bytes of [new Array(5e8), { length: 1e9 }, new Uint8Array(16 * 1024 * 1024 + 1)]) {
    const e = refused(() => Engine.fromCompiled(bytes), 'input.too_large', [Engine.withDefaultPack()]);
    assert.equal(e.maxBytes, 16 * 1024 * 1024);
    assert.doesNotMatch(e.message, /more needed/);
  }
  // And compilePack gives none larger: a family of 64 versions that each carry a parameter of
  // 0.3 MB compiles to more than 16 MiB (each version keeps its parameters): refused as unbounded.
  const districts = Array.from({ length: 40000 }, (_, i) => String(100000 + i));
  const family = [{ id: 'big', extends: 'shenzhen-2020', version: 'v0', effectiveFrom: '2020-01-01', parameters: { districts: { value: districts } } }];
  for (let i = 1; i < 64; i++) family.push({ id: 'big', extends: 'big@v0', version: `v${i}`, effectiveFrom: `2020-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}` });
  const e = thrown(() => compiler.compilePack(family));
  assert.equal(e.code, 'pack.unbounded', e.message);
  assert.equal(e.path, '');
  assert.match(e.message, /16777216/);
});

test('F8: an invalid Date as `on` is options.invalid, as for `now`', () => {
  const engine = Engine.withDefaultPack();
  for (const f of [() => engine.packInfo({ on: new Date('x') }), () => engine.describe('filing', { on: new Date('x') }), () => engine.inputSchema('filing', { on: new Date('x') })]) {
    const e = thrown(f);
    assert.equal(e.code, 'options.invalid', `${e.name} ${e.message}`);
    assert.equal(e.message, 'options.on is an invalid Date');
  }
  assert.equal(engine.describe('filing', { on: new Date('2020-02-04T02:00:00Z') }).pack.version, '2020-02-10');
});

test('F11: a method called on something that is not the package\'s object says so (engine.invalid_this)', () => {
  const engine = Engine.withDefaultPack();
  const checker = engine.checker(opts);
  const draft = engine.draft('filing', opts);
  const { Checker, Draft } = { Checker: checker.constructor, Draft: draft.constructor };
  const cases = [
    ['Engine on {}', () => Engine.prototype.checkFiling.call({}, workshop, opts), /not an Engine/],
    ['Engine on a bare prototype object', () => Engine.prototype.describe.call(Object.create(Engine.prototype), 'filing'), /not an Engine/],
    ['Engine on null', () => Engine.prototype.packInfo.call(null), /not an Engine/],
    ['Engine on a Checker', () => Engine.prototype.checkFiling.call(checker, workshop, opts), /not an Engine/],
    ['Checker on an Engine', () => Checker.prototype.checkFiling.call(engine, workshop), /not a Checker/],
    ['Draft on {}', () => Draft.prototype.answer.call({}), /not a Draft/],
    ['Draft on an Engine', () => Draft.prototype.set.call(engine, '/x', 1), /not a Draft/],
    ['Engine of the compiler module (another copy of the class)', () => Engine.prototype.packInfo.call(compiler.Engine.withDefaultPack()), /not an Engine/],
  ];
  for (const [name, f, message] of cases) {
    const e = thrown(f);
    assert.equal(e.code, 'engine.invalid_this', `${name}: ${e.code} ${e.message}`);
    assert.match(e.message, message, name);
    assert.doesNotMatch(e.message, /trapped/, name);
  }
  // The real objects still work, a subclass's too.
  assert.equal(engine.checkFiling(workshop, opts).decision, 'approved');
  assert.equal(checker.checkFiling(workshop).decision, 'approved');
  assert.equal(draft.answer().decision, 'incomplete');
});

test('differential fuzz (nineteenth session): a BOM before 4 MiB is not counted, as the command line counts none', () => {
  const engine = Engine.withDefaultPack();
  // A filing of exactly 4 MiB of UTF-8: its name padded with ASCII.
  const base = JSON.parse(workshop);
  base.enterprise.name = '';
  const room = 4194304 - Buffer.byteLength(JSON.stringify(base));
  base.enterprise.name = 'x'.repeat(room);
  const exact = JSON.stringify(base);
  assert.equal(Buffer.byteLength(exact), 4194304);
  const code = (a) => a.diagnostics.map((d) => d.code);
  const plain = engine.checkFiling(exact, opts);
  assert.ok(!code(plain).includes('input.too_large'), code(plain).join());
  // The same text after a BOM: the same answer (it was input.too_large).
  assert.deepEqual(engine.checkFiling(`\ufeff${exact}`, opts), plain);
  const draft = engine.draft('filing', opts, `\ufeff${exact}`);
  assert.deepEqual(draft.answer(), plain);
  draft.free();
  // One unit more is too large, with or without the BOM; a second BOM is counted.
  for (const text of [`${exact} `, `\ufeff${exact} `, `\ufeff\ufeff${exact}`]) {
    assert.deepEqual(code(engine.checkFiling(text, opts)), ['input.too_large'], text.slice(0, 3));
  }
  engine.free();
});

test('differential fuzz (nineteenth session): an object nested past ~2,000 levels with a null in it is answered, not thrown', () => {
  const engine = Engine.withDefaultPack();
  let deep = [1];
  for (let i = 0; i < 3000; i++) deep = [deep];
  const withNull = { declaredOn: null, x: deep };
  const withoutNull = { declaredOn: '2020-02-01', x: deep };
  // Too deep for the engine's reader (128 levels): not JSON it reads, as the same text is.
  for (const o of [withNull, withoutNull]) {
    const a = engine.screenPerson(o, opts);
    assert.deepEqual(a.diagnostics.map((d) => d.code), ['input.not_json']);
    assert.deepEqual(a, engine.screenPerson(JSON.stringify(o), opts));
  }
  engine.free();
});

test('differential fuzz (nineteenth session): a draft refuses an edit nested deeper than a submission text may be', () => {
  const engine = Engine.withDefaultPack();
  let nested = [];
  for (let i = 1; i < 127; i++) nested = [nested]; // 127 arrays under /plannedResumption: 128 levels
  for (const [kind, at] of [['filing', '/plannedResumption'], ['screening', '/declaredOn']]) {
    const draft = engine.draft(kind, opts);
    assert.throws(() => draft.set(at, nested), (e) => e.code === 'input.too_large' && /nest more than 127/.test(e.message), kind);
    draft.set(at, nested[0]); // one level less is taken
    const oneShot = kind === 'filing' ? engine.checkFiling(JSON.stringify(draft.value()), opts) : engine.screenPerson(JSON.stringify(draft.value()), opts);
    assert.deepEqual(draft.answer(), oneShot, kind);
    draft.free();
  }
  // A draft that does not start: the message names its kind.
  assert.throws(() => engine.draft('screening', opts, '{'), (e) => e.code === 'input.not_json' && /^the submission is not usable JSON/.test(e.message));
  engine.free();
});

test('a FormData, Map or Set is refused as unconvertible, not read as an empty filing (twenty-first session)', () => {
  const engine = Engine.withDefaultPack();
  const filing = JSON.parse(workshop);
  const form = new FormData();
  form.append('filedOn', '2020-02-04');
  const entries = new Map(Object.entries(filing));
  const cases = [
    ['a FormData', () => engine.checkFiling(form, opts), /holds a FormData, which JSON writes as \{\}/],
    ['a Map', () => engine.checkFiling(entries, opts), /holds a Map,/],
    ['a URLSearchParams', () => engine.screenPerson(new URLSearchParams('declaredOn=2020-02-01'), opts), /holds a URLSearchParams/],
    ['a Headers', () => engine.checkFiling(new Headers({ filedOn: '2020-02-04' }), opts), /holds a Headers/],
    ['a Set inside', () => engine.checkFiling({ ...filing, roster: new Set(filing.roster ?? [{ name: '张三' }]) }, opts), /holds a Set at key `roster`/],
    ['a Map inside, in a batch', () => engine.checkFilings([filing, { ...filing, supplies: new Map([['masks', 900]]) }], opts), /^filing 1: the filing holds a Map at key `supplies`/],
    ['a draft\'s value', () => engine.draft('filing', opts, filing).set('/supplies', new Map([['masks', 900]])), /the value holds a Map/],
    ['an inspection', () => engine.scoreInspection(new Map(), opts), /the inspection holds a Map/],
  ];
  for (const [name, f, message] of cases) {
    const e = refused(f, 'input.unconvertible', [engine]);
    assert.match(e.message, message, name);
    assert.match(e.message, /Object\.fromEntries/, name);
  }
  // Not refused: plain objects and arrays, an empty object given as such, a class with toJSON,
  // a string holding "{}", and the same data converted as the message says.
  assert.equal(engine.checkFiling(Object.fromEntries(entries), opts).decision, engine.checkFiling(workshop, opts).decision);
  assert.equal(engine.checkFiling({}, opts).decision, 'incomplete');
  const withToJSON = new Map(Object.entries(filing));
  withToJSON.toJSON = () => Object.fromEntries(withToJSON);
  assert.equal(engine.checkFiling(withToJSON, opts).decision, engine.checkFiling(workshop, opts).decision);
  assert.equal(engine.checkFiling({ ...filing, enterprise: { ...filing.enterprise, address: '{}' } }, opts).decision, engine.checkFiling(workshop, opts).decision);
});

test('a check looks up FormData and Headers only for an object that says it is one: Node loads no fetch library (undici) for it', () => {
  // Reading the global `FormData` or `Headers` in Node loads undici: 50–90 ms added to the first
  // check of any object whose JSON has a `{}` in it (twenty-second session). Not timed here: the
  // modules Node loaded say it.
  const script = `
    import { Engine } from 'fangkong';
    const engine = Engine.withDefaultPack();
    const opts = { now: '2020-02-04T10:00:00+08:00' };
    const decisions = [engine.checkFiling({}, opts).decision, engine.checkFiling({ staff: {}, supplies: {} }, opts).decision,
      engine.checkFilings([{}, { measures: { canteen: {} } }], opts).map((a) => a.decision).join(),
      engine.screenPerson({ answers: {} }, opts).decision];
    console.log(JSON.stringify({ decisions, undici: process.moduleLoadList.filter((m) => m.includes('undici')) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(ROOT, 'js'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { decisions, undici } = JSON.parse(r.stdout);
  assert.deepEqual(decisions, ['incomplete', 'incomplete', 'incomplete,incomplete', 'incomplete']);
  assert.deepEqual(undici, []);
});

test('server audit (twenty-sixth session): a Buffer or Uint8Array is refused as bytes, not judged as unknown fields', () => {
  const engine = Engine.withDefaultPack();
  const bytes = Buffer.from(workshop, 'utf8');
  for (const given of [bytes, new Uint8Array(bytes), bytes.buffer.slice(0, 10)]) {
    assert.throws(() => engine.checkFiling(given, opts), (e) => e.code === 'input.unconvertible' && /is bytes/.test(e.message) && /toString\('utf8'\)/.test(e.message), given.constructor.name);
  }
  assert.throws(() => engine.checker(opts).checkFilings([bytes], opts), (e) => e.code === 'input.unconvertible');
  // Its text is what to pass: the same answer as the object's.
  assert.deepEqual(engine.checkFiling(bytes.toString('utf8'), opts), engine.checkFiling(JSON.parse(workshop), opts));
  engine.free();
});

test('server audit (twenty-sixth session): a draft value nested past 127 levels is input.too_large however deep, never "not JSON"', () => {
  const engine = Engine.withDefaultPack();
  const draft = engine.draft('filing', opts);
  for (const depth of [127, 128, 200, 1000, 20000]) {
    let nested = [];
    for (let i = 1; i < depth; i++) nested = [nested];
    assert.throws(() => draft.set('/x', nested), (e) => e.code === 'input.too_large', String(depth));
  }
  // The draft is unchanged, and a shallow value is still taken.
  assert.deepEqual(draft.value(), {});
  draft.set('/staff/total', 12);
  assert.deepEqual(draft.value(), { staff: { total: 12 } });
  draft.free();
  engine.free();
});

test('server audit (twenty-sixth session): packInfo({ on }) takes a time as the day it is in CST, as its doc says "a date or time"', () => {
  const engine = Engine.withDefaultPack();
  // 16:00Z on 04-06 is 04-07 00:00 in CST: the version of 2020-04-07 is in force.
  assert.equal(engine.packInfo({ on: '2020-04-06T16:00:00Z' }).version, engine.packInfo({ on: '2020-04-07' }).version);
  assert.equal(engine.packInfo({ on: '2020-04-06T15:59:59Z' }).version, engine.packInfo({ on: '2020-04-06' }).version);
  assert.notEqual(engine.packInfo({ on: '2020-04-07' }).version, engine.packInfo({ on: '2020-04-06' }).version);
  assert.throws(() => engine.packInfo({ on: 'tomorrow' }), (e) => e.code === 'options.invalid');
  engine.free();
});

test('server audit (twenty-sixth session): a `now` whose CST day is outside the years 0000–9999 is refused, never answered with today "10000-01-01"', () => {
  const engine = Engine.withDefaultPack();
  for (const now of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00+09:00']) {
    assert.throws(() => engine.checkFiling({}, { now }), (e) => e.code === 'options.invalid' && /0000-01-01/.test(e.message), now);
  }
  assert.equal(engine.checkFiling({}, { now: '9999-12-31T15:59:59Z' }).today, '9999-12-31');
  assert.equal(engine.checkFiling({}, { now: '0000-01-01T00:00:00+08:00' }).today, '0000-01-01');
  engine.free();
});
