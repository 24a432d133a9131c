// The pack workbench (规则包工作台) for district IT staff: edit a rule pack (or a variant that
// `extends` another) in a text box, see every load error at its JSON Pointer and line as they
// type, run the bundled example submissions against it and against the reference pack side
// by side, and download it. Everything the engine says is inserted as text.
// The edited pack is compiled by the package's second module, `fangkong/compiler` (the pack
// compiler): only this page loads it; the reference engine is the runtime's (app.mjs).
import initCompiler, { Engine, lint } from '/pkg/fangkong_compiler.js';
import { chinaDay, el, engine, header, loadFailed, offlineManifest, packs, settings, store, t } from './app.mjs';

const CHECK = { filing: 'checkFiling', inspection: 'scoreInspection', indicators: 'evaluateIndicators', screening: 'screenPerson' };
const KINDS = Object.keys(CHECK);
const STARTER = `{
  "id": "my-district-2020",
  "extends": "shenzhen-2020",
  "version": "2020-02-10",
  "effectiveFrom": "2020-02-01",
  "parameters": {
    "leadDays": { "value": 3 }
  }
}
`;
const DEBOUNCE_MS = 150;

/** `t(key)` with `{name}` filled in. */
const tf = (key, vars = {}) => t(key).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

// ---------------------------------------------------------------------------------------
// JSON Pointer → place in the text. A small tokenizer of our own walks the JSON and records,
// for every value, where it starts and ends and where its key starts; it stops at the first
// syntax error and says where that is.

/** Escapes one reference token of a JSON Pointer (RFC 6901). */
const escapeToken = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Walks `text`: `{ spans: Map<pointer, {start, end, keyStart}>, error: {offset, message} | null }`. */
export function locate(text) {
  const spans = new Map();
  let i = 0;
  const fail = (message) => { throw Object.assign(new Error(message), { offset: i }); };
  const space = () => { while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i])) i++; };
  const string = () => {
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        try { return JSON.parse(text.slice(start, i)); } catch { i = start; fail('bad string'); }
      }
      if (c === '\\') i += 2;
      else if (c < ' ') fail('control character in a string');
      else i++;
    }
    return fail('unterminated string');
  };
  const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const value = (pointer, keyStart) => {
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          space();
          if (text[i] !== '"') fail('expected a key');
          const ks = i;
          const key = string();
          space();
          if (text[i] !== ':') fail('expected `:`');
          i++;
          value(`${pointer}/${escapeToken(key)}`, ks);
          space();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === '}') { i++; break; }
          fail('expected `,` or `}`');
        }
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') i++;
      else {
        for (let n = 0; ; n++) {
          value(`${pointer}/${n}`, undefined);
          space();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === ']') { i++; break; }
          fail('expected `,` or `]`');
        }
      }
    } else if (c === '"') {
      string();
    } else {
      LITERAL.lastIndex = i;
      const m = LITERAL.exec(text);
      if (!m) fail(i >= text.length ? 'unexpected end' : 'unexpected character');
      i += m[0].length;
    }
    spans.set(pointer, { start, end: i, keyStart });
  };
  try {
    value('', undefined);
    space();
    if (i < text.length) fail('text after the end');
    return { spans, error: null };
  } catch (e) {
    return { spans, error: { offset: Math.min(e.offset ?? i, text.length), message: e.message } };
  }
}

