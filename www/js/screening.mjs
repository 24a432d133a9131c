// The personal screening page (个人排查 / 自主申报): a grid worker asking a resident, or a
// resident declaring for themselves, the last 14 days' travel, contacts and symptoms (domain.md
// §5, rules SCR-*). Every question, hint and option, the outcomes' and decisions' words and the
// rules' titles come from `engine.describe('screening')`; only the portal's own words (headings,
// buttons) come from app.mjs's UI.
//
// - The form is built from describe's fields: an object is a fieldset, a yes/no question a pair
//   of big radio buttons, a date or a number a text input; each input is named by its JSON
//   Pointer and `bindForm` (pkg/form.js) checks the declaration as people answer, with the
//   scope growing as they go.
// - Beside it, live: the outcome (送发热门诊, 集中隔离, 居家观察, 无异常, or 待补充 while a
//   missing answer leaves it open) with the answer's own message, the rule that decided it,
//   `until` (the first free day) only when the answer gives one — a date not given is never
//   counted from — and every diagnostic.
// - Saved locally as people type, restored after a reload; offline through the service worker.
//
// Test hooks: `window.portalReady` (first answer shown, the draft restored) and a
// `fangkong:answer` event on window after each answer is in the DOM.
import { chinaDay, chinaTime, el, engine, exampleName, header, offlineManifest, settings, store, fetchExample, t, tf, toCorrect, undoKeeper } from './app.mjs';
import { bindForm } from '/pkg/form.js';

header('screening');
const main = document.getElementById('main');
document.getElementById('status').textContent = t('loading');

const e = await engine();
const today = chinaDay(settings.now());
const d = e.describe('screening', { locale: settings.locale, on: today });

/** An element id for a JSON Pointer: `/symptoms/temperature` → `f-symptoms-temperature`. */
const idFor = (pointer) => `f${pointer.replace(/[^A-Za-z0-9_]+/g, '-')}`;
const byPointer = new Map(d.fields.map((f) => [f.pointer, f]));
const byId = new Map(d.fields.map((f) => [f.id, f]));
const labelOf = (pointer) => byPointer.get(pointer)?.label ?? pointer;
const outcomeLabel = (x) => d.outcomes.find((o) => o.value === x)?.label ?? x;
const decisionLabel = (x) => d.decisions.find((o) => o.value === x)?.label ?? x;
const ruleOf = (id) => d.rules.find((r) => r.id === id);

// ---------------------------------------------------------------- the form, from describe

const required = (f) => (f.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);

/** One question: radio buttons for a choice (yes/no), a text input otherwise. */
function question(f) {
  const id = idFor(f.pointer);
  // A question asked only in some cases (离开疫区日期, once an epidemic area was visited): says
  // on which answers it depends, in the pack's labels; the engine asks for it when it is needed.
  const depends = [...new Set((f.requiredWhen ?? []).flatMap((w) => w.fields))].map((fid) => byId.get(fid)?.label ?? fid);
  const hint = [f.hint, depends.length ? tf('scr.requiredWhen', { fields: depends.join(t('listSep')) }) : null].filter(Boolean);
  const hintId = hint.length ? `${id}-hint` : undefined;
  const hintNode = hint.length ? el('div', { class: 'hint', id: hintId }, ...hint.map((h) => el('span', {}, h))) : null;
  if (f.enum) {
    // bindForm shows a group's messages in `#<first radio's id>-msg`.
    const ids = f.enum.map((o) => `${id}-${String(o.value).replace(/[^A-Za-z0-9_]+/g, '-')}`);
    return el('fieldset', { class: 'question', id },
      el('legend', {}, f.label, required(f)),
      hintNode,
      el('div', { class: 'choices' }, ...f.enum.map((o, i) => el('label', { class: 'choice', for: ids[i] },
        el('input', { type: 'radio', id: ids[i], name: f.pointer, value: String(o.value), 'aria-describedby': hintId }),
        el('span', {}, o.label)))),
      el('div', { class: 'message', id: `${ids[0]}-msg`, 'aria-live': 'polite' }));
  }
  const control = f.type === 'texts'
    ? el('textarea', { id, name: f.pointer, rows: 3, 'aria-describedby': hintId })
    : el('input', {
      id, name: f.pointer, type: 'text', autocomplete: 'off', spellcheck: 'false',
      inputmode: f.inputMode || (f.type === 'number' ? 'decimal' : undefined), 'aria-describedby': hintId,
    });
  return el('div', { class: 'field' },
    el('label', { for: id }, f.label, required(f)),
    hintNode,
    control,
    el('div', { class: 'message', id: `${id}-msg`, 'aria-live': 'polite' }));
}

