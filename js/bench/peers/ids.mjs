// The identifier algorithms of domain.md §6 and the input shape of a filing (§2), written
// in plain JavaScript for the peer engines of `js/bench/peers.mjs`. Every peer uses them:
// the plain-JS peer calls them directly, json-logic-js registers them as operations
// (`jsonLogic.add_operation`), json-rules-engine as operators. `canonical` is the input
// walk every peer needs before its rules run (blank = absent, numbers given as text,
// full-width characters, dates as `2020/2/4` or `2020年2月4日`).

// Zero-width and invisible format characters, direction marks and embeddings (U+200E, U+202A…).
const INVISIBLE_CLASS = '\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF';
const INVISIBLE_RE = new RegExp(`^[${INVISIBLE_CLASS}]$`);
const INVISIBLE = { has: (c) => INVISIBLE_RE.test(c) };
// Unicode White_Space (what Rust's `char::is_whitespace` and `str::trim` use).
const WS = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const TRIM = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g;
const WS_ALL = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
// Nothing to normalise: no full-width form, ideographic space or invisible character, and
// no whitespace at either end.
const CLEAN = /^(?![\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])[^\uFF01-\uFF5E\u3000\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*$(?<![\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])/;

/** Full-width → ASCII, U+3000 → space, invisible characters removed, ends trimmed. */
export function normalizeText(s) {
  if (CLEAN.test(s)) return s;
  let out = '';
  for (const c of s) {
    const u = c.codePointAt(0);
    if (u >= 0xFF01 && u <= 0xFF5E) out += String.fromCharCode(u - 0xFEE0);
    else if (u === 0x3000) out += ' ';
    else if (!INVISIBLE.has(c)) out += c;
  }
  return out.replace(TRIM, '');
}

/** As `normalizeText`, but full-width punctuation (，。（）) is kept: only digits and letters map. */
export function normalizeFreeText(s) {
  if (CLEAN.test(s)) return s;
  let out = '';
  for (const c of s) {
    const u = c.codePointAt(0);
    if ((u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF3A) || (u >= 0xFF41 && u <= 0xFF5A)) out += String.fromCharCode(u - 0xFEE0);
    else if (u === 0x3000) out += ' ';
    else if (!INVISIBLE.has(c)) out += c;
  }
  return out.replace(TRIM, '');
}

/** Blank: nothing but whitespace and invisible characters (counts as not given). */
const SOLID = /^[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
export function isBlank(s) {
  if (SOLID.test(s)) return false;
  for (const c of s) if (!WS.test(c) && !INVISIBLE.has(c)) return false;
  return true;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const real = (y, m, d) => m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : DIM[m - 1]);
const pad = (n, w) => String(n).padStart(w, '0');

const DASHED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/;

/** A date as typed (RTW-F5) → `YYYY-MM-DD`, or null (wrong format or no such day). */
export function parseDate(s) {
  const t = normalizeText(s);
  const m = DASHED.exec(t);
  let y, mo, d;
  if (m) [y, mo, d] = [+m[1], +m[3], +m[4]];
  else {
    const c = CHINESE.exec(t);
    if (!c) return null;
    [y, mo, d] = [+c[1], +c[2], +c[3]];
  }
  return real(y, mo, d) ? `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}` : null;
}

// ASCII digits only, as the engine's one date reader (a `+` in a part is no date: time audit,
// thirty-eighth session).
const ISO_PART = /^\d+$/;
/** A canonical `YYYY-MM-DD` → days since 1970-01-01 (for comparisons), or null. */
export function isoDay(s) {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return null;
  const a = s.slice(0, 4), b = s.slice(5, 7), c = s.slice(8, 10);
  if (!ISO_PART.test(a) || !ISO_PART.test(b) || !ISO_PART.test(c)) return null;
  const y = +a, m = +b, d = +c;
  if (!real(y, m, d)) return null;
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + (y < 100 ? dayShift(y) : 0);
}
// Date.UTC maps years 0–99 to 1900–1999; correct for them (never met in practice).
function dayShift(y) {
  const t = new Date(0); t.setUTCFullYear(y, 0, 1);
  return Math.round((t.getTime() - Date.UTC(y, 0, 1)) / 86400000);
}

const CC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015 unified social credit code → normalised code, or null. */
export function creditCode(s) {
  const code = normalizeText(s).replace(WS_ALL, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  if (code.length !== 18) return null; // astral characters: not in the set anyway
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CC_SET.indexOf(code[i]);
    if (v < 0) return null;
    sum += v * CC_W[i];
  }
  const last = CC_SET.indexOf(code[17]);
  if (last < 0) return null;
  return last === (31 - (sum % 31)) % 31 ? code : null;
}

const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

/** GB/T 2260 district code → normalised code, or null. */
export function districtCode(s) {
  const code = normalizeText(s);
  return /^\d{6}$/.test(code) && PROVINCES.has(+code.slice(0, 2)) ? code : null;
}

const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** GB 11643-1999 resident ID number, born no later than `today` (days since epoch) → normalised, or null. */
export function idNumber(s, today) {
  const id = normalizeText(s).replace(WS_ALL, '').replace(/x/g, 'X');
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  if (!PROVINCES.has(+id.slice(0, 2))) return null;
  const y = +id.slice(6, 10), m = +id.slice(10, 12), d = +id.slice(12, 14);
  if (y < 1900 || !real(y, m, d)) return null;
  if (isoDay(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) > today) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_W[i];
  return id[17] === ID_CHECK[sum % 11] ? id : null;
}

const SEP = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u2010-\u2015\u2212\uFE58\uFE63()-]/g;
const MOBILE = /^1[3-9]\d{9}$/;
/** Mainland mobile or landline → canonical number, or null. */
export function phone(s) {
  const text = normalizeText(s);
  const compact = text.replace(SEP, '');
  for (const p of ['+86', '0086', '86']) {
    if (compact.startsWith(p) && MOBILE.test(compact.slice(p.length))) return compact.slice(p.length);
  }
  if (MOBILE.test(compact)) return compact;
  if (!/^0\d*$/.test(compact)) return null;
  let seen = 0, firstBreak = 0;
  for (const c of text) {
    if (c >= '0' && c <= '9') seen++;
    else if (seen > 0 && !firstBreak) firstBreak = seen;
  }
  const area = firstBreak === 3 || firstBreak === 4 ? firstBreak : compact.startsWith('01') || compact.startsWith('02') ? 3 : 4;
  const number = compact.slice(area);
  return compact.length >= area && number.length >= 7 && number.length <= 8 ? `${compact.slice(0, area)}-${number}` : null;
}

// ---- The shape of a filing (domain.md §2) and the walk every peer runs first ----

const S = 'text', N = 'number', B = 'boolean', D = 'date';
const PERSON = { name: S, phone: S, idNumber: S };
export const FILING_SHAPE = {
  filedOn: D,
  plannedResumption: D,
  enterprise: { name: S, creditCode: S, districtCode: S, street: S, community: S, address: S, whitelisted: B },
  contacts: { firstResponsible: PERSON, healthLiaison: PERSON },
  staff: { total: N, returning: N, local: N, fromOutside: N, keyArea: { returned: N, isolationComplete: N, stillThere: N, unreachable: N } },
  roster: [{ name: S, idNumber: S, phone: S, returning: B, keyAreaHistory: B, closeContact: B, arrivedOn: D }],
  supplies: { masks: N, thermometers: N, disinfectantLiters: N, gloves: N },
  measures: {
    preventionTeamSize: N, teamTrained: B, emergencyPlan: B, isolationRooms: N, singleRoomIsolation: B,
    closedManagement: B, temperatureChecksPerDay: N, fingerprintClockSuspended: B,
    canteen: { present: B, staggered: B, boxedMeals: B, dispersedDining: B },
    dormitory: { rooms: N, residents: N, areaM2: N },
    disinfectionLog: B, commitmentSigned: B,
  },
  openRectifications: [{ itemId: S, deadline: D, resolved: B, veto: B }],
};

export const NUMBER_TEXT = /^[+-]?[0-9]{1,15}(\.[0-9]+)?$/;
const esc = (k) => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);

