// The JSON Schema of each kind agrees with the engine's own shape checks (issue 7, point 5).
// ajv (draft 2020-12, with ajv-formats) judges every golden case's input and a few hundred
// generated right- and wrong-shape inputs (a fixed seed); the native CLI judges the same
// inputs. The engine accepts a shape iff it answers without an `INPUT` diagnostic of code
// input.invalid_type / unknown_field / too_long / too_many / not_json / too_large. Text that is
// not JSON or is over 4 MiB is rejected before any schema applies, so the schema side checks
// that first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CLI as DEFAULT_CLI, KINDS, caseText, loadCases } from './lib/cases.mjs';

const CLI = process.env.FANGKONG_CLI ?? DEFAULT_CLI;
const NOW = '2020-02-12T10:00:00+08:00';
const SEED = 20200212;
const GENERATED_PER_KIND = 120;
const MIN_AGREEMENTS = 300;
const MAX_INPUT_BYTES = 4 * 1024 * 1024;
const SHAPE_CODES = new Set([
  'input.invalid_type', 'input.unknown_field', 'input.too_long', 'input.too_many', 'input.not_json', 'input.too_large',
]);

// --- The schemas: from `fangkong describe KIND --json-schema` (src/json_schema.rs) ---

function schemaFromCli(kind, locale) {
  const r = spawnSync(CLI, ['describe', kind, '--json-schema', ...(locale ? ['--locale', locale] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`fangkong describe ${kind} --json-schema: exit ${r.status}: ${r.stderr}`);
  const s = JSON.parse(r.stdout);
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  return s;
}

if (!existsSync(CLI)) throw new Error(`${CLI} missing: run \`cargo build --release\` first`);
const schemas = Object.fromEntries(KINDS.map(({ kind }) => [kind, schemaFromCli(kind)]));

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false });
  addFormats(ajv);
  ajv.addVocabulary(['x-fangkong-field', 'x-fangkong-format']);
  return ajv;
}
const ajv = newAjv();
const validators = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, ajv.compile(s)]));

/** The schema's verdict on submission text: `{ ok, why }`. */
function schemaVerdict(kind, text) {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) return { ok: false, why: 'over 4 MiB' };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  const validate = validators[kind];
  const ok = validate(doc);
  return { ok, why: ok ? '' : validate.errors.map((e) => `${e.keyword} at ${JSON.stringify(e.instancePath)}`).join(', ') };
}

// --- The engine's verdicts, from the native CLI (one --jsonl run per kind) ---

