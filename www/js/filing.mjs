// The 复工备案 filing page, for enterprise staff. Everything the person reads about the
// filing — section titles, field labels, hints, yes/no words, gate titles — comes from
// `engine.describe('filing')`, so a district's pack changes the page with no code change;
// only the portal's own words (buttons, headings, decision names) come from app.mjs's UI.
//
// - The form is generated from describe's fields: one fieldset per object, one input per
//   field, named by its JSON Pointer; `bindForm` (pkg/form.js) checks it as people type.
// - Arrays (the roster, open rectifications) are editable tables kept in a model here and
//   shown a page of rows at a time, so a 1,000-person roster stays quick; rows can be
//   added, removed, and pasted from a spreadsheet. The checker passed to bindForm puts the
//   whole model into each check: in the page through a draft (draftChecker, which gives the
//   engine only what changed), or in a Web Worker (check-worker.mjs) when the roster is large,
//   so typing never waits for the engine.
// - Beside the form: the decision, what is still to fill in, the six gates (六个坚决不放手)
//   with the fields that decide them (click to go there), and each key-area employee's
//   earliest start.
// - Nothing is lost: the draft is saved locally as people type and restored after a reload;
//   a submission made offline waits in the outbox, flagged not sent.
//
// Test hooks: `window.portalReady` (first answer shown), `window.portalReadyAt`
// (performance.now() then), and a `fangkong:answer` event on window after each answer is
// in the DOM.
import { chinaDay, chinaTime, el, engine, exampleName, header, LOCALES, offlineManifest, settings, store, fetchExample, t, tf, undoKeeper } from './app.mjs';
import { sendPanel } from './send.mjs';
import { bindForm, draftChecker } from '/pkg/form.js';

/** Rows above which checks run in the Web Worker. */
const LARGE = 200;
/** Rows of an array shown at once. */
const PAGE = 50;