const title = el('h1', { id: 'title' }, d.title);
const form = el('form', { id: 'screening', novalidate: true, 'aria-labelledby': 'title', 'on:submit': (ev) => { ev.preventDefault(); checkAll(); } });
const general = el('fieldset', { id: 'f-general', class: 'group' }, el('legend', {}, t('scr.general')));
form.append(general);
/** Pointer → `{ node, msg }`: the fieldset of an object, and where its own messages go. */
const groups = new Map([['', { node: general, msg: null }]]);
for (const f of d.fields) {
  // A declaration has no lists; a pack that added one would need an editor (filing.mjs has one).
  if (f.pointer.includes('*') || f.type === 'array' || f.type === 'map') continue;
  const parent = groups.get(f.pointer.slice(0, f.pointer.lastIndexOf('/'))) ?? groups.get('');
  const into = (node) => (parent.msg ? parent.node.insertBefore(node, parent.msg) : parent.node.append(node));
  if (f.type === 'object') {
    const id = idFor(f.pointer);
    // A diagnostic about the object itself (SCR-1 is said of /symptoms) has no input: it goes here.
    const msg = el('div', { class: 'message group-message', id: `${id}-msg`, 'aria-live': 'polite' });
    const node = el('fieldset', { class: 'group', id, 'aria-describedby': `${id}-msg` },
      el('legend', {}, f.label), f.hint ? el('p', { class: 'hint' }, f.hint) : null, msg);
    (parent === groups.get('') ? form : parent.node).append(node);
    groups.set(f.pointer, { node, msg });
  } else {
    into(question(f));
  }
}

// ---------------------------------------------------------------- the tools above the form

const manifest = await offlineManifest().catch(() => ({ examples: [] }));
const exampleNames = manifest.examples.filter(([kind]) => kind === 'screening').map(([, path]) => path.replace(/^screening\/|\.json$/g, ''));
const exampleSelect = el('select', { id: 'example' }, ...exampleNames.map((n) => el('option', { value: n }, exampleName(n))));
const exampleMessage = el('p', { id: 'example-message', class: 'message', role: 'alert' });
const undoButton = el('button', { type: 'button', class: 'secondary', id: 'undo-replace', hidden: true, 'on:click': () => undo.undo() }, t('scr.undo'));
const tools = el('div', { class: 'tools' },
  exampleNames.length ? el('label', { for: 'example' }, t('scr.example'), exampleSelect) : null,
  exampleNames.length ? el('button', { type: 'button', class: 'secondary', id: 'load-example', 'on:click': loadExample }, t('load')) : null,
  el('button', { type: 'button', class: 'secondary', id: 'clear', 'on:click': clearAll }, t('clear')),
  undoButton,
  exampleMessage);

// ---------------------------------------------------------------- the result beside it

const outcomeEl = el('p', { id: 'outcome', class: 'outcome incomplete', 'data-outcome': 'incomplete' });
const outcomeMessage = el('p', { id: 'outcome-message', class: 'outcome-message' });
const ruleEl = el('dd', { id: 'rule' });
const untilEl = el('dd', { id: 'until' });
const decisionEl = el('dd', { id: 'decision' });
const pendingEl = el('p', { id: 'pending', class: 'muted' });
const diagnosticsList = el('ul', { id: 'diagnostics', class: 'diagnostics' });
const packEl = el('p', { id: 'pack-info', class: 'muted' });
const saveEl = el('p', { id: 'saved', class: 'muted', role: 'status' });

const side = el('aside', { class: 'side', 'aria-label': t('scr.result') },
  el('section', { class: 'panel result', 'aria-labelledby': 'h-result' },
    el('h2', { id: 'h-result' }, t('scr.result')),
    // One live region for what changes together: the outcome and its message.
    el('div', { 'aria-live': 'polite', 'aria-atomic': 'true' }, outcomeEl, outcomeMessage),
    el('dl', { class: 'facts' },
      el('dt', {}, t('scr.rule')), ruleEl,
      el('dt', {}, t('scr.until')), untilEl,
      el('dt', {}, t('scr.decision')), decisionEl),
    pendingEl,
    el('h3', {}, t('scr.diagnostics')), diagnosticsList,
    packEl),
  el('section', { class: 'panel', 'aria-label': t('scr.actions') },
    el('button', { type: 'button', id: 'check-all', 'on:click': checkAll }, t('scr.checkAll')),
    saveEl));