function engineVerdicts(kind, texts) {
  const command = KINDS.find((k) => k.kind === kind).command;
  const dir = mkdtempSync(join(tmpdir(), 'fangkong-schema-'));
  try {
    const f = join(dir, `${kind}.jsonl`);
    writeFileSync(f, texts.join('\n') + '\n');
    const r = spawnSync(CLI, [command, f, '--jsonl', '--now', NOW], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    if (r.status !== 0 && r.status !== 2) throw new Error(`fangkong ${command}: exit ${r.status}: ${r.stderr}`);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    if (lines.length !== texts.length) throw new Error(`fangkong ${command}: ${lines.length} answers for ${texts.length} inputs`);
    return lines.map((l) => {
      const bad = JSON.parse(l).diagnostics.filter((d) => d.ruleId === 'INPUT' && SHAPE_CODES.has(d.code));
      return { ok: bad.length === 0, why: bad.map((d) => `${d.code} at ${JSON.stringify(d.path)}`).join(', ') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- Generated inputs: valid inputs mutated at random pointers, with a fixed seed ---

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Leaves and containers of a schema: `[{ path: ['roster', 0, 'name'], kind, node }]`. */
function schemaSlots(node, path = [], out = []) {
  const types = [].concat(node.type ?? []);
  if (types.includes('object') && node.properties) {
    out.push({ path, kind: node.additionalProperties === false ? 'object' : 'map', node });
    for (const [k, v] of Object.entries(node.properties)) schemaSlots(v, [...path, k], out);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      schemaSlots(node.additionalProperties, [...path, 'k-generated'], out);
    }
  } else if (types.includes('object')) {
    out.push({ path, kind: 'map', node });
    if (typeof node.additionalProperties === 'object') schemaSlots(node.additionalProperties, [...path, 'k-generated'], out);
  } else if (types.includes('array')) {
    out.push({ path, kind: 'array', node });
    schemaSlots(node.items, [...path, 0], out);
  } else if (types.includes('boolean')) {
    out.push({ path, kind: 'boolean', node });
  } else if (types[0] === 'number') {
    out.push({ path, kind: 'number', node });
  } else if (node['x-fangkong-format'] === 'date') {
    out.push({ path, kind: 'date', node });
  } else {
    out.push({ path, kind: 'text', node });
  }
  return out;
}

/** Every pointer of a value (not the root): `[['staff', 'total'], ['roster', 3], …]`. */
function pointers(v, path = [], out = []) {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      const p = [...path, k];
      out.push(p);
      pointers(x, p, out);
    }
  }
  return out;
}

/** Set `value` at `path`, creating objects and arrays on the way; `undefined` deletes. */
function setAt(doc, path, value) {
  if (path.length === 0) return value;
  let root = doc !== null && typeof doc === 'object' ? doc : {};
  let here = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    const wantArray = typeof path[i + 1] === 'number';
    if (here[k] === null || typeof here[k] !== 'object' || Array.isArray(here[k]) !== wantArray) {
      here[k] = wantArray ? [] : {};
    }
    here = here[k];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(here)) here[last] = null;
    else delete here[last];
  } else {
    here[last] = value;
  }
  return root;
}

const ANY_VALUES = [
  true, false, 0, -1, 3.5, 1e300, 'x', '12', '', '  ', '\u3000', [], [1], ['a'], {}, { a: 1 }, null, '１２', '2020-02-04',
];
const NUMBER_TEXTS = [
  '12', ' 12 ', '１２', '１２．５', '+3', '-0', '－５', '＋５', '1\u200B2', '\u30001\u3000', '999999999999999', '0.5',
  '00012', '3.14159', '\t7\n', '\uFEFF8',
  '1e3', '.5', '5.', '1,000', '十二', '9007199254740991', '10000000000000000', '0x1F', 'Infinity', 'NaN', '12abc', '1 2', '--1', '1.2.3',
  '1\u30002', '５ ５', '٣', '+', '.', '−5', '1_000',
];
const BLANKS = ['', ' ', '\u3000', '\u200B', '\t\n', ' \u3000\u200B\uFEFF ', '\u00A0', '\u2028'];
const TEXTS = [
  '深圳市某某电子有限公司', 'ＡＢＣ１２３', '𠀀𠀁 astral', 'pass', 'fail', 'na', 'document', '2020/2/4', '2020年2月4日',
  '0755-12345678', '１３８００１３８０００', '91440300MA5G000000', 'x'.repeat(1000), '𠀀'.repeat(1000), '😀'.repeat(999),
];
const UNKNOWN_KEYS = ['bogus', 'Name', 'name ', 'constructor', 'toString', '备注', ''];

function generate(kind, bases, count, rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const slots = schemaSlots(schemas[kind]).filter((s) => s.path.length > 0);
  const leaves = slots.filter((s) => ['text', 'number', 'boolean', 'date'].includes(s.kind));
  const containers = slots.filter((s) => ['object', 'array', 'map'].includes(s.kind));
  const valueFor = (slotKind) => {
    switch (slotKind) {
      case 'number': return pick([pick(NUMBER_TEXTS), pick([0, 7, 12.5, -3, 1e300])]);
      case 'boolean': return pick([true, false, pick(BLANKS), 'true', 'false', 0, 1, 'x'.repeat(1001)]);
      case 'date': return pick(['2020-02-04', '2020/2/4', '2020年2月4日', '２０２０－０２－０４', 'not a date', 20200204, pick(BLANKS)]);
      default: return pick([pick(TEXTS), 12, -0.5, pick(BLANKS), 'x'.repeat(1001), '𠀀'.repeat(1001), true]);
    }
  };
  const mutations = [
    // A wrong (or right) type at a random existing pointer.
    (doc) => { const ps = pointers(doc); return ps.length ? setAt(doc, pick(ps), structuredClone(pick(ANY_VALUES))) : doc; },
    // An unknown key in a random object of the document.
    (doc) => {
      const objs = [[], ...pointers(doc)].filter((p) => {
        const v = p.reduce((o, k) => o?.[k], doc);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      return objs.length ? setAt(doc, [...pick(objs), pick(UNKNOWN_KEYS)], pick(['x', 1, null, {}])) : doc;
    },
    // A value of its own kind (right or wrong) at a leaf of the schema, present or not.
    (doc) => { const s = pick(leaves); return setAt(doc, s.path, valueFor(s.kind)); },
    // A number written as text.
    (doc) => { const s = pick(leaves.filter((l) => l.kind === 'number')); return s ? setAt(doc, s.path, pick(NUMBER_TEXTS)) : doc; },
    // null or blank anywhere.
    (doc) => { const ps = pointers(doc); return ps.length ? setAt(doc, pick(ps), pick([null, ...BLANKS])) : doc; },
    // An array for an object, an object for an array, a scalar for a container.
    (doc) => {
      const s = pick(containers);
      const v = s.kind === 'array' ? pick([{}, { 0: {} }, 'x', 5]) : pick([[], [{}], 'x', 5, true]);
      return setAt(doc, s.path, v);
    },
    // A field removed.
    (doc) => { const ps = pointers(doc); return ps.length ? setAt(doc, pick(ps), undefined) : doc; },
  ];
  const out = [];
  for (let i = 0; i < count; i++) {
    let doc = structuredClone(pick(bases));
    const n = 1 + Math.floor(rand() * 3);
    const applied = [];
    for (let j = 0; j < n; j++) {
      const m = Math.floor(rand() * mutations.length);
      applied.push(m);
      doc = mutations[m](doc);
    }
    out.push({ name: `generated ${kind} #${i} (mutations ${applied.join(',')})`, text: JSON.stringify(doc) });
  }
  // Whole documents of the wrong type, and the size limits.
  for (const v of [null, [], 'x', 12, true, {}, [{}]]) out.push({ name: `document ${JSON.stringify(v)}`, text: JSON.stringify(v) });
  for (const s of containers.filter((c) => c.kind !== 'object' && !c.path.includes(0) && !c.path.includes('k-generated'))) {
    for (const n of [100000, 100001]) {
      const v = s.kind === 'array' ? new Array(n).fill(null) : Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, null]));
      out.push({ name: `${s.path.join('.')} with ${n} entries`, text: JSON.stringify(setAt({}, s.path, v)) });
    }
  }
  return out;
}

