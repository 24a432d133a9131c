// The package against another build of it (FANGKONG_BASELINE=DIR, e.g. main's pkg/ before the
// module lost its JS imports: BENCHMARKS.md, "A module with no JS import"): the same calls, with
// good and bad arguments of every kind, give the same answers (JSON text) and throw the same
// errors — class, message, `code` and every other own property. Skipped without a baseline.
// Also, always: neither module imports anything from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = '2020-02-04T10:00:00+08:00';

test('neither module imports anything from JavaScript', () => {
  for (const file of ['fangkong_bg.wasm', 'fangkong_compiler_bg.wasm']) {
    const module = new WebAssembly.Module(readFileSync(join(ROOT, 'pkg', file)));
    assert.deepEqual(WebAssembly.Module.imports(module), [], file);
  }
});

/** What a call gives, as text: its answer's JSON, or the thrown value's every detail. */
function outcome(f) {
  try {
    const r = f();
    if (r instanceof Uint8Array) return `bytes ${r.constructor.name} ${Buffer.from(r).toString('base64')}`;
    if (r && typeof r === 'object' && typeof r.free === 'function') return `object ${r.constructor.name}`;
    return `answer ${JSON.stringify(r)}`;
  } catch (e) {
    if (!(e instanceof Error)) return `threw ${typeof e} ${String(e)}`;
    const own = Object.getOwnPropertyNames(e).filter((k) => k !== 'stack' && k !== 'cause');
    const props = Object.fromEntries(own.map((k) => [k, e[k]]));
    return `threw ${e.constructor.name} ${JSON.stringify(props)} keys ${JSON.stringify(Object.keys(e))}${e.cause ? ` cause ${e.cause.constructor.name}` : ''}`;
  }
}