main.replaceChildren(title, el('p', { class: 'intro muted' }, t('scr.intro')),
  el('div', { class: 'layout' }, el('div', { class: 'form-col' }, tools, form), side));

// ---------------------------------------------------------------- checking and showing

// Another tab's change to the draft is loaded or overwritten only as the person chooses (app.mjs `store`).
const drafts = store('screening', { other: { load: loadOther, keep: () => save() } });
let saving = false;
let latest = {};

function save() {
  // With the questions reached, so that one left unanswered is asked again after a reload
  // or a language switch, as on the filing page (field audit, twenty-eighth session).
  saveEl.textContent = drafts.save(latest, [...binding.scope]) ? `${t('saved')} ${chinaTime()}` : t('draftNotSaved');
}

const binding = bindForm(form, e, {
  kind: 'screening',
  now: settings.now,
  locale: settings.locale,
  describe: d,
  onAnswer(a, info) {
    latest = info.value;
    show(a, info.unplaced);
    if (saving) save();
    dispatchEvent(new CustomEvent('fangkong:answer', { detail: { outcome: a.outcome, decision: a.decision, until: a.until } }));
  },
});

/** A date as a `<time>`. */
const time = (date) => el('time', { datetime: date }, date);

function show(a, unplaced) {
  // The outcome: the pack's word for it, or 待补充 while a missing answer leaves it open.
  const outcome = a.outcome ?? 'incomplete';
  outcomeEl.className = `outcome ${outcome}`;
  outcomeEl.dataset.outcome = outcome;
  outcomeEl.textContent = a.outcome ? outcomeLabel(a.outcome) : decisionLabel('incomplete');
  // What the answer says of it: its own message (screening.home_observation, …_undated, …), with its help.
  // Open with every question answered: what keeps it open, in the answer's words (portal audit,
  // twenty-fifth session: a temperature of 99.5 read 尚有问题未回答 beside 已全部回答; the answer
  // asks for it to be measured again).
  const said = a.outcome
    ? a.diagnostics.find((x) => x.params?.outcome === a.outcome)
    : a.pending === 0 && !a.diagnostics.some((x) => x.missing) && a.diagnostics.find((x) => x.severity === 'error');
  outcomeMessage.replaceChildren(...(said ? [said.message, ...(said.help ? [el('span', { class: 'help' }, ` ${said.help}`)] : [])]
    : a.outcome ? [] : [t('scr.incompleteNote')]));

  const rule = a.ruleId ? ruleOf(a.ruleId) : null;
  ruleEl.dataset.rule = a.ruleId ?? '';
  ruleEl.replaceChildren(...(a.ruleId ? [el('strong', {}, a.ruleId), rule ? ` ${rule.title}` : '']
    : [a.outcome ? t('scr.noRule') : t('scr.ruleOpen')]));

  // `until` only as the answer gives it: never counted here, never from a date not given. An
  // outcome without its end date while nothing is left to fill in: the date it counts from was
  // given but refused (after today, 2020-02-30), to be corrected, not filled in (field audit,
  // twenty-eighth session: 缺少起算日期 beside the date typed).
  const dated = a.outcome === 'central_quarantine' || a.outcome === 'home_observation';
  untilEl.dataset.until = a.until ?? '';
  untilEl.replaceChildren(...(a.until ? [time(a.until), el('span', { class: 'muted' }, ` ${t('scr.untilNote')}`)]
    : [dated ? t(toCorrect(a) ? 'scr.untilWrongDate' : 'scr.untilUndated') : a.outcome ? t('scr.untilNA') : t('scr.untilOpen')]));

  decisionEl.dataset.decision = a.decision;
  decisionEl.className = `decision-word ${a.decision}`;
  // Deferred with no outcome that calls for it (normal, or not known): an error in what was
  // declared (a date after today), to be corrected, not 须立即处置, the words of a fever clinic
  // or a quarantine (portal audit, twenty-sixth session).
  // Open with nothing left to answer: a value given but refused (a date after today) keeps it
  // open, to be corrected, not 待补充 beside 已全部回答 (field audit, twenty-eighth session; the
  // inspection page says the same).
  const urgent = a.outcome === 'fever_clinic' || a.outcome === 'central_quarantine';
  decisionEl.textContent = (a.decision === 'deferred' && !urgent) || toCorrect(a) ? t('scr.toCorrect') : decisionLabel(a.decision);

  const missing = a.pending + a.diagnostics.filter((x) => x.missing).length;
  pendingEl.textContent = missing ? tf('scr.pending', { n: missing }) : t('scr.noPending');

  diagnosticsList.replaceChildren(...(a.diagnostics.length ? a.diagnostics.map((x) => el('li', { class: x.severity, 'data-code': x.code, 'data-path': x.path },
    el('button', { type: 'button', class: 'cause', 'on:click': () => focusPointer(x.path) }, x.message),
    x.help ? el('span', { class: 'help' }, ` ${x.help}`) : null,
    el('span', { class: 'muted where' }, ` ${x.ruleId}${x.path ? ` · ${labelOf(x.path)}` : ''}`)))
    : [el('li', { class: 'muted' }, t('scr.noDiagnostics'))]));

  // Diagnostics of a group (no input of their own) under its legend.
  for (const [pointer, { node, msg }] of groups) {
    if (!msg) continue;
    const here = unplaced.filter((x) => x.path === pointer);
    const worst = ['error', 'warning', 'info'].find((s) => here.some((x) => x.severity === s));
    msg.className = `message group-message${worst ? ` ${worst}` : ''}`;
    node.classList.toggle('has-error', worst === 'error');
    msg.replaceChildren(...here.map((x) => el('span', { class: `diagnostic ${x.severity}` }, x.message, x.help ? el('span', { class: 'help' }, ` ${x.help}`) : null)));
  }

  packEl.textContent = `${t('pack')}${t('colon')}${a.pack.id} ${a.pack.version} · ${t('now')}${t('colon')}${a.today}`;
}

