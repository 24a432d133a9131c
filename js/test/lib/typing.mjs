// A person types the workshop filing field by field, in form order (the order
// `engine.describe('filing')` gives its fields), character by character, with `scope`
// growing as fields are reached. The same function runs in Node and in headless Chromium.
//
// At every keystroke:
//  1. no diagnostic sits outside the scope unless its value was entered;
//  2. no message states a value the input does not hold: every diagnostic that is not
//     `missing` comes out the same (code, path, message) when every value still missing is
//     filled with a sentinel (numbers 7777, dates 2099-09-09, text, true and then false) —
//     a rule that read a missing value as 0 or false would change or vanish;
//  3. missing values are only ever `field.required`, with `missing: true`;
//  4. the decision is `incomplete` until the filing is whole, then `approved`, and never
//     `deferred` or `conditional` on the way.

const NOW = '2020-02-04T10:00:00+08:00';

function leaves(value, pointer = '', out = []) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${pointer}/${k}`, out);
  } else {
    out.push([pointer, value]);
  }
  return out;
}

function setAt(doc, pointer, value) {
  const segs = pointer.split('/').slice(1);
  let here = doc;
  for (const s of segs.slice(0, -1)) here = here[s] ??= {};
  here[segs.at(-1)] = value;
}

function getAt(doc, pointer) {
  let here = doc;
  for (const s of pointer.split('/').slice(1)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = here[s];
  }
  return here;
}

const inScope = (scope, path) => scope.some((p) => path === p || path.startsWith(`${p}/`));
const entered = (doc, path) => {
  const v = getAt(doc, path);
  return v !== undefined && v !== null && v !== '';
};

/** The keystrokes of one value: every prefix of its text; booleans at once. */
function keystrokes(value) {
  if (typeof value === 'boolean') return [value];
  const text = String(value);
  return [...text].map((_, i) => text.slice(0, i + 1));
}

function sentinel(type, flag) {
  switch (type) {
    case 'number': return 7777;
    case 'date': return '2099-09-09';
    case 'boolean': return flag;
    default: return '哨兵';
  }
}

/** Runs the typing session; returns `{ steps, decisions, problems }` (problems empty when all holds). */
export function typeWorkshop(Engine, workshop) {
  const engine = Engine.withDefaultPack();
  const form = engine.describe('filing', { locale: 'zh-CN' });
  const types = new Map(form.fields.map((f) => [f.pointer, f.type]));
  const given = new Map(leaves(workshop));
  // Form order: the description's order, limited to what the workshop fills in.
  const order = form.fields.map((f) => f.pointer).filter((p) => given.has(p));
  const problems = [];
  const decisions = [];
  const doc = {};
  const scope = [];
  let steps = 0;
  const filled = (flag) => {
    const copy = structuredClone(doc);
    for (const f of form.fields) {
      if (f.pointer.includes('*') || !['text', 'number', 'date', 'boolean'].includes(f.type)) continue;
      if (!entered(copy, f.pointer)) setAt(copy, f.pointer, sentinel(f.type, flag));
    }
    return copy;
  };
  for (const pointer of order) {
    scope.push(pointer);
    for (const value of keystrokes(given.get(pointer))) {
      setAt(doc, pointer, value);
      steps += 1;
      const answer = engine.checkFiling(doc, { now: NOW, scope });
      decisions.push(answer.decision);
      const where = `after typing ${JSON.stringify(value)} into ${pointer}`;
      for (const d of answer.diagnostics) {
        if (!inScope(scope, d.path) && !entered(doc, d.path)) {
          problems.push(`${where}: ${d.code} at ${d.path} lies outside the scope`);
        }
        if (d.missing !== (d.code === 'field.required')) {
          problems.push(`${where}: ${d.code} at ${d.path} has missing=${d.missing}`);
        }
      }
      const stated = answer.diagnostics.filter((d) => !d.missing && d.ruleId !== 'INPUT');
      if (stated.length > 0) {
        for (const flag of [true, false]) {
          const other = engine.checkFiling(filled(flag), { now: NOW });
          for (const d of stated) {
            const same = other.diagnostics.some((o) => o.code === d.code && o.path === d.path && o.message === d.message);
            if (!same) problems.push(`${where}: "${d.message}" (${d.code} at ${d.path}) depends on a value not given`);
          }
        }
      }
    }
  }
  // Decisions: a run of `incomplete`, then `approved` once the filing is whole.
  const first = decisions.indexOf('approved');
  if (first < 0) problems.push(`never approved: ${decisions.at(-1)}`);
  decisions.forEach((d, i) => {
    const want = first >= 0 && i >= first ? 'approved' : 'incomplete';
    if (d !== want) problems.push(`step ${i + 1}: decision ${d}, expected ${want}`);
  });
  const final = engine.checkFiling(workshop, { now: NOW });
  if (final.decision !== 'approved') problems.push(`the whole workshop filing is ${final.decision}`);
  engine.free();
  return { steps, decisions: [decisions[0], decisions.at(-1)], problems: problems.slice(0, 20), count: problems.length };
}