/** Calls on a package `mod` (runtime) and `c` (compiler module): [name, () => value]. */
function calls(mod, c) {
  const { Engine } = mod;
  const engine = Engine.withDefaultPack();
  const filing = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
  const filingObject = JSON.parse(filing);
  const cyclic = {};
  cyclic.self = cyclic;
  const throwing = { toJSON() { throw new TypeError('Nope\nsecond line'); } };
  const getter = (name, error) => ({ now: NOW, get [name]() { throw error; } });
  const lone = 'a\ud800b';
  const out = [];
  const add = (name, f) => out.push([name, f]);
  const optionSets = [
    ['undefined', undefined], ['null', null], ['number', 5], ['array', []], ['function', () => 1], ['string', 'x'],
    ['empty', {}], ['good', { now: NOW }], ['date', { now: new Date('2020-02-04T02:00:00Z') }],
    ['invalid date', { now: new Date('x') }], ['bad now', { now: 'yesterday' }], ['now number', { now: 5 }],
    ['now null', { now: null }], ['unknown key', { now: NOW, colour: 'red' }], ['lone key', { now: NOW, [lone]: 1 }],
    ['locale', { now: NOW, locale: 'en' }], ['locale fr', { now: NOW, locale: 'fr-FR' }], ['locale number', { now: NOW, locale: 5 }],
    ['locale lone', { now: NOW, locale: lone }],
    ['scope', { now: NOW, scope: ['/enterprise/name', ''] }], ['scope bad', { now: NOW, scope: ['enterprise'] }],
    ['scope lone', { now: NOW, scope: [`x${lone}`] }], ['scope item number', { now: NOW, scope: [5] }],
    ['scope string', { now: NOW, scope: '/x' }], ['scope holes', { now: NOW, scope: [, '/a'] }], // eslint-disable-line no-sparse-arrays
    ['packVersion', { now: NOW, packVersion: '2020-02-10' }], ['packVersion unknown', { now: NOW, packVersion: '1999' }],
    ['packVersion number', { now: NOW, packVersion: 3 }], ['packVersion lone', { now: NOW, packVersion: lone }],
    ['personal', { now: NOW, personal: true }], ['personal text', { now: NOW, personal: 'yes' }],
    ['bad now + bad locale', { now: 'nope', locale: 5 }], ['bad now + unknown version', { now: 'nope', packVersion: 'x' }],
    ['unknown version + bad personal', { now: NOW, packVersion: 'x', personal: 1 }],
    ['bad locale + unknown version', { now: NOW, locale: 1, packVersion: 'x' }],
    ['bad now + bad scope', { now: 'nope', scope: 1 }], ['date + bad personal', { now: new Date(0), personal: 0 }],
    ['getter now', getter('now', new Error('Boom'))], ['getter locale', getter('locale', 'plain text')],
    ['getter scope', getter('scope', 42)], ['getter personal', getter('personal', new RangeError('  \n'))],
    ['getter packVersion', getter('packVersion', new Error(`Lone ${lone}`))],
    ['bad now + getter', { now: 'nope', get locale() { throw new Error('x'); } }],
  ];
  const inputs = [
    ['text', filing], ['object', filingObject], ['{}', '{}'], ['not json', '{'], ['null', null], ['undefined', undefined],
    ['number', 5], ['array', []], ['cyclic', cyclic], ['bigint', { n: 1n }], ['toJSON throws', throwing],
    ['function', () => 1], ['symbol', Symbol('s')], ['lone text', `{"enterprise":{"name":"${lone}"}}`],
    ['lone object', { enterprise: { name: lone } }], ['huge text', `"${'x'.repeat(4194304)}"`],
  ];
  for (const [on, options] of optionSets) {
    add(`checkFiling(text, ${on})`, () => engine.checkFiling(filing, options));
    add(`checkFiling(cyclic, ${on})`, () => engine.checkFiling(cyclic, options));
    add(`checker(${on})`, () => engine.checker(options).checkFiling(filing));
    add(`checkFilings([text, cyclic], ${on})`, () => engine.checkFilings([filing, cyclic], options));
    add(`draft(filing, ${on})`, () => engine.draft('filing', options, filing).answer());
    add(`describe(filing, ${on})`, () => engine.describe('filing', options));
    add(`describe(bad kind, ${on})`, () => engine.describe('nope', options));
  }
  const checker = engine.checker({ now: NOW, locale: 'en' });
  for (const [on, input] of inputs) {
    for (const m of ['checkFiling', 'scoreInspection', 'evaluateIndicators', 'screenPerson']) {
      add(`engine.${m}(${on})`, () => engine[m](input, { now: NOW }));
      add(`checker.${m}(${on})`, () => checker[m](input));
    }
    add(`checkFilings([${on}])`, () => engine.checkFilings([filing, input], { now: NOW }));
    add(`draft(${on})`, () => engine.draft('filing', { now: NOW }, input).answer());
    add(`draft.set(${on})`, () => engine.draft('filing', { now: NOW }).set('/enterprise/name', input));
    add(`draft.set('', ${on})`, () => engine.draft('filing', { now: NOW }).set('', input));
  }
  for (const [on, batch] of [['not array', filing], ['null', null], ['empty', []], ['many', Array(50).fill(filing)],
    ['objects', [filingObject, filingObject]], ['bad middle', [filing, 5, cyclic]], ['huge', Array(17).fill('x'.repeat(4194304))]]) {
    add(`engine.checkFilings(${on})`, () => engine.checkFilings(batch, { now: NOW }));
    add(`checker.checkFilings(${on})`, () => checker.checkFilings(batch));
  }
  const describeSets = [['undefined', undefined], ['null', null], ['number', 1], ['array', []], ['{}', {}],
    ['locale', { locale: 'zh-TW' }], ['locale number', { locale: 1 }], ['unknown', { colour: 1 }],
    ['packVersion', { packVersion: '2020-02-10' }], ['packVersion unknown', { packVersion: 'x' }], ['packVersion number', { packVersion: 1 }],
    ['on', { on: '2020-02-01' }], ['on bad', { on: 'soon' }], ['on lone', { on: lone }], ['on date', { on: new Date('2020-02-04T20:00:00Z') }],
    ['on number', { on: 5 }], ['on invalid date', { on: new Date('x') }], ['getter on', { get on() { throw new Error('G'); } }],
    ['bad locale + bad on', { locale: 2, on: 'soon' }], ['unknown version + bad on', { packVersion: 'x', on: 'soon' }]];
  for (const [on, options] of describeSets) {
    for (const kind of ['filing', 'inspection', 'indicators', 'screening', 'nope']) {
      add(`describe(${kind}, ${on})`, () => engine.describe(kind, options));
      add(`inputSchema(${kind}, ${on})`, () => engine.inputSchema(kind, options));
    }
    add(`packInfo(${on})`, () => engine.packInfo(options));
  }
  const values = [['text', 'x'], ['lone', lone], ['true', true], ['null', null], ['12', 12], ['-0', -0], ['1.5', 1.5], ['1e300', 1e300],
    ['NaN', NaN], ['Infinity', Infinity], ['object', { a: [1, 2] }], ['cyclic', cyclic], ['bigint', 1n], ['function', () => 1],
    ['symbol', Symbol('s')], ['undefined', undefined], ['huge', 'x'.repeat(4194305)], ['huge object', { x: 'y'.repeat(4194304) }]];
  for (const pointer of ['/enterprise/name', '/roster/-', '/roster/9', 'bad', '', '/staff/total']) {
    for (const [on, value] of values) add(`set(${pointer}, ${on})`, () => engine.draft('filing', { now: NOW }, filing).set(pointer, value));
    add(`remove(${pointer})`, () => engine.draft('filing', { now: NOW }, filing).remove(pointer));
  }
  for (const [on, scope] of [['null', null], ['undefined', undefined], ['list', ['/enterprise']], ['bad', ['x']], ['number', 5], ['lone', [`/${lone}`]], ['item', [1]]]) {
    add(`setScope(${on})`, () => engine.draft('filing', { now: NOW }, filing).setScope(scope));
  }
  add('draft kinds', () => engine.draft('inspection', { now: NOW }));
  add('draft bad kind', () => engine.draft('x', { now: 'bad' }));
  add('draft value', () => engine.draft('filing', { now: NOW }, filing).value());
  add('withPackId', () => Engine.withPackId('hangzhou-2020').checkFiling(filing, { now: NOW }));
  add('withPackId unknown', () => Engine.withPackId('x'));
  add('fromCompiled junk', () => Engine.fromCompiled(new Uint8Array([1, 2, 3])));
  add('new Engine (runtime)', () => new Engine({}));
  add('version', () => [engine.version, mod.version()]);
  add('memoryUsage keys', () => Object.keys(mod.memoryUsage()));
  const freed = Engine.withDefaultPack();
  freed.free();
  add('freed engine', () => freed.checkFiling(filing, { now: NOW }));
  add('freed engine, bad options', () => freed.checkFiling(filing, { now: 'x' }));
  const freedChecker = engine.checker({ now: NOW });
  freedChecker.free();
  add('freed checker', () => freedChecker.checkFiling(filing));
  add('foreign this', () => Engine.prototype.checkFiling.call({}, filing, { now: NOW }));
  if (c) {
    const pack = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
    const bad = JSON.parse(pack);
    bad.rules = 5;
    add('compiler: new Engine(text)', () => new c.Engine(pack).checkFiling(filing, { now: NOW }));
    add('compiler: new Engine(bad)', () => new c.Engine(bad));
    add('compiler: new Engine(not json)', () => new c.Engine('{'));
    add('compiler: new Engine(cyclic)', () => new c.Engine(cyclic));
    add('compiler: new Engine(undefined)', () => new c.Engine(undefined));
    add('compiler: lint', () => c.lint(pack));
    add('compiler: lint bad', () => c.lint(bad));
    add('compiler: compilePack', () => c.compilePack(pack));
    add('compiler: compilePack bad', () => c.compilePack('[]'));
    add('compiler: fromCompiled', () => Engine.fromCompiled(c.compilePack(pack)).checkFiling(filing, { now: NOW }));
    add('compiler: describe', () => new c.Engine(pack).describe('filing', { locale: 'en' }));
  }
  return out;
}

