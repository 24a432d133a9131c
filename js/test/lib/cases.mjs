// Golden cases (tests/cases/<kind>/*.json) and their native answers from the CLI.
// Generic over kinds: a kind whose directory does not exist is skipped.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = join(ROOT, 'target/release/fangkong');

/** Each kind of submission: its case directory, CLI subcommand and `Engine` methods. */
export const KINDS = [
  { kind: 'filing', command: 'check-filing', method: 'checkFiling', batch: 'checkFilings' },
  { kind: 'inspection', command: 'score-inspection', method: 'scoreInspection' },
  { kind: 'indicators', command: 'indicators', method: 'evaluateIndicators' },
  { kind: 'screening', command: 'screen', method: 'screenPerson' },
];

/** RFC 7386 JSON merge patch (returns the patched value; `target` is not modified). */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A case's input: `{ text }` for `inputText`, else `{ json }` from `input` or `base` + `patch`. */
export function caseInput(raw, file) {
  if (typeof raw.inputText === 'string') return { text: raw.inputText };
  if (Object.hasOwn(raw, 'input')) return { json: raw.input };
  if (typeof raw.base !== 'string') throw new Error(`${file}: a case needs input, inputText or base`);
  const base = JSON.parse(readFileSync(join(ROOT, raw.base), 'utf8'));
  return { json: Object.hasOwn(raw, 'patch') ? mergePatch(base, raw.patch) : base };
}

/** Every golden case of every kind whose directory exists, sorted by file name. */
export function loadCases() {
  const cases = [];
  for (const k of KINDS) {
    const dir = join(ROOT, 'tests/cases', k.kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const file = `tests/cases/${k.kind}/${name}`;
      const raw = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      if (typeof raw.now !== 'string') throw new Error(`${file}: needs now`);
      cases.push({
        ...k,
        file,
        name: raw.name ?? name,
        now: raw.now,
        locale: raw.locale ?? null,
        pack: raw.pack ?? null,
        packVersion: raw.packVersion ?? null,
        personal: raw.personal === true,
        input: caseInput(raw, file),
      });
    }
  }
  return cases;
}

/** The text a case submits: `inputText` as it is, a JSON input as compact JSON. */
export function caseText(c) {
  return c.input.text ?? JSON.stringify(c.input.json);
}

/** Compact serde_json's pretty output without reparsing (numbers keep their spelling). */
export function compactJson(pretty) {
  let out = '';
  let inString = false;
  for (let i = 0; i < pretty.length; i++) {
    const ch = pretty[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += pretty[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') {
      out += ch;
    }
  }
  return out;
}

function runCli(args, file) {
  const r = spawnSync(CLI, [...args, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  // 0: answered; 2 with --jsonl: some line was unusable (still answered with a diagnostic).
  if (r.status !== 0 && r.status !== 2) throw new Error(`fangkong ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r;
}

/**
 * The native answer of every case as one compact JSON line, or `{ skip }` with the reason
 * when the CLI cannot be given that input. One CLI run with --jsonl per (kind, now, locale).
 */
export function nativeAnswers(cases) {
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run \`cargo build --release\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'fangkong-parity-'));
  const answers = new Map();
  try {
    const groups = new Map();
    for (const c of cases) {
      const args = [
        c.command, '--now', c.now,
        ...(c.locale ? ['--locale', c.locale] : []),
        ...(c.pack ? ['--pack-id', c.pack] : []),
        ...(c.packVersion ? ['--pack-version', c.packVersion] : []),
        ...(c.personal ? ['--personal'] : []),
      ];
      const text = caseText(c);
      if (/[\r\n]/.test(text) || text.trim() === '') {
        // Not one JSON Lines line: alone, without --jsonl (the CLI refuses text that is not JSON there).
        let isJson = true;
        try { JSON.parse(text); } catch { isJson = false; }
        if (!isJson) {
          answers.set(c.file, { skip: 'multi-line or blank text that is not JSON: the CLI cannot be given it' });
          continue;
        }
        const f = join(dir, `alone-${answers.size}.json`);
        writeFileSync(f, text);
        answers.set(c.file, { line: compactJson(runCli(args, f).stdout.trim()) });
        continue;
      }
      const key = JSON.stringify(args);
      if (!groups.has(key)) groups.set(key, { args, cases: [] });
      groups.get(key).cases.push({ c, text });
    }
    let n = 0;
    for (const { args, cases: group } of groups.values()) {
      const f = join(dir, `group-${n++}.jsonl`);
      writeFileSync(f, group.map((g) => g.text).join('\n') + '\n');
      const lines = runCli([...args, '--jsonl'], f).stdout.split('\n').filter((l) => l !== '');
      if (lines.length !== group.length) throw new Error(`fangkong ${args.join(' ')} --jsonl: ${lines.length} answers for ${group.length} inputs`);
      // Each answer line starts with its line number (`{"line":N,`), which the package's answers do not have.
      group.forEach((g, i) => answers.set(g.c.file, { line: lines[i].replace(`{"line":${i + 1},`, '{') }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return answers;
}

/** What a page or a test runner needs to run a case through the wasm package. */
export function portableCase(c) {
  return {
    file: c.file, kind: c.kind, method: c.method, batch: c.batch ?? null,
    now: c.now, locale: c.locale, pack: c.pack, packVersion: c.packVersion, personal: c.personal, input: c.input,
  };
}

/** Kinds with golden cases whose `Engine` method the package does not have (yet). */
export function missingKinds(Engine, cases) {
  const missing = new Map();
  for (const c of cases) {
    if (typeof Engine.prototype[c.method] !== 'function') missing.set(c.kind, { method: c.method, count: (missing.get(c.kind)?.count ?? 0) + 1 });
  }
  return missing;
}