/** An aside in brackets, as the page's language writes it: 员工4（第 4 行）, Ann (row 4) (portal audit, thirty-sixth session). */
const paren = (x) => (settings.locale.startsWith('zh') ? `（${x}）` : ` (${x})`);
const tt = (key, vars = {}) => t(key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
/** An element id for a JSON Pointer: `/roster/3/name` → `f-roster-3-name`. */
const idFor = (pointer) => `f${pointer.replace(/[^A-Za-z0-9_]+/g, '-')}`;
// A describe pointer for a concrete one: `/roster/3/name` → `/roster/*/name`.
const general = (pointer) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

header('filing');
const main = document.getElementById('main');
document.getElementById('status').textContent = t('loading');

const e = await engine();
const today = chinaDay(settings.now());
const d = e.describe('filing', { locale: settings.locale, on: today });
const byPointer = new Map(d.fields.map((f) => [f.pointer, f]));
const byId = new Map(d.fields.map((f) => [f.id, f]));
/** The decision's words: the pack's (describe's `decisions`), else the portal's. */
const decisionLabel = (x) => d.decisions?.find((o) => o.value === x)?.label ?? t(`fl${x[0].toUpperCase()}${x.slice(1)}`);
const labelAt = (pointer) => byPointer.get(general(pointer))?.label ?? byPointer.get(pointer)?.label ?? pointer;

// Yes/no words of every locale, for cells pasted from a spreadsheet.
const yesNo = new Map();
for (const locale of LOCALES) {
  const other = locale === settings.locale ? d : e.describe('filing', { locale, on: today });
  for (const f of other.fields) for (const o of f.enum ?? []) yesNo.set(o.label.trim().toLowerCase(), String(o.value));
}
for (const v of ['true', 'false']) yesNo.set(v, v);
// …and as spreadsheets hold them (portal audit F11: Y, 否, TRUE, 1, √ were dropped).
for (const w of ['y', 'yes', '是', '1', '√', '✓', '✔']) yesNo.set(w, 'true');
for (const w of ['n', 'no', '否', '0', '×', '✗', '✘']) yesNo.set(w, 'false');
/** A pasted cell as the yes/no words are kept: any case, full-width letters and digits read as half-width. */
const yesNoKey = (cell) => cell.normalize('NFKC').trim().toLowerCase();

// ---------------------------------------------------------------- the form, from describe

function control(f, id, name, extra = {}) {
  if (f.type === 'boolean' || f.enum) {
    const options = f.enum ?? [{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }];
    return el('select', { id, name, ...extra },
      el('option', { value: '' }, t('flUnanswered')),
      // A yes/no field's values are JSON booleans; an option's value is their text.
      ...options.map((o) => el('option', { value: String(o.value) }, o.label)));
  }
  return el('input', {
    id, name, type: 'text', autocomplete: 'off', spellcheck: 'false',
    inputmode: f.inputMode || (f.type === 'number' ? 'decimal' : undefined), ...extra,
  });
}

function fieldNode(f) {
  const id = idFor(f.pointer);
  // A value asked for only in some cases (是否设有食堂, once staggered dining is answered): says on
  // which others it depends, in the pack's labels, as the screening page does (portal audit,
  // thirty-ninth session: unmarked, it kept the filing 待补充 with every starred field filled).
  const label = (fid) => byId.get(fid)?.label ?? fid;
  const depends = [...new Set((f.requiredWhen ?? []).flatMap((w) => w.fields))].map(label);
  const hint = [f.hint, depends.length ? tf('flRequiredWhen', { fields: depends.join(t('listSep')) }) : null].filter(Boolean);
  const hintId = hint.length ? `${id}-hint` : undefined;
  return el('div', { class: 'field' },
    el('label', { for: id }, f.label, f.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control(f, id, f.pointer, { 'aria-describedby': hintId }),
    el('div', { class: 'message', id: `${id}-msg`, 'aria-live': 'polite' }),
    hint.length ? el('div', { class: 'hint', id: hintId }, ...hint.map((h) => el('span', {}, h))) : null);
}

/**
 * An open rectification's item: offered from the pack's checklist (describe('inspection')'s
 * sections), each id with its title, as the inspection page offers them (portal audit,
 * twenty-fifth session: staff had to type `INS-S4-1`, a code on no paper they hold). Still a
 * text box: the inspection's notice is what they copy from, and a pack may name other items.
 */
const ITEM_ID = '/openRectifications/*/itemId';
const ITEMS_LIST = 'checklist-items';
const itemsList = (() => {
  let sections = [];
  try {
    sections = e.describe('inspection', { locale: settings.locale, on: today }).sections ?? [];
  } catch {
    // a pack without a checklist: no items to offer
  }
  return el('datalist', { id: ITEMS_LIST }, ...sections.flatMap((sec) => (sec.items ?? []).map((i) => el('option', { value: i.id, label: i.title }, i.title))));
})();

/** An array of objects (the roster, open rectifications) as an editable, paged table. */
class ArrayEditor {
  constructor(field, columns) {
    this.field = field;
    this.pointer = field.pointer;
    this.prop = field.pointer.slice(1);
    this.columns = columns.map((c) => ({ ...c, key: c.pointer.slice(field.pointer.length + 3) }));
    this.rows = [];
    this.start = 0;
    this.end = 0;
    const tid = idFor(this.pointer);
    this.tbody = el('tbody', { 'on:paste': (ev) => this.paste(ev) });
    this.status = el('span', { class: 'muted', 'aria-live': 'polite' });
    this.prev = el('button', { type: 'button', class: 'secondary', 'on:click': () => this.goto(this.start - PAGE) }, t('flPrev'));
    this.next = el('button', { type: 'button', class: 'secondary', 'on:click': () => this.goto(this.start + PAGE) }, t('flNext'));
    this.add = el('button', { type: 'button', class: 'secondary add-row', 'on:click': () => this.addRow() }, t('flAddRow'));
    this.node = el('fieldset', { id: tid, class: 'array' },
      el('legend', {}, field.label),
      field.hint ? el('p', { class: 'hint' }, field.hint) : null,
      el('p', { class: 'hint' }, t('flPasteHint')),
      this.wrap = el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': field.label },
        el('table', { class: 'rows' },
          el('caption', { class: 'sr-only' }, field.label),
          this.thead = el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, '#')),
            // A column as wide as its values are (an 18-digit ID number, an 11-digit phone, a
            // date: tablet QA F9, every cell was 107 px), by the field's format or type.
            ...this.columns.map((c) => el('th', { scope: 'col', class: `col-${c.format ?? (c.enum ? 'choice' : c.type)}` },
              c.label, c.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
              c.hint ? el('span', { class: 'hint col-hint', id: `${tid}-hint-${c.key}` }, c.hint) : null)),
            el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, t('flActions'))))),
          this.tbody)),
      el('div', { class: 'pager' }, this.prev, this.status, this.next, this.add));
    // The header sticks to the top of the table's box (filing.css): a cell scrolled to (Tab, a
    // link to it) stops below it, not under it.
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => { this.wrap.style.scrollPaddingTop = `${this.thead.offsetHeight}px`; }).observe(this.thead);
    }
    // A cell reached by the keyboard with the box's top above the screen (the page scrolled only
    // as far as the cell): the page is scrolled to the box's top, so the header and its hints
    // are in sight with the cell (the box is no taller than the screen). Not for a click: the
    // page does not move under the pointer.
    let pointed = -Infinity;
    this.wrap.addEventListener('pointerdown', () => { pointed = performance.now(); });
    this.wrap.addEventListener('focusin', (ev) => {
      if (ev.target === this.wrap || performance.now() - pointed < 1000) return;
      const pad = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      if (this.wrap.getBoundingClientRect().top < pad - 1) this.wrap.scrollIntoView({ block: 'start' });
    });
    this.render();
  }

  /** Takes the shown rows from the form's value (what bindForm read from the inputs). */
  sync(value) {
    const shown = value?.[this.prop];
    for (let i = this.start; i < this.end && i < this.rows.length; i++) {
      const row = shown?.[i];
      this.rows[i] = row && typeof row === 'object' ? row : {};
    }
  }

  /** Shows the page holding row `index`. */
  show(index) {
    const start = Math.floor(Math.max(0, Math.min(index, this.rows.length - 1)) / PAGE) * PAGE;
    if (start !== this.start || this.end === this.start) this.goto(start);
  }

  goto(start, { sync = true } = {}) {
    if (binding && sync) this.sync(binding.value());
    this.start = Math.max(0, Math.min(start, Math.floor(Math.max(this.rows.length - 1, 0) / PAGE) * PAGE));
    this.render();
    binding?.check();
  }

  render() {
    this.end = Math.min(this.rows.length, this.start + PAGE);
    const tid = idFor(this.pointer);
    const rows = [];
    for (let i = this.start; i < this.end; i++) {
      const value = this.rows[i] ?? {};
      const n = i + 1;
      rows.push(el('tr', {},
        el('th', { scope: 'row' }, String(n)),
        ...this.columns.map((c) => {
          const pointer = `${this.pointer}/${i}/${c.key}`;
          const v = value[c.key];
          const input = control(c, idFor(pointer), pointer, {
            'aria-label': `${c.label} ${tt('flRow', { n })}`,
            'aria-describedby': c.hint ? `${tid}-hint-${c.key}` : undefined,
            list: c.pointer === ITEM_ID ? ITEMS_LIST : undefined,
          });
          input.value = v === undefined || v === null ? '' : String(v); // after a select's options exist
          return el('td', {}, input);
        }),
        el('td', {}, el('button', { type: 'button', class: 'secondary remove', 'aria-label': tt('flRemoveRow', { n }), 'on:click': () => this.remove(i) }, t('flRemove')))));
    }
    this.tbody.replaceChildren(...rows);
    const pages = Math.max(1, Math.ceil(this.rows.length / PAGE));
    this.status.textContent = `${tt(this.rows.length === 1 ? 'flRowsOne' : 'flRows', { n: this.rows.length })} · ${tt('flPage', { p: Math.floor(this.start / PAGE) + 1, pages })}`;
    this.prev.disabled = this.start === 0;
    this.next.disabled = this.end >= this.rows.length;
  }

  setRows(rows) {
    this.rows = Array.isArray(rows) ? rows.map((r) => (r && typeof r === 'object' ? { ...r } : {})) : [];
    this.start = 0;
    this.render();
  }

  addRow() {
    if (binding) this.sync(binding.value());
    this.rows.push({});
    this.goto(this.rows.length - 1 - ((this.rows.length - 1) % PAGE));
    document.getElementById(idFor(`${this.pointer}/${this.rows.length - 1}/${this.columns[0].key}`))?.focus();
  }

  remove(i) {
    this.sync(binding.value());
    this.rows.splice(i, 1);
    // Not synced again: the inputs still show the rows before the removal, and copying them
    // back undid it and dropped the last row instead (portal audit, twenty-sixth session:
    // 删除第 1 行 removed the last employee, and the loss was saved).
    this.goto(this.start >= this.rows.length ? this.start - PAGE : this.start, { sync: false });
    const at = Math.min(i, this.rows.length - 1);
    (at >= 0 ? this.tbody.querySelectorAll('button.remove')[at - this.start] : this.add)?.focus();
  }

  /** Tab-separated rows pasted into a cell fill the rows and columns from that cell on. */
  paste(ev) {
    const target = ev.target;
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    if (!target?.name || !/[\t\n]/.test(body)) return; // one value: the browser pastes it
    ev.preventDefault();
    this.sync(binding.value());
    const [, , index, key] = target.name.split('/');
    const r0 = Number(index);
    const c0 = Math.max(0, this.columns.findIndex((c) => c.key === key));
    const lines = body.split('\n');
    lines.forEach((line, i) => {
      const row = (this.rows[r0 + i] ??= {});
      line.split('\t').forEach((cell, j) => {
        const c = this.columns[c0 + j];
        if (!c) return;
        const v = cell.trim();
        if (v === '') delete row[c.key];
        else if (c.type === 'boolean') row[c.key] = yesNo.has(yesNoKey(v)) ? yesNo.get(yesNoKey(v)) === 'true' : v;
        else row[c.key] = v;
      });
    });
    for (let i = 0; i < this.rows.length; i++) this.rows[i] ??= {};
    for (let i = 0; i < lines.length; i++) binding.visit(`${this.pointer}/${r0 + i}`);
    this.render();
    binding.check();
    document.getElementById(target.id)?.focus();
  }
}

