// Loading mode 3: Node (ESM) through the package's `node` condition; golden-case parity
// with the native CLI, byte for byte; the bad-input suite; the API surface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fangkong from 'fangkong';
import * as compiler from 'fangkong/compiler';
import { CLI, ROOT, loadCases, missingKinds, nativeAnswers, portableCase } from './lib/cases.mjs';
import { parityTests } from './lib/parity.mjs';
import { runCases } from './lib/run-cases.mjs';
import { badInputChecks } from './lib/bad-inputs.mjs';

const { Engine } = fangkong;
const cases = loadCases();
const native = nativeAnswers(cases);
const results = runCases(Engine, cases.map(portableCase));

test('golden cases exist', () => {
  assert.ok(cases.length > 0, 'no case in tests/cases/');
});

test('parity in Node: every golden case gives the CLI answer byte for byte', async (t) => {
  await parityTests(t, cases, native, results, missingKinds(Engine, cases), assert);
});

test('bad inputs in Node: a diagnostic answer or an Error, and the module keeps working', async (t) => {
  const packText = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
  for (const r of badInputChecks(fangkong, packText, compiler)) {
    await t.test(r.name, () => assert.ok(r.pass, r.detail));
  }
});

test('the node entry is initialised at import; default init() is a no-op', async () => {
  assert.equal(typeof fangkong.default, 'function');
  await fangkong.default();
  assert.equal(Engine.withDefaultPack().packInfo().id, 'shenzhen-2020');
});

test('Engine.packIds() names the embedded families, the default first, each a withPackId', () => {
  const ids = Engine.packIds();
  assert.deepEqual(ids, ['shenzhen-2020', 'guangming-2020', 'hangzhou-2020']);
  assert.equal(ids[0], Engine.withDefaultPack().packInfo().id);
  for (const id of ids) assert.equal(Engine.withPackId(id).packInfo().id, id);
});

test('packInfo and version match the CLI', () => {
  const engine = Engine.withDefaultPack();
  assert.deepEqual(Object.keys(engine.packInfo()), ['id', 'version', 'hash']);
  // packVersion names a version, as for describe (npm audit: read and ignored, the latest given).
  assert.equal(engine.packInfo({ packVersion: '2020-02-10' }).version, '2020-02-10');
  assert.equal(engine.packInfo({ packVersion: '2020-02-10' }).hash, engine.describe('filing', { packVersion: '2020-02-10' }).pack.hash);
  assert.equal(engine.packInfo().version, '2020-04-07');
  assert.throws(() => engine.packInfo({ packVersion: 'nope' }), (e) => e.code === 'options.invalid' && /2020-02-10/.test(e.message));
  // It says nothing in a locale: `locale` is an unknown option there, and no message suggests it
  // (npm audit, thirtieth session: taken and ignored, and "use locale, packVersion, on").
  assert.throws(() => engine.packInfo({ locale: 'en' }), (e) => e.code === 'options.invalid' && /unknown option `locale`; use packVersion, on$/.test(e.message));
  assert.throws(() => engine.packInfo('2020-02-05'), (e) => e.code === 'options.invalid' && /such as \{ on: '2020-02-10' \}/.test(e.message) && !/locale/.test(e.message));
  assert.throws(() => engine.describe('filing', { lang: 'en' }), (e) => /use locale, packVersion, on$/.test(e.message));
  const file = join(ROOT, 'packs/shenzhen-2020.json');
  const info = new compiler.Engine(readFileSync(file, 'utf8')).packInfo();
  const lint = spawnSync(CLI, ['lint-pack', file], { encoding: 'utf8' });
  assert.equal(lint.status, 0, lint.stderr);
  assert.ok(lint.stdout.includes(`${info.id} ${info.version} ${info.hash}`), lint.stdout);
  // The compiler module's lint is the CLI's lint-pack: the same hash; a missing label is found.
  const linted = compiler.lint(readFileSync(file, 'utf8'));
  assert.equal(linted.ok, true, JSON.stringify(linted.missingLabels));
  assert.deepEqual(linted.versions.map((v) => `${v.id} ${v.version} ${v.hash}`), [`${info.id} ${info.version} ${info.hash}`]);
  const unlabelled = JSON.parse(readFileSync(file, 'utf8'));
  delete unlabelled.labels.en['filing:enterprise.name'];
  const missing = compiler.lint(unlabelled);
  assert.equal(missing.ok, false);
  assert.deepEqual(missing.missingLabels, [{ version: info.version, locale: 'en', key: 'filing:enterprise.name' }]);
  assert.deepEqual(linted.unknownLabels, []);
  // A label for nothing (a typo in its key) is found too (packs audit, twenty-seventh session).
  const typo = JSON.parse(readFileSync(file, 'utf8'));
  typo.labels['zh-CN']['filing:supplies.mask'] = { label: '口罩库存' };
  const told = compiler.lint(typo);
  assert.equal(told.ok, false);
  assert.deepEqual(told.unknownLabels, [{ locale: 'zh-CN', key: 'filing:supplies.mask' }]);
  // So is a message for a code no rule reports (client audit, thirty-fifth session).
  assert.deepEqual(linted.unknownMessages, []);
  const code = JSON.parse(readFileSync(file, 'utf8'));
  code.messages.en['filing.lead_tme'] = { message: 'at least {min} days' };
  const wrong = compiler.lint(code);
  assert.equal(wrong.ok, false);
  assert.deepEqual(wrong.unknownMessages, [{ locale: 'en', code: 'filing.lead_tme' }]);
  const cli = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
  assert.equal(cli.stdout.trim(), `fangkong ${fangkong.version()}`);
  assert.equal(engine.version, fangkong.version());
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.version, fangkong.version());
});