/** 1-based line of a text offset. */
function lineOf(text, offset) {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/** Offset of serde's "line L column C" (C counts characters from 1). */
function offsetOfLineColumn(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const k = text.indexOf('\n', offset);
    if (k === -1) return text.length;
    offset = k + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/**
 * Where an engine error is in the text: `{ start, end, line, exact }`. A pointer the text
 * does not have (a missing field) points at its nearest parent; a syntax error at the place
 * the tokenizer (or the engine's "line L column C") found.
 */
export function place(text, located, error) {
  if (error.code === 'pack.syntax' && !error.path) {
    const m = /line (\d+) column (\d+)/.exec(error.message);
    const offset = located.error ? located.error.offset : m ? offsetOfLineColumn(text, +m[1], +m[2]) : 0;
    const end = Math.min(offset + 1, text.length);
    return { start: offset, end, line: lineOf(text, offset), exact: true };
  }
  let pointer = error.path || '';
  let exact = true;
  while (!located.spans.has(pointer) && pointer) {
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    exact = false;
  }
  const span = located.spans.get(pointer);
  if (!span) return { start: 0, end: 0, line: 1, exact: false };
  const start = span.keyStart ?? span.start;
  // A whole member (`"key": value`) when the pointer is there; only its opening when it is a parent.
  const end = exact ? span.end : span.keyStart !== undefined ? span.start : Math.min(span.start + 1, span.end);
  return { start, end, line: lineOf(text, start), exact };
}

// ---------------------------------------------------------------------------------------
// The page.

header('workbench');
const main = document.getElementById('main');
document.getElementById('status').textContent = t('loading');
// The example submissions, by the kind of check each one is: the portal's manifest
// (/offline.json), the list the service worker keeps offline.
// The compiler's .wasm or the manifest not loading is said as the engine's is (portal audit,
// thirty-fifth session, F1).
const [reference, , { examples: EXAMPLES }, PACK_IDS] = await Promise.all([engine(), initCompiler(), offlineManifest(), packs()]).catch(loadFailed);
// The packs to start from: every family the package embeds (`Engine.packIds()`), each as its file in /packs/.
const PACK_FILES = PACK_IDS.map((id) => `${id}.json`);
// Another tab's change to the draft is loaded or overwritten only as the person chooses (app.mjs `store`).
const draft = store('workbench', {
  other: {
    load: async (text) => { textarea.value = typeof text === 'string' && text.trim() ? text : STARTER; await check(); },
    keep: () => draft.save(textarea.value),
  },
});
const now = settings.now();
const today = chinaDay(now); // the version in force on the day of "now", in China time
const referenceInfo = reference.packInfo({ on: today });
const locale = settings.locale;
/** A decision in the pack's words (describe's `decisions`, as the filing page shows them), per kind. */
const wordsOf = (e) => Object.fromEntries(KINDS.map((k) => [k, new Map((e.describe(k, { locale }).decisions ?? []).map((o) => [o.value, o.label]))]));
const decisionWords = wordsOf(reference);
/** The edited pack's words, once it compiles (pack audit, twenty-fifth session: its column showed the reference's). */
let editedWords = null;
const decisionWord = (kind, d, words = decisionWords) => words[kind]?.get(d) ?? decisionWords[kind]?.get(d) ?? d;

const examples = await Promise.all(EXAMPLES.map(async ([kind, path]) => {
  const text = await (await fetch(`/examples/${path}`)).text();
  const ex = { kind, path, text, title: reference.describe(kind, { locale }).title };
  ex.reference = run(reference, ex);
  return ex;
}));

function run(e, ex) {
  try {
    const a = e[CHECK[ex.kind]](ex.text, { now, locale });
    return { decision: a.decision, version: a.pack.version, diagnostics: a.diagnostics.map((d) => ({ key: `${d.code}@${d.path}`, message: d.message })) };
  } catch (err) {
    return { error: String(err && err.message) };
  }
}
const signature = (r) => (r.error ? `!${r.error}` : `${r.decision}|${r.diagnostics.map((d) => d.key).sort().join(',')}`);

// The editor: a monospace text box with line numbers beside it.
const textarea = el('textarea', {
  id: 'pack-text', class: 'pack-text', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', wrap: 'off',
  'aria-describedby': 'pack-text-hint', 'on:input': () => schedule(), 'on:scroll': () => { gutterBox.scrollTop = textarea.scrollTop; },
});
const gutter = el('pre', { class: 'gutter-lines' });
const gutterBox = el('div', { class: 'gutter', 'aria-hidden': 'true' }, gutter);
const fileInput = el('input', { type: 'file', id: 'pack-file', accept: '.json,application/json', 'on:change': async () => {
  const f = fileInput.files[0];
  if (f) setText(await f.text());
  fileInput.value = '';
} });
const loaders = el('div', { class: 'loaders' },
  el('button', { type: 'button', class: 'secondary', id: 'load-starter', 'on:click': () => setText(STARTER) }, t('wbStarter')),
  ...PACK_FILES.map((name) => el('button', {
    type: 'button', class: 'secondary', 'data-pack': name,
    'on:click': async () => setText(await (await fetch(`/packs/${name}`)).text()),
  }, `${t('load')} ${name}`)),
  el('label', { for: 'pack-file', class: 'file' }, t('wbFile'), fileInput));

const status = el('p', { id: 'pack-status', role: 'status' });
const hash = el('p', { id: 'pack-hash', class: 'muted hash' });
const errorList = el('ol', { id: 'pack-errors', class: 'pack-errors' });
const labelStatus = el('p', { id: 'label-status', class: 'muted' });
const labelList = el('ul', { id: 'pack-labels', class: 'pack-errors' });
const download = el('button', { type: 'button', id: 'download', 'on:click': () => save() }, t('wbDownload'));
const timing = el('p', { class: 'muted', id: 'timing' });
const summary = el('p', { id: 'changed-summary', role: 'status' });
const thisHead = el('th', { scope: 'col', id: 'col-this' }, t('wbThisPack'));
const rows = el('tbody', { id: 'example-rows' });

main.replaceChildren(
  el('h1', {}, t('workbench')),
  el('p', { class: 'intro' }, t('wbIntro')),
  el('div', { class: 'layout' },
    el('section', { class: 'editor-panel', 'aria-labelledby': 'pack-text-label' },
      loaders,
      el('label', { for: 'pack-text', id: 'pack-text-label', class: 'editor-label' }, t('wbText')),
      el('div', { class: 'editor' }, gutterBox, textarea),
      el('p', { id: 'pack-text-hint', class: 'hint muted' }, t('wbTextHint'))),
    el('aside', { class: 'side' },
      el('section', { class: 'panel', 'aria-labelledby': 'check-h' },
        el('h2', { id: 'check-h' }, t('wbCheck')), status, hash, errorList, download, timing),
      el('section', { class: 'panel', 'aria-labelledby': 'labels-h' },
        el('h2', { id: 'labels-h' }, t('wbLabels')), el('p', { class: 'muted' }, t('wbLabelsNote')), labelStatus, labelList))),
  el('section', { class: 'examples', 'aria-labelledby': 'examples-h' },
    el('h2', { id: 'examples-h' }, t('wbExamples')),
    summary,
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it (axe scrollable-region-focusable).
    // Named apart from the section around it (axe landmark-unique; portal audit, twenty-fifth session).
    el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': t('wbExamplesTable') },
      el('table', { id: 'examples' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('wbExample')),
          thisHead,
          el('th', { scope: 'col' }, `${t('wbBaseline')} · ${referenceInfo.id} ${referenceInfo.version}`),
          el('th', { scope: 'col' }, t('wbChange')))),
        rows))),
);