// --- The test ---

test('the JSON Schema of each kind agrees with the engine on golden and generated inputs', () => {
  const rand = mulberry32(SEED);
  const cases = loadCases();
  let agreed = 0;
  let total = 0;
  let accepted = 0;
  let generatedTotal = 0;
  const disagreements = [];
  for (const { kind } of KINDS) {
    const golden = cases.filter((c) => c.kind === kind).map((c) => ({ name: c.file, text: caseText(c) }));
    const usable = golden.filter((g) => !/[\r\n]/.test(g.text));
    const bases = usable
      .filter((g) => g.text.length < 50000)
      .map((g) => { try { return JSON.parse(g.text); } catch { return undefined; } })
      .filter((d) => d !== null && typeof d === 'object' && !Array.isArray(d));
    const generated = generate(kind, bases.length ? bases : [{}], GENERATED_PER_KIND, rand);
    generatedTotal += generated.length;
    const inputs = [...usable, ...generated];
    const engine = engineVerdicts(kind, inputs.map((x) => x.text));
    inputs.forEach((x, i) => {
      const s = schemaVerdict(kind, x.text);
      const e = engine[i];
      total++;
      if (e.ok) accepted++;
      if (s.ok === e.ok) agreed++;
      else disagreements.push(`${kind}: ${x.name}: schema ${s.ok ? 'accepts' : `rejects (${s.why})`}, engine ${e.ok ? 'accepts' : `rejects (${e.why})`}: ${x.text.slice(0, 300)}`);
    });
  }
  const line = `schema agreement: ${agreed}/${total} inputs (kinds ${KINDS.map((k) => k.kind).join(', ')}; `
    + `${total - generatedTotal} golden, ${generatedTotal} generated; ${accepted} accepted, ${total - accepted} rejected by the engine; `
    + `schemas from fangkong describe KIND --json-schema)`;
  console.log(line);
  assert.deepEqual(disagreements, [], `${disagreements.length} disagreements:\n${disagreements.slice(0, 20).join('\n')}`);
  assert.ok(agreed >= MIN_AGREEMENTS, `only ${agreed} agreements`);
  // Both verdicts are well represented, or the agreement says little.
  assert.ok(accepted >= 100 && total - accepted >= 100, `${accepted} accepted, ${total - accepted} rejected`);
});

