// fangkong/form: checks an HTML form with the engine as people type.
//
//   import { bindForm } from 'fangkong/form';
//   const binding = bindForm(form, engine, { kind: 'filing', now: () => new Date(), locale: 'zh-CN' });
//
// Inputs are named by the JSON Pointer of their value (`<input name="/staff/total">`). A plain ES
// module without dependencies: no inline style and no HTML is ever written (text, classes and
// attributes only), so it runs under `Content-Security-Policy: default-src 'self'`.

const METHODS = {
  filing: 'checkFiling',
  inspection: 'scoreInspection',
  indicators: 'evaluateIndicators',
  screening: 'screenPerson',
};
const CONTROLS = 'input,select,textarea';
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const SKIPPED_TYPES = new Set(['button', 'submit', 'reset', 'image', 'file']);
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'textarea']);
const SEVERITIES = ['error', 'warning', 'info'];
const INDEX = /^(0|[1-9]\d*)$/;
/** Most characters of JSON Pointers a check's `scope` may hold, as the engine counts them. */
const MAX_SCOPE = 4 * 1024 * 1024;
/** A JSON Pointer the engine takes: `""`, or `/…` with `~` only as `~0` or `~1`. */
const isPointer = (p) => p === '' || (p.startsWith('/') && !/~(?![01])/.test(p));
/** Formats whose `maxLength` counts the normalised value (spaces and hyphens typed are dropped). */
const SPACED_FORMATS = new Set(['creditCode', 'idNumber']);
const OPTIONS = new Set(['kind', 'now', 'locale', 'packVersion', 'personal', 'onAnswer', 'checker', 'describe', 'onError']);

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** A `TypeError` with a stable `code`, as the package's other errors have. */
const misuse = (message, code) => Object.assign(new TypeError(message), { code });

/** The JSON Pointer an input stands for: its `name` when it starts with `/`, else `null`. */
export function pointerOf(input) {
  const name = input && typeof input.getAttribute === 'function' ? input.getAttribute('name') : null;
  return name && name.startsWith('/') ? name : null;
}

/** The segments of a JSON Pointer, unescaped (`/a~1b/0` → `['a/b', '0']`); `""` → `[]`. */
export function segmentsOf(pointer) {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` in `value` (`undefined` when there is none). */
export function valueAt(value, pointer) {
  let node = value;
  for (const key of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object' || !hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Field descriptions by pointer, `*` matching any one segment (exact segments win). */
function fieldIndex(fields) {
  const root = { children: new Map(), star: null, field: null };
  for (const f of fields || []) {
    let node = root;
    for (const seg of segmentsOf(f.pointer)) {
      if (seg === '*') node = node.star ??= { children: new Map(), star: null, field: null };
      else {
        let next = node.children.get(seg);
        if (!next) node.children.set(seg, next = { children: new Map(), star: null, field: null });
        node = next;
      }
    }
    node.field = f;
  }
  const cache = new Map();
  const find = (node, segs, i) => {
    if (!node) return null;
    if (i === segs.length) return node.field;
    return find(node.children.get(segs[i]), segs, i + 1) ?? find(node.star, segs, i + 1);
  };
  return (pointer) => {
    if (!cache.has(pointer)) cache.set(pointer, find(root, segmentsOf(pointer), 0));
    return cache.get(pointer);
  };
}

function setKey(obj, key, v) {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}

const isCheckable = (el) => el.type === 'checkbox' || el.type === 'radio';
const isTextLike = (el) => TEXT_TYPES.has(el.type) || (el.tagName === 'INPUT' && !el.getAttribute('type'));
/** What an input holding something the browser cannot read sends: a number input's "1e", a date
 *  input with only its month typed. Its value is "" then, which is no missing answer (read()
 *  below); the engine reads 'NaN' as no number and no date (`input.invalid_type`, `date.format`). */
const UNREADABLE = 'NaN';
const unreadable = (el) => el.validity !== undefined && el.validity.badInput === true;
/** What an input holds, as one string (to notice changes). */
const rawOf = (el) => {
  if (isCheckable(el)) return el.indeterminate ? '?' : el.checked ? '1' : '0';
  if (unreadable(el)) return '\u0000' + UNREADABLE; // "" to its value, yet not empty
  if (el.type === 'select-multiple') return [...el.selectedOptions].map((o) => o.value).join('\n');
  return el.value;
};

const escapeKey = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `set` and `remove` calls on `draft` that take the submission `from` to `to` (as JSON
 * sees them: an `undefined` member is left out, an `undefined` element is `null`). A pointer is
 * written only for what differs: a 1,000-row roster given afresh (a copy, or a Web Worker's
 * message) with one cell changed costs a comparison per cell, not a pointer per cell.
 */
function edit(draft, from, to, pointer, element = false) {
  if (from === to) return;
  if (typeof to === 'function' || typeof to === 'symbol') to = undefined; // as JSON leaves them out
  if (element && to === undefined) to = null;
  if (isPlainObject(from) && isPlainObject(to) && !(typeof to.toJSON === 'function')) {
    for (const k in from) if (hasOwn(from, k) && !hasOwn(to, k)) draft.remove(`${pointer}/${escapeKey(k)}`);
    for (const k in to) {
      if (!hasOwn(to, k)) continue;
      const b = to[k];
      if (!hasOwn(from, k)) draft.set(`${pointer}/${escapeKey(k)}`, b);
      else if (from[k] !== b) edit(draft, from[k], b, `${pointer}/${escapeKey(k)}`);
    }
  } else if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    for (let i = 0; i < to.length; i++) {
      const a = from[i] === undefined ? null : from[i];
      const b = to[i] === undefined ? null : to[i];
      if (a !== b) edit(draft, a, b, `${pointer}/${i}`, true);
    }
  } else {
    draft.set(pointer, to);
  }
}

/** What is wrong with a checker's answer, as bindForm reads it, or `null` when nothing is. */
function notAnswer(answer) {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return answer === null ? 'null' : Array.isArray(answer) ? 'an array' : `a ${typeof answer}`;
  const { diagnostics, normalized } = answer;
  if (diagnostics != null) {
    if (!Array.isArray(diagnostics)) return '`diagnostics` that is no array';
    const i = diagnostics.findIndex((d) => d === null || typeof d !== 'object' || typeof d.path !== 'string');
    if (i >= 0) return `\`diagnostics[${i}]\` that is no diagnostic (an object with a \`path\`)`;
  }
  if (normalized != null) {
    if (!Array.isArray(normalized)) return '`normalized` that is no array';
    const i = normalized.findIndex((n) => n === null || typeof n !== 'object');
    if (i >= 0) return `\`normalized[${i}]\` that is no object`;
  }
  return null;
}