let edited = null; // the engine of the text, when it loads
let timer = 0;
let seq = 0;
let lastText = null;

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
}

function setText(text) {
  textarea.value = text;
  textarea.scrollTop = 0;
  clearTimeout(timer);
  check();
}

function numberLines(text, marks) {
  let n = 1;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) n++;
  const out = new Array(n + 2);
  for (let l = 1; l <= n; l++) out[l - 1] = marks.has(l) ? `▶${l}` : String(l);
  out[n] = '';
  out[n + 1] = '';
  gutter.textContent = out.join('\n');
  gutterBox.scrollTop = textarea.scrollTop;
}

/** Selects a place in the text and scrolls it into view. */
function select({ start, end, line }) {
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const lh = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 1) * lh - textarea.clientHeight / 3);
}

async function check() {
  const text = textarea.value;
  if (text === lastText) return;
  lastText = text;
  const mine = ++seq;
  const t0 = performance.now();
  draft.save(text);
  edited?.free?.();
  edited = null;
  let errors = [];
  try {
    edited = new Engine(text);
  } catch (err) {
    errors = Array.isArray(err.errors) && err.errors.length ? err.errors : [{ path: err.path || '', code: err.code || 'pack.error', message: String(err.message) }];
  }
  const located = errors.length ? locate(text) : null;
  const places = errors.map((e) => place(text, located, e));
  numberLines(text, new Set(places.map((p) => p.line)));

  if (edited) {
    const info = edited.packInfo({ on: today });
    status.className = 'passed';
    status.textContent = tf('wbLoaded', info);
    hash.textContent = tf('wbHash', info);
    thisHead.textContent = `${t('wbThisPack')} · ${info.id} ${info.version}`;
  } else {
    status.className = 'failed';
    status.textContent = tf('wbErrorCount', { n: errors.length });
    hash.textContent = '';
    thisHead.textContent = t('wbThisPack');
  }
  errorList.replaceChildren(...errors.map((e, k) => el('li', {},
    el('button', { type: 'button', class: 'pack-error', 'data-path': e.path, 'data-line': places[k].line, 'on:click': () => select(places[k]) },
      el('span', { class: 'where' }, `${tf('wbLine', { line: places[k].line })} · `, el('code', {}, e.path || '/'), ` · ${e.code}`),
      // Chinese first: the kind of error in the page's language, then the engine's detail in
      // zh-CN (for zh-TW too: a pack's mistakes are not told in traditional characters) or en.
      t(e.code) === e.code ? null : el('span', { class: 'kind' }, `${t(e.code)}${t('wbKindSep')}`),
      el('span', { class: 'what', lang: locale === 'en' ? 'en' : 'zh-CN' }, e.messages?.[locale === 'en' ? 'en' : 'zh-CN'] || e.message),
      places[k].exact ? null : el('span', { class: 'muted' }, t('wbNear'))))));

  // Show the errors first; run the examples in the next task, unless newer text came meanwhile.
  await new Promise((r) => setTimeout(r));
  if (mine !== seq) return;
  renderExamples();
  timing.textContent = tf('wbTime', { ms: Math.round(performance.now() - t0) });

  // The label check: the compiler module's `lint`, the CLI's `lint-pack` itself (pack audit,
  // twenty-fifth session: a copy of it here threw on a pack with a BOM, listed 200 false missing
  // labels for an array of versions, and could not fetch a parent named `id@version`).
  if (edited) {
    let result = null;
    try {
      result = lint(text);
    } catch {
      // compiled above, so not expected: no label check rather than a wrong one
    }
    const located2 = locate(text);
    if (!result) {
      labelStatus.textContent = '';
      labelList.replaceChildren();
    } else {
      // Labels missing, and labels for nothing (a typo in a key: it changes nothing; packs audit).
      // Messages for a code no rule reports, too (a typo in the code; client audit, 35th session).
      const missing = [...result.missingLabels.map((x) => ({ ...x, code: 'pack.missing_label', words: 'wbMissing' })),
        ...(result.unknownLabels ?? []).map((x) => ({ ...x, code: 'pack.unknown_label', words: 'wbUnknownLabel' })),
        ...(result.unknownMessages ?? []).map((x) => ({ ...x, key: x.code, root: 'messages', code: 'pack.unknown_message', words: 'wbUnknownMessage' }))];
      labelStatus.textContent = missing.length ? '' : t('wbNoMissing');
      labelList.replaceChildren(...missing.slice(0, 200).map(({ locale: l, key, code, words, root = 'labels' }) => {
        const where = place(text, located2, { path: `/${root}/${escapeToken(l)}/${escapeToken(key)}`, code });
        return el('li', {}, el('button', { type: 'button', class: 'pack-error warning', 'on:click': () => select(where) },
          el('span', { class: 'where' }, `${tf('wbLine', { line: where.line })} · `, el('code', {}, `/${root}/${l}`), ` · ${code}`),
          el('span', { class: 'what' }, tf(words, { locale: l, key }))));
      }));
    }
  } else {
    labelStatus.textContent = '';
    labelList.replaceChildren();
  }
  window.portalReady = true;
}

