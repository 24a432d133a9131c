// The inspector's checklist (复工检查), made for a phone: the header fields, the items of
// 六必须检查 by section and the six facts of 六必须明确, all built from
// `engine.describe('inspection')` (no title, weight or label is written here). Every change is
// scored at once with `engine.scoreInspection` (27 items: synchronous is fast enough): section
// and total scores, the outcome, the rectifications with their deadlines, and each message
// under its item. The draft is saved locally as the inspector goes and restored after a
// reload. A rectification notice (整改通知书) is built from the answer for printing on A4.
// 提交 sends a complete inspection to the district (an inspector at a firm often has a weak
// network: offline, it waits in the outbox, flagged not sent, and goes when back online).
import { el, engine, header, settings, store, t, tf, toCorrect } from './app.mjs';
import { sendPanel } from './send.mjs';

header('inspection');
const main = document.getElementById('main');
document.getElementById('status').textContent = t('loading');

const e = await engine();
const { locale } = settings;
// Another tab's change to the draft is loaded or overwritten only as the person chooses (app.mjs `store`).
const draft = store('inspection', { other: { load: loadOther, keep: () => save() } });
const options = (extra = {}) => ({ now: settings.now(), locale, ...extra });

/** Inputs are named by JSON Pointer; ids are made from the pointer. */
const idOf = (pointer) => `f${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
const esc = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const fmt = (n) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n));

const scope = new Set();
let extra = {}; // parts of a restored draft the page has no inputs for (e.g. `previous`)
let description; // engine.describe('inspection', …) for the pack version in force
/** The pack's word for an inspection's decision (检查合格, 限期整改, 责令停工…), from describe. */
/** How many values are still to fill in (held back by scope, or asked for). */
const toFill = (a) => a.pending + a.diagnostics.filter((d) => d.missing).length;
/**
 * A diagnostic's help as shown where `hint` is shown too: none for a value asked for (`missing`)
 * whose help is that hint (thirty-sixth session: "请填写：检查日期 格式如…" under the hint
 * "格式如…"); else its help (away from the field, another hint, any other diagnostic).
 */
const helpBeside = (d, hint) => (d.help && !(d.missing && typeof hint === 'string' && hint.trim() === d.help.trim()) ? d.help : null);
const decisionWord = (d) => description.decisions.find((x) => x.value === d)?.label ?? d;
/** The pack's words for a part of the answer (describe's `answer`: 总分, 整改事项, 日查日报 …). */
const answerWords = (part) => description.answer?.find((x) => x.value === part) ?? { value: part, label: part };
const answerLabel = (part) => answerWords(part).label;
/** 日查日报 as a sentence: the pack's hint with its name (复查前，企业须每日自查并报告（日查日报）。). */
function dailyReporting() {
  const { label, hint } = answerWords('dailyReporting');
  if (!hint) return label;
  return locale.startsWith('zh') ? `${hint}（${label}）。` : `${label}: ${hint}${/[.!?]$/.test(hint) ? '' : '.'}`;
}
/** The answer's decision in words; incomplete with nothing missing is an answer to correct
 *  (a date after today, more correct than sampled, na where it may not be): 待更正, not 待补充
 *  (portal audit, twenty-sixth session). */
/** The earlier rectifications overdue: what makes a re-inspection stop work. */
const overdueOf = (a) => a.diagnostics.filter((x) => x.code === 'inspection.rectification_overdue');
const decisionOf = (a) => (toCorrect(a) ? t('ins.toCorrect') : decisionWord(a.decision));
let answer;
let form;
let view; // the live parts: { total, decision, pending, sections, rectifications, messages, notice, summary }
const lastNormalized = new Map();
// "Reward early, punish late" (portal audit F6), as bindForm does on the filing page: a text input
// typed in while it shows no error gets no new message until it is left (or 显示全部); what it
// shows may go meanwhile. One that shows an error is re-checked at each keystroke.
const quiet = new Set(); // names of the inputs being typed in
const shownKeys = new WeakMap(); // message host → severity and code of each message it shows
const keyOf = (d) => `${d.severity}\u0000${d.code}`;

// ---------------------------------------------------------------- the submission

function setAt(obj, pointer, value) {
  const parts = pointer.split('/').slice(1).map(unesc);
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  o[parts.at(-1)] = value;
}

function getAt(obj, pointer) {
  let o = obj;
  for (const p of pointer.split('/').slice(1).map(unesc)) {
    if (o === null || typeof o !== 'object') return undefined;
    o = o[p];
  }
  return o;
}

const splitList = (text) => text.split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean);
/**
 * The firm's needs as the pack names them (describe's `needs`): 口罩 is sent as `masks`, so the
 * district can add up the support list; a need the pack does not name is kept as typed. Shown
 * back in the page's language.
 */
const NEEDS = '/facts/needs';
/**
 * Every locale's words for each need (describe's `needs` in zh-CN, zh-TW and en), so that 口罩
 * typed on the English page is `masks` too (field audit, twenty-eighth session: kept as text).
 */
const needWords = new Map();
for (const l of ['zh-CN', 'zh-TW', 'en']) {
  for (const n of e.describe('inspection', { locale: l }).needs ?? []) needWords.set(n.label.toLowerCase(), n.value);
}
const needValue = (text) => (description.needs ?? []).find((n) => n.label === text || n.value === text)?.value
  ?? needWords.get(text.toLowerCase()) ?? text;
/** The needs typed: the list's entries, and words parted by spaces when each is a need (口罩 体温计). */
const needList = (text) => splitList(text).flatMap((x) => {
  const words = x.split(/\s+/);
  return words.length > 1 && words.every((w) => needValue(w) !== w) ? words : [x];
}).map(needValue);
const needLabel = (value) => (description.needs ?? []).find((n) => n.value === value)?.label ?? value;
const joinList = (list) => list.join(list.some((x) => /[^\x00-\x7f]/.test(String(x))) ? '、' : ', ');

/** The inspection as the inputs hold it (empty inputs are left out, i.e. missing). */
function value() {
  const v = structuredClone(extra);
  for (const input of form.querySelectorAll('[name^="/"]')) {
    if (input.type === 'radio' && !input.checked) continue;
    const text = input.value;
    if (text.trim() === '') continue;
    const type = input.dataset.type;
    if (type === 'boolean') setAt(v, input.name, text === 'true');
    else if (type === 'texts') setAt(v, input.name, input.name === NEEDS ? needList(text) : splitList(text));
    // A count typed plainly is kept and sent as the number it is (domain.md §3.1's shape; it was
    // the text "5"); other forms (full-width ５) go as typed, for the engine to normalise.
    else if ((type === 'number' || type === 'integer') && /^(0|[1-9]\d{0,14})(\.\d+)?$/.test(text.trim())) setAt(v, input.name, Number(text.trim()));
    else setAt(v, input.name, text);
  }
  return v;
}

/** Fills the inputs from an inspection (a restored draft). */
function setValue(v) {
  extra = {};
  if (v && v.previous !== undefined) extra.previous = structuredClone(v.previous);
  document.getElementById('previous')?.replaceWith(previousBlock());
  for (const input of form.querySelectorAll('[name^="/"]')) {
    const x = getAt(v, input.name);
    if (input.type === 'radio') input.checked = x === input.value;
    else if (Array.isArray(x)) input.value = joinList(input.name === NEEDS ? x.map(needLabel) : x);
    else input.value = x === undefined || x === null ? '' : String(x);
    if (x !== undefined && x !== null && x !== '') visit(input);
  }
}

/** Adds an input (and, for an item's inputs, the item) to the scope of messages. */
function visit(input) {
  scope.add(input.name);
  const item = input.closest('[data-item]');
  if (item) scope.add(`/answers/${esc(item.dataset.item)}`);
  const group = input.closest('[data-pointer]');
  if (group) scope.add(group.dataset.pointer);
}

// ---------------------------------------------------------------- building the page

const fieldById = () => new Map(description.fields.map((f) => [f.id, f]));
/**
 * The mark of a value the pack requires (describe's `required`), as the filing page has it: a
 * red * for the eye, hidden from screen readers, which hear the input's `required` instead; a
 * group without one input of its own (an item's radios, a pair of numbers) says "必填" in words.
 */
const reqMark = (required) => (required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
const reqWords = (required) => (required ? el('span', { class: 'sr-only' }, t('ins.required')) : null);
const labelOf = (id) => fieldById().get(id)?.label ?? id;

function inputFor(f, { label = f.label, hint = f.hint } = {}) {
  const id = idOf(f.pointer);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-msg`].filter(Boolean).join(' ');
  let control;
  if (f.type === 'boolean' && f.enum) {
    control = el('select', { id, name: f.pointer, 'data-type': 'boolean', 'aria-describedby': describedBy, required: f.required },
      el('option', { value: '' }, t('ins.choose')),
      ...f.enum.map((o) => el('option', { value: String(o.value) }, o.label)));
  } else {
    control = el('input', {
      id, name: f.pointer, type: 'text', 'data-type': f.type, autocomplete: 'off',
      inputmode: f.inputMode, maxlength: f.maxLength, required: f.required, 'aria-describedby': describedBy,
    });
  }
  return el('div', { class: 'field', 'data-msg-for': f.pointer },
    el('label', { for: id }, label, reqMark(f.required)),
    hint ? el('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
    el('div', { class: 'message', id: `${id}-msg`, 'aria-live': 'polite' }));
}

