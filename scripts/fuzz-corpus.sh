#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from what the repository
# already holds: every golden case's input (tests/cases/<kind>/*.json, `input`, `inputText`
# or `base` + `patch`) for its kind's entry point, the examples, the packs (packs/*.json)
# for pack loading, every `assert`/`when`/`value` expression of the packs for the
# expression parser, and the inputs and packs again for the JSON reader (`json_reader`).
# Idempotent: a seed is named by its content's hash.
#   scripts/fuzz-corpus.sh [CORPUS_DIR]   (default fuzz/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-fuzz/corpus}
node --input-type=module - "$out" <<'JS'
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCases, caseText } from './js/test/lib/cases.mjs';

const out = process.argv[2];
const TARGET = { filing: 'check_filing', inspection: 'score_inspection', indicators: 'evaluate_indicators', screening: 'screen_person' };
const counts = {};
const seed = (target, text) => {
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, createHash('sha1').update(text).digest('hex')), text);
  counts[target] = (counts[target] ?? 0) + 1;
};
for (const c of loadCases()) seed(TARGET[c.kind], caseText(c));
const examples = { filings: 'check_filing', inspections: 'score_inspection', indicators: 'evaluate_indicators', screening: 'screen_person' };
for (const [dir, target] of Object.entries(examples)) {
  for (const f of readdirSync(join('examples', dir)).filter((f) => f.endsWith('.json'))) {
    seed(target, JSON.stringify(JSON.parse(readFileSync(join('examples', dir, f), 'utf8'))));
  }
}
const exprs = new Set();
const walk = (v, key) => {
  if (typeof v === 'string' && ['assert', 'when', 'value', 'expr', 'count', 'of'].includes(key)) exprs.add(v);
  else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
};
for (const f of readdirSync('packs').filter((f) => f.endsWith('.json'))) {
  const text = readFileSync(join('packs', f), 'utf8');
  seed('pack', text);
  walk(JSON.parse(text), '');
}
for (const e of exprs) seed('expr', e);
// The JSON reader's: every submission and pack seeded above.
for (const c of loadCases()) seed('json_reader', caseText(c));
for (const f of readdirSync('packs').filter((f) => f.endsWith('.json'))) seed('json_reader', readFileSync(join('packs', f), 'utf8'));
console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n}`).join(', '));
JS
