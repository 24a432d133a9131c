// The hostile audit of the thirty-sixth session (form.js and the demo server), each defect pinned:
// draftChecker answers for the value given even when it cannot be copied (a function in it, a
// Proxy such as Vue's `reactive()`); bindForm's `visit` refuses pointers the engine would refuse
// in `scope`; a checker answering no answer rejects `check()` (never left pending); `toString`
// and the like are no kind; the server hides dotfiles named with `%2e`, reads `q=0` in
// Accept-Encoding, and compresses a package file once however many ask for it at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { Engine } from 'fangkong';
import { bindForm, draftChecker } from 'fangkong/form';
import { ROOT } from './lib/cases.mjs';

// Counts the server's compressions (www/serve.mjs is imported below, after this).
const compressions = { br: 0, gzip: 0 };
for (const [name, key] of [['brotliCompress', 'br'], ['brotliCompressSync', 'br'], ['gzip', 'gzip'], ['gzipSync', 'gzip']]) {
  const original = zlib[name];
  zlib[name] = function counted(...args) {
    compressions[key] += 1;
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
const { start } = await import('../../www/serve.mjs');

const NOW = '2020-02-04T10:00:00+08:00';
const engine = Engine.withDefaultPack();
const workshop = () => JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
const same = (a, b, what) => assert.equal(JSON.stringify(a), JSON.stringify(b), what);

// --- draftChecker ---------------------------------------------------------------------------

test('draftChecker: a value holding a function is answered for, and so is the next one', () => {
  const checker = draftChecker(engine);
  const first = workshop();
  same(checker.check('filing', first, { now: NOW }), engine.checkFiling(first, { now: NOW }), 'first');
  // A function below a new key: JSON (and so the engine) leaves it out; structuredClone threw.
  const second = workshop();
  second.staff.returning = 99;
  second.extra = { hook() {} };
  second.enterprise.onSave = () => {};
  same(checker.check('filing', second, { now: NOW }), engine.checkFiling(second, { now: NOW }), 'with functions');
  // Back to the first: the draft must not still hold the second's 99.
  const third = workshop();
  same(checker.check('filing', third, { now: NOW }), engine.checkFiling(third, { now: NOW }), 'after');
  checker.free();
});

test('draftChecker: a Proxy (Vue reactive) is read as the engine reads it, at every check', () => {
  const reactive = (o) => new Proxy(o, {
    get(t, k, r) {
      const v = Reflect.get(t, k, r);
      return v && typeof v === 'object' ? reactive(v) : v;
    },
  });
  const checker = draftChecker(engine);
  const state = workshop();
  const proxy = reactive(state);
  for (const change of [() => {}, () => { state.staff.returning = 99; }, () => { delete state.supplies; }, () => { state.supplies = workshop().supplies; }]) {
    change(); // changed in place, as a reactive form state is
    same(checker.check('filing', proxy, { now: NOW }), engine.checkFiling(proxy, { now: NOW }), JSON.stringify(state.staff));
  }
  checker.free();
});

test('draftChecker: what only the engine may judge (a Map, JSON text, NaN) answers as the engine does', () => {
  const checker = draftChecker(engine);
  checker.check('filing', workshop(), { now: NOW });
  const withMap = workshop();
  withMap.supplies = new Map([['masks', 1]]);
  assert.throws(() => checker.check('filing', withMap, { now: NOW }), (e) => e.code === 'input.unconvertible');
  const text = JSON.stringify(workshop()).replace('{', '{"staff":{},');
  same(checker.check('filing', text, { now: NOW }), engine.checkFiling(text, { now: NOW }), 'JSON text, a key given twice');
  const odd = workshop();
  odd.supplies.masks = NaN;
  same(checker.check('filing', odd, { now: NOW }), engine.checkFiling(odd, { now: NOW }), 'NaN');
  const back = workshop();
  same(checker.check('filing', back, { now: NOW }), engine.checkFiling(back, { now: NOW }), 'the draft still in step');
  checker.free();
});

test('draftChecker and bindForm: `toString`, `__proto__` and `constructor` are no kind', () => {
  const checker = draftChecker(engine);
  for (const kind of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    assert.throws(() => checker.check(kind, workshop(), { now: NOW }), (e) => e.code === 'options.invalid' && /unknown kind/.test(e.message), kind);
    assert.throws(() => bindForm(fakeForm(), engine, { kind, now: NOW }), (e) => e.code === 'options.invalid' && /unknown kind/.test(e.message), kind);
    assert.throws(
      () => bindForm(fakeForm(), null, { kind, now: NOW, describe: engine.describe('filing'), checker: { check: async () => engine.checkFiling({}, { now: NOW }) } }),
      (e) => e.code === 'options.invalid',
      `${kind} with a checker`,
    );
  }
  checker.free();
});

// --- bindForm (on a form without inputs: what is checked is the binding's own logic) ---------

/** Enough of a form for bindForm: no inputs, no document. */
function fakeForm() {
  return {
    elements: [],
    ownerDocument: null,
    querySelectorAll: () => [],
    querySelector: () => null,
    getRootNode: () => ({ activeElement: null, getElementById: () => null }),
    addEventListener() {},
    removeEventListener() {},
  };
}

/** The promise's outcome within `ms`: 'resolved', 'rejected <code>', or 'pending'. */
const outcome = (promise, ms = 500) => Promise.race([
  promise.then(() => 'resolved', (e) => `rejected ${e?.code}`),
  new Promise((r) => { setTimeout(() => r('pending'), ms); }),
]);

test('bindForm: visit refuses what the engine would refuse in scope, and the checks go on', async () => {
  const binding = bindForm(fakeForm(), engine, { now: NOW });
  assert.equal(await outcome(binding.check()), 'resolved');
  for (const bad of ['/~2', '/a~', '/a~b/c', '/' + 'a'.repeat(4 * 1024 * 1024 + 10)]) {
    assert.throws(() => binding.visit(bad), (e) => e.code === 'pointer.invalid', bad.slice(0, 20));
    assert.ok(!binding.scope.has(bad), 'not kept');
  }
  binding.visit('/a~0b~1c'); // ~0 and ~1 are JSON Pointer's own escapes
  binding.visit('/enterprise');
  assert.equal(await outcome(binding.check()), 'resolved');
  assert.deepEqual([...binding.scope], ['/a~0b~1c', '/enterprise']);
  // Many pointers that together pass the engine's 4 MiB of scope: the last is refused, not sent.
  const long = '/' + 'b'.repeat(1024 * 1024);
  for (let i = 0; i < 3; i++) binding.visit(`${long}${i}`);
  assert.throws(() => binding.visit(`${long}3`), (e) => e.code === 'pointer.invalid');
  assert.equal(await outcome(binding.check()), 'resolved');
  binding.destroy();
});

test('bindForm: a checker answering no answer rejects check() and calls onError', async () => {
  const describe = engine.describe('filing');
  for (const [what, bad] of [
    ['null', null],
    ['a diagnostic null', { decision: 'approved', diagnostics: [null], normalized: [] }],
    ['a diagnostic without path', { decision: 'approved', diagnostics: [{ code: 'x' }], normalized: [] }],
    ['normalized null entry', { decision: 'approved', diagnostics: [], normalized: [null] }],
    ['a number', 42],
  ]) {
    let calls = 0;
    const errors = [];
    const binding = bindForm(fakeForm(), null, {
      now: NOW,
      describe,
      checker: { check: async (kind, v, o) => (calls++ === 1 ? bad : engine.checkFiling(v, o)) },
      onError: (e) => errors.push(e),
    });
    assert.equal(await outcome(binding.check()), 'resolved', what);
    assert.equal(await outcome(binding.check()), 'rejected form.invalid_answer', what);
    assert.equal(errors.length, 1, what);
    assert.equal(errors[0].code, 'form.invalid_answer');
    assert.equal(await outcome(binding.check()), 'resolved', `${what}: the next check`);
    binding.destroy();
  }
});

// --- the demo server -------------------------------------------------------------------------

/** A raw GET (no decoding, the target sent as written): `{ status, encoding, body }`. */
const get = (url, path, headers = {}) => new Promise((resolve, reject) => {
  const req = request(`${url}${path}`, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? null, body: Buffer.concat(chunks) }));
  });
  req.path = path; // as sent, `%2e` and all
  req.on('error', reject);
  req.end();
});

