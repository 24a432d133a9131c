// Peer (c): the default pack (shenzhen-2020, version 2020-02-10) as json-rules-engine rules.
//
// - Facts: `filing` (the filing after the shared input walk of ./ids.mjs: blank = absent,
//   numbers given as text, full-width characters, dates normalised; shape problems in
//   `shapeErrors`), `today`, and dynamic facts for derived values (sums, products, day numbers,
//   roster counts) and for what is missing (`absent`, `needIn`: a value a rule needs that is
//   absent and has no shape problem of its own).
// - Rules: for each pack rule, one json-rules-engine rule whose event is `fired` (the check
//   failed on known values) and one whose event is `missing` (the check is undetermined
//   because a value it needs is absent). Three-valued logic is written out with all / any /
//   not; built-in operators compare only known numbers.
// - Custom operators: the identifier checks of domain.md §6 (GB 32100 credit code, GB 11643
//   ID number, phone, district list, calendar dates), per element of the roster and of the
//   open rectifications, and `knownNotEqual` / `isUnknown` for three-valued comparisons.
// Returns (a promise of) the decision and the ids of the rules that fired; nothing else.
import { Engine } from 'json-rules-engine';
import { canonical, underShapeError, withoutRefused, isoDay, parseDate, creditCode, districtCode, phone, idNumber } from './ids.mjs';

const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
const PROVINCE_DAY = isoDay('2020-02-10');
const WARNINGS = new Set(['RTW-T3', 'RTW-P7', 'RTW-P8', 'RTW-P9', 'RTW-P10']);
const isObj = (x) => x !== null && typeof x === 'object';
const each = (items, fn) => Array.isArray(items) && items.some((it) => isObj(it) && fn(it));

const engine = new Engine([], { allowUndefinedFacts: true });

// ---- Operators ----
const str = (s) => typeof s === 'string';
const num = (x) => typeof x === 'number';
engine.addOperator('creditCodeInvalid', (s) => str(s) && creditCode(s) === null);
engine.addOperator('districtNotIn', (s, list) => str(s) && !list.includes(districtCode(s)));
engine.addOperator('phoneInvalid', (s) => str(s) && phone(s) === null);
engine.addOperator('idNumberInvalid', (s, today) => str(s) && idNumber(s, today) === null);
engine.addOperator('dateInvalid', (s) => str(s) && parseDate(s) === null);
engine.addOperator('countInvalid', (x) => num(x) && (x < 0 || !Number.isInteger(x) || x > Number.MAX_SAFE_INTEGER));
engine.addOperator('amountInvalid', (x) => num(x) && (x < 0 || x > Number.MAX_SAFE_INTEGER));
engine.addOperator('somePhoneInvalid', (items, field) => each(items, (it) => str(it[field]) && phone(it[field]) === null));
engine.addOperator('someDateInvalid', (items, field) => each(items, (it) => str(it[field]) && parseDate(it[field]) === null));
engine.addOperator('someIdNumberInvalid', (items, today) => each(items, (it) => str(it.idNumber) && idNumber(it.idNumber, today) === null));
engine.addOperator('someIsolationLate', (items, planned) => num(planned) && each(items, (it) => {
  const arrived = it.keyAreaHistory === true && it.returning === true ? isoDay(it.arrivedOn) : null;
  return arrived !== null && arrived + 14 > planned;
}));
engine.addOperator('someOverdue', (items, today) => each(items, (it) => {
  const due = it.resolved === false ? isoDay(it.deadline) : null;
  return due !== null && due < today;
}));
engine.addOperator('knownNotEqual', (a, b) => num(a) && num(b) && a !== b);
engine.addOperator('isUnknown', (a) => a === undefined);
engine.addOperator('nonEmpty', (x) => (Array.isArray(x) ? x.length > 0 : isObj(x) && Object.keys(x).length > 0));