/**
 * Walk a filing against its shape: `doc` holds only known fields, normalised, with blank and
 * wrongly typed values dropped (as absent); `errors` is the set of JSON Pointers with a shape
 * problem (unknown field, wrong type, text over 1,000 characters, array over 100,000).
 */
export function canonical(input) {
  const errors = new Set();
  const doc = walk(input, FILING_SHAPE, '', undefined, errors);
  return { doc: doc === undefined ? null : doc, errors };
}

// `at` + `key` is the value's pointer (key undefined: `at` itself), joined only when needed.
function walk(v, shape, at, key, errors) {
  if (v === null || v === undefined) return undefined;
  if (typeof shape === 'object') {
    const ptr = key === undefined ? at : `${at}/${key}`;
    if (Array.isArray(shape)) {
      if (!Array.isArray(v) || v.length > 100000) { errors.add(ptr); return undefined; }
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = walk(v[i], shape[0], ptr, i, errors) ?? null;
      return out;
    }
    if (typeof v !== 'object' || Array.isArray(v)) { errors.add(ptr); return undefined; }
    const out = {};
    for (const k in v) {
      const sub = Object.hasOwn(shape, k) ? shape[k] : undefined;
      if (sub === undefined) { errors.add(`${ptr}/${esc(k)}`); continue; }
      const x = walk(v[k], sub, ptr, k, errors);
      if (x !== undefined) out[k] = x;
    }
    return out;
  }
  const wrong = () => { errors.add(key === undefined ? at : `${at}/${key}`); return undefined; };
  if (typeof v === 'string') {
    if (v.length > 1000 && [...v].length > 1000) return wrong();
    if (isBlank(v)) return undefined;
    if (shape === S) return normalizeFreeText(v);
    if (shape === D) { const n = normalizeText(v); return parseDate(n) ?? n; }
    if (shape === N) {
      const n = normalizeText(v);
      if (NUMBER_TEXT.test(n)) return Number(n);
    }
    return wrong();
  }
  if (typeof v === 'number') {
    if (shape === N) return v;
    if (shape === S) return String(v);
  } else if (typeof v === 'boolean' && shape === B) return v;
  return wrong();
}

