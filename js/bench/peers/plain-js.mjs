// Peer (a): the default pack (shenzhen-2020, version 2020-02-10) written by hand in plain
// JavaScript. Returns the decision of README's ladder and the ids of the rules that fired
// (`INPUT` for a shape problem) — no messages, pointers, params, gates or normalised values.
// Missing is never a fact, as in fangkong: a value a rule needs that is absent makes the rule
// undetermined and the filing `incomplete` (unless that value has a shape problem of its own).
import { canonical, underShapeError, withoutRefused, isoDay, creditCode, districtCode, phone, idNumber, parseDate } from './ids.mjs';

const P = {
  leadDays: 5, isolationDays: 14, masksPerPersonPerDay: 2, stockDays: 3, teamSize: 2, temperatureChecksPerDay: 2,
  maxResidentsPerRoom: 6, minAreaPerResidentM2: 2.5, provinceResumeDate: isoDay('2020-02-10'),
  districts: new Set(['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311']),
};
const WARNINGS = new Set(['RTW-T3', 'RTW-P7', 'RTW-P8', 'RTW-P9', 'RTW-P10']);
const EMPTY = Object.freeze({});
const obj = (x) => (x !== null && typeof x === 'object' ? x : EMPTY);
const U = undefined; // unknown, in three-valued logic
const and3 = (a, b) => (a === false || b === false ? false : a === true && b === true ? true : U);
const or3 = (a, b) => (a === true || b === true ? true : a === false && b === false ? false : U);
const isTrue = (x) => (x === U ? U : x === true);

