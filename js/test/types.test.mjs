// TypeScript: the consumer type-checks (tsc --noEmit) with the current TypeScript and with the
// oldest one the types support; the interfaces in pkg/fangkong.d.ts describe real output (every
// golden-case answer of the CLI, the example filings, describe(), packInfo(), a pack Error); and
// the generated unions (`Code`, `RuleId`, `GateId`) hold every value the engine emits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { Engine as Compiler } from 'fangkong/compiler';
import { ROOT, loadCases, nativeAnswers } from './lib/cases.mjs';
import { loadTypes } from './lib/ts-shapes.mjs';

const types = loadTypes(join(ROOT, 'pkg/fangkong.d.ts'));
/** The answer interface of each kind (a kind is checked once its type is in the .d.ts). */
const ANSWER_TYPE = { filing: 'FilingAnswer', inspection: 'InspectionAnswer', indicators: 'IndicatorsAnswer', screening: 'ScreeningAnswer' };
const DESCRIPTION_TYPE = { filing: 'FilingDescription', inspection: 'InspectionDescription', indicators: 'IndicatorsDescription', screening: 'ScreeningDescription' };
const LOCALES = ['zh-CN', 'zh-TW', 'en'];

/**
 * The oldest TypeScript the types need: 5.2, for `Symbol.dispose` (lib `esnext.disposable`) on
 * the generated class. Installed as the devDependency `typescript-min` (npm:typescript@5.2.2).
 */
const MIN_TS = '5.2';
const COMPILERS = [
  { name: 'typescript', dir: join(ROOT, 'js/node_modules/typescript') },
  { name: 'typescript-min', dir: join(ROOT, 'js/node_modules/typescript-min') },
];