const title = el('h1', { id: 'title' }, d.title);
document.body.append(itemsList);
const form = el('form', { id: 'filing', novalidate: true, 'aria-labelledby': 'title', 'on:submit': (ev) => ev.preventDefault() });
const basics = el('fieldset', { id: 'f-general' }, el('legend', {}, t('flGeneral')));
form.append(basics);
const boxes = new Map([['', basics]]);
const editors = new Map();
for (const f of d.fields) {
  const parent = f.pointer.slice(0, f.pointer.lastIndexOf('/'));
  if (parent.includes('*')) continue; // a column of an array: its editor shows it
  const box = boxes.get(parent) ?? basics;
  const into = (node) => (parent === '' && f.type !== 'object' && f.type !== 'array' ? basics : parent === '' ? form : box).append(node);
  if (f.type === 'object') {
    const fs = el('fieldset', { id: idFor(f.pointer) }, el('legend', {}, f.label), f.hint ? el('p', { class: 'hint' }, f.hint) : null);
    into(fs);
    boxes.set(f.pointer, fs);
  } else if (f.type === 'array') {
    const columns = d.fields.filter((c) => c.pointer.startsWith(`${f.pointer}/*/`) && !c.pointer.slice(f.pointer.length + 3).includes('/'));
    const editor = new ArrayEditor(f, columns);
    editors.set(f.pointer, editor);
    into(editor.node);
  } else {
    into(fieldNode(f));
  }
}

