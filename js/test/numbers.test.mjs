// Numbers in JSON text are read as JSON.parse reads them, correctly rounded, by the runtime
// module too (built without serde_json's `float_roundtrip`: src/num/read.rs): its answers equal
// the compiler module's (built with it), and a number quoted back in a message or in `params`
// is the number JSON.parse reads, also for numbers that serde_json's default parser rounds one
// unit in the last place off (tests/cli.rs has the native side; tests/numbers.rs the reader).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { Engine as CompilerEngine } from 'fangkong/compiler';
import { ROOT } from './lib/cases.mjs';

const opts = { now: '2020-02-12T10:00:00+08:00' };
const workshop = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
// 7.280749531897376e59: the fuzz finding; the others: 17 digits, powers beyond 10^22, an
// integer beyond u64, tiny and subnormal numbers, and easy ones.
const NUMBERS = ['7.280749531897376e59', '1.2345678901234567e40', '0.30000000000000004', '1.7976931348623157e308',
  '5e-324', '2.2250738585072014e-308', '123456789012345678901', '9007199254740993', '1e23', '8.5e-7', '2.5', '3'];

/// The filing's `staff.fromOutside` spelt `n` in JSON text.
const withFromOutside = (n) => JSON.stringify({ ...workshop, staff: { ...workshop.staff, fromOutside: 0 } })
  .replace('"fromOutside":0', `"fromOutside":${n}`);

test('a number in JSON text is read as JSON.parse reads it, in the runtime module as in the compiler module', () => {
  const runtime = Engine.withDefaultPack();
  const compiler = CompilerEngine.withDefaultPack();
  for (const n of NUMBERS) {
    const text = withFromOutside(n);
    assert.equal(JSON.parse(text).staff.fromOutside, Number(n));
    const answer = runtime.checkFiling(text, opts);
    assert.deepEqual(answer, compiler.checkFiling(text, opts), n);
    // Quoted back as JSON.parse reads it, where a rule may compute with it; a count RTW-F6
    // refuses (a fraction, past 2^53 − 1) is not computed with (twenty-fifth session), and the
    // draft's value gives it back as read.
    const quoted = answer.diagnostics.map((d) => d.params?.fromOutside).filter((x) => x !== undefined);
    const refused = answer.diagnostics.some((d) => d.path === '/staff/fromOutside' && d.code.startsWith('count.'));
    assert.ok(quoted.length > 0 || refused, `${n}: neither quoted nor refused`);
    for (const q of quoted) assert.equal(q, Number(n), n);
    const draft = runtime.draft('filing', opts, text);
    assert.equal(draft.value().staff.fromOutside, Number(n), `the draft's value: ${n}`);
    assert.deepEqual(draft.answer(), answer, `draft from text: ${n}`);
    draft.set('/staff', JSON.parse(text).staff); // an object crosses as JSON text
    assert.deepEqual(draft.answer(), answer, `draft.set: ${n}`);
    draft.free();
  }
});

test('NaN and Infinity given in an object are told as values that are no number, never asked for as missing', () => {
  const engine = Engine.withDefaultPack();
  const at = (a, path) => a.diagnostics.filter((d) => d.path === path).map((d) => [d.code, d.missing]);
  for (const bad of [NaN, Infinity, -Infinity]) {
    const a = engine.checkFiling({ ...workshop, staff: { ...workshop.staff, total: bad } }, opts);
    assert.deepEqual(at(a, '/staff/total'), [['input.invalid_type', false]], String(bad));
    const draft = engine.draft('filing', opts, workshop);
    const { added } = draft.set('/staff/total', bad);
    assert.deepEqual(added.filter((d) => d.path === '/staff/total').map((d) => [d.code, d.missing]), [['input.invalid_type', false]], String(bad));
    draft.free();
  }
  // A null given is still missing: only numbers that JSON cannot hold are written as text.
  const blank = engine.checkFiling({ ...workshop, staff: { ...workshop.staff, total: null } }, opts);
  assert.deepEqual(at(blank, '/staff/total'), [['field.required', true]]);
});
