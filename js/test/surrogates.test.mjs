// Lone surrogates (issue 10, point 6): JSON.parse accepts `"\ud83d"`; the engine must too, and
// a submission must get the same answer whichever way it crosses into wasm:
// - a JS string holding a lone surrogate: wasm-bindgen copies strings into wasm memory with
//   TextEncoder.encodeInto, which writes U+FFFD for a lone surrogate;
// - JSON text with a lone surrogate *escape* (`\ud83d`): the engine reads it as U+FFFD;
// - an object: JSON.stringify spells a lone surrogate as such an escape (well-formed
//   JSON.stringify), so it ends the same way.
// And the native CLI gives the same answer as the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { Engine as Compiler } from 'fangkong/compiler';
import { CLI, ROOT } from './lib/cases.mjs';

const NOW = '2020-02-04T10:00:00+08:00';
const workshop = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
const engine = Engine.withDefaultPack();
// The text goes into the enterprise name and into a key, which the answer shows (an unknown
// field at its own pointer), so a different reading gives a different answer.
const named = (name) => ({ ...workshop, enterprise: { ...workshop.enterprise, name }, [name]: 1 });
const unknownAt = (answerText) => JSON.parse(answerText).diagnostics.filter((d) => d.code === 'input.unknown_field').map((d) => d.path);
const answer = (input) => JSON.stringify(engine.checkFiling(input, { now: NOW }));

test('TextEncoder (what wasm-bindgen uses to pass strings) turns a lone surrogate into U+FFFD', () => {
  const bytes = new TextEncoder().encode('a\ud83db\udc00');
  assert.equal(new TextDecoder().decode(bytes), 'a\ufffdb\ufffd');
  assert.equal(JSON.stringify('\ud83d'), '"\\ud83d"', 'well-formed JSON.stringify escapes it');
  assert.equal(JSON.parse('"\\ud83d"'), '\ud83d', 'JSON.parse accepts the escape');
});

for (const [what, lone, asRead] of [
  ['a lone high surrogate', '\ud83d', '\ufffd'],
  ['a lone low surrogate', '\udc00', '\ufffd'],
  ['a reversed pair', '\udc00\ud83d', '\ufffd\ufffd'],
  ['a lone high, then a pair', 'A\ud83d\ud83d\ude00B', 'A\ufffd\ud83d\ude00B'],
]) {
  test(`${what}: as an object, as JSON text with the escape, as JSON text with the character, and in the CLI, the same answer`, () => {
    const expected = answer(named(asRead));
    const escaped = JSON.stringify(named(lone)); // `\ud83d` escapes in the text
    assert.match(escaped, /\\ud[89a-f][0-9a-f]{2}/, 'the text carries an escape');
    assert.notEqual(answer(named('x')), expected, 'the answer shows the text');
    assert.equal(answer(named(lone)), expected, 'object');
    assert.equal(answer(escaped), expected, 'text with the escape');
    assert.equal(answer(escaped.replace(/\\u(d[89a-f][0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))), expected, 'text with the character');
    assert.deepEqual(unknownAt(expected), [`/${asRead}`], 'the key as JSON.parse reads it');
    const cli = spawnSync(CLI, ['check-filing', '-', '--now', NOW], { input: escaped, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout), JSON.parse(expected), 'the native CLI');
  });
}

test('a valid pair and an escaped backslash are left as they are', () => {
  assert.equal(answer(JSON.stringify(named('\ud83d\ude00'))), answer(named('😀')));
  const text = JSON.stringify(named('\\ud83d')); // a backslash, then the letters
  assert.ok(text.includes('\\\\ud83d'));
  assert.equal(answer(text), answer(named('\\ud83d')));
  assert.notEqual(answer(text), answer(named('\ufffd')));
});

test('a pack with a lone surrogate escape loads as JSON.parse reads it', () => {
  const pack = JSON.parse(readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8'));
  pack.labels.en['filing:enterprise.name'].label = 'Enterprise \ud83d';
  const text = JSON.stringify(pack);
  assert.ok(text.includes('Enterprise \\ud83d'));
  const e = new Compiler(text);
  const form = JSON.stringify(e.describe('filing', { locale: 'en' }));
  assert.ok(form.includes('Enterprise \ufffd'), 'the label reads U+FFFD');
  assert.equal(JSON.stringify(new Compiler(pack).describe('filing', { locale: 'en' })), form, 'the pack as an object');
});

// Hostile audit, thirty-second session: `draft.set` of an object or array holding a lone
// surrogate (half an emoji cut by a `maxlength`) threw input.unconvertible ("not JSON"), while
// `checkFiling` of the same value answered; so did `draftChecker` (bindForm) once such a value sat
// in a roster row. It is read as the entry points read it, U+FFFD.
test('a draft takes an object or a row holding a lone surrogate as checkFiling does', () => {
  const draft = engine.draft('filing', { now: NOW }, workshop);
  try {
    draft.set('/enterprise', { ...workshop.enterprise, name: 'A\ud83d' });
    const row = { name: 'B\udc00', returning: true, keyAreaHistory: false, phone: '13800138000' };
    draft.set('/roster', [row]);
    assert.equal(draft.value().enterprise.name, 'A\ufffd');
    assert.equal(JSON.stringify(draft.answer()), answer(JSON.stringify(draft.value())));
    assert.equal(JSON.stringify(draft.answer()), answer({ ...workshop, enterprise: { ...workshop.enterprise, name: 'A\ud83d' }, roster: [row] }));
  } finally {
    draft.free();
  }
});
