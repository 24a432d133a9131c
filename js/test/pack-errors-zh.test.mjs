// A pack's mistakes in Chinese first (thirty-third session; issue 8's note: "pack load errors
// are English only; the workbench shows them in English in zh-CN"). Every mistake, and the
// summary, carry `messages: { 'zh-CN', en }`; `message` stays the English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import * as compiler from 'fangkong/compiler';
import { ROOT } from './lib/cases.mjs';

const CJK = /[\u4e00-\u9fff]/;
const shenzhen = () => JSON.parse(readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8'));
const thrown = (f) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('did not throw');
};

test('every mistake of a bad pack is told in zh-CN and en, the English as before', () => {
  const p = shenzhen();
  const c1 = p.rules.findIndex((r) => r.id === 'RTW-C1');
  p.rules[c1].checks[0].assert = 'staff.returing <= staff.total';
  p.rules.find((r) => r.id === 'RTW-C2').id = 'RTW-P1';
  p.parameters.leadDays.value = -3;
  p.rules.find((r) => r.id === 'RTW-T1').checks[0].assert = 'days(filedOn, plannedResumption) >= plannedResumption';
  const e = thrown(() => new compiler.Engine(p));
  assert.ok(e.code.startsWith('pack.') && e.errors.length >= 4, JSON.stringify(e.errors));
  for (const m of e.errors) {
    assert.deepEqual(Object.keys(m.messages), ['zh-CN', 'en']);
    assert.equal(m.messages.en, m.message);
    assert.match(m.messages['zh-CN'], CJK, JSON.stringify(m));
    assert.doesNotMatch(m.message, CJK, JSON.stringify(m));
  }
  const typo = e.errors.find((m) => m.path === `/rules/${c1}/checks/0/assert`);
  assert.ok(typo.messages['zh-CN'].includes('`staff.returing`') && typo.messages['zh-CN'].includes('是否应为 `staff.returning`？'), typo.messages['zh-CN']);
  assert.equal(e.messages.en, e.message);
  assert.ok(e.messages['zh-CN'].startsWith(`规则包有 ${e.errors.length} 个错误，第一个：\`${e.errors[0].path}\`：`), e.messages['zh-CN']);
  // lint and compilePack throw the same error.
  for (const f of [() => compiler.lint(p), () => compiler.compilePack(p)]) assert.deepEqual({ ...thrown(f) }, { ...e });
});

test('a pack that is not JSON, or not of a pack\'s shape, is told in Chinese too', () => {
  for (const text of ['{ "id": ', '{"id": 1}', JSON.stringify({ ...shenzhen(), effectiveFrom: undefined })]) {
    const e = thrown(() => new compiler.Engine(text));
    assert.equal(e.code, 'pack.syntax');
    for (const m of e.errors) assert.match(m.messages['zh-CN'], CJK, `${text.slice(0, 20)}: ${JSON.stringify(m)}`);
    assert.match(e.messages['zh-CN'], /^规则包有 \d+ 个错误/);
  }
});

test('the runtime module tells a damaged compiled pack in Chinese too', () => {
  const e = thrown(() => Engine.fromCompiled(new Uint8Array([1, 2, 3])));
  assert.ok(e.code.startsWith('pack.'), e.code);
  assert.equal(e.messages.en, e.message);
  assert.match(e.messages['zh-CN'], CJK);
  for (const m of e.errors) assert.match(m.messages['zh-CN'], CJK, JSON.stringify(m));
  const none = thrown(() => Engine.withPackId('nope'));
  assert.equal(none.code, 'pack.unknown_reference');
  assert.match(none.messages['zh-CN'], CJK);
});

test('the runtime module\'s `new Engine(pack)` says in Chinese too that it has no compiler', () => {
  const e = thrown(() => new Engine('{}'));
  assert.equal(e.code, 'pack.no_compiler');
  assert.equal(e.messages.en, e.message);
  assert.match(e.messages['zh-CN'], /没有规则包编译器/);
});
