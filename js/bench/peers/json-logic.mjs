// Peer (b): the default pack (shenzhen-2020, version 2020-02-10) as JSON Logic, run by
// json-logic-js, after ajv (+ ajv-formats) has validated the filing's shape.
//
// - The shape: a JSON Schema built from the filing's fields (`FILING_SHAPE`), checked by ajv
//   with every error collected; each error's pointer is a shape problem (rule `INPUT`), and a
//   missing value at or under one is not reported as missing (as in fangkong).
// - The rules: `CHECKS`, JSON Logic data, one entry per check of the pack. A check's logic
//   returns `true` (passes), `false` (fires) or a list of the missing values it needs (it is
//   undetermined: three-valued logic written out). `when` gates a check the same way; `each`
//   runs it for every element of an array (`e.…` is the element, `r.…` the filing).
// - The identifier checks (GB 32100 credit code, GB 11643 ID number, phone, district code,
//   calendar dates) are custom operations (`jsonLogic.add_operation`); dates use ajv-formats'
//   `date` format; `count` / `any` run an element rule over an array.
// Returns the decision and the ids of the rules that fired; nothing else.
import jsonLogic from 'json-logic-js';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { canonical, underShapeError, withoutRefused, FILING_SHAPE, NUMBER_TEXT, isBlank, normalizeText, isoDay, creditCode, districtCode, phone, idNumber } from './ids.mjs';

