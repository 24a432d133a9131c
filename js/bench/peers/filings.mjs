// The filings `js/bench/peers.mjs` runs through every engine: the examples in
// examples/filings/ (the 1,000-person factory apart, see `factory`) and every golden filing
// case of tests/cases/filing/ that the default pack judges — its `input`, or its `base` with
// its RFC 7386 `patch` — leaving out the cases written for another pack (`pack`), a forced
// version (`packVersion`), raw text (`inputText`, not JSON) or a filing date from 2020-04-07
// on (version 2020-04-07 of the default pack would judge it). Each case brings its own `now`;
// here they are all judged at one `NOW`, and fangkong's decision is the reference.
// Identical inputs are kept once. The order is fixed: examples, then cases by file name.
import { readFileSync, readdirSync } from 'node:fs';

export const NOW = '2020-02-04T10:00:00+08:00';
export const TODAY = '2020-02-04'; // NOW's calendar day in China Standard Time

const root = new URL('../../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');

/** RFC 7386 JSON merge patch. */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// A filing date on or after 2020-04-07 (as written, possibly 2020年4月7日 or full-width).
function laterVersion(filing) {
  const t = typeof filing?.filedOn === 'string' ? filing.filedOn.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)) : '';
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(t);
  return m !== null && +m[1] * 10000 + +m[2] * 100 + +m[3] >= 20200407;
}

/** `[{ name, filing }]`: the filing set, in a fixed order. */
export function loadFilings() {
  const out = [];
  const seen = new Set();
  const add = (name, filing) => {
    const key = JSON.stringify(filing);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, filing });
  };
  for (const f of ['workshop.json', 'supermarket.json']) add(`examples/filings/${f}`, JSON.parse(read(`examples/filings/${f}`)));
  const dir = 'tests/cases/filing/';
  for (const f of readdirSync(new URL(dir, root)).filter((n) => n.endsWith('.json')).sort()) {
    const c = JSON.parse(read(dir + f));
    if (c.pack !== undefined || c.packVersion !== undefined || c.inputText !== undefined) continue;
    const filing = c.input !== undefined ? c.input : mergePatch(JSON.parse(read(c.base)), c.patch ?? {});
    if (laterVersion(filing)) continue;
    add(dir + f, filing);
  }
  return out;
}

/** The 1,000-person factory, timed on its own. */
export function factory() {
  return { name: 'examples/filings/factory-1000.json', filing: JSON.parse(read('examples/filings/factory-1000.json')) };
}
