// The CommonJS Node entry (package.json's `node` `require` condition: pkg/node.cjs and
// compiler-node.cjs, written by scripts/node-entry.mjs from the glue): `require('fangkong')`
// works in Node 20, answers as the ES entry does, byte for byte, and type-checks from a
// CommonJS TypeScript file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';

const JS = join(ROOT, 'js');
const workshop = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00', locale: 'en' };

function cjs(script) {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: JS, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("require('fangkong') answers as the ES entry, ready without init()", () => {
  const r = cjs(`
const fangkong = require('fangkong');
const filing = require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'examples/filings/workshop.json'))}, 'utf8');
const answer = fangkong.Engine.withDefaultPack().checkFiling(filing, ${JSON.stringify(opts)});
console.log(JSON.stringify({ answer: JSON.stringify(answer), keys: Object.keys(fangkong).sort(), init: typeof fangkong.default, file: require.resolve('fangkong') }));`);
  assert.equal(r.answer, JSON.stringify(Engine.withDefaultPack().checkFiling(workshop, opts)));
  assert.ok(r.file.endsWith('node.cjs'), r.file);
  assert.deepEqual(r.keys, ['Checker', 'Draft', 'Engine', 'default', 'initSync', 'memoryUsage', 'version']);
  assert.equal(r.init, 'function');
});

test("require('fangkong/compiler') compiles a pack as the ES entry does", async () => {
  const { Engine: Compiler } = await import('fangkong/compiler');
  const pack = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
  const r = cjs(`
const { Engine } = require('fangkong/compiler');
const pack = require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'packs/shenzhen-2020.json'))}, 'utf8');
const filing = require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'examples/filings/workshop.json'))}, 'utf8');
console.log(JSON.stringify({ answer: JSON.stringify(new Engine(pack).checkFiling(filing, ${JSON.stringify(opts)})), file: require.resolve('fangkong/compiler') }));`);
  assert.ok(r.file.endsWith('compiler-node.cjs'), r.file);
  assert.equal(r.answer, JSON.stringify(new Compiler(pack).checkFiling(workshop, opts)));
});

test('a CommonJS TypeScript file type-checks against the require entry (node.d.cts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fangkong-cts-'));
  symlinkSync(join(JS, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'check.cts'), `import fangkong = require('fangkong');
import compiler = require('fangkong/compiler');
const engine: fangkong.Engine = fangkong.Engine.withDefaultPack();
const decision: string = engine.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' }).decision;
const lint: unknown = compiler.lint;
console.log(decision, lint, fangkong.version());
`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'esnext.disposable', 'dom'], types: [] },
    files: ['check.cts'],
  }));
  const r = spawnSync(process.execPath, [join(JS, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
