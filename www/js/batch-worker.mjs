// A module Web Worker that checks a district's batch of 复工备案 filings (JSONL, one filing a
// line) off the main thread, in chunks of at most 1,000 through `engine.checkFilings`, and
// posts its progress after each chunk, so the dashboard's progress bar moves and the page
// never freezes.
//
//   const worker = new Worker('/js/batch-worker.mjs', { type: 'module' });
//   worker.postMessage({ id, file /* a File or Blob */ | text, pack, locale, now, chunk });
//
// Messages back (all carry `id`):
//   { type: 'start', total }                       the number of filings (non-blank lines)
//   { type: 'progress', done, total, rows, jsonl } after each chunk: one row per line
//       { line, name, creditCode, street, community, decision, failed: [gate ids],
//         codes: [diagnostic codes], message: the first message, unreadable }, and the chunk's
//       answers as JSONL ({ line, enterprise: { name, creditCode, street, community }, answer }).
//       A line that is not a filing at all (not JSON, JSON but not an object, over 4 MiB: the
//       engine's `input.not_json` / `input.invalid_type` / `input.too_large` at the root) is
//       `unreadable: { code, column? }`
//       in its row, and `{ line, unreadable: true, error: { code, message, column? }, answer }`
//       in the JSONL: it is no enterprise's decision, so the page keeps it out of the totals.
//   { type: 'done', total, ms }                    ms: reading, parsing and checking, in the worker
//   { type: 'error', message }
import { engineFor, ready } from './worker-engines.mjs';

const CHUNK = 1000;

/** Why a line is not a filing at all (the engine's error at the root), or null. */
function unreadable(answer) {
  // Too large to be read (over 4 MiB) is no filing either: never checked, never a decision
  // (dashboard audit, twenty-seventh session: counted as 暂缓复工).
  const d = answer.diagnostics.find((x) => x.path === '' && ['input.not_json', 'input.invalid_type', 'input.too_large', 'input.not_utf8'].includes(x.code));
  if (!d) return null;
  return { code: d.code, message: d.message, ...(d.params?.column !== undefined ? { column: d.params.column } : {}) };
}

/** Street, community, name and credit code of one line (blank when the line is not JSON). */
function meta(text) {
  try {
    // A line's BOMs skipped, as the engine skips them (files joined on Windows carry one mid-file).
    const e = JSON.parse(text.replace(/^\uFEFF+/, ''))?.enterprise ?? {};
    const s = (v) => (typeof v === 'string' ? v.trim() : '');
    return { name: s(e.name), creditCode: s(e.creditCode), street: s(e.street), community: s(e.community) };
  } catch {
    return { name: '', creditCode: '', street: '', community: '' };
  }
}

/** The file's text, read as UTF-8 (a BOM at its start dropped), or an error `{ code: 'not_utf8' }`. */
function utf8(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw Object.assign(new Error('not UTF-8'), { code: 'not_utf8' });
  }
}

self.addEventListener('message', async ({ data }) => {
  const { id, file, text, pack, locale, now } = data;
  const chunk = Math.min(CHUNK, Math.max(1, data.chunk || CHUNK));
  try {
    const t0 = performance.now();
    // UTF-8 or nothing: a file saved as GBK (Excel on a Chinese Windows) is refused, not checked
    // with its names garbled (dashboard audit).
    const [content] = await Promise.all([text ?? file.arrayBuffer().then(utf8), ready]);
    const engine = await engineFor(pack);
    const lines = [];
    const numbers = [];
    content.split('\n').forEach((l, i) => {
      // Blank: JSON's whitespace only, as the engine and the CLI read a line (a line of U+3000
      // is answered, input.not_json, and kept in the export).
      if (!/^[ \t\r]*$/.test(l)) {
        lines.push(l.endsWith('\r') ? l.slice(0, -1) : l);
        numbers.push(i + 1);
      }
    });
    const total = lines.length;
    self.postMessage({ type: 'start', id, total });
    for (let start = 0; start < total; start += chunk) {
      const slice = lines.slice(start, start + chunk);
      const answers = engine.checkFilings(slice, { now, locale });
      const rows = [];
      const out = [];
      answers.forEach((answer, k) => {
        const m = meta(slice[k]);
        const line = numbers[start + k];
        const bad = unreadable(answer);
        rows.push({
          line,
          ...m,
          decision: answer.decision,
          failed: (answer.gates || []).filter((g) => g.passed === false).map((g) => g.id),
          codes: answer.diagnostics.map((d) => d.code),
          message: answer.diagnostics[0]?.message ?? '',
          unreadable: bad ? { code: bad.code, ...(bad.column !== undefined ? { column: bad.column } : {}) } : null,
        });
        out.push(JSON.stringify(bad ? { line, unreadable: true, error: bad, answer } : { line, enterprise: m, answer }));
      });
      self.postMessage({ type: 'progress', id, done: Math.min(total, start + chunk), total, rows, jsonl: `${out.join('\n')}\n` });
    }
    self.postMessage({ type: 'done', id, total, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: 'error', id, message: String((err && err.message) || err), ...(err?.code ? { code: err.code } : {}) });
  }
});
