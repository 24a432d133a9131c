// Numbers in JSON text are read as JSON.parse reads them, correctly rounded, by the runtime
// module too (built without serde_json's `float_roundtrip`: src/num/read.rs). The text and the
// value of the same filing get the same answer, byte for byte, also for numbers that
// serde_json's default parser rounds one unit in the last place off (tests/cli.rs has the
// native side; tests/numbers.rs the reader).
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
// integer beyond u64, tiny and subnormal numbers, and an easy one.
const NUMBERS = ['7.280749531897376e59', '0.30000000000000004', '1.7976931348623157e308', '5e-324',
  '2.2250738585072014e-308', '123456789012345678901', '9007199254740993', '1e23', '8.5e-7', '2.5'];

test('a number in JSON text is read as JSON.parse reads it, in the runtime and the compiler module', () => {
  for (const E of [Engine, CompilerEngine]) {
    const engine = E.withDefaultPack();
    for (const n of NUMBERS) {
      for (const field of ['fromOutside', 'total']) {
        const text = JSON.stringify(workshop).replace(/"staff":\{/, `"staff":{"${field}":${n},`).replace(new RegExp(`,"${field}":[^,}]*`), '');
        const value = JSON.parse(text);
        assert.equal(value.staff[field], Number(n), text.slice(0, 80));
        assert.deepEqual(engine.checkFiling(text, opts), engine.checkFiling(value, opts), `${field}: ${n}`);
        const draft = engine.draft('filing', opts, text);
        assert.deepEqual(draft.answer(), engine.checkFiling(value, opts), `draft from text, ${field}: ${n}`);
        draft.set('/staff', { ...value.staff }); // an object crosses as JSON text
        assert.deepEqual(draft.answer(), engine.checkFiling(value, opts), `draft.set, ${field}: ${n}`);
        draft.free();
      }
    }
  }
});