/** Focuses the input of `pointer`, or the first one of the group it names. */
function focusPointer(pointer) {
  let p = pointer;
  while (p) {
    const byName = form.querySelector(`[name="${CSS.escape(p)}"]:checked`) ?? form.querySelector(`[name="${CSS.escape(p)}"]`);
    const target = byName ?? document.getElementById(idFor(p))?.querySelector('input, select, textarea');
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** Every question's messages, missing answers too; then to the first one to see to. */
async function checkAll() {
  binding.visit('');
  const a = await binding.check();
  // The first question to see to in the form's order, as the filing page's 提交 does (portal
  // audit, twenty-fifth session: the engine's order put the focus on the fifth question, the
  // declaration's date four questions above it, off screen).
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    invalid.scrollIntoView({ block: 'center' });
    return;
  }
  const first = a.diagnostics.find((x) => x.missing || x.severity === 'error');
  if (first) focusPointer(first.path);
}

// ---------------------------------------------------------------- loading, clearing, restoring

/** Every pointer of a value's leaves. */
function leaves(value, prefix = '', out = []) {
  for (const [k, v] of Object.entries(value ?? {})) {
    const p = `${prefix}/${k}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) leaves(v, p, out);
    else if (v !== undefined && v !== null && v !== '') out.push(p);
  }
  return out;
}

function fill(value) {
  const v = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
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
    value = await fetchExample('screening', exampleSelect.value);
  } catch (err) {
    exampleMessage.textContent = tf('scr.exampleFailed', { name: exampleName(exampleSelect.value), msg: String(err?.message ?? err) });
    return;
  }
  keepForUndo();
  binding.scope.clear();
  await fill(value);
}

async function clearAll() {
  keepForUndo();
  binding.scope.clear();
  await fill({});
  saveEl.textContent = drafts.clear() ? '' : t('draftNotSaved');
}

/** The draft another tab saved, chosen in place of this page's (kept for 撤销). */
async function loadOther(value, scope) {
  keepForUndo();
  binding.scope.clear();
  for (const p of scope) binding.visit(p);
  await fill(value ?? {});
}

const draft = drafts.load();
if (draft) {
  for (const p of drafts.scope()) binding.visit(p); // reached before the reload: asked again
  await fill(draft);
  saveEl.textContent = t('restored');
} else {
  await binding.check();
}
saving = true;
window.portalReady = true;