test('serve.mjs: no dotfile, however its dot is written', async () => {
  const www = mkdtempSync(join(tmpdir(), 'fangkong-dotfiles-'));
  mkdirSync(join(www, '.git'));
  writeFileSync(join(www, '.git/config'), 'secret\n');
  writeFileSync(join(www, '.env'), 'secret\n');
  writeFileSync(join(www, 'page.html'), 'page\n');
  const server = await start({ port: 0, www });
  try {
    assert.equal((await get(server.url, '/page.html')).status, 200);
    for (const path of ['/.env', '/%2eenv', '/%2Eenv', '/.git/config', '/%2egit/config', '/%2Egit/config', '/x/%2e%2e/%2egit/config', '/%2e%67it/config']) {
      const res = await get(server.url, path);
      assert.equal(res.status, 404, path);
      assert.ok(!res.body.toString().includes('secret'), path);
    }
  } finally {
    await server.close();
    rmSync(www, { recursive: true, force: true });
  }
});

test('serve.mjs: /pkg/ files follow Accept-Encoding weights, q=0 is "not this one"', async () => {
  const server = await start({ port: 0 });
  try {
    const cases = [
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0', null],
      ['br;q=0, gzip;q=0', null],
      ['gzip, br;q=0.5', 'gzip'],
      ['gzip;q=0.5, br', 'br'],
      ['gzip, br', 'br'],
      ['*', 'br'],
      ['*;q=0', null],
      ['br;q=0, *', 'gzip'],
      ['identity', null],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(server.url, '/pkg/fangkong_bg.wasm', { 'Accept-Encoding': accept });
      assert.equal(res.status, 200, accept);
      assert.equal(res.encoding, expected, accept);
    }
  } finally {
    await server.close();
  }
});

test('serve.mjs: a /pkg/ file asked for by many at once is compressed once', async () => {
  const pkg = mkdtempSync(join(tmpdir(), 'fangkong-pkg-'));
  const original = Buffer.from('export const words = ' + JSON.stringify('防控'.repeat(200_000)) + ';\n');
  writeFileSync(join(pkg, 'big.js'), original);
  const server = await start({ port: 0, pkg });
  try {
    const before = compressions.br;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(server.url, '/pkg/big.js', { 'Accept-Encoding': 'br' })));
    for (const res of answers) {
      assert.equal(res.encoding, 'br');
      assert.ok(zlib.brotliDecompressSync(res.body).equals(original));
    }
    assert.equal(compressions.br - before, 1, 'compressed once');
    await get(server.url, '/pkg/big.js', { 'Accept-Encoding': 'br' });
    assert.equal(compressions.br - before, 1, 'and kept');
  } finally {
    await server.close();
    rmSync(pkg, { recursive: true, force: true });
  }
});