// ---------------------------------------------------------------- the tools above the form

// The filings of the portal's manifest (/offline.json), which the service worker keeps offline.
const manifest = await offlineManifest().catch(() => ({ examples: [] }));
const exampleNames = manifest.examples.filter(([kind]) => kind === 'filing').map(([, path]) => path.replace(/^filings\/|\.json$/g, ''));
// 撤销: see keepForUndo.
const undoButton = el('button', { type: 'button', class: 'secondary', id: 'undo-replace', hidden: true, 'on:click': () => undo.undo() }, t('flUndo'));
const exampleSelect = el('select', { id: 'example' }, ...exampleNames.map((n) => el('option', { value: n }, exampleName(n))));
const exampleMessage = el('p', { id: 'example-message', class: 'message', role: 'alert' });
const fileInput = el('input', { id: 'open-file', type: 'file', accept: '.json,application/json', 'on:change': openFile });
const tools = el('div', { class: 'tools no-print' },
  el('label', { for: 'example' }, t('flExample'), exampleSelect),
  el('button', { type: 'button', class: 'secondary', id: 'load-example', 'on:click': loadExample }, t('load')),
  el('label', { for: 'open-file' }, t('flOpenFile'), fileInput),
  el('button', { type: 'button', class: 'secondary', id: 'clear', 'on:click': clearAll }, t('clear')),
  undoButton,
  exampleMessage);

// ---------------------------------------------------------------- the panels beside it

const decisionEl = el('p', { id: 'decision', class: 'decision incomplete', role: 'status' });
// Why the filing is 暂缓复工 (its errors) or 整改后复工 (its warnings): each message and help, a
// link to its field (tablet QA F2: the panel said 暂缓复工 and 必填项已全部填写, nothing more).
const reasonsList = el('ul', { id: 'decision-reasons', class: 'reasons' });
const reasonsBox = el('div', { id: 'reasons', hidden: true }, el('h3', { id: 'h-reasons' }, t('flReasons')), reasonsList);
const pendingEl = el('p', { id: 'pending' });
const packEl = el('p', { class: 'muted', id: 'pack-info' });
const otherList = el('ul', { id: 'other', class: 'other' });
const otherBox = el('div', { hidden: true }, el('h3', {}, t('flOther')), otherList);
const gatesList = el('ol', { class: 'gates', id: 'gates' });
const earliestList = el('ul', { id: 'earliest', class: 'earliest' });
const workerNote = el('p', { class: 'muted', id: 'worker-note', hidden: true }, t('flWorker'));
const saveEl = el('p', { class: 'muted', id: 'saved' });
const sending = sendPanel({
  kind: 'filing',
  current: () => latest,
  prepare,
  decisionLabel: (x) => decisionLabel(x),
  nameOf: (filing) => filing?.enterprise?.name,
});

const gateNodes = d.gates.map((g) => {
  const state = el('span', { class: 'state undetermined' }, t('gateUndetermined'));
  const causes = el('ul', { class: 'causes' });
  const fields = el('ul', { class: 'fields' }, ...g.fields.map((id) => {
    const f = byId.get(id);
    return el('li', {}, el('button', { type: 'button', class: 'cause field-link', 'data-pointer': f?.pointer ?? '', 'on:click': () => focusPointer(f?.pointer ?? '') }, f?.label ?? id));
  }));
  const node = el('li', { id: `gate-${g.id}`, class: 'gate' },
    el('div', { class: 'gate-head' }, el('strong', {}, g.title), ' ', state),
    causes,
    el('div', { class: 'decided-by' }, el('span', { class: 'muted' }, t('flDecidedBy')), fields));
  gatesList.append(node);
  return { gate: g, node, state, causes, fields };
});