// ---- Dynamic facts ----
const doc = (almanac) => almanac.factValue('filing');
const at = (d, path) => path.reduce((o, k) => (isObj(o) ? o[k] : undefined), d);
const derived = (name, paths, fn) => engine.addFact(name, async (params, almanac) => {
  const d = await doc(almanac);
  const xs = paths.map((p) => at(d, p));
  return xs.every(num) ? fn(...xs) : undefined;
});
derived('localPlusFromOutside', [['staff', 'local'], ['staff', 'fromOutside']], (a, b) => a + b);
derived('returningPlusStillThere', [['staff', 'returning'], ['staff', 'keyArea', 'stillThere']], (a, b) => a + b);
// A requirement that overflows decides nothing, as in fangkong (-Infinity: no stock is below it).
derived('masksRequired', [['staff', 'returning']], (r) => (Number.isFinite(r * 2 * 3) ? r * 2 * 3 : -Infinity));
derived('dormCapacity', [['measures', 'dormitory', 'rooms']], (r) => r * 6);
derived('dormAreaNeeded', [['measures', 'dormitory', 'residents']], (r) => r * 2.5);
engine.addFact('day', async ({ field }, almanac) => isoDay((await doc(almanac))?.[field]) ?? undefined);
engine.addFact('daysAhead', async (params, almanac) => {
  const d = await doc(almanac);
  const f = isoDay(d?.filedOn), p = isoDay(d?.plannedResumption);
  return f === null || p === null ? undefined : p - f;
});
const tri = (x) => (x === undefined ? undefined : x === true);
const and3 = (a, b) => (a === false || b === false ? false : a === true && b === true ? true : undefined);
// count(roster, cond): a number, or undefined while an element's answer is missing.
engine.addFact('rosterCount', async ({ keyArea }, almanac) => {
  const items = (await doc(almanac))?.roster;
  let n = 0;
  for (const it of items ?? []) {
    if (!isObj(it)) return undefined; // a row left null (or of the wrong type): unknown, as fangkong
    const c = keyArea ? and3(tri(it.returning), tri(it.keyAreaHistory)) : tri(it.returning);
    if (c === undefined) return undefined;
    if (c) n++;
  }
  return n;
});
// staff.keyArea.returned > 0 || any(roster, keyAreaHistory && returning): true, false or undefined.
engine.addFact('keyAreaStaff', async (params, almanac) => {
  const d = await doc(almanac);
  const r = at(d, ['staff', 'keyArea', 'returned']);
  if (num(r) && r > 0) return true;
  let any = false;
  for (const it of Array.isArray(d?.roster) ? d.roster : []) {
    if (!isObj(it)) { any = undefined; continue; }
    const c = and3(tri(it.returning), tri(it.keyAreaHistory));
    if (c === true) return true;
    if (c === undefined) any = undefined;
  }
  return num(r) && any === false ? false : undefined;
});
// A value a rule needs is absent, and has no shape problem of its own.
engine.addFact('absent', async ({ pointer }, almanac) => {
  const d = await doc(almanac);
  return at(d, pointer.slice(1).split('/')) === undefined && !underShapeError(pointer, await almanac.factValue('shapeErrors'));
});
// …in an element of an array: `field` absent, or for `cond` the fields its answer waits for.
engine.addFact('needIn', async ({ array, field, cond }, almanac) => {
  const items = (await doc(almanac))?.[array];
  const errors = await almanac.factValue('shapeErrors');
  const today = await almanac.factValue('today');
  if (!Array.isArray(items)) return false;
  const absent = (it, i, f) => it[f] === undefined && !underShapeError(`/${array}/${i}/${f}`, errors);
  return items.some((it, i) => {
    if (!isObj(it)) return it === null && !underShapeError(`/${array}/${i}`, errors); // a row left null is asked for
    if (field) return absent(it, i, field);
    const c = and3(tri(it.returning), tri(it.keyAreaHistory));
    if (cond === 'returningKeyArea') return c === undefined && (absent(it, i, 'returning') || absent(it, i, 'keyAreaHistory'));
    // An overdue rectification that does not say whether it was resolved.
    if (cond === 'overdueUnsaid') return (isoDay(it.deadline) ?? Infinity) < today && absent(it, i, 'resolved');
    return c === true && absent(it, i, 'arrivedOn'); // 'isolationStart'
  });
});

