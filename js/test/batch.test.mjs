// Batches and checkers (issue 9): a district's 13,378 filings in one `checkFilings` call give
// the answers of one call per filing, in order (and the CLI's `--jsonl` bytes); a batch over
// 64 MiB of JSON is refused with `input.too_large`, never a trap; `engine.checker(options)`
// answers like the engine byte for byte and throws for bad options once, when it is made.
// Timings are in BENCHMARKS.md (js/bench/wasm.mjs), never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { CLI, ROOT } from './lib/cases.mjs';
import { DEFAULT_COUNT, generate } from '../../scripts/gen_filings.mjs';

const NOW = '2020-02-12T10:00:00+08:00';
const lines = generate();
const engine = Engine.withDefaultPack();
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const text = (answers) => answers.map((a) => JSON.stringify(a));

test('13,378 filings in one checkFilings call: one answer each, in order, as one by one', () => {
  assert.equal(lines.length, DEFAULT_COUNT);
  const all = text(engine.checkFilings(lines, { now: NOW }));
  assert.equal(all.length, lines.length);
  // One by one on a spread subset (every 37th, and the first and last 50), to stay quick.
  const picked = lines.map((_, i) => i).filter((i) => i % 37 === 0 || i < 50 || i >= lines.length - 50);
  for (const i of picked) {
    assert.equal(all[i], JSON.stringify(engine.checkFiling(lines[i], { now: NOW })), `filing ${i}`);
  }
  // Every decision occurs, so a shuffled batch could not pass by chance.
  const decisions = new Set(all.map((a) => JSON.parse(a).decision));
  assert.deepEqual([...decisions].sort(), ['approved', 'conditional', 'deferred', 'incomplete']);
  // And the whole batch is the native CLI's --jsonl output, line for line.
  const cli = spawnSync(CLI, ['check-filing', '-', '--jsonl', '--now', NOW], {
    input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(cli.status === 0 || cli.status === 2, cli.stderr.slice(0, 500));
  // Each CLI line is the answer with its line number first (`{"line":N,…`): removed here.
  const native = cli.stdout.trimEnd().split('\n').map((l, i) => l.replace(`{"line":${i + 1},`, '{'));
  assert.equal(native.length, all.length);
  const differ = all.findIndex((a, i) => a !== native[i]);
  assert.equal(differ, -1, `answer ${differ} differs from the CLI's line`);
});

test('a batch of objects answers as the same batch of JSON text', () => {
  const some = lines.slice(0, 300);
  assert.deepEqual(text(engine.checkFilings(some.map((l) => JSON.parse(l)), { now: NOW })),
    text(engine.checkFilings(some, { now: NOW })));
});

test('a batch over 64 MiB of JSON is refused with input.too_large, and the module keeps working', () => {
  const one = lines[0];
  // 65 MiB of filings as text, and 17 objects of 4 MiB each: refused before any is checked.
  const many = new Array(Math.ceil((65 * 1024 * 1024) / one.length)).fill(one);
  const large = { ...JSON.parse(one), remarks: 'x'.repeat(4 * 1024 * 1024 - 4096) };
  for (const batch of [many, new Array(17).fill(large)]) {
    assert.throws(() => engine.checkFilings(batch, { now: NOW }), (e) => e instanceof Error
      && e.code === 'input.too_large' && e.maxBytes === 64 * 1024 * 1024 && /at most 67108864 bytes of JSON/.test(e.message));
  }
  // Answers count too: `{}` is 2 bytes but its answer names every missing value (about 5.3 KB).
  // A district's 13,378 filings fit even when all are empty (server audit, twenty-sixth session:
  // at 64 MiB of answers they were refused after 11,357); 30,000 empty ones do not.
  const district = engine.checker({ now: NOW }).checkFilings(new Array(13_378).fill('{}'));
  assert.equal(district.length, 13_378);
  assert.ok(district.every((a) => a.decision === 'incomplete'));
  const empty = new Array(30_000).fill('{}');
  assert.throws(() => engine.checker({ now: NOW }).checkFilings(empty), (e) => e.code === 'input.too_large'
    && e.maxBytes === 128 * 1024 * 1024 && /the answers of a batch hold at most 134217728 bytes/.test(e.message));
  // Just under the limit is answered (here, 64 MiB less a little in 16 strings near 4 MiB).
  const near = `{"enterprise":{"name":"${'x'.repeat(4 * 1024 * 1024 - 64)}"}}`;
  const answers = engine.checkFilings(new Array(16).fill(near), { now: NOW });
  assert.equal(answers.length, 16);
  assert.ok(answers.every((a) => a.diagnostics.some((d) => d.code === 'input.too_long')), JSON.stringify(answers[0]).slice(0, 300));
  assert.equal(JSON.stringify(engine.checkFiling(lines[1], { now: NOW })), JSON.stringify(engine.checkFilings([lines[1]], { now: NOW })[0]));
});

test('answers with characters past ASCII and past the BMP cross as the CLI writes them', () => {
  // The answers cross to JS as ASCII text with \\u escapes (src/wasm/convert.rs, push_ascii):
  // keys echoed in paths, with emoji (surrogate pairs), U+2028 and CJK, in every locale.
  const filings = lines.slice(0, 40).map((l, i) => {
    const f = JSON.parse(l);
    f[`😀\u2028键${i}`] = i;
    f.enterprise[`名${'𠀋'.repeat(i % 3)}`] = 'x';
    return JSON.stringify(f, null, i % 2 ? 2 : 0);
  });
  for (const locale of ['zh-CN', 'en', 'zh-TW']) {
    const all = text(engine.checkFilings(filings, { now: NOW, locale }));
    assert.ok(all.every((a) => a.includes('😀\u2028键')), all[0].slice(0, 300));
    assert.deepEqual(all, filings.map((f) => JSON.stringify(engine.checkFiling(f, { now: NOW, locale }))));
    const cli = spawnSync(CLI, ['check-filing', '-', '--jsonl', '--now', NOW, '--locale', locale], {
      input: filings.map((f) => JSON.stringify(JSON.parse(f))).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(cli.status === 0 || cli.status === 2, cli.stderr.slice(0, 500));
    const native = cli.stdout.trimEnd().split('\n').map((l, i) => l.replace(`{"line":${i + 1},`, '{'));
    assert.deepEqual(all, native);
  }
});

const EXAMPLES = [
  ['checkFiling', 'examples/filings/workshop.json', '2020-02-04T10:00:00+08:00'],
  ['checkFiling', 'examples/filings/factory-1000.json', '2020-02-04T10:00:00+08:00'],
  ['scoreInspection', 'examples/inspections/factory-all-pass.json', '2020-02-12T10:00:00+08:00'],
  ['evaluateIndicators', 'examples/indicators/guangming-district.json', '2020-02-12T20:00:00+08:00'],
  ['screenPerson', 'examples/screening/returned-from-area.json', '2020-02-01T18:00:00+08:00'],
];

test('a checker answers as the engine with the same options, byte for byte', () => {
  for (const [method, file, now] of EXAMPLES) {
    const json = read(file);
    for (const options of [{ now }, { now: new Date(now), locale: 'en' }, { now, locale: 'zh-TW', scope: ['/enterprise'] }]) {
      const check = engine.checker(options);
      for (const input of [json, JSON.parse(json), '{}', 'not json']) {
        assert.equal(JSON.stringify(check[method](input)), JSON.stringify(engine[method](input, options)), `${method} ${file} ${JSON.stringify(options)}`);
      }
      check.free();
    }
  }
  const check = engine.checker({ now: NOW, locale: 'en' });
  const some = lines.slice(0, 200);
  assert.deepEqual(text(check.checkFilings(some)), text(engine.checkFilings(some, { now: NOW, locale: 'en' })));
  // The options were copied: changing the object later changes nothing.
  const options = { now: NOW };
  const fixed = engine.checker(options);
  options.locale = 'en';
  assert.equal(fixed.checkFiling(lines[0]).locale, 'zh-CN');
});

test('a checker with a pack version answers by that version', () => {
  const first = JSON.parse(read('packs/shenzhen-2020.json')).version;
  const check = engine.checker({ now: '2020-04-10', packVersion: first });
  assert.equal(check.checkFiling(lines[0]).pack.version, first);
  assert.equal(JSON.stringify(check.checkFiling(lines[0])), JSON.stringify(engine.checkFiling(lines[0], { now: '2020-04-10', packVersion: first })));
});

test('bad options throw once, at checker(...), with options.invalid', () => {
  for (const bad of [undefined, null, 'now', [], {}, { now: 'yesterday' }, { now: NOW, locale: 3 }, { now: NOW, scope: 'x' },
    { now: NOW, packVersion: 'nope' }, { now: NOW, colour: 'red' }, { now: new Date(NaN) }]) {
    assert.throws(() => engine.checker(bad), (e) => e instanceof Error && e.code === 'options.invalid' && /^options/.test(e.message), JSON.stringify(bad));
  }
  // A made checker never throws for options again; only for input that cannot be JSON.
  const check = engine.checker({ now: NOW });
  assert.ok(['deferred', 'incomplete'].includes(check.checkFiling(null).decision));
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => check.checkFiling(cyclic), (e) => e.code === 'input.unconvertible');
  assert.throws(() => check.checkFilings([{}, cyclic]), (e) => e.code === 'input.unconvertible' && e.index === 1);
  assert.throws(() => check.checkFilings('{}'), (e) => e.code === 'input.unconvertible');
  assert.equal(check.checkFiling('{}').decision, 'incomplete');
  // A body not awaited is refused, not checked as an empty filing (npm audit, thirtieth session:
  // incomplete, with 27 fields asked for); so is any other thenable.
  const pending = Promise.resolve({});
  assert.throws(() => check.checkFiling(pending), (e) => e.code === 'input.unconvertible' && /await it first/.test(e.message));
  assert.throws(() => engine.scoreInspection({ then() {} }, { now: NOW }), (e) => e.code === 'input.unconvertible' && /inspection is a Promise/.test(e.message));
  assert.throws(() => check.checkFilings([{}, pending]), (e) => e.code === 'input.unconvertible' && e.index === 1);
  // A body not read (a Request, a Response, a Blob or a File) is refused too, saying to read it
  // first: it was judged as an empty filing (client audit, thirty-fifth session).
  const bodies = [new Request('http://127.0.0.1/', { method: 'POST', body: '{}' }), new Response('{}'), new Blob(['{}']), new File(['{}'], 'filing.json')];
  for (const body of bodies) {
    assert.throws(() => check.checkFiling(body), (e) => e.code === 'input.unconvertible' && /read its body first/.test(e.message), body.constructor.name);
    assert.throws(() => engine.screenPerson({ declaredOn: '2020-02-01', note: body }, { now: NOW }), (e) => e.code === 'input.unconvertible' && /at key `note`/.test(e.message), body.constructor.name);
  }
});

// A pack error this layer finds itself is shaped as the engine's: `path`, `errors` and
// `messages` in zh-CN and en, so that a page showing `e.messages["zh-CN"]` shows it (client
// audit, thirty-fifth session: it had none, and such a page failed in its own catch).
test('pack errors found before the engine are told in Chinese and English too', () => {
  const made = [
    () => Engine.fromCompiled('abc'),
    () => Engine.fromCompiled(null),
    () => Engine.fromCompiled({ length: -1 }),
    () => Engine.withPackId(null),
    () => Engine.withPackId(42),
    () => Engine.withPackId('x'.repeat(5000)),
    () => Engine.withPackId('nowhere'),
    () => Engine.fromCompiled(new Uint8Array([1, 2, 3])),
  ];
  for (const make of made) {
    assert.throws(make, (e) => {
      assert.match(e.code, /^pack\./, String(make));
      assert.equal(e.path, '', String(make));
      assert.match(e.messages['zh-CN'], /^规则包有 1 个错误：.*[\u4e00-\u9fff]/, String(make));
      assert.equal(e.messages.en, e.message, String(make));
      assert.equal(e.errors.length, 1, String(make));
      assert.deepEqual(Object.keys(e.errors[0].messages), ['zh-CN', 'en'], String(make));
      return true;
    });
  }
});

test('a checker keeps its engine alive after engine.free()', () => {
  const own = Engine.withPackId('guangming-2020');
  const check = own.checker({ now: NOW });
  const before = JSON.stringify(check.checkFiling(lines[0]));
  own.free();
  assert.throws(() => own.checkFiling(lines[0], { now: NOW }));
  assert.equal(JSON.stringify(check.checkFiling(lines[0])), before);
  assert.equal(check.checkFiling(lines[0]).pack.id, 'guangming-2020');
  check.free();
});

// Hostile audit, thirty-second session: a sparse array's whole `length` was walked before the
// batch was refused at its first hole (`new Array(1e8)`: 2 s), and an array or options object
// that throws where it is read threw without a `code`.
test('a batch is refused at its first hole, and what throws while read has a code', () => {
  // Refused at index 0 without reading the rest of its length (the old code walked all
  // 2^32 − 1 indexes first: minutes).
  const holes = new Array(2 ** 32 - 1);
  assert.throws(() => engine.checkFilings(holes, { now: NOW }), (e) => e.code === 'input.unconvertible' && e.index === 0);
  const throwing = new Proxy(['{}'], { get(t, k) { if (k === 'length') return 2; if (k === '1') throw new Error('boom'); return Reflect.get(t, k); } });
  assert.throws(() => engine.checkFilings(throwing, { now: NOW }), (e) => e.code === 'input.unconvertible' && e.index === 1 && /boom/.test(e.message));
  const options = new Proxy({ now: NOW }, { ownKeys() { throw new Error('no keys'); } });
  assert.throws(() => engine.checkFiling({}, options), (e) => e.code === 'options.invalid' && /no keys/.test(e.message));
  assert.throws(() => engine.describe('filing', options), (e) => e.code === 'options.invalid');
  const scope = new Proxy(['/staff'], { get(t, k) { if (k === '0') throw new Error('unreadable'); return Reflect.get(t, k); } });
  assert.throws(() => engine.checkFiling({}, { now: NOW, scope }), (e) => e.code === 'options.invalid');
  // A Date whose own `toISOString` lies is read by Date's: its moment (it was `internal`).
  const now = new Date(NOW);
  now.toISOString = () => 42;
  assert.equal(JSON.stringify(engine.checkFiling({}, { now })), JSON.stringify(engine.checkFiling({}, { now: NOW })));
  assert.equal(engine.checkFiling({}, { now: NOW }).decision, 'incomplete', 'the engine still answers');
});