const baseline = process.env.FANGKONG_BASELINE;
test('every call gives what the baseline package gives', { skip: !baseline && 'FANGKONG_BASELINE unset' }, async () => {
  const now = await import('fangkong');
  const nowC = await import('fangkong/compiler');
  const before = await import(join(baseline, 'node.js'));
  const beforeC = await import(join(baseline, 'compiler-node.js'));
  const a = calls(before, beforeC);
  const b = calls(now, nowC);
  assert.equal(a.length, b.length);
  // FANGKONG_BASELINE_ANY_HASH=1: a pack changed on purpose since the baseline (its messages or
  // parameters), so every pack hash differs; compare everything else.
  const anyHash = process.env.FANGKONG_BASELINE_ANY_HASH === '1'
    ? (s) => s.replace(/sha256:[0-9a-f]{64}/g, 'sha256:…')
    : (s) => s;
  let differ = 0;
  for (let i = 0; i < a.length; i++) {
    const x = anyHash(outcome(a[i][1]));
    const y = anyHash(outcome(b[i][1]));
    if (x !== y) {
      differ += 1;
      if (differ <= (process.env.FANGKONG_BASELINE_SHOW ? 1e9 : 20)) console.log(`${a[i][0]}:\n  before ${x.slice(0, 400)}\n  now    ${y.slice(0, 400)}`);
    }
  }
  assert.equal(differ, 0, `${differ} of ${a.length} calls differ`);
});