/** The header fields (everything but answers, facts and previous), nested objects as groups. */
function headerFields() {
  const fields = description.fields.filter((f) => !/^(answers|facts|previous)(\.|\[|$)/.test(f.id));
  const build = (parent) => fields
    .filter((f) => (parent ? f.id.startsWith(`${parent}.`) && !f.id.slice(parent.length + 1).includes('.') : !f.id.includes('.')))
    .map((f) => (f.type === 'object'
      ? el('fieldset', { class: 'group', 'data-pointer': f.pointer }, el('legend', {}, f.label, reqMark(f.required), reqWords(f.required)), ...build(f.id))
      : inputFor(f)));
  return el('fieldset', { class: 'header-fields' }, el('legend', {}, t('ins.info')), ...build(null));
}

/**
 * Earlier inspections and their rectifications (`previous`; domain.md §3.3, re-inspection): a
 * rectification now answered `pass` is resolved, one past its deadline and not passing makes the
 * outcome 责令停工 (portal audit: the page had no way to enter them). Kept in `extra.previous`
 * (a list, which the named inputs cannot build); labels and hints are the pack's.
 */
function previousBlock() {
  const fields = fieldById();
  const f = (id) => fields.get(`previous${id}`) ?? { label: id };
  const items = description.sections.flatMap((s) => s.items);
  const list = () => (extra.previous ??= []);
  const redraw = () => { document.getElementById('previous')?.replaceWith(previousBlock()); check(); save(); };
  // A field at `pointer`: a text, a select or a checkbox; its messages under it.
  const field = (pointer, info, control) => {
    const id = idOf(pointer);
    control.id = id;
    control.setAttribute('aria-describedby', `${id}-msg`);
    const mark = () => scope.add(pointer);
    control.addEventListener('focusout', () => { mark(); check(); });
    if (info.required && control.type !== 'checkbox') control.required = true;
    return el('div', { class: 'field', 'data-msg-for': pointer },
      el('label', { for: id }, info.label, control.type !== 'checkbox' ? reqMark(info.required) : null),
      control,
      el('div', { class: 'message', id: `${id}-msg`, 'aria-live': 'polite' }));
  };
  const text = (value, set) => {
    const input = el('input', { type: 'text', autocomplete: 'off', 'data-type': 'date' });
    input.value = value ?? '';
    input.addEventListener('input', () => set(input.value.trim() === '' ? undefined : input.value));
    return input;
  };
  const entries = (extra.previous ?? []).map((prev, i) => {
    const at = `/previous/${i}`;
    const rects = Array.isArray(prev?.rectifications) ? prev.rectifications : [];
    return el('fieldset', { class: 'group previous-inspection', 'data-msg-for': at },
      el('legend', {}, `${f('').label} ${i + 1}`),
      field(`${at}/inspectedOn`, f('[].inspectedOn'), text(prev?.inspectedOn, (v) => { list()[i].inspectedOn = v; })),
      ...rects.map((r, j) => {
        const rp = `${at}/rectifications/${j}`;
        const item = el('select', {}, el('option', { value: '' }, t('ins.choose')), ...items.map((x) => el('option', { value: x.id }, `${x.id} ${x.title}`)));
        item.value = r?.itemId ?? '';
        item.addEventListener('change', () => { list()[i].rectifications[j].itemId = item.value || undefined; });
        const done = el('input', { type: 'checkbox' });
        done.checked = r?.resolved === true;
        done.addEventListener('change', () => { list()[i].rectifications[j].resolved = done.checked; });
        return el('div', { class: 'rect-row', 'data-msg-for': rp },
          field(`${rp}/itemId`, f('[].rectifications[].itemId'), item),
          field(`${rp}/deadline`, f('[].rectifications[].deadline'), text(r?.deadline, (v) => { list()[i].rectifications[j].deadline = v; })),
          field(`${rp}/resolved`, f('[].rectifications[].resolved'), done),
          el('button', { type: 'button', class: 'secondary remove-rect', 'on:click': () => { list()[i].rectifications.splice(j, 1); redraw(); } }, t('ins.removeRect')),
          el('div', { class: 'message', 'aria-live': 'polite' }));
      }),
      el('button', { type: 'button', class: 'secondary add-rect', 'on:click': () => { (list()[i].rectifications ??= []).push({ resolved: false }); redraw(); } }, t('ins.addRect')),
      el('div', { class: 'message', 'aria-live': 'polite' }),
      el('button', { type: 'button', class: 'secondary remove-previous', 'on:click': () => { list().splice(i, 1); if (!list().length) delete extra.previous; redraw(); } }, t('ins.removePrevious')));
  });
  return el('fieldset', { id: 'previous', class: 'previous' },
    el('legend', {}, f('').label),
    ...entries,
    el('button', { type: 'button', class: 'secondary', id: 'add-previous', 'on:click': () => { list().push({ rectifications: [{ resolved: false }] }); redraw(); } }, t('ins.addPrevious')));
}

function itemBlock(item) {
  const p = `/answers/${esc(item.id)}`;
  const id = idOf(p);
  const fields = fieldById();
  const evidence = fields.get('answers.*.evidence');
  const note = fields.get('answers.*.note');
  const required = !!fields.get('answers.*.result')?.required;
  const choices = el('div', { class: 'choices' },
    ...description.results.map((r) => el('label', { class: `choice ${r.value}` },
      el('input', { type: 'radio', name: `${p}/result`, value: r.value, id: `${id}-${r.value}`, required }),
      el('span', {}, r.label))));
  return el('fieldset', { class: 'item', 'data-item': item.id, id, 'data-msg-for': p, 'aria-describedby': `${id}-msg` },
    el('legend', {}, el('span', { class: 'item-title' }, item.title), reqMark(required), reqWords(required)),
    el('p', { class: 'meta' },
      el('span', { class: 'weight' }, `${t('ins.weight')} ${fmt(item.weight)}`),
      item.veto ? el('span', { class: 'veto' }, t('ins.veto')) : null),
    choices,
    el('div', { class: 'item-extra' },
      el('div', { class: 'field' },
        el('label', { for: `${id}-evidence` }, evidence?.label ?? '', reqMark(evidence?.required)),
        el('select', { id: `${id}-evidence`, name: `${p}/evidence` },
          el('option', { value: '' }, t('ins.choose')),
          ...description.evidence.map((o) => el('option', { value: o.value }, o.label)))),
      el('div', { class: 'field' },
        el('label', { for: `${id}-note` }, note?.label ?? '', reqMark(note?.required)),
        el('input', { id: `${id}-note`, name: `${p}/note`, type: 'text', autocomplete: 'off', maxlength: note?.maxLength, placeholder: note?.hint }))),
    el('div', { class: 'message', id: `${id}-msg`, 'aria-live': 'polite' }));
}

function sectionBlock(section) {
  const hid = `sec-${section.id}`;
  return el('section', { class: 'section', 'aria-labelledby': hid, 'data-section': section.id },
    el('h2', { id: hid }, el('span', {}, section.title), ' ',
      el('span', { class: 'section-score', 'data-score-of': section.id }, '—')),
    ...section.items.map(itemBlock));
}

function factsBlock() {
  const fields = fieldById();
  const blocks = description.facts.map((fact) => {
    const f = fields.get(fact.field);
    if (!f) return null;
    if (f.type === 'object') {
      const subs = description.fields.filter((s) => s.id.startsWith(`${f.id}.`));
      return el('fieldset', { class: 'group fact', 'data-pointer': f.pointer, 'data-msg-for': f.pointer, 'aria-describedby': `${idOf(f.pointer)}-msg` },
        el('legend', {}, fact.title, reqMark(f.required), reqWords(f.required)),
        el('div', { class: 'pair' }, ...subs.map((s) => inputFor(s))),
        el('div', { class: 'message', id: `${idOf(f.pointer)}-msg`, 'aria-live': 'polite' }));
    }
    return inputFor(f, { label: fact.title, hint: f.hint });
  });
  return el('fieldset', { class: 'facts' }, el('legend', {}, fields.get('facts')?.label ?? ''), ...blocks);
}

function build() {
  const keep = form ? value() : null;
  const focused = document.activeElement?.id;
  form = el('form', { id: 'inspection', class: 'no-print', novalidate: true, 'on:submit': (ev) => ev.preventDefault(), 'aria-labelledby': 'page-title' },
    el('p', { class: 'req-note' }, el('span', { class: 'req', 'aria-hidden': 'true' }, '* '), t('ins.requiredNote')),
    headerFields(),
    previousBlock(),
    el('h2', { class: 'checklist-title' }, t('ins.checklist')),
    ...description.sections.map(sectionBlock),
    factsBlock());
  // Text inputs are checked as people type; radios and selects when chosen (once, not twice).
  form.addEventListener('input', (ev) => {
    if (ev.target.type !== 'text') return;
    if (ev.target.name && !ev.target.closest('[data-msg-for]')?.classList.contains('has-error')) quiet.add(ev.target.name);
    changed(ev);
  });
  form.addEventListener('change', (ev) => { if (ev.target.type !== 'text') changed(ev); });
  form.addEventListener('focusout', (ev) => {
    const input = ev.target;
    if (!input.name) return;
    quiet.delete(input.name);
    visit(input);
    const n = lastNormalized.get(input.name);
    if (n !== undefined && input.type !== 'radio') input.value = Array.isArray(n) ? joinList(n) : String(n);
    check();
  });

  const total = el('strong', { id: 'total', class: 'total' }, '—');
  const decision = el('p', { id: 'decision', class: 'decision' }, '');
  const pending = el('p', { id: 'pending', class: 'muted' }, '');
  const sections = el('tbody', {});
  const rectifications = el('div', { id: 'rectifications' });
  const messages = el('ul', { id: 'other-messages', class: 'messages' });
  const preview = el('button', { type: 'button', class: 'secondary', id: 'preview', 'aria-pressed': 'false', 'aria-controls': 'notice',
    'on:click': () => {
      const on = !view.notice.classList.contains('preview');
      view.notice.classList.toggle('preview', on);
      preview.setAttribute('aria-pressed', String(on));
      if (on) view.notice.scrollIntoView({ block: 'start' });
    } }, t('ins.preview'));
  const side = el('aside', { class: 'side no-print', 'aria-label': t('ins.summary') },
    el('section', { class: 'panel', 'aria-labelledby': 'h-outcome' },
      el('h2', { id: 'h-outcome' }, t('decision')),
      decision,
      el('p', {}, el('span', {}, `${answerLabel('score')} `), total),
      pending),
    el('section', { class: 'panel', 'aria-labelledby': 'h-sections' },
      el('h2', { id: 'h-sections' }, answerLabel('sections')),
      el('table', { class: 'scores' }, sections)),
    el('section', { class: 'panel', 'aria-labelledby': 'h-rect' },
      el('h2', { id: 'h-rect' }, answerLabel('rectifications')),
      rectifications),
    el('section', { class: 'panel', 'aria-labelledby': 'h-msgs', id: 'messages-panel', hidden: true },
      el('h2', { id: 'h-msgs' }, t('ins.messages')),
      messages),
    el('section', { class: 'panel', 'aria-label': t('ins.submit') }, ...sending.nodes),
    el('div', { class: 'panel tools' },
      el('button', { type: 'button', id: 'show-all', class: 'secondary', 'on:click': showAll }, t('ins.showAll')),
      preview,
      el('button', { type: 'button', id: 'print', 'aria-describedby': 'print-note', 'on:click': () => { if (answer?.decision !== 'incomplete') print(); } }, t('ins.printNotice')),
      el('p', { id: 'print-note', class: 'muted', hidden: true }, t('ins.printWhenDone')),
      el('button', { type: 'button', id: 'clear', class: 'secondary', 'on:click': clearAll }, t('clear'))));
  const summary = el('div', { class: 'summary no-print', 'aria-hidden': 'true' },
    el('span', { class: 'summary-score' }, ''), el('span', { class: 'summary-decision' }, ''));
  const notice = el('section', { id: 'notice', class: 'notice print-only', 'aria-labelledby': 'notice-title' });
  view = { total, decision, pending, sections, rectifications, messages, notice, summary };

  main.replaceChildren(
    el('h1', { id: 'page-title', class: 'no-print' }, description.title),
    el('p', { id: 'status', role: 'status', class: 'muted no-print' }, ''),
    el('div', { class: 'layout' }, form, side),
    summary,
    notice);
  if (keep) setValue(keep);
  if (focused) document.getElementById(focused)?.focus();
}

// ---------------------------------------------------------------- checking and showing

function describeFor(v, a) {
  const on = a?.normalized.find((n) => n.path === '/inspectedOn')?.value ?? v.inspectedOn;
  const date = typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : a?.today;
  return e.describe('inspection', { locale, ...(date ? { on: date } : {}) });
}

function changed(ev) {
  if (ev?.target?.name) visit(ev.target);
  check();
  save();
}

function save() {
  // With what was reached, so that a value left empty is asked for again after a reload or a
  // language switch, as on the filing page (field audit, twenty-eighth session: 33 messages went).
  status(draft.save(value(), [...scope]) ? t('saved') : t('draftNotSaved'));
}

/** The draft another tab saved, chosen in place of this page's. */
function loadOther(v, reached) {
  scope.clear();
  for (const p of reached) scope.add(p);
  setValue(v ?? {});
  check();
  status(t('restored'));
  sending.restore();
}

function status(text) {
  const s = document.getElementById('status');
  if (s) s.textContent = text;
}

function check() {
  const v = value();
  answer = e.scoreInspection(v, options({ scope: [...scope] }));
  sending.changed();
  if (answer.pack.version !== description.pack.version || answer.pack.id !== description.pack.id) {
    description = describeFor(v, answer);
    build();
  }
  show(answer);
  return answer;
}

/** Every item and fact asked for; `land`: taken to the first to fill in or correct. */
function showAll({ land = true } = {}) {
  quiet.clear();
  for (const input of form.querySelectorAll('[name^="/"]')) visit(input);
  for (const s of description.sections) for (const i of s.items) scope.add(`/answers/${esc(i.id)}`);
  for (const f of description.fields) if (!f.pointer.includes('*')) scope.add(f.pointer);
  check();
  if (land) form.querySelector('[aria-invalid="true"], .item.has-error, .item.has-warning')?.scrollIntoView({ block: 'center' });
}

function clearAll() {
  if (!confirm(t('ins.confirmClear'))) return;
  draft.clear();
  sending.forget();
  scope.clear();
  extra = {};
  form.reset();
  document.getElementById('previous')?.replaceWith(previousBlock());
  check();
}

/**
 * Before 提交: every item and fact asked for, at its place; an inspection still to be completed
 * or corrected is kept here, and the inspector taken to the first place to fill in.
 */
function prepare() {
  // A complete inspection is not moved away from 提交 and what became of it (field audit,
  // twenty-eighth session: the page jumped to the first partial item, 7,000 px above the
  // "未发送（离线保存…）" the inspector had to see).
  showAll({ land: false });
  if (answer.decision !== 'incomplete') return answer;
  // The first value still missing, in the form's order; else the first answer to correct.
  const missing = answer.diagnostics.filter((x) => x.missing).map((x) => x.path);
  const named = [...form.querySelectorAll('[name^="/"]')];
  const first = named.find((i) => missing.some((m) => i.name === m || i.name.startsWith(`${m}/`)))
    ?? form.querySelector('[aria-invalid="true"], .item.has-error input');
  first?.focus();
  const n = toFill(answer);
  return { stop: n ? tf('flFillFirst', { n }) : t('ins.submitWhenFixed') };
}
const sending = sendPanel({
  kind: 'inspection',
  current: () => value(),
  prepare: async () => prepare(),
  decisionLabel: (x) => decisionWord(x),
  nameOf: (inspection) => inspection?.enterprise?.name,
});

const titleOf = (itemId) => {
  for (const s of description.sections) for (const i of s.items) if (i.id === itemId) return i.title;
  return itemId;
};
/** Items answered fail or partial so far, in checklist order: `{ id, veto, result }`. */
function failedSoFar(v) {
  const out = [];
  for (const s of description.sections) {
    for (const i of s.items) {
      const result = getAt(v, `/answers/${esc(i.id)}/result`);
      if (result === 'fail' || result === 'partial') out.push({ id: i.id, veto: !!i.veto, result });
    }
  }
  return out;
}
const resultLabel = (v) => description.results.find((r) => r.value === v)?.label ?? v ?? '';

function show(a) {
  // Normalised values go back into the inputs that do not have focus.
  lastNormalized.clear();
  for (const n of a.normalized) {
    lastNormalized.set(n.path, n.value);
    const input = form.querySelector(`[name="${CSS.escape(n.path)}"]:not([type="radio"])`);
    if (input && input !== document.activeElement) input.value = Array.isArray(n.value) ? joinList(n.value) : String(n.value);
    // The earlier inspections' dates, whose inputs hold no name (their values are kept in
    // `extra`): shown back normalised too, and kept so (portal audit, thirty-ninth session:
    // 2020/2/8 stayed as typed).
    if (!input && n.path.startsWith('/previous/') && typeof n.value === 'string' && getAt(extra, n.path) !== undefined) {
      const own = document.getElementById(idOf(n.path));
      if (own && own !== document.activeElement && own.type === 'text') {
        own.value = n.value;
        setAt(extra, n.path, n.value);
      }
    }
  }

  // Messages: under the input or item they are about (the nearest one up the pointer).
  const byHost = new Map();
  const unplaced = [];
  for (const d of a.diagnostics) {
    let p = d.path;
    let host = null;
    while (p && !(host = form.querySelector(`[data-msg-for="${CSS.escape(p)}"]`))) p = p.slice(0, p.lastIndexOf('/'));
    if (host) (byHost.get(host) ?? byHost.set(host, []).get(host)).push(d);
    else unplaced.push(d);
  }
  for (const host of form.querySelectorAll('[data-msg-for]')) {
    const shownBefore = shownKeys.get(host);
    const list = (byHost.get(host) ?? []).filter((d) => !(quiet.has(d.path) || quiet.has(host.dataset.msgFor)) || shownBefore?.has(keyOf(d)));
    shownKeys.set(host, new Set(list.map(keyOf)));
    const box = host.querySelector(':scope > .message');
    const hint = host.querySelector(':scope > .hint')?.textContent; // the field's, shown above its input
    box.replaceChildren(...list.map((d) => {
      const help = helpBeside(d, hint);
      return el('div', { class: `msg ${d.severity}` }, el('span', {}, d.message), help ? el('span', { class: 'help' }, ` ${help}`) : null);
    }));
    box.classList.toggle('warning', list.length > 0 && list.every((d) => d.severity !== 'error'));
    const error = list.some((d) => d.severity === 'error');
    host.classList.toggle('has-error', error);
    host.classList.toggle('has-warning', !error && list.length > 0);
    const control = host.classList.contains('field') ? host.querySelector('input, select') : null;
    if (control) {
      if (error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      control.setCustomValidity(list.find((d) => d.severity === 'error')?.message ?? '');
    }
    // An item's answer: its radios are invalid too while it is wrong or asked for, as the
    // filing's and the screening's are (portal audit, twenty-fifth session: only the fieldset
    // said so, which screen readers announce unevenly).
    if (host.classList.contains('item')) {
      const invalid = list.some((d) => d.severity === 'error' || d.missing);
      for (const radio of host.querySelectorAll(':scope > .choices input[type="radio"]')) {
        if (invalid) radio.setAttribute('aria-invalid', 'true');
        else radio.removeAttribute('aria-invalid');
      }
    }
  }
  view.messages.replaceChildren(...unplaced.map((d) => el('li', { class: d.severity }, d.message, d.help ? ` ${d.help}` : '')));
  document.getElementById('messages-panel').hidden = unplaced.length === 0;

  // Scores: the engine's numbers, rounded only here, for display.
  view.total.textContent = fmt(a.score);
  view.total.dataset.score = a.score ?? '';
  view.decision.className = `decision ${a.decision}`;
  view.decision.dataset.decision = a.decision;
  view.decision.textContent = decisionOf(a);
  // Everything still to fill in: held back (pending) and shown (portal audit: it counted only the pending).
  view.pending.textContent = toFill(a) ? t('ins.pending').replace('{n}', toFill(a)) : '';
  view.sections.replaceChildren(...a.sections.map((s) => {
    const sec = description.sections.find((x) => x.id === s.id);
    return el('tr', { 'data-section': s.id },
      el('th', { scope: 'row' }, sec?.title ?? s.id),
      el('td', { class: 'num', 'data-score': s.score ?? '' }, fmt(s.score)));
  }));
  for (const s of a.sections) {
    const span = form.querySelector(`[data-score-of="${CSS.escape(s.id)}"]`);
    if (span) {
      span.textContent = s.score === null ? '' : fmt(s.score);
      span.dataset.score = s.score ?? '';
    }
  }
  view.summary.querySelector('.summary-score').textContent = `${answerLabel('score')} ${fmt(a.score)}`;
  const sd = view.summary.querySelector('.summary-decision');
  sd.className = `summary-decision decision ${a.decision}`;
  sd.textContent = decisionOf(a);

  // Rectifications with their deadlines. An incomplete inspection has none yet: say so (never
  // "nothing to rectify"), and list the items answered fail or partial so far.
  const deadlineLabel = labelOf('previous[].rectifications[].deadline');
  const rects = a.rectifications ?? [];
  const overdue = overdueOf(a);
  const v = value();
  const incomplete = a.decision === 'incomplete';
  const soFar = incomplete ? failedSoFar(v) : [];
  view.rectifications.replaceChildren(...[
    rects.length
      ? el('ol', { class: 'rect-list' }, ...rects.map((r) => el('li', { 'data-item': r.itemId, 'data-deadline': r.deadline, class: r.veto ? 'veto-item' : '' },
        el('span', { class: 'rect-title' }, titleOf(r.itemId)),
        r.veto ? el('span', { class: 'veto' }, t('ins.veto')) : null,
        el('span', { class: 'rect-result' }, resultLabel(getAt(v, `/answers/${esc(r.itemId)}/result`))),
        el('span', { class: 'rect-deadline' }, `${deadlineLabel} `, el('time', { datetime: r.deadline }, r.deadline)))))
      : el('p', { class: 'muted', id: 'no-rectifications' }, incomplete ? t('ins.rectPending') : t('ins.noRectifications')),
    soFar.length ? el('p', { class: 'muted' }, t('ins.failedSoFar')) : null,
    soFar.length ? el('ul', { id: 'failed-so-far', class: 'rect-list' }, ...soFar.map(({ id, veto, result }) => el('li', { 'data-item': id, class: veto ? 'veto-item' : '' },
      el('span', { class: 'rect-title' }, titleOf(id)), veto ? el('span', { class: 'veto' }, t('ins.veto')) : null,
      el('span', { class: 'rect-result' }, resultLabel(result))))) : null,
    a.reinspectBy ? el('p', { id: 'reinspect-by' }, `${answerLabel('reinspectBy')} `, el('time', { datetime: a.reinspectBy }, a.reinspectBy)) : null,
    a.dailyReporting ? el('p', { id: 'daily-reporting', class: 'daily' }, dailyReporting()) : null,
    // The support list for the district (domain.md §3.2: needs become a support list; portal
    // audit, twenty-sixth session: the answer's `support` was shown nowhere).
    // Why a re-inspection stops work: an earlier rectification overdue (domain.md §3.3), said
    // here too, not only at its row among the earlier inspections (portal audit, twenty-sixth
    // session).
    overdue.length ? el('div', { id: 'overdue' }, el('p', { class: 'strong' }, t('ins.overdue')),
      el('ul', {}, ...overdue.map((d) => el('li', { class: d.severity }, d.message)))) : null,
    a.support?.length ? el('p', { id: 'support' }, `${answerLabel('support')}${locale.startsWith('zh') ? '：' : ': '}`, joinList(a.support.map(needLabel))) : null,
  ].filter(Boolean));
  // The notice is final only for a complete inspection: printing waits until then.
  // An official notice names whom it is about and who inspected (portal audit: a 检查合格 notice
  // printed with no firm and no inspector; the pack does not require them for the score).
  const unnamed = !(v.enterprise?.name ?? '').trim() || !(v.inspector?.name ?? '').trim();
  const printButton = document.getElementById('print');
  printButton.disabled = incomplete || unnamed;
  // Incomplete with nothing left to fill in: an answer given is not accepted (INS-S3-3 `na` while
  // key-area staff returned): say that, never "items unfilled" (fourth audit).
  const note = document.getElementById('print-note');
  // The two fields named by their labels in the pack (a district's pack may rename them).
  note.textContent = incomplete ? t(toFill(a) === 0 ? 'ins.printWhenFixed' : 'ins.printWhenDone')
    : tf('ins.printWhenNamed', { firm: labelOf('enterprise.name'), inspector: labelOf('inspector.name') });
  note.hidden = !incomplete && !unnamed;

  notice(a, v);
}

/** The 整改通知书, built from the answer (shown when printing, or in the preview). */
function notice(a, v) {
  const fields = fieldById();
  const lab = (id) => fields.get(id)?.label ?? id;
  const rects = a.rectifications ?? [];
  const overdue = overdueOf(a);
  const zh = locale.startsWith('zh');
  const colon = zh ? '：' : ': ';
  const paren = (x) => (zh ? `（${x}）` : ` (${x})`);
  const row = (k, x) => el('p', { class: 'notice-line' }, el('span', { class: 'k' }, `${k}${colon}`), el('span', { class: 'v' }, x ?? ''));
  const inspector = [v.inspector?.name, v.inspector?.badge ? paren(v.inspector.badge) : ''].filter(Boolean).join('');
  const incomplete = a.decision === 'incomplete';
  view.notice.classList.toggle('not-final', incomplete);
  view.notice.replaceChildren(...[
    el('h2', { id: 'notice-title', class: 'notice-title' }, t('ins.notice')),
    incomplete ? el('p', { id: 'notice-not-final', class: 'notice-note strong' },
      t(toFill(a) === 0 ? 'ins.notFinalFix' : 'ins.notFinal')) : null,
    row(lab('enterprise.name'), v.enterprise?.name),
    row(lab('enterprise.creditCode'), v.enterprise?.creditCode),
    row(lab('inspectedOn'), v.inspectedOn),
    row(lab('inspector'), inspector),
    row(t('decision'), decisionOf(a)),
    ...(rects.length
      ? [el('p', { class: 'notice-intro' }, t('ins.noticeIntro')),
        el('table', { class: 'notice-items' },
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('ins.no')),
            el('th', { scope: 'col' }, t('ins.item')),
            el('th', { scope: 'col' }, lab('answers.*.result')),
            el('th', { scope: 'col' }, lab('answers.*.note')),
            el('th', { scope: 'col' }, lab('previous[].rectifications[].deadline')))),
          el('tbody', {}, ...rects.map((r, i) => {
            const ans = getAt(v, `/answers/${esc(r.itemId)}`) ?? {};
            return el('tr', { 'data-item': r.itemId },
              el('td', {}, String(i + 1)),
              el('td', {}, titleOf(r.itemId), r.veto ? el('span', { class: 'veto' }, paren(t('ins.veto'))) : null),
              el('td', {}, resultLabel(ans.result)),
              el('td', {}, ans.note ?? ''),
              el('td', { class: 'deadline' }, r.deadline));
          })))]
      : [el('p', {}, incomplete ? t('ins.rectPending') : t('ins.noRectifications'))]),
    a.reinspectBy ? row(answerLabel('reinspectBy'), a.reinspectBy) : null,
    a.dailyReporting ? el('p', { class: 'notice-note' }, dailyReporting()) : null,
    overdue.length ? row(t('ins.overdue'), overdue.map((d) => d.message).join(zh ? '；' : '; ')) : null,
    a.support?.length ? row(answerLabel('support'), joinList(a.support.map(needLabel))) : null,
    a.decision === 'deferred' ? el('p', { class: 'notice-note strong' }, t('ins.deferredNote')) : null,
    el('div', { class: 'signatures' },
      el('p', {}, `${t('ins.sign.inspector')}${colon}`, el('span', { class: 'line' }), `${t('ins.sign.date')}${colon}`, el('span', { class: 'line short' })),
      el('p', {}, `${t('ins.sign.enterprise')}${colon}`, el('span', { class: 'line' }), `${t('ins.sign.date')}${colon}`, el('span', { class: 'line short' }))),
    el('p', { class: 'notice-date' }, v.inspectedOn ?? ''),
    el('p', { class: 'notice-pack muted' }, `${a.pack.id} ${a.pack.version}`),
  ].filter(Boolean));
}