/** `today`: days since 1970-01-01 of "today" in China Standard Time. */
export function decide(input, today) {
  const { doc: given, errors } = canonical(input);
  // RTW-F6 on the filing as given; every other rule without the numbers it refuses.
  const { doc, refused } = withoutRefused(given);
  const fired = new Set();
  let missing = false;
  if (errors.size) fired.add('INPUT');
  const need = (ptr) => { if (!missing && !underShapeError(ptr, errors) && !refused.has(ptr)) missing = true; };
  const d = obj(doc);
  const ent = obj(d.enterprise), con = obj(d.contacts), fr = obj(con.firstResponsible), hl = obj(con.healthLiaison);
  const st = obj(d.staff), ka = obj(st.keyArea), sup = obj(d.supplies), me = obj(d.measures);
  const roster = Array.isArray(d.roster) ? d.roster : null;
  const rects = Array.isArray(d.openRectifications) ? d.openRectifications : null;

  // a op b on numbers: unknown when one is missing.
  const cmp = (rule, a, pa, b, pb, ok) => {
    if (a === U) need(pa);
    if (b === U) need(pb);
    if (a !== U && b !== U && !ok(a, b)) fired.add(rule);
  };
  const mustBeTrue = (rule, v, ptr) => { if (v === U) need(ptr); else if (v !== true) fired.add(rule); };

  // RTW-F1, F2: identifiers, required.
  if (ent.creditCode === U) need('/enterprise/creditCode');
  else if (creditCode(ent.creditCode) === null) fired.add('RTW-F1');
  if (ent.districtCode === U) need('/enterprise/districtCode');
  else { const c = districtCode(ent.districtCode); if (c === null || !P.districts.has(c)) fired.add('RTW-F2'); }
  // RTW-F3, F4: phones and ID numbers where given.
  for (const p of [fr.phone, hl.phone]) if (p !== U && phone(p) === null) fired.add('RTW-F3');
  for (const p of [fr.idNumber, hl.idNumber]) if (p !== U && idNumber(p, today) === null) fired.add('RTW-F4');
  // RTW-F5: dates.
  if (d.filedOn === U) need('/filedOn'); else if (parseDate(d.filedOn) === null) fired.add('RTW-F5');
  if (d.plannedResumption === U) need('/plannedResumption'); else if (parseDate(d.plannedResumption) === null) fired.add('RTW-F5');
  // RTW-F6: counts whole and ≥ 0, amounts ≥ 0, names and addresses given.
  // (One pass finds them: the numbers withoutRefused dropped are the ones RTW-F6 refuses.)
  if (refused.size) fired.add('RTW-F6');
  if (ent.name === U) need('/enterprise/name');
  if (ent.address === U) need('/enterprise/address');
  if (roster) {
    for (let i = 0; i < roster.length; i++) {
      const r = roster[i];
      // A row left null is asked for itself, and what needs it is unknown (as fangkong).
      if (r === null) { need(`/roster/${i}`); continue; }
      if (r.phone !== U && phone(r.phone) === null) fired.add('RTW-F3');
      if (r.idNumber !== U && idNumber(r.idNumber, today) === null) fired.add('RTW-F4');
      if (r.arrivedOn !== U && parseDate(r.arrivedOn) === null) fired.add('RTW-F5');
      if (r.name === U) need(`/roster/${i}/name`);
    }
  }
  if (rects) {
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i];
      if (r === null) continue;
      if (r.deadline === U) need(`/openRectifications/${i}/deadline`);
      else if (parseDate(r.deadline) === null) fired.add('RTW-F5');
    }
  }

  // RTW-C1 … C5: headcounts agree.
  cmp('RTW-C1', st.returning, '/staff/returning', st.total, '/staff/total', (a, b) => a <= b);
  if (st.local === U) need('/staff/local');
  if (st.fromOutside === U) need('/staff/fromOutside');
  if (st.returning === U) need('/staff/returning');
  if (st.local !== U && st.fromOutside !== U && st.returning !== U && st.local + st.fromOutside !== st.returning) fired.add('RTW-C2');
  cmp('RTW-C3', ka.returned, '/staff/keyArea/returned', st.fromOutside, '/staff/fromOutside', (a, b) => a <= b);
  cmp('RTW-C4', ka.isolationComplete, '/staff/keyArea/isolationComplete', ka.returned, '/staff/keyArea/returned', (a, b) => a <= b);
  cmp('RTW-C5', ka.unreachable, '/staff/keyArea/unreachable', ka.stillThere, '/staff/keyArea/stillThere', (a, b) => a <= b);
  if (st.returning !== U && ka.stillThere !== U && st.total !== U && st.returning + ka.stillThere > st.total) fired.add('RTW-C5');
  if (st.total === U) need('/staff/total');
  if (ka.stillThere === U) need('/staff/keyArea/stillThere');
  // RTW-C6: where a roster is given, it agrees with the headcounts.
  if (roster && roster.length > 0) {
    let returning = 0, keyArea = 0, unknownR = false, unknownK = false;
    for (let i = 0; i < roster.length; i++) {
      const r = roster[i];
      if (r === null) { unknownR = true; unknownK = true; continue; }
      const ret = isTrue(r.returning), kah = isTrue(r.keyAreaHistory);
      if (ret === U) { unknownR = true; need(`/roster/${i}/returning`); } else if (ret) returning++;
      const both = and3(ret, kah);
      if (both === U) {
        unknownK = true;
        if (ret === U) need(`/roster/${i}/returning`);
        if (kah === U) need(`/roster/${i}/keyAreaHistory`);
      } else if (both) keyArea++;
    }
    if (st.returning === U) need('/staff/returning');
    else if (!unknownR && returning !== st.returning) fired.add('RTW-C6');
    if (ka.returned === U) need('/staff/keyArea/returned');
    else if (!unknownK && keyArea !== ka.returned) fired.add('RTW-C6');
  }
  // RTW-C7, T1, T2: dates.
  const filed = isoDay(d.filedOn), planned = isoDay(d.plannedResumption);
  if (filed !== null && filed > today) fired.add('RTW-C7');
  if (filed !== null && planned !== null && planned - filed < P.leadDays) fired.add('RTW-T1');
  const t2 = or3(isTrue(ent.whitelisted), planned === null ? U : planned >= P.provinceResumeDate);
  if (t2 === false) fired.add('RTW-T2');
  else if (t2 === U) { if (ent.whitelisted === U) need('/enterprise/whitelisted'); if (d.plannedResumption === U) need('/plannedResumption'); }
  // RTW-T3: key-area returnees isolated for 14 days before the planned date.
  if (roster) {
    for (let i = 0; i < roster.length; i++) {
      const r = roster[i];
      if (r === null) continue;
      const kah = isTrue(r.keyAreaHistory), ret = isTrue(r.returning);
      const when = and3(kah, ret);
      if (when === U) {
        if (kah === U) need(`/roster/${i}/keyAreaHistory`);
        if (ret === U) need(`/roster/${i}/returning`);
        continue;
      }
      if (!when) continue;
      const arrived = isoDay(r.arrivedOn);
      if (arrived === null) { if (r.arrivedOn === U) need(`/roster/${i}/arrivedOn`); continue; }
      if (planned !== null && arrived + P.isolationDays > planned) fired.add('RTW-T3');
    }
  }
  // RTW-P1 … P5: prevention team, plan, contacts, supplies.
  cmp('RTW-P1', me.preventionTeamSize, '/measures/preventionTeamSize', P.teamSize, '', (a, b) => a >= b);
  mustBeTrue('RTW-P2', me.emergencyPlan, '/measures/emergencyPlan');
  if (fr.name === U) need('/contacts/firstResponsible/name');
  if (fr.phone === U) need('/contacts/firstResponsible/phone');
  if (hl.name === U) need('/contacts/healthLiaison/name');
  if (hl.phone === U) need('/contacts/healthLiaison/phone');
  if (sup.masks === U) need('/supplies/masks');
  if (st.returning === U) need('/staff/returning');
  // A requirement that overflows (9e307 staff) decides nothing, as in fangkong: RTW-F6 refuses the count.
  const masksNeeded = st.returning * P.masksPerPersonPerDay * P.stockDays;
  if (sup.masks !== U && st.returning !== U && Number.isFinite(masksNeeded) && sup.masks < masksNeeded) fired.add('RTW-P4');
  cmp('RTW-P5', sup.thermometers, '/supplies/thermometers', 1, '', (a, b) => a >= b);
  cmp('RTW-P5', sup.disinfectantLiters, '/supplies/disinfectantLiters', 0, '', (a, b) => a > b);
  // RTW-P6: a single-room isolation area when key-area staff returned.
  let anyKey = roster ? false : false;
  if (roster) {
    for (const r of roster) {
      if (r === null) { anyKey = U; continue; }
      const c = and3(isTrue(r.keyAreaHistory), isTrue(r.returning));
      if (c === true) { anyKey = true; break; }
      if (c === U) anyKey = U;
    }
  }
  const p6 = or3(ka.returned === U ? U : ka.returned > 0, anyKey);
  if (p6 === U) {
    if (ka.returned === U) need('/staff/keyArea/returned');
    if (anyKey === U) {
      for (let i = 0; i < roster.length; i++) {
        const r = roster[i];
        if (r === null) continue;
        const kah = isTrue(r.keyAreaHistory), ret = isTrue(r.returning);
        if (and3(kah, ret) === U) {
          if (kah === U) need(`/roster/${i}/keyAreaHistory`);
          if (ret === U) need(`/roster/${i}/returning`);
        }
      }
    }
  } else if (p6) {
    cmp('RTW-P6', me.isolationRooms, '/measures/isolationRooms', 1, '', (a, b) => a >= b);
    mustBeTrue('RTW-P6', me.singleRoomIsolation, '/measures/singleRoomIsolation');
  }
  // RTW-P7 … P10 (warnings).
  cmp('RTW-P7', me.temperatureChecksPerDay, '/measures/temperatureChecksPerDay', P.temperatureChecksPerDay, '', (a, b) => a >= b);
  const dorm = me.dormitory;
  if (dorm !== U && Object.keys(dorm).length > 0) {
    cmp('RTW-P8', dorm.residents, '/measures/dormitory/residents', dorm.rooms, '/measures/dormitory/rooms', (a, b) => a <= b * P.maxResidentsPerRoom);
    if (dorm.residents > 0) cmp('RTW-P8', dorm.areaM2, '/measures/dormitory/areaM2', dorm.residents, '', (a, b) => a >= b * P.minAreaPerResidentM2);
  }
  const can = obj(me.canteen);
  if (can.present === U) need('/measures/canteen/present');
  else if (can.present === true) {
    mustBeTrue('RTW-P9', can.staggered, '/measures/canteen/staggered');
    // dispersedDining is the pack's own field: not given, it is no (domain.md's shape has only boxedMeals).
    const dispersed = or3(isTrue(can.boxedMeals), isTrue(can.dispersedDining ?? false));
    if (dispersed === false) fired.add('RTW-P9');
    else if (dispersed === U) need('/measures/canteen/boxedMeals');
  }
  mustBeTrue('RTW-P10', me.fingerprintClockSuspended, '/measures/fingerprintClockSuspended');
  mustBeTrue('RTW-P10', me.closedManagement, '/measures/closedManagement');
  // Gates: G1, G3, G4 close on their causes (errors above); G2, G5, G6 have checks of their own.
  if (ka.returned === U) need('/staff/keyArea/returned');
  if (ka.isolationComplete === U) need('/staff/keyArea/isolationComplete');
  if (ka.stillThere === U) need('/staff/keyArea/stillThere');
  if (ka.unreachable === U) need('/staff/keyArea/unreachable');
  if (roster) for (let i = 0; i < roster.length; i++) if (roster[i] !== null && roster[i].keyAreaHistory === U) need(`/roster/${i}/keyAreaHistory`);
  if (rects) {
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i];
      if (r === null || r.resolved === true) continue;
      const due = isoDay(r.deadline);
      // Overdue: unresolved only when it says so (a missing `resolved` is asked for).
      if (due !== null && due < today) {
        if (r.resolved === false) fired.add('RTW-G5');
        else need(`/openRectifications/${i}/resolved`);
      }
    }
  }
  if (ka.unreachable !== U && ka.unreachable > 0) fired.add('RTW-G6');

  let decision = 'approved';
  if (missing) decision = 'incomplete';
  else {
    for (const id of fired) {
      if (!WARNINGS.has(id)) { decision = 'deferred'; break; }
      decision = 'conditional';
    }
  }
  return { decision, fired: [...fired] };
}
