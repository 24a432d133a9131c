// TypeScript: the consumer type-checks (tsc --noEmit), and the hand-written interfaces in
// pkg/fangkong.d.ts describe real output: every golden-case answer of the CLI, the example
// filings, packInfo() and a pack Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT, loadCases, nativeAnswers } from './lib/cases.mjs';
import { loadTypes } from './lib/ts-shapes.mjs';

const types = loadTypes(join(ROOT, 'pkg/fangkong.d.ts'));
/** The answer interface of each kind (a kind is checked once its type is in the .d.ts). */
const ANSWER_TYPE = { filing: 'FilingAnswer', inspection: 'InspectionAnswer', indicators: 'IndicatorsAnswer', screening: 'ScreeningAnswer' };

test('tsc --noEmit on js/consumer.ts', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'js/node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'js/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('every golden-case answer of the CLI is of its declared type', async (t) => {
  const cases = loadCases();
  const native = nativeAnswers(cases);
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const name = ANSWER_TYPE[kind];
    await t.test(kind, (t) => {
      assert.ok(types.names.includes(name), `pkg/fangkong.d.ts has no ${name}`);
      for (const c of cases.filter((x) => x.kind === kind)) {
        const n = native.get(c.file);
        if (n.skip) continue;
        assert.deepEqual(types.problems(JSON.parse(n.line), name), [], c.file);
      }
    });
  }
});

test('the example filings are Filings', () => {
  const dir = join(ROOT, 'examples/filings');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const f of files) {
    assert.deepEqual(types.problems(JSON.parse(readFileSync(join(dir, f), 'utf8')), 'Filing'), [], f);
  }
});

test('packInfo() is a PackStamp; a pack Error has PackErrorInfo items', () => {
  assert.deepEqual(types.problems(Engine.withDefaultPack().packInfo(), 'PackStamp'), []);
  try {
    new Engine('{"id": 1}');
    assert.fail('no throw');
  } catch (e) {
    assert.ok(e.errors.length > 0);
    for (const x of e.errors) assert.deepEqual(types.problems(x, 'PackErrorInfo'), []);
    assert.equal(typeof e.code, 'string');
  }
});