// ---- The shape, validated by ajv ----
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv, ['date']);
ajv.addFormat('fk-number', (s) => isBlank(s) || NUMBER_TEXT.test(normalizeText(s))); // numbers may come as text
ajv.addFormat('fk-blank', (s) => isBlank(s)); // a blank answer to yes/no is no answer
function schemaOf(shape) {
  if (Array.isArray(shape)) return { type: ['array', 'null'], maxItems: 100000, items: schemaOf(shape[0]) };
  if (typeof shape === 'object') {
    const properties = {};
    for (const [k, v] of Object.entries(shape)) properties[k] = schemaOf(v);
    return { type: ['object', 'null'], properties, additionalProperties: false };
  }
  return {
    text: { type: ['string', 'number', 'null'], maxLength: 1000 },
    number: { type: ['number', 'string', 'null'], maxLength: 1000, format: 'fk-number' },
    boolean: { type: ['boolean', 'string', 'null'], maxLength: 1000, format: 'fk-blank' },
    date: { type: ['string', 'null'], maxLength: 1000 },
  }[shape];
}
const validateShape = ajv.compile(schemaOf(FILING_SHAPE));
const isDate = ajv.compile({ type: 'string', format: 'date' });
const esc = (k) => k.replace(/~/g, '~0').replace(/\//g, '~1');

// ---- Custom operations ----
const ELEMENT = {}; // element rules, by name, for `count` and `any`
jsonLogic.add_operation('creditCode', (s) => creditCode(s) !== null);
jsonLogic.add_operation('districtCode', (s) => districtCode(s)); // the normalised code, or null
jsonLogic.add_operation('phone', (s) => phone(s) !== null);
jsonLogic.add_operation('idNumber', (s, today) => idNumber(s, today) !== null);
jsonLogic.add_operation('calendarDate', (s) => isDate(s)); // canonical dates are YYYY-MM-DD
jsonLogic.add_operation('day', (s) => isoDay(s)); // days since 1970-01-01, or null
jsonLogic.add_operation('present', (o) => o !== null && typeof o === 'object' && Object.keys(o).length > 0);
jsonLogic.add_operation('isList', (x) => Array.isArray(x));
jsonLogic.add_operation('listOf', (x) => (Array.isArray(x) ? x : []));
// count(array, element rule): a number, or the missing values that leave it unknown.
jsonLogic.add_operation('count', function (array, rule) {
  const items = this[array];
  if (!Array.isArray(items)) return [];
  let n = 0;
  let missing = null;
  for (let i = 0; i < items.length; i++) {
    // A row left null: the count waits for it (as fangkong).
    if (items[i] === null) { (missing ??= []).push(`${array}.${i}`); continue; }
    const r = jsonLogic.apply(ELEMENT[rule], { e: items[i], r: this });
    if (r === true) n++;
    else if (Array.isArray(r)) (missing ??= []).push(...r.map((p) => `${array}.${i}.${p.slice(2)}`));
  }
  return missing ?? n;
});
// any(array, element rule): true, false, or the missing values that leave it unknown.
jsonLogic.add_operation('any', function (array, rule) {
  const items = this[array];
  if (!Array.isArray(items)) return false;
  let missing = null;
  for (let i = 0; i < items.length; i++) {
    if (items[i] === null) { (missing ??= []).push(`${array}.${i}`); continue; }
    const r = jsonLogic.apply(ELEMENT[rule], { e: items[i], r: this });
    if (r === true) return true;
    if (Array.isArray(r)) (missing ??= []).push(...r.map((p) => `${array}.${i}.${p.slice(2)}`));
  }
  return missing ?? false;
});

// ---- The rules, as JSON Logic ----
const v = (p) => ({ var: p });
const miss = (...ps) => ({ missing: ps });
const isT = (p, x) => ({ '===': [v(p), x] });
/** Required values `ps`, then `logic`. */
const needing = (ps, logic) => ({ if: [miss(...ps), miss(...ps), logic] });
/** An optional value: passes when absent. */
const optional = (p, logic) => ({ if: [miss(p), true, logic] });
/** Dates `ps` required and real, then `logic` (unknown, nothing to ask, when one is not a date). */
const withDates = (ps, logic) => ({ if: [miss(...ps), miss(...ps), { or: ps.map((p) => ({ '===': [{ day: v(p) }, null] })) }, [], logic] });
const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
const COUNTS = ['staff.total', 'staff.returning', 'staff.local', 'staff.fromOutside', 'staff.keyArea.returned', 'staff.keyArea.isolationComplete',
  'staff.keyArea.stillThere', 'staff.keyArea.unreachable', 'supplies.masks', 'supplies.thermometers', 'supplies.gloves', 'measures.preventionTeamSize',
  'measures.isolationRooms', 'measures.temperatureChecksPerDay', 'measures.dormitory.rooms', 'measures.dormitory.residents'];
const KA = ['staff.keyArea.returned', 'staff.keyArea.isolationComplete', 'staff.keyArea.stillThere', 'staff.keyArea.unreachable'];

ELEMENT.returning = needing(['e.returning'], isT('e.returning', true));
ELEMENT.returningKeyArea = {
  if: [isT('e.returning', false), false, isT('e.keyAreaHistory', false), false,
    miss('e.returning', 'e.keyAreaHistory'), miss('e.returning', 'e.keyAreaHistory'), true],
};
const P6_WHEN = {
  if: [{ '>': [v('staff.keyArea.returned'), 0] }, true,
    { '===': [{ any: ['roster', 'returningKeyArea'] }, true] }, true,
    { and: [{ '!': miss('staff.keyArea.returned') }, { '===': [{ any: ['roster', 'returningKeyArea'] }, false] }] }, false,
    { merge: [miss('staff.keyArea.returned'), { listOf: { any: ['roster', 'returningKeyArea'] } }] }],
};
const rosterCount = (rule, declared) => ({
  if: [{ isList: { count: ['roster', rule] } }, { merge: [{ count: ['roster', rule] }, miss(declared)] },
    miss(declared), miss(declared),
    { '===': [{ count: ['roster', rule] }, v(declared)] }],
});

export const CHECKS = [
  { id: 'RTW-F1', logic: needing(['enterprise.creditCode'], { creditCode: v('enterprise.creditCode') }) },
  { id: 'RTW-F2', logic: needing(['enterprise.districtCode'], { in: [{ districtCode: v('enterprise.districtCode') }, DISTRICTS] }) },
  ...['contacts.firstResponsible.phone', 'contacts.healthLiaison.phone'].map((p) => ({ id: 'RTW-F3', logic: optional(p, { phone: v(p) }) })),
  { id: 'RTW-F3', each: 'roster', logic: optional('e.phone', { phone: v('e.phone') }) },
  ...['contacts.firstResponsible.idNumber', 'contacts.healthLiaison.idNumber'].map((p) => ({ id: 'RTW-F4', logic: optional(p, { idNumber: [v(p), v('$today')] }) })),
  { id: 'RTW-F4', each: 'roster', logic: optional('e.idNumber', { idNumber: [v('e.idNumber'), v('r.$today')] }) },
  ...['filedOn', 'plannedResumption'].map((p) => ({ id: 'RTW-F5', logic: needing([p], { calendarDate: v(p) }) })),
  { id: 'RTW-F5', each: 'roster', logic: optional('e.arrivedOn', { calendarDate: v('e.arrivedOn') }) },
  { id: 'RTW-F5', each: 'openRectifications', logic: needing(['e.deadline'], { calendarDate: v('e.deadline') }) },
  ...COUNTS.map((p) => ({ id: 'RTW-F6', logic: optional(p, { and: [{ '>=': [v(p), 0] }, { '===': [{ '%': [v(p), 1] }, 0] }, { '<=': [v(p), Number.MAX_SAFE_INTEGER] }] }) })),
  ...['supplies.disinfectantLiters', 'measures.dormitory.areaM2'].map((p) => ({ id: 'RTW-F6', logic: optional(p, { '<=': [0, v(p), Number.MAX_SAFE_INTEGER] }) })),
  ...['enterprise.name', 'enterprise.address'].map((p) => ({ id: 'RTW-F6', logic: needing([p], true) })),
  { id: 'RTW-F6', each: 'roster', logic: needing(['e.name'], true) },
  { id: 'RTW-C1', logic: needing(['staff.returning', 'staff.total'], { '<=': [v('staff.returning'), v('staff.total')] }) },
  { id: 'RTW-C2', logic: needing(['staff.local', 'staff.fromOutside', 'staff.returning'], { '===': [{ '+': [v('staff.local'), v('staff.fromOutside')] }, v('staff.returning')] }) },
  { id: 'RTW-C3', logic: needing(['staff.keyArea.returned', 'staff.fromOutside'], { '<=': [v('staff.keyArea.returned'), v('staff.fromOutside')] }) },
  { id: 'RTW-C4', logic: needing(['staff.keyArea.isolationComplete', 'staff.keyArea.returned'], { '<=': [v('staff.keyArea.isolationComplete'), v('staff.keyArea.returned')] }) },
  { id: 'RTW-C5', logic: needing(['staff.keyArea.unreachable', 'staff.keyArea.stillThere'], { '<=': [v('staff.keyArea.unreachable'), v('staff.keyArea.stillThere')] }) },
  { id: 'RTW-C5', logic: needing(['staff.returning', 'staff.keyArea.stillThere', 'staff.total'], { '<=': [{ '+': [v('staff.returning'), v('staff.keyArea.stillThere')] }, v('staff.total')] }) },
  { id: 'RTW-C6', when: { '!!': [v('roster')] }, logic: rosterCount('returning', 'staff.returning') },
  { id: 'RTW-C6', when: { '!!': [v('roster')] }, logic: rosterCount('returningKeyArea', 'staff.keyArea.returned') },
  { id: 'RTW-C7', logic: withDates(['filedOn'], { '<=': [{ day: v('filedOn') }, v('$today')] }) },
  { id: 'RTW-T1', logic: withDates(['filedOn', 'plannedResumption'], { '>=': [{ '-': [{ day: v('plannedResumption') }, { day: v('filedOn') }] }, 5] }) },
  {
    id: 'RTW-T2',
    logic: {
      if: [isT('enterprise.whitelisted', true), true,
        { '>=': [{ day: v('plannedResumption') }, isoDay('2020-02-10')] }, true,
        { and: [isT('enterprise.whitelisted', false), { '!==': [{ day: v('plannedResumption') }, null] }] }, false,
        miss('enterprise.whitelisted', 'plannedResumption')],
    },
  },
  {
    id: 'RTW-T3', severity: 'warning', each: 'roster',
    when: ELEMENT.returningKeyArea,
    logic: {
      if: [miss('e.arrivedOn'), miss('e.arrivedOn'),
        { '===': [{ day: v('e.arrivedOn') }, null] }, [],
        { '===': [{ day: v('r.plannedResumption') }, null] }, [],
        { '<=': [{ '+': [{ day: v('e.arrivedOn') }, 14] }, { day: v('r.plannedResumption') }] }],
    },
  },
  { id: 'RTW-P1', logic: needing(['measures.preventionTeamSize'], { '>=': [v('measures.preventionTeamSize'), 2] }) },
  { id: 'RTW-P2', logic: needing(['measures.emergencyPlan'], isT('measures.emergencyPlan', true)) },
  { id: 'RTW-P3', logic: needing(['contacts.firstResponsible.name', 'contacts.firstResponsible.phone', 'contacts.healthLiaison.name', 'contacts.healthLiaison.phone'], true) },
  // A requirement that overflows (past Number.MAX_VALUE) decides nothing, as in fangkong.
  { id: 'RTW-P4', logic: needing(['supplies.masks', 'staff.returning'], { or: [{ '>': [{ '*': [v('staff.returning'), 2, 3] }, Number.MAX_VALUE] }, { '>=': [v('supplies.masks'), { '*': [v('staff.returning'), 2, 3] }] }] }) },
  { id: 'RTW-P5', logic: needing(['supplies.thermometers'], { '>=': [v('supplies.thermometers'), 1] }) },
  { id: 'RTW-P5', logic: needing(['supplies.disinfectantLiters'], { '>': [v('supplies.disinfectantLiters'), 0] }) },
  { id: 'RTW-P6', when: P6_WHEN, logic: needing(['measures.isolationRooms'], { '>=': [v('measures.isolationRooms'), 1] }) },
  { id: 'RTW-P6', when: P6_WHEN, logic: needing(['measures.singleRoomIsolation'], isT('measures.singleRoomIsolation', true)) },
  { id: 'RTW-P7', severity: 'warning', logic: needing(['measures.temperatureChecksPerDay'], { '>=': [v('measures.temperatureChecksPerDay'), 2] }) },
  {
    id: 'RTW-P8', severity: 'warning', when: { present: v('measures.dormitory') },
    logic: needing(['measures.dormitory.residents', 'measures.dormitory.rooms'], { '<=': [v('measures.dormitory.residents'), { '*': [v('measures.dormitory.rooms'), 6] }] }),
  },
  {
    id: 'RTW-P8', severity: 'warning',
    when: { if: [{ '!': { present: v('measures.dormitory') } }, false, miss('measures.dormitory.residents'), miss('measures.dormitory.residents'), { '>': [v('measures.dormitory.residents'), 0] }] },
    logic: needing(['measures.dormitory.areaM2', 'measures.dormitory.residents'], { '>=': [v('measures.dormitory.areaM2'), { '*': [v('measures.dormitory.residents'), 2.5] }] }),
  },
  ...[
    needing(['measures.canteen.staggered'], isT('measures.canteen.staggered', true)),
    {
      // dispersedDining is the pack's own field: not given, it is no.
      if: [isT('measures.canteen.boxedMeals', true), true, isT('measures.canteen.dispersedDining', true), true,
        isT('measures.canteen.boxedMeals', false), false,
        miss('measures.canteen.boxedMeals')],
    },
  ].map((logic) => ({ id: 'RTW-P9', severity: 'warning', when: needing(['measures.canteen.present'], isT('measures.canteen.present', true)), logic })),
  ...['measures.fingerprintClockSuspended', 'measures.closedManagement'].map((p) => ({ id: 'RTW-P10', severity: 'warning', logic: needing([p], isT(p, true)) })),
  { id: 'RTW-G2', logic: needing(KA, true) },
  { id: 'RTW-G2', each: 'roster', logic: needing(['e.keyAreaHistory'], true) },
  // Not yet due, or resolved; overdue and unresolved only when it says so (else asked for).
  { id: 'RTW-G5', each: 'openRectifications', when: { '!==': [v('e.resolved'), true] }, logic: withDates(['e.deadline'], { if: [{ '>=': [{ day: v('e.deadline') }, v('r.$today')] }, true, { '===': [v('e.resolved'), false] }, false, miss('e.resolved')] }) },
  { id: 'RTW-G6', logic: needing(['staff.keyArea.unreachable'], { '<=': [v('staff.keyArea.unreachable'), 0] }) },
];

const pointer = (dotted) => `/${dotted.replaceAll('.', '/')}`;

/** `today`: days since 1970-01-01 of "today" in China Standard Time. */
export function decide(input, today) {
  const errors = new Set();
  if (!validateShape(input)) {
    for (const e of validateShape.errors) {
      errors.add(e.keyword === 'additionalProperties' ? `${e.instancePath}/${esc(e.params.additionalProperty)}` : e.instancePath);
    }
  }
  const { doc: given } = canonical(input); // normalised values (its own shape verdict is not used here)
  // RTW-F6 on the filing as given; every other check without the numbers it refuses.
  const { doc, refused } = withoutRefused(given);
  const data = doc !== null && typeof doc === 'object' ? doc : {};
  data.$today = today;
  const raw = refused.size ? { ...given, $today: today } : data;
  const fired = new Set();
  let missing = false;
  if (errors.size) fired.add('INPUT');
  const need = (list, prefix) => {
    for (const p of list) {
      const ptr = prefix === undefined ? pointer(p) : p.startsWith('r.') ? pointer(p.slice(2)) : `${prefix}/${p.slice(2).replaceAll('.', '/')}`;
      if (!underShapeError(ptr, errors) && !refused.has(ptr)) missing = true;
    }
  };
  const judge = (c, scope, prefix) => {
    if (c.when !== undefined) {
      const w = jsonLogic.apply(c.when, scope);
      if (w === false) return;
      if (Array.isArray(w)) { need(w, prefix); return; }
    }
    const r = jsonLogic.apply(c.logic, scope);
    if (r === false) fired.add(c.id);
    else if (Array.isArray(r)) need(r, prefix);
  };
  for (const c of CHECKS) {
    if (c.each === undefined) { judge(c, c.id === 'RTW-F6' ? raw : data, undefined); continue; }
    const items = data[c.each];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      if (items[i] === null) need([`${c.each}.${i}`]);
      else judge(c, { e: items[i], r: data }, `/${c.each}/${i}`);
    }
  }
  let decision = missing ? 'incomplete' : 'approved';
  if (!missing) {
    for (const c of CHECKS) {
      if (!fired.has(c.id)) continue;
      if (c.severity !== 'warning') { decision = 'deferred'; break; }
      decision = 'conditional';
    }
    if (fired.has('INPUT')) decision = 'deferred';
  }
  return { decision, fired: [...fired] };
}