/**
 * A control focused in the form (Tab, Shift+Tab, a link to it) is never left under the sticky
 * bars: the section heading stuck at the top, the score bar at the bottom on a phone (WCAG 2.2
 * SC 2.4.11; tablet QA F3). The stylesheet's scroll-padding keeps room for them as they usually
 * are; this measures them as they are (a pack's long section title wraps to two lines) once the
 * browser has scrolled the control into view, and scrolls on only if it is still covered.
 */
function clearOfBars(node) {
  if (document.activeElement !== node || !form?.contains(node)) return;
  const box = (node.closest('label.choice') ?? node).getBoundingClientRect();
  if (box.height === 0) return;
  const GAP = 8;
  let top = 0;
  for (const h of form.querySelectorAll('.section > h2')) {
    const r = h.getBoundingClientRect();
    // A heading stuck at the top of the screen (its sticky offset is 0).
    if (r.top <= 1 && r.bottom > 0 && getComputedStyle(h).position === 'sticky') top = Math.max(top, r.bottom);
  }
  let bottom = innerHeight;
  const bar = view?.summary;
  if (bar && getComputedStyle(bar).display !== 'none') {
    const r = bar.getBoundingClientRect();
    if (r.top < innerHeight && r.bottom >= innerHeight - 1) bottom = r.top;
  }
  if (box.top < top + GAP) scrollBy(0, box.top - top - GAP);
  else if (box.bottom > bottom - GAP && box.height < bottom - top) scrollBy(0, box.bottom - bottom + GAP);
}
document.addEventListener('focusin', (ev) => {
  const node = ev.target;
  requestAnimationFrame(() => clearOfBars(node));
});

// ---------------------------------------------------------------- start

const restored = draft.load();
const first = e.scoreInspection(restored ?? {}, options());
description = describeFor(restored ?? {}, first);
build();
if (restored) {
  for (const p of draft.scope()) scope.add(p); // reached before the reload: asked again
  setValue(restored);
  status(t('restored'));
} else status(t('ready'));
check();
sending.start();
if (restored) sending.restore();
window.portalReady = true;
