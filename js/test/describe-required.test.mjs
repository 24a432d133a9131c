// describe's `required` and `requiredWhen` are what the engine asks for (issue 7: pages learn
// their fields from the pack). From every example of every kind, in every embedded pack, each
// value is left out and set to null in turn; every `field.required` the answer then gives must be
// at a field describe requires (or `requiredWhen`), or at a group with such a field below it (a
// form puts the message there). Twenty-first session: a community checklist item's result was
// `required: false`, yet asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { ROOT } from './lib/cases.mjs';

const KINDS = { filings: ['filing', 'checkFiling'], inspections: ['inspection', 'scoreInspection'], indicators: ['indicators', 'evaluateIndicators'], screening: ['screening', 'screenPerson'] };
const now = '2020-02-12T10:00:00+08:00';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A describe pointer (`/units/*\/counts/compounds`) as a pattern of input pointers. */
const pattern = (p) => new RegExp(`^${p.split('/').map((s) => (s === '*' ? '[^/]+' : escape(s))).join('/')}$`);

for (const id of ['shenzhen-2020', 'guangming-2020', 'hangzhou-2020']) {
  test(`${id}: every value the engine asks for is one describe requires`, () => {
    const engine = Engine.withPackId(id);
    let asked = 0;
    const wrong = new Map();
    for (const [dir, [kind, check]] of Object.entries(KINDS)) {
      const fields = engine.describe(kind).fields;
      const needed = (f) => f.required === true || Array.isArray(f.requiredWhen);
      /** Whether describe requires the input at `path`, or a field below it. */
      const requires = (path) => {
        const n = path.split('/').length;
        return fields.some((f) => {
          const at = f.pointer.split('/');
          return at.length >= n && needed(f) && pattern(at.slice(0, n).join('/')).test(path);
        }) || listEntry(path);
      };
      /** An entry of a required list of texts (an inspection's needs: `/facts/needs/1` left null). */
      const listEntry = (path) => {
        const m = /^(.*)\/\d+$/.exec(path);
        return !!m && fields.some((f) => f.type === 'texts' && needed(f) && pattern(f.pointer).test(m[1]));
      };
      for (const file of readdirSync(join(ROOT, 'examples', dir))) {
        if (file === 'factory-1000.json') continue; // the workshop's shape, 1,000 rows
        const base = JSON.parse(readFileSync(join(ROOT, 'examples', dir, file), 'utf8'));
        const pointers = [];
        (function walk(v, p) {
          if (p) pointers.push(p.split('/').slice(1));
          if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], `${p}/${k}`);
        })(base, '');
        for (const keys of pointers) {
          for (const mode of ['left out', 'null']) {
            const x = structuredClone(base);
            let o = x;
            for (const k of keys.slice(0, -1)) o = o[k];
            if (mode === 'left out') {
              if (Array.isArray(o)) continue;
              delete o[keys.at(-1)];
            } else o[keys.at(-1)] = null;
            for (const d of engine[check](x, { now }).diagnostics) {
              if (d.code !== 'field.required') continue;
              asked++;
              if (!requires(d.path)) wrong.set(`${kind} ${d.path} (${d.ruleId})`, `${file}: /${keys.join('/')} ${mode}`);
            }
          }
        }
      }
    }
    assert.deepEqual([...wrong], []);
    assert.ok(asked > 1000, `only ${asked} values asked for`);
  });
}