/** A schema without its words: what validates. */
function untitled(v) {
  if (Array.isArray(v)) return v.map(untitled);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'title' && k !== 'description').map(([k, x]) => [k, untitled(x)]));
}

test('the schemas compile under ajv strict mode, without `format`; the locale changes only titles', () => {
  for (const { kind } of KINDS) {
    const s = schemas[kind];
    assert.equal(s.$id, `urn:fangkong:input:${kind}`);
    assert.equal(typeof s.title, 'string', `${kind}: a title from the labels`);
    assert.ok(!JSON.stringify(s).includes('"format"'), `${kind}: a format keyword would reject dates the engine accepts`);
    newAjv().compile(s);
    for (const locale of ['en', 'zh-TW']) {
      const other = schemaFromCli(kind, locale);
      assert.notEqual(other.title, s.title, `${kind} ${locale}: title in the locale`);
      assert.deepEqual(untitled(other), untitled(s), `${kind} ${locale}: the same schema but for its words`);
    }
  }
});

test('spot checks: blank is absent, numbers as text, dates of any spelling are strings', () => {
  const v = validators.filing;
  assert.ok(v({ filedOn: '2020年2月4日', staff: { total: '１２０', returning: ' 8 ' }, enterprise: { name: '', whitelisted: '\u3000' } }));
  assert.ok(v({ filedOn: '2020/2/4', roster: [null, { arrivedOn: '' }] }));
  assert.ok(!v({ staff: { total: '1e3' } }));
  assert.ok(!v({ staff: { total: '十二' } }));
  assert.ok(!v({ enterprise: { whitelisted: 'true' } }));
  assert.ok(!v({ enterprise: { nam: 'x' } }));
  assert.ok(!v({ enterprise: { name: 'x'.repeat(1001) } }));
  assert.ok(v({ enterprise: { name: '𠀀'.repeat(1000) } }), 'maxLength counts code points, as the engine counts chars');
  assert.ok(!v({ filedOn: 20200204 }));
  // A number where text is expected: read by its digits below 2^53, refused past it (as the engine).
  assert.ok(v({ contacts: { healthLiaison: { phone: 13800138000 } } }));
  assert.ok(!v({ contacts: { firstResponsible: { idNumber: 440306198503122134 } } }));
  assert.ok(validators.inspection({ answers: { 'INS-S1-1': { result: 'pass', note: '' } }, facts: { needs: ['masks', ''] } }));
  assert.ok(validators.indicators({ units: [{ id: 'G1', counts: { compounds: '１２', anything: 3 } }] }));
});