// ---- Rules ----
const F = (path, operator, value) => ({ fact: 'filing', path: `$.${path}`, operator, value });
/** On the filing as given (RTW-F6's numbers). */
const G = (path, operator, value) => ({ fact: 'given', path: `$.${path}`, operator, value });
const ref = (path) => ({ fact: 'filing', path: `$.${path}` });
const A = (path) => ({ fact: 'absent', params: { pointer: `/${path.replaceAll('.', '/')}` }, operator: 'equal', value: true });
const needIn = (params) => ({ fact: 'needIn', params, operator: 'equal', value: true });
const today = { fact: 'today' };
const rule = (id, fired, missing) => {
  const severity = WARNINGS.has(id) ? 'warning' : 'error';
  if (fired) engine.addRule({ name: `${id} fired`, conditions: fired, event: { type: 'fired', params: { rule: id, severity } } });
  if (missing) engine.addRule({ name: `${id} missing`, conditions: missing, event: { type: 'missing', params: { rule: id } } });
};
const COUNTS = ['staff.total', 'staff.returning', 'staff.local', 'staff.fromOutside', 'staff.keyArea.returned', 'staff.keyArea.isolationComplete',
  'staff.keyArea.stillThere', 'staff.keyArea.unreachable', 'supplies.masks', 'supplies.thermometers', 'supplies.gloves', 'measures.preventionTeamSize',
  'measures.isolationRooms', 'measures.temperatureChecksPerDay', 'measures.dormitory.rooms', 'measures.dormitory.residents'];

rule('RTW-F1', { all: [F('enterprise.creditCode', 'creditCodeInvalid', true)] }, { all: [A('enterprise.creditCode')] });
rule('RTW-F2', { all: [F('enterprise.districtCode', 'districtNotIn', DISTRICTS)] }, { all: [A('enterprise.districtCode')] });
rule('RTW-F3', {
  any: [F('contacts.firstResponsible.phone', 'phoneInvalid', true), F('contacts.healthLiaison.phone', 'phoneInvalid', true),
    F('roster', 'somePhoneInvalid', 'phone')],
});
rule('RTW-F4', {
  any: [F('contacts.firstResponsible.idNumber', 'idNumberInvalid', today), F('contacts.healthLiaison.idNumber', 'idNumberInvalid', today),
    F('roster', 'someIdNumberInvalid', today)],
});
rule('RTW-F5',
  { any: [F('filedOn', 'dateInvalid', true), F('plannedResumption', 'dateInvalid', true), F('roster', 'someDateInvalid', 'arrivedOn'), F('openRectifications', 'someDateInvalid', 'deadline')] },
  { any: [A('filedOn'), A('plannedResumption'), needIn({ array: 'openRectifications', field: 'deadline' })] });
rule('RTW-F6',
  { any: [...COUNTS.map((p) => G(p, 'countInvalid', true)), G('supplies.disinfectantLiters', 'amountInvalid', true), G('measures.dormitory.areaM2', 'amountInvalid', true)] },
  { any: [A('enterprise.name'), A('enterprise.address'), needIn({ array: 'roster', field: 'name' })] });
rule('RTW-C1', { all: [F('staff.returning', 'greaterThan', ref('staff.total'))] }, { any: [A('staff.returning'), A('staff.total')] });
rule('RTW-C2', { all: [{ fact: 'localPlusFromOutside', operator: 'knownNotEqual', value: ref('staff.returning') }] },
  { any: [A('staff.local'), A('staff.fromOutside'), A('staff.returning')] });