test('locales, now and pack versions: the answer follows options like the CLI', () => {
  const engine = Engine.withDefaultPack();
  const line = JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8')));
  const first = JSON.parse(readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8')).version;
  for (const [now, locale, packVersion] of [
    ['2020-02-04T23:30:00+08:00', 'zh-TW', null],
    ['2020-02-04T16:30:00Z', 'en', null],
    ['2020-02-04', null, null],
    ['2020-04-10', 'en', first],
    ['2020-04-10', null, null],
  ]) {
    const args = ['check-filing', '-', '--jsonl', '--now', now];
    const opts = { now };
    if (locale) { args.push('--locale', locale); opts.locale = locale; }
    if (packVersion) { args.push('--pack-version', packVersion); opts.packVersion = packVersion; }
    const cli = spawnSync(CLI, args, { input: line + '\n', encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(`{"line":1,${JSON.stringify(engine.checkFiling(line, opts)).slice(1)}`, cli.stdout.trim(), args.join(' '));
  }
});

test('a custom pack from JSON text answers with its own stamp', () => {
  const text = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
  const pack = JSON.parse(text);
  pack.version = `${pack.version}-test`;
  const engine = new compiler.Engine(JSON.stringify(pack));
  assert.equal(engine.packInfo().version, pack.version);
  assert.notEqual(engine.packInfo().hash, Engine.withDefaultPack().packInfo().hash);
  const a = engine.checkFiling({}, { now: '2020-02-04', packVersion: pack.version });
  assert.equal(a.pack.version, pack.version);
});

test('the browser entry before init(): an Error with code engine.not_ready, not a bare TypeError', () => {
  // A fresh process: the web entry (fangkong/web) is not initialised until its default export runs.
  const script = `
    import init, { Engine, version, memoryUsage } from 'fangkong/web';
    import { compilePack, lint } from ${JSON.stringify(pathToFileURL(join(ROOT, 'pkg', 'fangkong_compiler.js')).href)};
    const seen = [];
    for (const f of [() => Engine.withDefaultPack(), () => Engine.withPackId('shenzhen-2020'), () => new Engine('{}'),
        () => Engine.fromCompiled(new Uint8Array(1)), () => version(), () => memoryUsage(), () => compilePack('{}'), () => lint('{}')]) {
      try { f(); seen.push('no throw'); } catch (e) { seen.push(e.constructor.name + ' ' + e.code); }
    }
    console.log(JSON.stringify(seen));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(ROOT, 'js'), encoding: 'utf8' });
  const seen = JSON.parse(r.stdout.trim() || '[]');
  // npm audit (fifteenth session): version(), memoryUsage(), compilePack() and lint() threw a bare TypeError.
  assert.deepEqual(seen, Array(8).fill('Error engine.not_ready'), r.stderr);
});

test('the package ships the licence texts its package.json names, the repository\'s own', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.ok(pkg.files.includes(f), `${f} is in package.json's files`);
    assert.equal(readFileSync(join(ROOT, 'pkg', f), 'utf8'), readFileSync(join(ROOT, f), 'utf8'), f);
  }
  assert.match(readFileSync(join(ROOT, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(ROOT, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
});

test('the sizes the package README gives are the built .wasm files\' (within 5 %)', async () => {
  const { brotliCompressSync, gzipSync, constants } = await import('node:zlib');
  const readme = readFileSync(join(ROOT, 'pkg/README.md'), 'utf8').replace(/\s+/g, ' ');
  const m = readme.match(/the runtime \(`fangkong_bg\.wasm`\) is about (\d+) KB raw .*?, about (\d+) KB with brotli and (\d+) KB with gzip; `fangkong_compiler_bg\.wasm`, loaded only by pages that compile packs, about (\d+) KB, (\d+) KB and (\d+) KB/);
  assert.ok(m, 'the sizes sentence of pkg/README.md');
  const stated = m.slice(1).map(Number);
  const measured = ['fangkong_bg.wasm', 'fangkong_compiler_bg.wasm'].flatMap((f) => {
    const b = readFileSync(join(ROOT, 'pkg', f));
    return [b.length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, gzipSync(b, { level: 9 }).length];
  });
  stated.forEach((kb, i) => {
    const actual = measured[i] / 1000;
    assert.ok(Math.abs(kb - actual) / actual <= 0.05, `README says ${kb} KB where the build has ${actual.toFixed(0)} KB (${i})`);
  });
  const webpack = readme.match(/The \.wasm is about (\d+) KB, about (\d+) KB gzipped/);
  assert.ok(webpack && Math.abs(Number(webpack[1]) - measured[0] / 1000) / (measured[0] / 1000) <= 0.05, 'the webpack example\'s comment');
});