const side = el('aside', { class: 'side', 'aria-label': t('flSide') },
  el('section', { class: 'panel', 'aria-labelledby': 'h-decision' },
    el('h2', { id: 'h-decision' }, t('decision')), decisionEl, reasonsBox, pendingEl, otherBox, packEl, workerNote),
  el('section', { class: 'panel', 'aria-labelledby': 'h-gates' }, el('h2', { id: 'h-gates' }, t('gates')), gatesList),
  el('section', { class: 'panel', 'aria-labelledby': 'h-earliest' }, el('h2', { id: 'h-earliest' }, t('flEarliest')), earliestList),
  el('section', { class: 'panel no-print' }, ...sending.nodes, saveEl));

// On a phone the panels come after the form, thousands of pixels down (portal audit): a bar kept
// at the top of the screen says the decision and how the six gates stand, and leads to the panels.
const summaryDecision = el('span', { class: 'decision incomplete', id: 'summary-decision' });
const summaryGates = el('span', { class: 'summary-gates', id: 'summary-gates' });
const summary = el('div', { class: 'filing-summary no-print', id: 'filing-summary', role: 'region', 'aria-label': t('flSummary') },
  summaryDecision, summaryGates, el('a', { href: '#h-decision', class: 'summary-more' }, t('flSummaryMore')));

main.replaceChildren(title, summary, el('div', { class: 'layout' }, el('div', { class: 'form-col' }, tools, form), side));

// ---------------------------------------------------------------- checking

/** The whole filing: bindForm's value with every row of every array (not only those shown). */
function whole(value) {
  const full = { ...value };
  for (const ed of editors.values()) {
    ed.sync(value);
    if (ed.rows.length) full[ed.prop] = ed.rows;
    else delete full[ed.prop];
  }
  return full;
}

const roster = editors.get('/roster');
const large = () => [...editors.values()].some((ed) => ed.rows.length > LARGE);

/** Checks in check-worker.mjs; while one check runs, only the newest waiting one is kept. */
function workerChecker() {
  let worker;
  let broken = false;
  let seq = 0;
  let running = null;
  let queued = null;
  const local = (r) => {
    try {
      const answer = e.checkFiling(r.input, r.options);
      for (const w of r.waiting) w.resolve(answer);
    } catch (err) {
      for (const w of r.waiting) w.reject(err);
    }
  };
  const next = () => {
    running = queued;
    queued = null;
    if (!running) return;
    if (broken) {
      const r = running;
      running = null;
      local(r);
      next();
      return;
    }
    running.id = ++seq;
    worker.postMessage({ id: running.id, kind: running.kind, pack: settings.pack, input: running.input, options: running.options });
  };
  const start = () => {
    worker = new Worker('/js/check-worker.mjs', { type: 'module' });
    worker.addEventListener('message', ({ data }) => {
      const r = running;
      if (!r || data.id !== r.id) return;
      if (data.error) for (const w of r.waiting) w.reject(Object.assign(new Error(data.error.message), data.error));
      else for (const w of r.waiting) w.resolve(data.answer);
      next();
    });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      broken = true; // checks go on in the page
      if (running) {
        queued = queued ? { ...queued, waiting: [...running.waiting, ...queued.waiting] } : running;
        running = null;
        next();
      }
    });
  };
  return {
    check(kind, input, options) {
      worker ?? start();
      return new Promise((resolve, reject) => {
        const waiting = [{ resolve, reject }, ...(queued?.waiting ?? [])];
        queued = { kind, input, options, waiting };
        if (!running) next();
      });
    },
  };
}
const inWorker = workerChecker();

let latest = {};
let saving = false;
let saveTimer = 0;
// Another tab's change to the draft is loaded or overwritten only as the person chooses (app.mjs `store`).
const drafts = store('filing', { other: { load: loadOther, keep: () => save() } });
const draft = drafts.load();

function save() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (!saving) return;
  saveEl.textContent = drafts.save(latest, [...binding.scope]) ? `${t('saved')} ${chinaTime()}` : t('draftNotSaved');
}
addEventListener('pagehide', () => saveTimer && save());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveTimer && save());

/** In the page: a draft of the filing, given only what changed at each check. */
const drafting = draftChecker(e);
const checker = {
  check(kind, value, options) {
    latest = whole(value);
    if (saving) {
      if (large()) saveTimer ||= setTimeout(save, 400);
      else save();
    }
    workerNote.hidden = !large();
    if (large()) return inWorker.check(kind, latest, options);
    return Promise.resolve(drafting.check(kind, latest, options));
  },
};

let answer = null;
let binding = null;
let shown = '';

