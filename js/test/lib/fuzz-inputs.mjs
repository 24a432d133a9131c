// Deterministic fuzzed submissions (issue 10): golden inputs mutated by a seeded generator —
// types swapped, values blank, null or huge, full-width look-alike keys next to real ones,
// keys with `/` and `~`, lone surrogates, numbers spelt `1.0` or past 2^53, rows duplicated
// or dropped. The same inputs go to the CLI, Node and Chromium, whose answers must be equal
// byte for byte. No Node imports: pure data in, cases out.

/** mulberry32: a small, seeded PRNG (the same inputs on every run and machine). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FULL_WIDTH = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const SCALARS = [
  null, '', ' ', '\u3000', '\u200b', 0, -1, 1.5, 1e21, 9007199254740993, -0.0001, true, false,
  '１３８００１３８０００', '９１４４０３００７０８４６１１３６Ｙ', '2020/2/4', '2020年2月4日', '2020-02-30',
  '\ud83d', '\udc00x', '😷', 'x'.repeat(1001), '+86 138-0013-8000', '44030619900725102x', '12', ' 7 ',
  '１２', 'NaN', '-3', [], {}, ['masks'], { result: 'pass' }, 'pass', 'fail', 'na', 'partial',
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

/** Every path (array of keys/indices) to a value inside `v`. */
function paths(v, at = [], out = []) {
  out.push(at);
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) paths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  }
  return out;
}

function parentOf(root, path) {
  let p = root;
  for (const k of path.slice(0, -1)) p = p?.[k];
  return p;
}

/** One mutation of `doc` (a deep copy is mutated and returned). */
function mutate(r, doc) {
  const v = structuredClone(doc);
  const all = paths(v).filter((p) => p.length > 0);
  if (all.length === 0) return { extra: 1 };
  const path = pick(r, all);
  const parent = parentOf(v, path);
  const key = path.at(-1);
  const op = Math.floor(r() * 7);
  if (parent === null || typeof parent !== 'object') return v;
  if (op <= 2) {
    parent[key] = pick(r, SCALARS);
  } else if (op === 3 && !Array.isArray(parent)) {
    delete parent[key];
  } else if (op === 4 && !Array.isArray(parent) && typeof key === 'string') {
    // A full-width look-alike of a real key, next to it, with another value.
    parent[FULL_WIDTH(key)] = pick(r, SCALARS);
  } else if (op === 5 && !Array.isArray(parent)) {
    parent[pick(r, ['a/b', 'm~n', '~1', '王五 13912345678', '', ' ', 'INS-S9-9', 'compounds'])] = pick(r, SCALARS);
  } else if (Array.isArray(parent)) {
    if (r() < 0.5) parent.push(structuredClone(parent[key]));
    else parent.splice(key, 1);
  } else {
    parent[key] = pick(r, SCALARS);
  }
  return v;
}

/** Spell numbers another way in JSON text: whole numbers as `N.0` (the same value). */
function respell(text) {
  return text.replace(/(:|\[|,)(-?\d+)(?=[,\]}])/g, '$1$2.0');
}

/**
 * `n` fuzzed cases from `seeds` (golden cases as loaded by lib/cases.mjs: { kind, command,
 * method, batch, now, locale, pack, packVersion, input }). Each is a copy of its seed with a
 * new input and a `file` of `fuzz/<kind>/<i>`; one in five is JSON text with respelt numbers.
 */
export function fuzzCases(seeds, n, seed = 20201130) {
  const r = rng(seed);
  const usable = seeds.filter((c) => c.input.json !== undefined && !c.pack && !c.packVersion);
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = usable[Math.floor(r() * usable.length)];
    let doc = base.input.json;
    const rounds = 1 + Math.floor(r() * 4);
    for (let k = 0; k < rounds; k++) doc = mutate(r, doc);
    const asText = r() < 0.2;
    out.push({
      ...base,
      file: `fuzz/${base.kind}/${i}`,
      name: `fuzzed from ${base.file}`,
      input: asText ? { text: respell(JSON.stringify(doc)) } : { json: doc },
    });
  }
  return out;
}