/** The day of `now` in China Standard Time (the engine's "today"), or `now` itself as text. */
function dayOf(now) {
  if (now instanceof Date && Number.isFinite(now.getTime())) return new Date(now.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
  return `=${String(now)}`;
}

/** A number JSON cannot hold, as the engine reads it: its text (`NaN`, `Infinity`), not `null`. */
const nonFinite = (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
/** An object JSON writes as `{}` whatever it holds (a Map, a Set, FormData …), which the engine refuses. */
const opaque = (_, v) => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.toJSON !== 'function') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null && Object.keys(v).length === 0) throw opaque;
  }
  return v;
};
/**
 * The submission as the engine reads it (the JSON text `checkFiling` is given, parsed again), or
 * `undefined` when the engine had better read the value itself: JSON text (a key given twice is
 * an answer), something JSON cannot write, or an object it writes as `{}` whatever it holds.
 * A copy taken through JSON, not `structuredClone`: that throws for a function anywhere in the
 * value and for any Proxy (Vue's `reactive()`), which the engine reads as JSON does.
 */
function readable(value) {
  if (value === null || typeof value !== 'object') return undefined;
  let text;
  try {
    text = JSON.stringify(value);
    if (typeof text !== 'string') return undefined;
    if (text.includes('null')) text = JSON.stringify(value, nonFinite);
    if (text.includes('{}')) JSON.stringify(value, opaque);
  } catch {
    return undefined;
  }
  return { text, plain: JSON.parse(text) };
}

/**
 * A checker that keeps an `engine.draft` of the submission: each check gives the draft only
 * what changed since the previous one (`draft.set`, `draft.remove`, `draft.setScope`), so a
 * keystroke re-judges only what it reaches; the answer equals `checkFiling` of the value.
 * A new draft is made when the day of `now`, the locale or the pack version changes. Kinds
 * without drafts (and engines without `draft`) are checked whole, and so is JSON text. Each
 * value is read as the engine reads it, through JSON (`readable`): a Proxy is read through,
 * functions are left out. `snapshot: false` when the values given are plain data never changed
 * afterwards (bindForm's own are built afresh each time; a worker's are copies of messages): they
 * are compared as they are, without that JSON copy.
 */
export function draftChecker(engine, { snapshot = true } = {}) {
  let draft = null;
  let key = null;
  let given;
  let scope = null;
  const free = () => {
    try { draft?.free(); } catch { /* freed with its engine */ }
    draft = null;
    key = null;
  };
  const whole = (kind, value, options) => engine[METHODS[kind]](value, options);
  const attempt = (kind, value, options) => {
    // JSON text (a key given twice is an answer of its own) and other kinds: read by the engine.
    if (kind !== 'filing' || typeof engine?.draft !== 'function' || value === null || typeof value !== 'object') return whole(kind, value, options);
    // With `snapshot`, the draft is given the value as the engine reads it, and keeps that: taken
    // before the draft is touched, so a value that cannot be copied leaves the draft and what it
    // remembers in step (hostile audit, thirty-sixth session: a value holding a function was
    // edited into the draft, then failed to copy, and a later check answered for it); such a
    // value is checked whole, the draft kept for the next.
    let read = null;
    if (snapshot) {
      read = readable(value);
      if (!read) return whole(kind, value, options);
    }
    const { scope: wanted = null, ...rest } = options;
    const k = JSON.stringify([dayOf(rest.now), { ...rest, now: undefined }]);
    try {
      if (!draft || k !== key) {
        free();
        draft = engine.draft(kind, { ...rest, scope: wanted }, read ? read.text : value);
        key = k;
        scope = wanted === null ? null : [...wanted];
      } else {
        edit(draft, given, read ? read.plain : value, '');
        if (JSON.stringify(scope) !== JSON.stringify(wanted)) {
          draft.setScope(wanted);
          scope = wanted === null ? null : [...wanted];
        }
      }
    } catch (e) {
      free(); // half edited: the next check starts a new draft
      // The module lost: the caller makes it afresh. Anything else a draft cannot hold (a
      // submission over the draft's 4 MiB, a root that is text) is the whole check's to answer,
      // as `checkFiling` does, or to refuse with the same error (draft audit, thirty-eighth
      // session: a 4.5 MiB name threw, and a bound form kept its last answer).
      if (e?.code === 'engine.lost') throw e;
      return whole(kind, value, options);
    }
    given = read ? read.plain : value;
    return draft.answer();
  };
  return {
    check(kind, value, options = {}) {
      if (typeof kind !== 'string' || !Object.hasOwn(METHODS, kind)) throw misuse(`draftChecker: unknown kind ${JSON.stringify(kind) ?? typeof kind} (filing, inspection, indicators or screening)`, 'options.invalid');
      const had = draft !== null;
      try {
        return attempt(kind, value, options);
      } catch (e) {
        // The module trapped and was made afresh: the draft was lost with it, the engine is
        // made again by itself (the package's recovery). Once more, with a new draft.
        if (e?.code !== 'engine.lost' || !had) throw e;
        free();
        return attempt(kind, value, options);
      }
    },
    free,
  };
}