function diagnosticsList(r, other, mark) {
  if (r.error) return el('p', { class: 'failed' }, r.error);
  if (!r.diagnostics.length) return el('p', { class: 'muted' }, t('wbNoDiagnostics'));
  const theirs = new Set(other && !other.error ? other.diagnostics.map((d) => d.key) : []);
  return el('ul', { class: 'diagnostics' }, ...r.diagnostics.map((d) => {
    const code = el('code', { title: d.message }, d.key);
    const differs = other && !other.error && !theirs.has(d.key);
    // What changed is said in words too, not only in a tooltip a tablet cannot show (portal audit).
    return el('li', {}, differs
      ? el(mark, {}, el('span', { class: 'sr-only' }, t(mark === 'ins' ? 'wbAdded' : 'wbRemoved')), code, ' ', el('span', { class: 'msg' }, d.message))
      : code);
  }));
}

function answerCell(kind, r, other, mark, words) {
  if (!r) return el('td', { class: 'muted' }, t('wbNotLoaded'));
  return el('td', {},
    r.error ? null : el('p', { class: `decision ${r.decision}`, 'data-decision': r.decision }, decisionWord(kind, r.decision, words),
      el('span', { class: 'muted version' }, ` (${r.version})`)),
    diagnosticsList(r, other, mark));
}