for (const { name, dir } of COMPILERS) {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  test(`tsc ${version} (${name}) --noEmit on js/consumer.ts`, () => {
    if (name === 'typescript-min') assert.ok(version.startsWith(`${MIN_TS}.`), `typescript-min is ${version}, not ${MIN_TS}.x`);
    const r = spawnSync(process.execPath, [join(dir, 'bin/tsc'), '-p', join(ROOT, 'js/tsconfig.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

const cases = loadCases();
let native;
const answers = () => {
  native ??= nativeAnswers(cases);
  return cases.filter((c) => !native.get(c.file).skip).map((c) => ({ c, answer: JSON.parse(native.get(c.file).line) }));
};

test('every golden-case answer of the CLI is of its declared type', async (t) => {
  const all = answers();
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const name = ANSWER_TYPE[kind];
    await t.test(kind, () => {
      assert.ok(types.names.includes(name), `pkg/fangkong.d.ts has no ${name}`);
      for (const { c, answer } of all.filter((x) => x.c.kind === kind)) {
        assert.deepEqual(types.problems(answer, name), [], c.file);
      }
    });
  }
});

test('Code, RuleId and GateId name every code, rule and gate the golden answers hold (default pack)', () => {
  const codes = new Set(types.literals('Code'));
  const rules = new Set(types.literals('RuleId'));
  const gates = new Set(types.literals('GateId'));
  assert.ok(codes.has('field.required') && codes.has('filing.lead_time'), 'Code lists the pack codes');
  assert.deepEqual([...gates], ['RTW-G1', 'RTW-G2', 'RTW-G3', 'RTW-G4', 'RTW-G5', 'RTW-G6']);
  const engineRules = new Set(types.literals('EngineRuleId'));
  const seen = { code: new Set(), ruleId: new Set(), gate: new Set() };
  for (const { c, answer } of answers()) {
    if (c.pack && c.pack !== 'shenzhen-2020') continue; // other packs may add codes and rules
    for (const d of answer.diagnostics) {
      seen.code.add(d.code);
      if (!engineRules.has(d.ruleId)) seen.ruleId.add(d.ruleId);
    }
    for (const g of answer.gates ?? []) {
      seen.gate.add(g.id);
      for (const cause of g.causes) {
        seen.code.add(cause.code);
        if (!engineRules.has(cause.ruleId)) seen.ruleId.add(cause.ruleId);
      }
    }
  }
  assert.deepEqual([...seen.code].filter((x) => !codes.has(x)), [], 'codes outside Code');
  assert.deepEqual([...seen.ruleId].filter((x) => !rules.has(x)), [], 'rule ids outside RuleId');
  assert.deepEqual([...seen.gate].filter((x) => !gates.has(x)), [], 'gate ids outside GateId');
});

test('the example filings are Filings', () => {
  const dir = join(ROOT, 'examples/filings');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const f of files) {
    assert.deepEqual(types.problems(JSON.parse(readFileSync(join(dir, f), 'utf8')), 'Filing'), [], f);
  }
});

test('describe() of every kind in every locale is its Description; inputSchema() a JsonSchema', (t) => {
  const engine = Engine.withDefaultPack();
  if (typeof engine.describe !== 'function') return t.skip('the engine has no describe() yet');
  for (const kind of Object.keys(DESCRIPTION_TYPE)) {
    for (const locale of LOCALES) {
      const d = engine.describe(kind, { locale });
      assert.deepEqual(types.problems(d, DESCRIPTION_TYPE[kind]), [], `${kind} ${locale}`);
      assert.equal(d.kind, kind);
      assert.equal(d.locale, locale);
    }
    if (typeof engine.inputSchema === 'function') {
      assert.deepEqual(types.problems(engine.inputSchema(kind, { locale: 'en' }), 'JsonSchema'), [], kind);
    }
  }
  // An unknown tag falls back; the description says which locale it used.
  assert.equal(engine.describe('filing', { locale: 'fr-FR' }).locale, 'en');
  // A Chinese language tagged by itself (a browser's `cmn-Hant-TW`, `yue-HK`) is Chinese, not English.
  const at = { now: '2020-02-04T10:00:00+08:00' };
  assert.equal(engine.checkFiling({}, { ...at, locale: 'cmn-Hant-TW' }).locale, 'zh-TW');
  assert.equal(engine.checkFiling({}, { ...at, locale: 'yue-HK' }).locale, 'zh-TW');
  assert.equal(engine.describe('filing', { locale: 'cmn-Hans-CN' }).locale, 'zh-CN');
});

test('packInfo() and packInfo({ on }) are PackStamps; a pack Error has PackErrorInfo items', () => {
  const engine = Engine.withDefaultPack();
  assert.deepEqual(types.problems(engine.packInfo(), 'PackStamp'), []);
  assert.deepEqual(types.problems(engine.packInfo({ on: '2020-02-10' }), 'PackStamp'), []);
  try {
    new Compiler('{"id": 1}');
    assert.fail('no throw');
  } catch (e) {
    assert.ok(e.errors.length > 0);
    for (const x of e.errors) assert.deepEqual(types.problems(x, 'PackErrorInfo'), []);
    assert.equal(typeof e.code, 'string');
  }
});

// `InitOutput` (what `initSync()` and `init()` give) is the module's exports: every member it
// declares is exported by the .wasm it comes with (wasm-bindgen's list named two the build removes).
for (const [dts, wasm] of [['fangkong.d.ts', 'fangkong_bg.wasm'], ['fangkong_compiler.d.ts', 'fangkong_compiler_bg.wasm'], ['node.d.cts', 'fangkong_bg.wasm']]) {
  test(`pkg/${dts}: InitOutput declares only what pkg/${wasm} exports`, () => {
    const text = readFileSync(join(ROOT, 'pkg', dts), 'utf8');
    const body = /^export interface InitOutput \{\n([^}]*)\}/m.exec(text)?.[1];
    assert.ok(body, `no InitOutput in ${dts}`);
    const declared = [...body.matchAll(/^ {4}readonly (\w+):/gm)].map((m) => m[1]);
    assert.ok(declared.includes('memory') && declared.length > 10, `InitOutput lists ${declared.length} members`);
    const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(ROOT, 'pkg', wasm)))).map((e) => e.name));
    assert.deepEqual(declared.filter((n) => !exported.has(n)), []);
  });
}