rule('RTW-C3', { all: [F('staff.keyArea.returned', 'greaterThan', ref('staff.fromOutside'))] }, { any: [A('staff.keyArea.returned'), A('staff.fromOutside')] });
rule('RTW-C4', { all: [F('staff.keyArea.isolationComplete', 'greaterThan', ref('staff.keyArea.returned'))] },
  { any: [A('staff.keyArea.isolationComplete'), A('staff.keyArea.returned')] });
rule('RTW-C5',
  { any: [F('staff.keyArea.unreachable', 'greaterThan', ref('staff.keyArea.stillThere')), { fact: 'returningPlusStillThere', operator: 'greaterThan', value: ref('staff.total') }] },
  { any: [A('staff.keyArea.unreachable'), A('staff.keyArea.stillThere'), A('staff.returning'), A('staff.total')] });
rule('RTW-C6',
  {
    all: [F('roster', 'nonEmpty', true), {
      any: [{ fact: 'rosterCount', params: { keyArea: false }, operator: 'knownNotEqual', value: ref('staff.returning') },
        { fact: 'rosterCount', params: { keyArea: true }, operator: 'knownNotEqual', value: ref('staff.keyArea.returned') }],
    }],
  },
  {
    all: [F('roster', 'nonEmpty', true), {
      any: [needIn({ array: 'roster', field: 'returning' }), A('staff.returning'),
        needIn({ array: 'roster', cond: 'returningKeyArea' }), A('staff.keyArea.returned')],
    }],
  });
rule('RTW-C7', { all: [{ fact: 'day', params: { field: 'filedOn' }, operator: 'greaterThan', value: today }] }, { all: [A('filedOn')] });
rule('RTW-T1', { all: [{ fact: 'daysAhead', operator: 'lessThan', value: 5 }] }, { any: [A('filedOn'), A('plannedResumption')] });
rule('RTW-T2',
  { all: [F('enterprise.whitelisted', 'equal', false), { fact: 'day', params: { field: 'plannedResumption' }, operator: 'lessThan', value: PROVINCE_DAY }] },
  {
    all: [{ not: F('enterprise.whitelisted', 'equal', true) }, { not: { fact: 'day', params: { field: 'plannedResumption' }, operator: 'greaterThanInclusive', value: PROVINCE_DAY } },
      { any: [A('enterprise.whitelisted'), A('plannedResumption')] }],
  });
rule('RTW-T3', { all: [F('roster', 'someIsolationLate', { fact: 'day', params: { field: 'plannedResumption' } })] },
  { any: [needIn({ array: 'roster', cond: 'returningKeyArea' }), needIn({ array: 'roster', cond: 'isolationStart' })] });
rule('RTW-P1', { all: [F('measures.preventionTeamSize', 'lessThan', 2)] }, { all: [A('measures.preventionTeamSize')] });
rule('RTW-P2', { all: [F('measures.emergencyPlan', 'equal', false)] }, { all: [A('measures.emergencyPlan')] });
rule('RTW-P3', null, { any: ['contacts.firstResponsible.name', 'contacts.firstResponsible.phone', 'contacts.healthLiaison.name', 'contacts.healthLiaison.phone'].map(A) });
rule('RTW-P4', { all: [F('supplies.masks', 'lessThan', { fact: 'masksRequired' })] }, { any: [A('supplies.masks'), A('staff.returning')] });
rule('RTW-P5', { any: [F('supplies.thermometers', 'lessThan', 1), F('supplies.disinfectantLiters', 'lessThanInclusive', 0)] },
  { any: [A('supplies.thermometers'), A('supplies.disinfectantLiters')] });