/**
 * The default description's options: the pack version `packVersion` names, else the one in
 * force today (the day of `now` at binding), as a submission dated today is judged by: without
 * `on` describe gives the latest version, whose labels and limits may not be the ones the
 * answers come from (client pages, nineteenth session: a page at 2020-02-12 showed 2020-04-07's).
 */
function describeOptions(options, locale, n) {
  const o = locale ? { locale } : {};
  if (typeof options.packVersion === 'string') return { ...o, packVersion: options.packVersion };
  const at = typeof n === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(n) ? new Date(n) : n;
  if (typeof at === 'string' || (at instanceof Date && !Number.isNaN(at.getTime()))) o.on = at;
  return o;
}

/**
 * Binds `form` (a `<form>` or any element holding inputs named by JSON Pointer) to `engine`.
 * See form.d.ts and the package README for the whole contract.
 */
export function bindForm(form, engine, options = {}) {
  if (options === null || typeof options !== 'object') throw misuse('bindForm: options must be an object', 'options.invalid');
  for (const k of Object.keys(options)) if (!OPTIONS.has(k)) throw misuse(`bindForm: unknown option ${JSON.stringify(k)} (known: ${[...OPTIONS].join(', ')})`, 'options.invalid');
  const { kind = 'filing', onAnswer, checker, onError } = options;
  const method = typeof kind === 'string' && Object.hasOwn(METHODS, kind) ? METHODS[kind] : undefined; // not `toString`
  if (!method) throw misuse(`bindForm: unknown kind ${JSON.stringify(kind)} (filing, inspection, indicators or screening)`, 'options.invalid');
  if (!form || typeof form.querySelectorAll !== 'function') throw misuse('bindForm: a form (or an element holding inputs) is needed', 'options.invalid');
  if (!checker && !(engine && typeof engine[method] === 'function')) throw misuse('bindForm: an engine (or a checker) is needed', 'options.invalid');
  if (checker && typeof checker.check !== 'function') throw misuse('bindForm: a checker has a check(kind, value, options) method', 'options.invalid');
  // Without an engine, only `describe` tells the fields' types and which are required (client
  // audit, thirty-ninth session: bound without it, a list was sent as one text, nothing required).
  if (!(engine && typeof engine.describe === 'function') && !options.describe) throw misuse('bindForm: without an engine, give the describe option (engine.describe(kind) on the server, say) with the checker', 'options.invalid');
  // Option values that would be taken silently as something else are refused when the form is
  // bound, as the engine refuses them (client audit, thirty-fifth session: `personal: 'false'`
  // was on; `now: Date.now()`, a number, bound a form that showed nothing and logged at each check).
  if (options.personal !== undefined && typeof options.personal !== 'boolean') throw misuse(`bindForm: personal is true or false, got ${JSON.stringify(options.personal) ?? typeof options.personal}`, 'options.invalid');
  const n = options.now;
  if (n !== undefined && typeof n !== 'function' && typeof n !== 'string' && !(n instanceof Date)) throw misuse('bindForm: now is an RFC 3339 time, a Date, or a function giving one', 'options.invalid');
  let locale = options.locale;
  const doc = form.ownerDocument;
  // The document, or the shadow root the form is in (asked once per pass: it is slow in Chromium).
  let rootNode = null;
  const root = () => rootNode ??= (form.getRootNode ? form.getRootNode() : doc);
  const byId = (id) => {
    const r = root();
    return r.getElementById ? r.getElementById(id) : r.querySelector?.(`[id="${id.replace(/["\\]/g, '\\$&')}"]`) ?? null;
  };
  const nowOf = () => {
    const n = typeof options.now === 'function' ? options.now() : options.now;
    return n ?? new Date();
  };
  const describeIn = (loc) => (engine ? engine.describe(kind, describeOptions(options, loc, nowOf())) : null);
  let description = options.describe ?? describeIn(locale);
  let fieldOf = fieldIndex(description && description.fields);
  const typeOf = (pointer) => fieldOf(pointer)?.type;

  const scope = new Set();
  let scopeChars = 0; // the scope's length as the engine counts it (each pointer and a comma)
  /**
   * Adds a pointer to the scope, unless the engine would refuse it there (`~2`, or past 4 MiB of
   * pointers): one such pointer made every later check fail (hostile audit, thirty-sixth session).
   */
  const reach = (pointer) => {
    if (scope.has(pointer)) return true;
    if (!isPointer(pointer) || scopeChars + pointer.length + 1 > MAX_SCOPE) return false;
    scope.add(pointer);
    scopeChars += pointer.length + 1;
    return true;
  };
  // Without a checker: a draft of the submission, given each check's changes only.
  const drafting = draftChecker(engine, { snapshot: false });
  let destroyed = false;
  let index = null; // Map pointer → { pointer, inputs, group }
  let scheduled = false;
  let seq = 0; // the latest check issued
  let lastAnswer = null;
  let lastRaw = new Map(); // input → raw text at the latest check issued
  const waiters = []; // { seq, resolve, reject }
  const marked = new Map(); // first input of an entry → the entry, while it shows messages
  const shown = new WeakMap(); // entry inputs[0] → signature of the messages shown
  const msgs = new WeakMap(); // first input → its message element
  const givenIds = new WeakMap(); // input → the id bindForm gave it
  const firstOf = new WeakMap(); // input → the first input of its entry (at the latest index)
  const known = new Set(); // pointers setValue gave a value: a checkbox there is an answer
  const prepared = new WeakSet(); // inputs whose attributes came from describe
  const deferred = new Set(); // pointers whose normalised value waits for the blur
  // "Reward early, punish late": a text input typed in while it shows no error gets no new
  // message until it is left (blur, change) or visited; what it shows may only go meanwhile.
  // One that shows an error is re-checked at each keystroke, its error gone once it is valid.
  const quiet = new Set(); // pointers being typed in, their new messages held back
  const shownKeys = new WeakMap(); // first input of an entry → severity and code of each message shown
  const keyOf = (d) => `${d.severity}\u0000${d.code}`;

  // --- inputs -------------------------------------------------------------------------
  function freshId(base, el) {
    let id = base;
    for (let n = 2; ; n++) {
      const other = byId(id);
      if (!other || other === el) return id;
      id = `${base}-${n}`;
    }
  }
  const idBase = (pointer, el) => `fk${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}${el.type === 'radio' || (el.type === 'checkbox' && el.value !== 'on') ? `-${String(el.value).replace(/[^A-Za-z0-9_-]/g, '-')}` : ''}`;

  function prepare(el, pointer) {
    if (prepared.has(el)) return;
    prepared.add(el);
    const f = fieldOf(pointer);
    if (f) {
      const textLike = isTextLike(el);
      // Not under a `*`: in a list's rows (`/roster/*/name`) a row left blank is no row, which the
      // engine does not ask about, and the browser's own check would flag it (reportValidity's
      // bubble); a checklist's item (`/answers/*/result`) may not apply (INS-S3-3 with no
      // key-area staff returned: not asked for; review, thirty-ninth session). The engine asks
      // for what is missing there, by messages.
      if (f.required && !f.pointer.includes('/*') && !el.hasAttribute('required') && el.type !== 'checkbox' && el.type !== 'hidden') el.required = true;
      // Not for codes typed with spaces or hyphens (`9144 0311 MA5G 0K3P 1W`, as printed on a
      // licence): their length counts once normalised, and the engine takes the spaced form.
      if (f.maxLength != null && textLike && !SPACED_FORMATS.has(f.format) && !el.hasAttribute('maxlength')) el.setAttribute('maxlength', String(f.maxLength));
      if (f.min != null && (el.type === 'number' || el.type === 'range') && !el.hasAttribute('min')) el.setAttribute('min', String(f.min));
      if (f.max != null && (el.type === 'number' || el.type === 'range') && !el.hasAttribute('max')) el.setAttribute('max', String(f.max));
      // On a `type=number` input too: phones show their full keyboard for it unless told the
      // digits' pad (`numeric`) or the one with a decimal point (`decimal`).
      if (f.inputMode && (textLike || el.type === 'number') && !el.hasAttribute('inputmode')) el.setAttribute('inputmode', f.inputMode);
    }
  }

  /** Where a pointer's value goes: its segments, and for each parent whether it is a list. */
  const shapes = new Map();
  function shapeOf(pointer) {
    let shape = shapes.get(pointer);
    if (shape) return shape;
    const escaped = pointer.slice(1).split('/');
    const segs = segmentsOf(pointer);
    const prefixes = [];
    const lists = [];
    let prefix = '';
    for (let i = 0; i < segs.length - 1; i++) {
      prefix += `/${escaped[i]}`;
      const t = typeOf(prefix);
      prefixes.push(prefix);
      lists.push(t === 'array' || t === 'texts' || (!t && INDEX.test(segs[i + 1])));
    }
    shapes.set(pointer, shape = { type: typeOf(pointer), segs, prefixes, lists });
    return shape;
  }

  function buildIndex() {
    rootNode = null;
    const map = new Map();
    const renamed = [];
    for (const el of form.elements ?? form.querySelectorAll(CONTROLS)) {
      const pointer = pointerOf(el);
      if (!pointer || !CONTROL_TAGS.has(el.tagName) || SKIPPED_TYPES.has(el.type)) continue;
      let entry = map.get(pointer);
      if (!entry) map.set(pointer, entry = { pointer, inputs: [] });
      entry.inputs.push(el);
      prepare(el, pointer);
      const given = givenIds.get(el);
      if (!el.id || (given && given.id === el.id && (given.pointer !== pointer || (isCheckable(el) && given.value !== el.value)))) renamed.push([el, pointer]);
    }
    for (const [el] of renamed) if (givenIds.get(el)?.id === el.id) el.removeAttribute('id');
    for (const [el, pointer] of renamed) {
      el.id = freshId(idBase(pointer, el), el);
      givenIds.set(el, { id: el.id, pointer, value: el.value });
    }
    for (const entry of map.values()) {
      const [first] = entry.inputs;
      for (const el of entry.inputs) firstOf.set(el, first);
      Object.assign(entry, shapeOf(entry.pointer));
      if (entry.inputs.every((el) => el.type === 'radio')) entry.group = 'radio';
      else if (first.type === 'checkbox' && (entry.inputs.length > 1 || entry.type === 'texts')) entry.group = 'checkboxes';
      else entry.group = null;
    }
    return map;
  }

  // Inputs added (roster rows) are indexed as soon as the DOM settles, once for all the
  // records of a task: their `required`, `inputmode` and id are there before anyone types.
  const observer = typeof MutationObserver === 'function' ? new MutationObserver((records) => {
    noticeMutations(records);
    if (!index && !destroyed) index = buildIndex();
  }) : null;
  function noticeMutations(records) {
    if (!index) return;
    for (const r of records) {
      if (r.type === 'attributes') { index = null; return; }
      for (const n of [...r.addedNodes, ...r.removedNodes]) {
        if (n.nodeType === 1 && (n.matches(CONTROLS) || n.querySelector(CONTROLS))) { index = null; return; }
      }
    }
  }
  observer?.observe(form, { childList: true, subtree: true, attributes: true, attributeFilter: ['name', 'type'] });
  const inputs = () => {
    if (observer) noticeMutations(observer.takeRecords());
    return index ??= buildIndex();
  };

  // --- the submission ---------------------------------------------------------------
  /**
   * Has the person reached this entry (it, or a section above it, is in the scope), or did
   * setValue fill it? Before that an unticked checkbox is no answer: a question not yet read is
   * missing, never `false` (domain.md §7: missing is not a fact).
   */
  function reached(entry) {
    if (scope.has('') || scope.has(entry.pointer) || known.has(entry.pointer)) return true;
    for (const p of entry.prefixes ?? []) if (scope.has(p)) return true;
    return false;
  }
  const BOOL = { true: true, false: false };
  let disabledSets = false; // whether the form has a disabled fieldset (asked once per build)
  /** The value of one entry, or undefined (left out). */
  function read(entry, raw) {
    const { inputs: els, group, type } = entry;
    const live = els.length === 1 && !els[0].disabled && !(disabledSets && els[0].closest('fieldset[disabled]')) ? els
      : els.filter((el) => !el.disabled && !(disabledSets && el.closest('fieldset[disabled]')));
    for (const el of live) raw.set(el, rawOf(el));
    if (live.length === 0) return undefined;
    const fromChoice = (v) => (type !== 'text' && type !== 'date' && hasOwn(BOOL, v) ? BOOL[v] : v);
    if (group === 'radio') {
      const on = live.find((el) => el.checked);
      return on ? fromChoice(on.value) : undefined;
    }
    if (group === 'checkboxes') {
      // None ticked is an answer once the group is reached ("the firm needs nothing": `[]`),
      // as an unticked checkbox is; before, a question not yet read (client pages, nineteenth
      // session: a firm with no needs could never be recorded, so never approved).
      const values = live.filter((el) => el.checked).map((el) => el.value);
      return values.length || reached(entry) ? values : undefined;
    }
    for (const el of live) {
      let v;
      if (el.type === 'checkbox') {
        if (el.indeterminate) continue;
        if (!el.checked && !reached(entry)) continue; // not answered yet: missing, not `false`
        if (type === 'boolean' || el.value === 'on' || el.value === 'true') v = el.checked;
        else if (el.value === 'false') v = !el.checked;
        else v = el.checked ? el.value : undefined;
      } else if (el.type === 'select-multiple') {
        const values = [...el.selectedOptions].map((o) => o.value).filter((x) => x !== '');
        v = values.length ? values : undefined;
      } else if (unreadable(el)) {
        // Typed, but nothing the browser can read ("1e", "12..5" in a number input; a date input
        // with only its month or day): its value is "" then, which is not a missing answer. The
        // engine is told of a value that is no number or date (`input.invalid_type`,
        // `date.format`, in the pack's words), never asked to fill in what was filled in.
        v = UNREADABLE;
      } else if (el.value.trim() === '') {
        v = undefined;
      } else if (type === 'texts') {
        const lines = el.value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
        v = lines.length ? lines : undefined;
      } else if (type === 'number') {
        v = el.value.trim();
      } else if (el.tagName === 'SELECT' || type === 'boolean') {
        v = fromChoice(el.value.trim());
      } else {
        v = el.value;
      }
      if (v !== undefined) return v;
    }
    return undefined;
  }

  function build(raw = new Map()) {
    const out = {};
    const arrays = [];
    const containers = new Map([['', out]]);
    // Rows of a list begun only by unticked checkboxes, by pointer: [list, index]. Such a row is
    // blank, no row (draft audit, thirty-eighth session: a blank roster row's unticked 返岗
    // checkbox sent `{"returning": false}` on submit, and the form asked for its name).
    const unticked = new Map();
    disabledSets = form.querySelector('fieldset[disabled]') !== null;
    entries: for (const entry of inputs().values()) {
      const v = read(entry, raw);
      if (v === undefined) continue;
      const { segs, prefixes, lists } = entry;
      const weak = entry.inputs.every((el) => el.type === 'checkbox' && !el.checked);
      let node = out;
      for (let i = 0; i < segs.length; i++) {
        if (Array.isArray(node) && !INDEX.test(segs[i])) continue entries; // a name that is no index
        if (i === segs.length - 1) break;
        let child = containers.get(prefixes[i]);
        if (!child) {
          child = lists[i] ? [] : {};
          if (lists[i]) arrays.push(child);
          if (hasOwn(node, segs[i])) continue entries; // a value and a group at once
          setKey(node, segs[i], child);
          containers.set(prefixes[i], child);
          if (weak && (Array.isArray(node) || lists[i])) unticked.set(prefixes[i], [node, segs[i], child]);
        } else if (!weak && unticked.size) unticked.delete(prefixes[i]);
        node = child;
      }
      const last = segs[segs.length - 1];
      if (containers.has(entry.pointer)) continue; // a group already holds inputs below it
      setKey(node, last, v);
    }
    // Rows first (the deepest last: a list holding them is left empty), then a list begun only by
    // them, which is no list either (as when no row had a checkbox).
    const blank = [...unticked.values()];
    for (const [parent, key, child] of blank.reverse()) {
      if (Array.isArray(child) && child.length) continue;
      delete parent[key];
      if (Array.isArray(parent)) while (parent.length && !(parent.length - 1 in parent)) parent.length -= 1;
    }
    for (const a of arrays) {
      let hole = false;
      for (let i = 0; i < a.length; i++) if (!(i in a)) { hole = true; break; }
      if (!hole) continue;
      const objects = a.some((x) => x !== null && typeof x === 'object');
      if (objects) for (let i = 0; i < a.length; i++) { if (!(i in a)) a[i] = {}; }
      else { const kept = a.filter(() => true); a.length = 0; a.push(...kept); }
    }
    return out;
  }

  // --- messages ---------------------------------------------------------------------
  // Entries by the pointer of their parent, for the map of inputs they were read from.
  const childrenOf = new WeakMap();
  function placeOf(d, map) {
    const path = d.path;
    if (map.has(path)) return map.get(path);
    // Below an input (a list in one textarea): that input.
    let p = path;
    while (p.lastIndexOf('/') > 0) {
      p = p.slice(0, p.lastIndexOf('/'));
      if (map.has(p)) return map.get(p);
    }
    // A parent of inputs: nowhere (a message about a whole list is not one row's, a unit's
    // shortfall not its id's), unless the diagnostic asks for a value there: then the first input
    // right below it that the description requires (an unanswered inspection item at its result,
    // `/facts/knowledge` at its `sampled`); or it is about the item its last key names (its
    // rule): then the one required input right below it, if there is exactly one (a failed item,
    // `/answers/INS-S1-1` of rule INS-S1-1, at its result).
    const named = path.slice(path.lastIndexOf('/') + 1) === d.ruleId;
    if (!d.missing && !named) return null;
    let children = childrenOf.get(map);
    if (!children) {
      childrenOf.set(map, children = new Map());
      for (const entry of map.values()) {
        const parent = entry.pointer.slice(0, entry.pointer.lastIndexOf('/'));
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(entry);
      }
    }
    const required = (children.get(path) ?? []).filter((entry) => fieldOf(entry.pointer)?.required);
    return required.length === 1 || (d.missing && required.length > 0) ? required[0] : null;
  }

  function messageElement(entry, create) {
    const first = entry.inputs[0];
    const id = `${first.id}-msg`;
    let msg = msgs.get(first);
    if (!msg || !msg.isConnected) {
      msg = byId(id);
      if (!msg && !create) return null;
      if (!msg) {
        msg = doc.createElement('span');
        msg.className = 'message';
        msg.setAttribute('aria-live', 'polite');
        let anchor = entry.inputs[entry.inputs.length - 1];
        const label = anchor.parentElement && anchor.parentElement.closest('label');
        if (label && form.contains(label)) anchor = label;
        anchor.after(msg);
      }
      msgs.set(first, msg);
    }
    if (msg.id !== id) {
      for (const el of entry.inputs) {
        const had = (el.getAttribute('aria-describedby') || '').split(/\s+/).includes(msg.id);
        describedBy(el, msg.id, false);
        if (had) describedBy(el, id, true);
      }
      msg.id = id;
    }
    return msg;
  }

  function describedBy(el, id, on) {
    if (!id) return;
    const tokens = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const has = tokens.includes(id);
    if (on && !has) tokens.push(id);
    if (!on && has) tokens.splice(tokens.indexOf(id), 1);
    if (on !== has) {
      if (tokens.length) el.setAttribute('aria-describedby', tokens.join(' '));
      else el.removeAttribute('aria-describedby');
    }
  }

  /**
   * Is `text` shown beside the entry's inputs already: the text of an element (not `hidden`) that
   * their `aria-describedby` names, other than the message element, or of one of its children (a
   * hint of several lines)? A value asked for (`missing`) then shows its message without its help,
   * which is the field's hint (thirty-sixth session: "请填写：口罩数量 现有库存，填写只数" right
   * under the hint "现有库存，填写只数"). bindForm renders no hints: the page's are what it finds.
   */
  function besideInput(entry, text, msgId) {
    const squash = (s) => s.replace(/\s+/g, ' ').trim();
    const same = (node) => squash(node.textContent) === squash(text);
    for (const el of entry.inputs) {
      for (const id of (el.getAttribute('aria-describedby') || '').split(/\s+/)) {
        if (!id || id === msgId) continue;
        const node = byId(id);
        if (node && !node.hidden && (same(node) || [...node.children].some(same))) return true;
      }
    }
    return false;
  }

  function show(entry, diagnostics) {
    const signature = diagnostics.map((d) => `${d.severity}\u0000${d.message}\u0000${d.help ?? ''}`).join('\u0001');
    const first = entry.inputs[0];
    if ((shown.get(first) ?? '') === signature && (signature === '' || messageElement(entry, false))) return;
    shown.set(first, signature);
    shownKeys.set(first, new Set(diagnostics.map(keyOf)));
    const msg = messageElement(entry, diagnostics.length > 0);
    // Invalid: an error, or a value asked for (`missing`, whatever its severity: a screening's or
    // an inspection's `field.required` is a warning, yet the form is not complete without it).
    const errors = diagnostics.filter((d) => d.severity === 'error' || d.missing === true);
    for (const el of entry.inputs) {
      if (errors.length) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      if (typeof el.setCustomValidity === 'function') el.setCustomValidity(errors.map((d) => d.message).join('\n'));
      if (msg) describedBy(el, msg.id, diagnostics.length > 0);
    }
    if (!msg) return;
    const worst = SEVERITIES.find((s) => diagnostics.some((d) => d.severity === s));
    for (const s of SEVERITIES) msg.classList.toggle(s, s === worst);
    msg.replaceChildren(...diagnostics.flatMap((d, i) => {
      const line = doc.createElement('span');
      line.className = `diagnostic ${d.severity}`;
      line.append(d.message);
      if (d.help && !(d.missing === true && besideInput(entry, d.help, msg.id))) {
        const help = doc.createElement('span');
        help.className = 'help';
        help.append(d.help);
        line.append(' ', help);
      }
      return i === 0 ? [line] : [' ', line]; // not run together when shown inline
    }));
    msg.hidden = diagnostics.length === 0;
  }

  // --- normalised values ---------------------------------------------------------------
  function writeBack(normalized, raw, map) {
    let wrote = false;
    const active = root().activeElement;
    deferred.clear();
    for (const { path, value } of normalized || []) {
      if (value === null || typeof value === 'object' || typeof value === 'boolean') continue;
      const entry = map.get(path);
      if (!entry || entry.group) continue;
      const text = String(value);
      for (const el of entry.inputs) {
        if (!(isTextLike(el) || el.tagName === 'SELECT' || el.type === 'number' || el.type === 'date' || el.type === 'hidden')) continue;
        if (el.value === text || raw.get(el) !== el.value) continue; // same, or changed since
        if (el === active) { deferred.add(path); continue; }
        if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === text)) continue;
        el.value = text;
        wrote = true;
      }
    }
    return wrote;
  }

  // --- checking ---------------------------------------------------------------------------

  function settle(upTo, answer, error) {
    let settled = 0;
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.seq > upTo) continue;
      waiters.splice(i, 1);
      settled++;
      if (error) w.reject(error); else w.resolve(answer);
    }
    return settled;
  }

  function apply(answer, mySeq, value, raw, scopeSent) {
    lastAnswer = answer;
    rootNode = null;
    const map = inputs();
    const byEntry = new Map();
    const unplaced = [];
    for (const d of answer.diagnostics || []) {
      const entry = placeOf(d, map);
      if (!entry) { unplaced.push(d); continue; }
      if (quiet.has(entry.pointer) && !shownKeys.get(entry.inputs[0])?.has(keyOf(d))) continue; // held back while typed in
      if (!byEntry.has(entry)) byEntry.set(entry, []);
      byEntry.get(entry).push(d);
    }
    const targets = new Set([...byEntry.keys()].map((entry) => entry.inputs[0]));
    for (const [first, entry] of marked) {
      if (!targets.has(first)) {
        show(entry, []);
        marked.delete(first);
      }
    }
    for (const [entry, list] of byEntry) {
      show(entry, list);
      marked.set(entry.inputs[0], entry);
    }
    const wrote = writeBack(answer.normalized, raw, map);
    settle(mySeq, answer);
    if (typeof onAnswer === 'function') onAnswer(answer, { value, scope: scopeSent, unplaced });
    if (wrote) schedule();
  }

  function fail(error, mySeq) {
    const told = settle(mySeq, undefined, error);
    if (typeof onError === 'function') onError(error);
    else if (told === 0) console.error(error);
  }

  function run() {
    scheduled = false;
    if (destroyed) return;
    const mySeq = ++seq;
    const raw = new Map();
    const value = build(raw);
    lastRaw = raw;
    const scopeSent = [...scope];
    // The person's own values come back normalised too (full-width phones, a lower-case x in
    // an ID number) to be written into the form: this page holds them already.
    const opts = { now: nowOf(), scope: scopeSent, personal: options.personal !== false };
    if (locale) opts.locale = locale;
    if (options.packVersion) opts.packVersion = options.packVersion;
    if (!checker) {
      let answer;
      try {
        answer = drafting.check(kind, value, opts);
      } catch (e) {
        fail(e, mySeq);
        return;
      }
      apply(answer, mySeq, value, raw, scopeSent);
      return;
    }
    let pending;
    try {
      pending = Promise.resolve(checker.check(kind, value, opts));
    } catch (e) {
      pending = Promise.reject(e);
    }
    // An answer that is none (`null`, a diagnostic `null`) is a failed check, told as one: it
    // threw in here, and `check()` never settled (hostile audit, thirty-sixth session).
    pending.then(
      (answer) => {
        if (destroyed || mySeq !== seq || scheduled) return;
        const wrong = notAnswer(answer);
        if (wrong) return fail(misuse(`bindForm: the checker answered ${wrong}, not an answer of the engine's`, 'form.invalid_answer'), mySeq);
        try {
          apply(answer, mySeq, value, raw, scopeSent);
        } catch (e) {
          fail(e, mySeq);
        }
      },
      (e) => { if (!destroyed && mySeq === seq) fail(e, mySeq); },
    );
  }

  function schedule() {
    if (scheduled || destroyed) return;
    scheduled = true;
    queueMicrotask(() => { if (scheduled) run(); }); // check() may have run it meanwhile
  }

  const gone = () => misuse('bindForm: the binding was destroyed', 'form.destroyed');

  function check() {
    if (destroyed) return Promise.reject(gone());
    const promise = new Promise((resolve, reject) => waiters.push({ seq: seq + 1, resolve, reject }));
    run();
    return promise;
  }

  function visit(pointer) {
    if (typeof pointer !== 'string' || !isPointer(pointer)) throw misuse(`visit: ${typeof pointer === 'string' ? JSON.stringify(pointer.slice(0, 100)) : typeof pointer} is not a JSON Pointer ("" or starting with "/", "~" only as "~0" or "~1")`, 'pointer.invalid');
    if (!scope.has(pointer) && scopeChars + pointer.length + 1 > MAX_SCOPE) throw misuse(`visit: the scope holds at most ${MAX_SCOPE} characters of JSON Pointers`, 'pointer.invalid');
    if (destroyed) return;
    let released = false; // visited: what is held back at or below it is shown
    for (const p of quiet) if (pointer === '' || p === pointer || p.startsWith(`${pointer}/`)) released = quiet.delete(p);
    if (scope.has(pointer) && !released) return;
    reach(pointer);
    schedule();
  }

  // --- events ---------------------------------------------------------------------------
  /** Does the entry at `pointer` show an error now? */
  // Asked of the input itself, not of a fresh index: a script that adds rows and fires `input`
  // on each would otherwise rebuild the index a thousand times (quadratic).
  const showsError = (el) => {
    const first = firstOf.get(el);
    for (const k of (first && shownKeys.get(first)) ?? []) if (k.startsWith('error\u0000')) return true;
    return false;
  };
  const onInput = (e) => {
    // Text still being composed in an input method (pinyin) is not a value yet: checked at
    // compositionend, which comes after its last input event.
    if (e.isComposing) return;
    const pointer = pointerOf(e.target);
    if (!pointer) return;
    reach(pointer);
    if ((isTextLike(e.target) || e.target.type === 'number') && !quiet.has(pointer) && !showsError(e.target)) quiet.add(pointer);
    schedule();
  };
  // A field left by pressing a button (mousedown moves the focus) shows its messages once the press
  // is over: shown at once, they moved the button before the mouseup, and the click was lost
  // (portal audit: "Add a row" needed a second click in English, its messages being longer).
  // A tap is the same, later: on a touch screen the focus moves with the mousedown the browser
  // sends after the finger is lifted, then the click; messages shown at that blur moved the
  // control from under the finger (tablet QA: a resident's 否 was lost after a wrong date). So
  // after a touch or pen is lifted, a field left shows its messages after the click (or 1 s).
  let pressed = false;
  let afterPress = false;
  let tapping = null; // the timer ending a tap that brings no click
  const leave = () => {
    if (pressed || tapping) afterPress = true;
    else schedule();
  };
  const onPress = () => { pressed = true; };
  const released = () => {
    if (!afterPress) return;
    afterPress = false;
    setTimeout(schedule, 0); // after the click this press makes
  };
  const endTap = () => {
    clearTimeout(tapping);
    tapping = null;
    released();
  };
  const onRelease = (e) => {
    pressed = false;
    if (e?.type === 'pointerup' && e.pointerType && e.pointerType !== 'mouse') {
      clearTimeout(tapping);
      tapping = setTimeout(endTap, 1000);
      return;
    }
    released();
  };
  const onClick = () => { if (tapping) endTap(); };
  const onChange = (e) => {
    const pointer = pointerOf(e.target);
    if (!pointer) return;
    reach(pointer);
    if (quiet.delete(pointer)) leave();
    else if (lastRaw.get(e.target) !== rawOf(e.target)) schedule();
  };
  const onFocusOut = (e) => {
    const pointer = pointerOf(e.target);
    if (!pointer) return;
    if (quiet.delete(pointer) || !scope.has(pointer) || deferred.has(pointer)) {
      reach(pointer);
      leave();
    }
  };
  form.addEventListener('input', onInput);
  form.addEventListener('compositionend', onInput);
  form.addEventListener('change', onChange);
  form.addEventListener('focusout', onFocusOut);
  const pressTarget = doc && typeof doc.addEventListener === 'function' ? doc : null;
  pressTarget?.addEventListener('pointerdown', onPress, true);
  for (const type of ['pointerup', 'pointercancel']) pressTarget?.addEventListener(type, onRelease, true);
  pressTarget?.addEventListener('click', onClick, true);

  function setValue(value) {
    if (destroyed) return Promise.reject(gone());
    quiet.clear(); // values put by a script: nothing is being typed
    known.clear();
    for (const entry of inputs().values()) {
      const v = valueAt(value, entry.pointer);
      if (v !== undefined && v !== null) known.add(entry.pointer);
      for (const el of entry.inputs) {
        if (el.type === 'radio') el.checked = v !== undefined && v !== null && String(v) === el.value;
        else if (el.type === 'checkbox') {
          if (entry.group === 'checkboxes') el.checked = Array.isArray(v) && v.map(String).includes(el.value);
          else if (typeof v === 'boolean') { el.indeterminate = false; el.checked = el.value === 'false' ? !v : v; }
          else el.checked = v !== undefined && v !== null && String(v) === el.value;
        } else if (el.type === 'select-multiple') {
          const wanted = Array.isArray(v) ? v.map(String) : [];
          for (const o of el.options) o.selected = wanted.includes(o.value);
        } else if (v === undefined || v === null) el.value = '';
        else if (Array.isArray(v)) el.value = v.join('\n');
        else if (typeof v === 'object') el.value = '';
        else el.value = String(v);
      }
    }
    return check();
  }

  schedule(); // the first answer: nothing visited yet, every missing value pending

  return {
    check,
    value: () => build(),
    setValue,
    visit,
    get scope() { return scope; },
    get answer() { return lastAnswer; },
    get description() { return description; },
    get locale() { return locale ?? 'zh-CN'; },
    setLocale(next) {
      if (destroyed) return Promise.reject(gone());
      if (typeof next !== 'string' || next === '') throw misuse('setLocale: a locale tag such as "zh-CN", "zh-TW" or "en"', 'options.invalid');
      locale = next;
      // The form's words in it too (`description`'s labels, hints and enum words), unless the
      // page gave its own description; its fields, types and limits are the same in every locale.
      if (!options.describe && engine) {
        description = describeIn(locale);
        fieldOf = fieldIndex(description && description.fields);
      }
      return check(); // every message shown again in it; the scope stays
    },
    destroy() {
      destroyed = true;
      drafting.free();
      form.removeEventListener('input', onInput);
      form.removeEventListener('compositionend', onInput);
      form.removeEventListener('change', onChange);
      form.removeEventListener('focusout', onFocusOut);
      pressTarget?.removeEventListener('pointerdown', onPress, true);
      for (const type of ['pointerup', 'pointercancel']) pressTarget?.removeEventListener(type, onRelease, true);
      pressTarget?.removeEventListener('click', onClick, true);
      clearTimeout(tapping);
      observer?.disconnect();
      settle(Infinity, undefined, gone());
      // What it showed goes with it: no message, no aria-invalid, no custom validity left that
      // nothing could clear (a new binding, say in another locale, starts from a clean form).
      for (const entry of marked.values()) show(entry, []);
      marked.clear();
    },
  };
}