binding = bindForm(form, e, {
  kind: 'filing',
  now: settings.now,
  locale: settings.locale,
  describe: d,
  checker,
  onAnswer(a, info) {
    answer = a;
    sending.changed();
    // Values the engine normalised in rows not shown: into the model.
    for (const n of a.normalized ?? []) {
      const m = /^(\/[^/]+)\/(\d+)\/([^/]+)$/.exec(n.path);
      const ed = m && editors.get(m[1]);
      if (ed && (Number(m[2]) < ed.start || Number(m[2]) >= ed.end) && ed.rows[Number(m[2])]) ed.rows[Number(m[2])][m[3]] = n.value;
    }
    show(a, info?.unplaced ?? []);
    if (!window.portalReady) {
      window.portalReadyAt = performance.now();
      window.portalReady = true;
    }
    dispatchEvent(new CustomEvent('fangkong:answer', { detail: { decision: a.decision, pending: a.pending } }));
  },
});

/** Is there a value at `pointer` in the whole filing? */
function has(pointer) {
  let v = latest;
  for (const k of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return false;
    v = v[k];
  }
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

function show(a, unplaced) {
  decisionEl.className = `decision ${a.decision}`;
  decisionEl.textContent = decisionLabel(a.decision);
  summaryDecision.className = `decision ${a.decision}`;
  summaryDecision.textContent = decisionLabel(a.decision);
  const count = (s) => d.gates.filter((g) => { const r = a.gates.find((x) => x.id === g.id); return (r?.passed === true ? 'passed' : r?.passed === false ? 'failed' : 'undetermined') === s; }).length;
  const [np, nf, nu] = ['passed', 'failed', 'undetermined'].map(count);
  summaryGates.textContent = tt('flSummaryGates', { p: np, f: nf, u: nu });
  summaryGates.dataset.counts = `${np} ${nf} ${nu}`;
  const missing = a.pending + a.diagnostics.filter((x) => x.missing).length;
  pendingEl.textContent = missing ? tt('flPending', { n: missing }) : t('flNoPending');
  packEl.textContent = `${t('pack')}${t('colon')}${a.pack.id} ${a.pack.version} · ${t('now')}${t('colon')}${a.today}`;

  // Each key-area employee's earliest start, rebuilt whenever what it says changes: it depends on
  // values (the planned date, the key-area count, the roster) that the key below does not
  // cover (fourth audit: it kept "待定：填写拟复工日期后给出" after the date was typed).
  showEarliest(a);

  // What did not land under an input (a rule about several fields, or a row on another page).
  // The causes' own messages too: they quote values (现有1只), which change while the gate, its
  // causes' paths and codes stay (portal audit: the cause kept "现有1只" after 300 was typed).
  // The decision too: it chooses what the reasons list, and so what is left here (portal audit,
  // twenty-fifth session: a reason stayed under 其他提示 too once the decision moved to it).
  const key = JSON.stringify([a.decision, unplaced.map((x) => [x.path, x.message, x.help]), a.gates,
    a.gates.map((g) => (g.causes ?? []).map((c) => causeOf(a, c)?.message)),
    d.gates.map((g) => g.fields.map((id) => has(byId.get(id)?.pointer ?? '')))]);
  showReasons(a);
  if (key === shown) return;
  shown = key;
  // What the reasons above list is not said twice.
  const said = new Set(reasonsOf(a).map((x) => JSON.stringify([x.path, x.code, x.message])));
  unplaced = unplaced.filter((x) => !said.has(JSON.stringify([x.path, x.code, x.message])));
  otherBox.hidden = unplaced.length === 0;
  // Away from its field, a diagnostic says its help, a value asked for too (its field's hint).
  otherList.replaceChildren(...unplaced.slice(0, 50).map((x) => el('li', { class: x.severity, 'data-path': x.path, 'data-code': x.code },
    el('button', { type: 'button', class: 'cause', 'on:click': () => focusPointer(x.path) }, x.message),
    x.help ? el('span', { class: 'help' }, ` ${x.help}`) : null,
    el('span', { class: 'muted' }, ` ${where(x.path)}`))),
  ...(unplaced.length > 50 ? [el('li', { class: 'muted' }, tt('flMore', { n: unplaced.length - 50 }))] : []));

  for (const { gate, state, causes, fields } of gateNodes) {
    const r = a.gates.find((x) => x.id === gate.id);
    const s = r?.passed === true ? 'passed' : r?.passed === false ? 'failed' : 'undetermined';
    state.className = `state ${s}`;
    // A gate's title is the condition that stops resumption (物资保障不到位): it holds or not,
    // never "passed" (wording audit, twenty-sixth session: 物资保障不到位 通过 read backwards).
    state.textContent = t({ passed: 'gatePassed', failed: 'gateFailed', undetermined: 'gateUndetermined' }[s]);
    causes.replaceChildren(...(r?.causes ?? []).map((c) => {
      const diag = causeOf(a, c);
      return el('li', {}, el('button', { type: 'button', class: 'cause', 'data-pointer': c.path, 'on:click': () => focusPointer(c.path) }, diag?.message ?? labelAt(c.path)),
        el('span', { class: 'muted' }, ` ${where(c.path)}`));
    }));
    for (const b of fields.querySelectorAll('button')) b.classList.toggle('missing', !!b.dataset.pointer && !b.dataset.pointer.includes('*') && !has(b.dataset.pointer));
  }
}

/**
 * What makes the decision what it is: a deferred filing's errors, a conditional one's warnings
 * (never a value missing: that is 待填写, counted below). Each is the engine's diagnostic.
 */
const REASONS = { deferred: 'error', conditional: 'warning' };
const reasonsOf = (a) => a.diagnostics.filter((x) => !x.missing && x.severity === REASONS[a.decision]);

let reasonsShown = '';
/** The reasons under the decision: the message (a link to its field), its help, where it is. */
function showReasons(a) {
  const list = reasonsOf(a);
  const key = JSON.stringify(list.map((x) => [x.path, x.code, x.message, x.help]));
  if (key === reasonsShown) return;
  reasonsShown = key;
  reasonsBox.hidden = list.length === 0;
  reasonsList.replaceChildren(...list.slice(0, 50).map((x) => el('li', { class: x.severity, 'data-path': x.path, 'data-code': x.code },
    el('button', { type: 'button', class: 'cause', 'data-pointer': x.path, 'on:click': () => focusPointer(x.path) }, x.message),
    x.help ? el('span', { class: 'help' }, ` ${x.help}`) : null,
    x.path ? el('span', { class: 'where muted' }, ` ${where(x.path)}`) : null)),
  ...(list.length > 50 ? [el('li', { class: 'muted' }, tt('flMore', { n: list.length - 50 }))] : []));
}

/** The diagnostic a gate's cause stands for: at its path with its code, else at its path. */
const causeOf = (a, c) => a.diagnostics.find((x) => x.path === c.path && x.code === c.code) ?? a.diagnostics.find((x) => x.path === c.path);

let earliestShown = '';
/**
 * The earliest-start panel, from the answer and the filing as it is now. Who cannot be on site
 * is known only against a planned date and a key-area count, and only for the key-area staff
 * the roster lists with their arrival: until then not "none" but "to be known" (fourth audit:
 * 无 was shown while the count was empty, or 2 with no one in the roster).
 */
function showEarliest(a) {
  const list = a.earliestStart ?? [];
  const rows = list.map((x) => [x.index, x.path, roster?.rows[x.index]?.name ?? '', x.earliestStart]);
  const wait = list.length ? null
    : !has('/plannedResumption') ? ['flEarliestWait', { field: labelAt('/plannedResumption') }]
      : !keyAreaCountKnown() ? ['flEarliestCount', { field: labelAt('/staff/keyArea/returned') }]
        : keyAreaUnlisted() ? ['flEarliestRoster']
          : ['flNone'];
  const key = JSON.stringify([rows, wait]);
  if (key === earliestShown) return;
  earliestShown = key;
  earliestList.replaceChildren(...(wait ? [el('li', { class: 'muted' }, tt(...wait))]
    : rows.map(([index, path, name, date]) => el('li', {}, el('button', { type: 'button', class: 'cause', 'on:click': () => focusPointer(`${path}/arrivedOn`) },
      `${name}${paren(tt('flRow', { n: index + 1 }))}`), ` ${date}`))));
}

/** Is the number of key-area staff returned given (a count, 0 included)? */
function keyAreaCountKnown() {
  const n = latest.staff?.keyArea?.returned;
  return has('/staff/keyArea/returned') && Number.isFinite(Number(n)) && Number(n) >= 0;
}

/**
 * Key-area staff returned, but the roster does not list them, or lists one without saying
 * whether they return or (returning) when they arrived: who cannot be on site is not known,
 * so not "none" (portal audit: 无 was shown). The engine dates the rows it can (RTW-T3: key-area
 * history, returning, arrival); these are the rows it cannot date yet.
 */
function keyAreaUnlisted() {
  const given = (v) => v !== undefined && v !== null && String(v).trim() !== '';
  const yes = (v) => v === true || v === 'true';
  const rows = (roster?.rows ?? []).filter(Boolean);
  const open = rows.some((r) => !given(r.keyAreaHistory)
    || (yes(r.keyAreaHistory) && (!given(r.returning) || (yes(r.returning) && !given(r.arrivedOn)))));
  return open || (Number(latest.staff?.keyArea?.returned) > 0 && !rows.some((r) => yes(r.keyAreaHistory)));
}

/** "员工电话 · 第 4 行" for `/roster/3/phone`. */
function where(pointer) {
  const m = /^\/[^/]+\/(\d+)(?:\/|$)/.exec(pointer);
  return `${labelAt(pointer)}${m ? ` · ${tt('flRow', { n: Number(m[1]) + 1 })}` : ''}`;
}

/** Focuses the input of `pointer` (showing its row), or the nearest thing above it. */
function focusPointer(pointer) {
  let p = pointer.replace('/*', '/0');
  const m = /^(\/[^/]+)\/(\d+)(?:\/|$)/.exec(p);
  const ed = m && editors.get(m[1]);
  if (ed) {
    if (ed.rows.length === 0) p = m[1];
    else ed.show(Number(m[2]));
  }
  while (p) {
    const node = document.getElementById(idFor(p));
    // The first control that can take the focus: not the disabled 上一页 of an empty table
    // (portal audit: 是否复工, 员工花名册 and 整改期限 focused nothing while their table was empty).
    const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';
    const target = node?.matches(FOCUSABLE) ? node : node?.querySelector(FOCUSABLE);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

// ---------------------------------------------------------------- loading, clearing, sending

/**
 * Every pointer of a value's leaves that hold a value, into arrays too: each row's fields that
 * hold values (`/roster/3/name`), never the array itself. Visiting `/roster` brought every row
 * into scope, so after a reload or a language switch every empty cell of every row said 请填写,
 * cells the person never reached (portal audit, thirty-sixth session; issue 8 point 8).
 */
function leaves(value, prefix = '', out = []) {
  for (const [k, v] of Object.entries(value ?? {})) {
    const p = `${prefix}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (v && typeof v === 'object') leaves(v, p, out); // an object, or an array's rows by index
    else if (v !== undefined && v !== null && v !== '') out.push(p);
  }
  return out;
}

function fill(value) {
  const v = value && typeof value === 'object' ? value : {};
  for (const ed of editors.values()) ed.setRows(v[ed.prop]);
  for (const p of leaves(v)) binding.visit(p);
  return binding.setValue(v);
}

/** What 载入 or 清空 replaced, kept for 撤销 (app.mjs `undoKeeper`). */
const undo = undoKeeper(undoButton, (v) => fill(v));
const keepForUndo = () => undo.keep(latest);

async function loadExample() {
  exampleMessage.textContent = '';
  let value;
  try {
    value = await fetchExample('filings', exampleSelect.value);
  } catch (err) {
    // Offline and not kept by the service worker, or the server failed: say so, keep the form.
    exampleMessage.textContent = tt(navigator.onLine ? 'flExampleFailed' : 'flExampleOffline', { name: exampleName(exampleSelect.value), msg: String(err?.message ?? err) });
    return;
  }
  keepForUndo();
  binding.scope.clear();
  await fill(value);
}

/**
 * 打开 JSON 文件: a filing from a file, as 载入 is, with the same undo. A file that is not a
 * filing's JSON is said in words, the form unchanged (fourth audit: the form and its draft were
 * replaced with no undo, and a file that was not JSON threw and showed nothing).
 */
async function openFile() {
  const file = fileInput.files?.[0];
  if (!file) return;
  exampleMessage.textContent = '';
  let value;
  try {
    const text = await file.text();
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(t('flNotJson'));
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(t('flNotFiling'));
  } catch (err) {
    exampleMessage.textContent = tt('flFileFailed', { name: file.name, msg: String(err?.message ?? err) });
    return;
  } finally {
    fileInput.value = ''; // the same file again is a new choice
  }
  keepForUndo();
  binding.scope.clear();
  await fill(value);
}

/** The draft another tab saved, chosen in place of this page's (kept for 撤销). */
async function loadOther(value, scope) {
  keepForUndo();
  binding.scope.clear();
  for (const p of scope) if (!editors.has(p)) binding.visit(p);
  await fill(value ?? {});
  sending.restore();
}

async function clearAll() {
  keepForUndo();
  drafts.clear();
  sending.forget();
  binding.scope.clear();
  await fill({});
  saveEl.textContent = drafts.held() ? t('draftNotSaved') : '';
}

/**
 * Before 提交: every missing value shown now, at its field, and a filing still to be filled in
 * kept here (portal audit: it was sent, refused as 待补充, and nothing said what was missing).
 */
async function prepare() {
  binding.visit('');
  const a = await binding.check();
  if (a.decision !== 'incomplete') return a;
  // The person is taken to the first value to fill in (portal audit F7: focus stayed on 提交,
  // with the form thousands of pixels above it on a phone).
  const first = form.querySelector('[aria-invalid="true"]');
  first?.focus();
  first?.scrollIntoView?.({ block: 'center' });
  return { stop: tt('flFillFirst', { n: a.diagnostics.filter((x) => x.missing).length }) };
}

sending.start();
if (draft) {
  // Reached before the reload: asked again. Not an array as a whole (a draft saved before the
  // thirty-sixth session's fix held `/roster`, which put every row in scope).
  for (const p of drafts.scope()) if (!editors.has(p)) binding.visit(p);
  await fill(draft);
  saveEl.textContent = t('restored');
  // Sent as it is now: say so, with when and the district's verdict (fourth audit: after a
  // reload nothing showed the filing had been sent, and 提交 sent it again).
  sending.restore();
} else {
  await binding.check();
}
saving = true;