rule('RTW-P6',
  { all: [{ fact: 'keyAreaStaff', operator: 'equal', value: true }, { any: [F('measures.isolationRooms', 'lessThan', 1), F('measures.singleRoomIsolation', 'equal', false)] }] },
  {
    any: [
      { all: [{ fact: 'keyAreaStaff', operator: 'equal', value: true }, { any: [A('measures.isolationRooms'), A('measures.singleRoomIsolation')] }] },
      { all: [{ fact: 'keyAreaStaff', operator: 'isUnknown', value: true }, { any: [A('staff.keyArea.returned'), needIn({ array: 'roster', cond: 'returningKeyArea' })] }] },
    ],
  });
rule('RTW-P7', { all: [F('measures.temperatureChecksPerDay', 'lessThan', 2)] }, { all: [A('measures.temperatureChecksPerDay')] });
rule('RTW-P8',
  {
    all: [F('measures.dormitory', 'nonEmpty', true), {
      any: [F('measures.dormitory.residents', 'greaterThan', { fact: 'dormCapacity' }),
        { all: [F('measures.dormitory.residents', 'greaterThan', 0), F('measures.dormitory.areaM2', 'lessThan', { fact: 'dormAreaNeeded' })] }],
    }],
  },
  {
    all: [F('measures.dormitory', 'nonEmpty', true), {
      any: [A('measures.dormitory.residents'), A('measures.dormitory.rooms'),
        { all: [F('measures.dormitory.residents', 'greaterThan', 0), A('measures.dormitory.areaM2')] }],
    }],
  });
rule('RTW-P9',
  {
    all: [F('measures.canteen.present', 'equal', true), {
      any: [F('measures.canteen.staggered', 'equal', false),
        // dispersedDining is the pack's own field: not given, it is no.
        { all: [F('measures.canteen.boxedMeals', 'equal', false), { not: F('measures.canteen.dispersedDining', 'equal', true) }] }],
    }],
  },
  {
    any: [A('measures.canteen.present'), {
      all: [F('measures.canteen.present', 'equal', true), {
        any: [A('measures.canteen.staggered'), {
          all: [{ not: F('measures.canteen.dispersedDining', 'equal', true) }, A('measures.canteen.boxedMeals')],
        }],
      }],
    }],
  });
rule('RTW-P10', { any: [F('measures.fingerprintClockSuspended', 'equal', false), F('measures.closedManagement', 'equal', false)] },
  { any: [A('measures.fingerprintClockSuspended'), A('measures.closedManagement')] });
rule('RTW-G2', null, {
  any: [...['returned', 'isolationComplete', 'stillThere', 'unreachable'].map((k) => A(`staff.keyArea.${k}`)), needIn({ array: 'roster', field: 'keyAreaHistory' })],
});
rule('RTW-G5', { all: [F('openRectifications', 'someOverdue', today)] }, { any: [needIn({ array: 'openRectifications', field: 'deadline' }), needIn({ array: 'openRectifications', cond: 'overdueUnsaid' })] });
rule('RTW-G6', { all: [F('staff.keyArea.unreachable', 'greaterThan', 0)] }, { all: [A('staff.keyArea.unreachable')] });

/** `today`: days since 1970-01-01 of "today" in China Standard Time. Returns a promise. */
export async function decide(input, todayDay) {
  const { doc: given, errors } = canonical(input);
  // RTW-F6 on the filing as given (`given`); every other rule without the numbers it refuses,
  // which are not asked for either (they were given).
  const { doc: filing, refused } = withoutRefused(given);
  const { events } = await engine.run({ filing: filing ?? {}, given: given ?? {}, shapeErrors: refused.size ? new Set([...errors, ...refused]) : errors, today: todayDay });
  const fired = new Set();
  let missing = false, error = errors.size > 0, warning = false;
  if (error) fired.add('INPUT');
  for (const e of events) {
    if (e.type === 'missing') missing = true;
    else {
      fired.add(e.params.rule);
      if (e.params.severity === 'error') error = true; else warning = true;
    }
  }
  const decision = missing ? 'incomplete' : error ? 'deferred' : warning ? 'conditional' : 'approved';
  return { decision, fired: [...fired] };
}