/** Whether a missing value at `ptr` is held back: it, or a parent of it, has a shape problem. */
export function underShapeError(ptr, errors) {
  if (errors.size === 0) return false;
  for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (errors.has(p)) return true;
    if (p === '') return false;
  }
}

/** The counts and amounts the default pack's RTW-F6 checks, as dotted paths. */
export const COUNT_FIELDS = ['staff.total', 'staff.returning', 'staff.local', 'staff.fromOutside', 'staff.keyArea.returned',
  'staff.keyArea.isolationComplete', 'staff.keyArea.stillThere', 'staff.keyArea.unreachable', 'supplies.masks', 'supplies.thermometers',
  'supplies.gloves', 'measures.preventionTeamSize', 'measures.isolationRooms', 'measures.temperatureChecksPerDay',
  'measures.dormitory.rooms', 'measures.dormitory.residents'];
export const AMOUNT_FIELDS = ['supplies.disinfectantLiters', 'measures.dormitory.areaM2'];

/**
 * A canonical filing without the numbers RTW-F6 refuses (negative, a fraction of a count, past
 * 2^53 − 1), and their pointers: fangkong computes with none of them in its other rules, as with
 * a text where a number belongs (twenty-fifth session). The peers judge RTW-F6 on the filing as
 * given, the other rules on this one, and ask for none of these values (they were given).
 */
export function withoutRefused(doc) {
  let refused = NONE;
  if (doc === null || typeof doc !== 'object') return { doc, refused };
  let out = doc;
  for (const f of CHECKED) {
    let o = doc;
    for (let i = 0; i < f.up.length && o !== undefined; i++) o = o !== null && typeof o === 'object' ? o[f.up[i]] : undefined;
    if (o === null || typeof o !== 'object') continue;
    const x = o[f.key];
    if (typeof x !== 'number' || (x >= 0 && (!f.count || Number.isInteger(x)) && x <= Number.MAX_SAFE_INTEGER)) continue;
    // Refused: copied once (rare), then dropped from the copy.
    if (out === doc) { out = structuredClone(doc); refused = new Set(); }
    let c = out;
    for (const k of f.up) c = c[k];
    delete c[f.key];
    refused.add(f.ptr);
  }
  return { doc: out, refused };
}

/** The checked fields, split once: the parents' keys, the last key, the pointer, count or amount. */
const CHECKED = [...COUNT_FIELDS.map((p) => [p, true]), ...AMOUNT_FIELDS.map((p) => [p, false])].map(([p, count]) => {
  const keys = p.split('.');
  return { up: keys.slice(0, -1), key: keys.at(-1), ptr: `/${keys.join('/')}`, count };
});
const NONE = new Set();