function renderExamples() {
  let changed = 0;
  editedWords = null;
  try {
    if (edited) editedWords = wordsOf(edited);
  } catch {
    // a pack without some kind: the reference's words
  }
  rows.replaceChildren(...examples.map((ex) => {
    const mine = edited ? run(edited, ex) : null;
    const differs = mine && signature(mine) !== signature(ex.reference);
    if (differs) changed++;
    return el('tr', { class: differs ? 'changed' : undefined, 'data-example': ex.path, 'data-changed': differs ? 'true' : 'false' },
      el('th', { scope: 'row' }, el('span', { class: 'file' }, ex.path), el('br'),
        el('span', { class: 'muted' }, ex.title)),
      answerCell(ex.kind, mine, ex.reference, 'ins', editedWords ?? undefined),
      answerCell(ex.kind, ex.reference, mine, 'del'),
      el('td', { class: differs ? 'change failed' : 'change muted' }, !mine ? '—' : differs ? t('wbChanged') : t('wbSame')));
  }));
  summary.textContent = edited ? tf('wbChangedCount', { n: changed, total: examples.length }) : t('wbNotLoaded');
}

/** Downloads the text as `<id>.json`. */
function save() {
  let name = 'pack.json';
  try {
    const p = JSON.parse(textarea.value);
    if (typeof p.id === 'string' && /^[\w.@-]+$/.test(p.id)) name = `${p.id}.json`;
  } catch {
    // not JSON: keep the default name
  }
  const url = URL.createObjectURL(new Blob([textarea.value], { type: 'application/json' }));
  const a = el('a', { href: url, download: name, class: 'sr-only' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const restored = draft.load();
textarea.value = typeof restored === 'string' && restored.trim() ? restored : STARTER;
if (typeof restored === 'string' && restored.trim()) timing.before?.(el('p', { class: 'muted' }, t('restored')));
await check();
