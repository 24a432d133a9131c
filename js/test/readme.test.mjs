// The npm page (js/pkg-template/README.md → pkg/README.md) tells the whole story, and its
// examples are the files that the tests run: every tied block equals its file, every output
// block is what its script prints, every method of `Engine` is documented.
// FANGKONG_UPDATE_README=1 rewrites the output blocks from the installed package instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, mergePatch } from './lib/cases.mjs';
import { README, readmeBlocks, rewriteBlock } from './lib/readme.mjs';
import { CSP, newApi } from './lib/pages.mjs';

const text = readFileSync(README, 'utf8');
const blocks = readmeBlocks(text);
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const api = newApi();
const UPDATE = process.env.FANGKONG_UPDATE_README === '1';

test('every block tied to a file is that file (or its start)', async (t) => {
  const tied = blocks.filter((b) => b.kind === 'file' || b.kind === 'start of');
  assert.ok(tied.length >= 12, `only ${tied.length} tied blocks`);
  for (const b of tied) {
    await t.test(`${b.kind} ${b.arg} (README line ${b.line})`, () => {
      const file = read(b.arg);
      if (b.kind === 'file') assert.equal(`${b.code}\n`, file);
      else assert.ok(file.startsWith(`${b.code}\n`), `${b.arg} does not start with the README's block`);
    });
  }
});

test('the bundler entries differ from the plain page only in how they load the package', () => {
  const app = read('js/examples/web/app.js');
  const body = app.slice(app.indexOf('const engine ='));
  for (const b of blocks.filter((x) => x.kind === 'start of' && x.arg.endsWith('/main.js'))) {
    assert.equal(read(b.arg), `${b.code}\n${body}`, `${b.arg}: not the README's start followed by app.js's body`);
  }
});

test('the scope pattern is under 20 lines', () => {
  const lines = read('js/examples/as-you-type/as-you-type.js').trimEnd().split('\n');
  assert.ok(lines.length < 20, `${lines.length} lines`);
  assert.match(lines.join('\n'), /scope: \[\.\.\.visited\]/);
  assert.match(lines.join('\n'), /focusout/);
});

test('every entry point, option and answer field is documented', () => {
  const dts = read('pkg/fangkong.d.ts');
  const cls = dts.slice(dts.indexOf('export class Engine'));
  const methods = [...cls.slice(0, cls.indexOf('\n}')).matchAll(/^ {4}(?:static |readonly )?(\w+)[(:]/gm)].map((m) => m[1]);
  assert.ok(methods.includes('checkFiling'), methods.join());
  const wanted = new Set([
    ...methods.filter((m) => m !== 'constructor'),
    'checkFiling', 'checkFilings', 'scoreInspection', 'evaluateIndicators', 'screenPerson',
    'describe', 'inputSchema', 'packInfo', 'withDefaultPack', 'withPackId', 'new Engine(',
    'now', 'locale', 'packVersion', 'scope', 'pending', 'missing', 'incomplete', 'deferred',
    'conditional', 'approved', 'passed', 'field.required', 'TypeScript ≥ 5.2',
  ]);
  for (const word of wanted) assert.ok(text.includes(word), `README does not mention ${word}`);
  assert.match(text, /incomplete.*deferred.*conditional.*approved/s, 'the decision ladder, in order');
});

test('the README states the policy and the preload hint the tests use', () => {
  assert.ok(text.includes(`Content-Security-Policy: ${CSP}`));
  assert.ok(text.includes('<link rel="preload" href="/pkg/fangkong_bg.wasm" as="fetch" type="application/wasm" crossorigin>'));
  assert.ok(text.includes('--public-path'));
  assert.ok(text.includes('application/wasm'));
});

// Outputs that need the engine of issue 7 (scripts calling scope/describe/inputSchema, or
// answers with `incomplete` or an undetermined gate) are `todo` while the installed package
// predates it.
const needsNewApi = (script, output) => /scope|describe|inputSchema/.test(read(script)) || /\bincomplete\b|^gate \S+: null$/m.test(output);

test('every output block is what its script prints', async (t) => {
  const outputs = blocks.filter((b) => b.kind === 'output of');
  assert.ok(outputs.length >= 3);
  const tmp = mkdtempSync(join(tmpdir(), 'fangkong-readme-'));
  try {
    for (const b of outputs) {
      const [script, file, ...rest] = b.arg.split(' ');
      const patch = rest.join(' ');
      const todo = needsNewApi(script, b.code) && !(api.scope && api.describe)
        ? 'the installed pkg/ predates scope/describe (issue 7): rebuild it' : undefined;
      await t.test(`${b.arg} (README line ${b.line})`, { todo }, () => {
        const args = [join(ROOT, script)];
        if (file) {
          const input = join(tmp, `input-${b.line}.json`);
          const value = JSON.parse(read(file));
          writeFileSync(input, JSON.stringify(patch ? mergePatch(value, JSON.parse(patch)) : value));
          args.push(input);
        }
        const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: join(ROOT, 'js') });
        assert.equal(r.status, 0, r.stderr);
        const got = r.stdout.trimEnd();
        if (UPDATE && !todo) rewriteBlock(b.arg, got);
        else assert.equal(got, b.code, 'README output is stale: FANGKONG_UPDATE_README=1 node --test test/readme.test.mjs rewrites it');
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
