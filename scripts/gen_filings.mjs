#!/usr/bin/env node
// Generates a district's 复工备案 filings as JSONL (one filing per line), for the district
// dashboard (www/dashboard.html) and its end-to-end test. Deterministic: the same arguments
// always write the same bytes (a seeded generator, no clock, no randomness of the machine).
//
//   node scripts/gen_filings.mjs                       # 13,378 filings to stdout
//   node scripts/gen_filings.mjs --count 500 --out /tmp/filings.jsonl [--seed 2020]
//
// Everything is synthetic; there is no real personal data. By default it is Guangming
// district (440311) as in the seeds: 13,378 enterprises spread unevenly over its six streets
// and 31 communities (塘家社区 in 凤凰街道 as in the examples, the others named like the
// indicator example's "凤凰第1社区"). Enterprise names read `深圳市<字>某<字><行业>有限公司`;
// people are `<surname>某某`; identity numbers carry a valid GB 11643-1999 check character
// and credit codes a valid GB 32100-2015 one, but both are made up. Filed 2020-02-01 … 02-05
// to resume on 2020-02-10 or later; check them with now = 2020-02-12 (or any day after the
// last filing date).
//
// The mix of decisions (by the default pack): about 72 % well-prepared filings (approved),
// 14 % with a warning only (conditional: temperature checked once a day, canteen not
// staggered, fingerprint clock in use, crowded dormitory), 9 % with an error or a failed
// gate (deferred: too few masks, an unreachable key-area employee, a one-person prevention
// team, no emergency plan, headcounts that do not add up, key-area counts that do not add
// up, filed too late) and 5 % with a required value left out (incomplete).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_COUNT = 13378;

/** Guangming's six streets and 31 communities, with a weight (how many enterprises). */
export const STREETS = [
  ['凤凰街道', ['塘家社区', '凤凰第1社区', '凤凰第2社区', '凤凰第3社区', '凤凰第4社区', '凤凰第5社区']],
  ['光明街道', ['光明第1社区', '光明第2社区', '光明第3社区', '光明第4社区', '光明第5社区', '光明第6社区']],
  ['公明街道', ['公明第1社区', '公明第2社区', '公明第3社区', '公明第4社区', '公明第5社区']],
  ['新湖街道', ['新湖第1社区', '新湖第2社区', '新湖第3社区', '新湖第4社区']],
  ['马田街道', ['马田第1社区', '马田第2社区', '马田第3社区', '马田第4社区', '马田第5社区', '马田第6社区']],
  ['玉塘街道', ['玉塘第1社区', '玉塘第2社区', '玉塘第3社区', '玉塘第4社区']],
];
const COMMUNITIES = STREETS.flatMap(([street, list]) => list.map((community, k) => ({ street, community, weight: 1 + ((k * 7 + street.charCodeAt(0)) % 5) })));

const FIRST = '华盛达泰鑫宏源新恒瑞丰佳力嘉德信诚和康明辉创旭隆兴海天金永安广'.split('');
const SECOND = '科汇通联航骏昌腾远鸿富荣威博睿凯奥龙晟益'.split('');
const TRADES = ['电子', '精密制造', '塑胶制品', '五金制品', '光电科技', '包装材料', '服装', '食品', '物流', '印刷', '模具', '新材料', '机电设备', '家具', '医疗器械', '贸易', '生物科技', '线缆', '照明', '环保科技'];
const SURNAMES = '陈李黄张刘林王吴郑杨何周谢罗梁许邓冯曾彭'.split('');
const MOBILE = ['138', '139', '137', '136', '135', '150', '151', '158', '186', '188', '189', '177'];

/** mulberry32: a small seeded generator, so the output never changes. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** An 18-character 统一社会信用代码 with its GB 32100-2015 check character. */
export function creditCode(body17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(body17[i]) * (3 ** i % 31);
  return body17 + CODE_CHARS[(31 - (sum % 31)) % 31];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** An 18-character 居民身份证号码 with its GB 11643-1999 check character. */
export function idNumber(area, y, m, d, sequence) {
  const body = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

const day = (iso, plus) => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + plus);
  return t.toISOString().slice(0, 10);
};

/** One filing, number `i` (0-based), of kind `kind` (approved | conditional | deferred | incomplete). */
function filing(i, kind, r, place) {
  const first = FIRST[i % FIRST.length];
  const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length];
  const trade = TRADES[Math.floor(i / (FIRST.length * SECOND.length)) % TRADES.length];
  const org = [...Array(9)].map(() => CODE_CHARS[r.int(0, 30)]).join('');
  const total = r.next() < 0.7 ? r.int(5, 60) : r.int(61, 600);
  const returning = Math.max(1, Math.round(total * (0.55 + r.next() * 0.4)));
  const local = Math.round(returning * (0.4 + r.next() * 0.5));
  const fromOutside = returning - local;
  const returned = fromOutside > 0 && r.next() < 0.3 ? r.int(1, Math.min(3, fromOutside)) : 0;
  const stillThere = Math.min(total - returning, r.next() < 0.4 ? r.int(0, 3) : 0);
  const filedOn = `2020-02-0${r.int(1, 5)}`;
  const planned = [day(filedOn, r.int(5, 9)), '2020-02-10'].sort().at(-1);
  const masks = returning * 2 * 3 + r.int(0, 20) * 10;
  const dorm = r.next() < 0.35;
  const rooms = Math.max(1, Math.ceil(returning / r.int(3, 6)));
  const residents = Math.min(returning, rooms * r.int(2, 6));
  const f = {
    filedOn,
    plannedResumption: planned,
    enterprise: {
      name: `深圳市${first}某${second}${trade}有限公司`,
      creditCode: creditCode(`91440311${org}`),
      districtCode: '440311',
      street: place.street,
      community: place.community,
      address: `深圳市光明区${place.street}${place.community}某某路${r.int(1, 300)}号`,
      whitelisted: r.next() < 0.04,
    },
    contacts: {
      firstResponsible: {
        name: `${r.pick(SURNAMES)}某某`,
        phone: `${r.pick(MOBILE)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
        idNumber: idNumber('440311', r.int(1960, 1995), r.int(1, 12), r.int(1, 28), r.int(0, 999)),
      },
      healthLiaison: { name: `${r.pick(SURNAMES)}某某`, phone: `0755-2${String(r.int(0, 9_999_999)).padStart(7, '0')}` },
    },
    staff: {
      total, returning, local, fromOutside,
      keyArea: { returned, isolationComplete: returned ? r.int(0, returned) : 0, stillThere, unreachable: 0 },
    },
    supplies: { masks, thermometers: r.int(1, 3 + Math.floor(returning / 50)), disinfectantLiters: r.int(5, 80), gloves: r.int(0, 40) * 10 },
    measures: {
      preventionTeamSize: r.int(2, 6), teamTrained: true, emergencyPlan: true,
      isolationRooms: r.int(1, 4), singleRoomIsolation: true, closedManagement: true,
      temperatureChecksPerDay: r.int(2, 3), fingerprintClockSuspended: true,
      canteen: r.next() < 0.45 ? { present: true, staggered: true, boxedMeals: true } : { present: false },
      ...(dorm ? { dormitory: { rooms, residents, areaM2: Math.ceil(residents * (2.5 + r.next() * 2)) } } : {}),
      disinfectionLog: true, commitmentSigned: true,
    },
  };
  const m = f.measures;
  if (kind === 'conditional') {
    // a warning only (RTW-P7, P9, P10, P8)
    const w = r.int(0, 3);
    if (w === 0) m.temperatureChecksPerDay = 1;
    else if (w === 1) m.canteen = { present: true, staggered: false, boxedMeals: true };
    else if (w === 2) m.fingerprintClockSuspended = false;
    else m.dormitory = { rooms: 2, residents: 16, areaM2: 60 };
  } else if (kind === 'deferred') {
    const e = r.int(0, 6);
    const k = f.staff.keyArea;
    if (e === 0) f.supplies.masks = Math.floor(returning / 2); // RTW-P4 → gate G3
    else if (e === 1) {
      // RTW-G6: a key-area employee who cannot be reached
      k.stillThere = Math.max(1, k.stillThere);
      k.unreachable = 1;
      f.staff.total = Math.max(f.staff.total, returning + k.stillThere);
    } else if (e === 2) m.preventionTeamSize = 1; // RTW-P1 → G4
    else if (e === 3) m.emergencyPlan = false; // RTW-P2 → G4
    else if (e === 4) f.staff.local += 1; // RTW-C2 → G1
    else if (e === 5) Object.assign(k, { returned: fromOutside + 1, isolationComplete: 0 }); // RTW-C3 → G2
    else f.filedOn = day(f.plannedResumption, -2); // RTW-T1: filed too late (an error, no gate)
  } else if (kind === 'incomplete') {
    const g = r.int(0, 4);
    if (g === 0) delete f.contacts.healthLiaison.phone;
    else if (g === 1) delete f.supplies.masks;
    else if (g === 2) delete f.staff.keyArea.stillThere;
    else if (g === 3) delete f.enterprise.creditCode;
    else delete f.measures.emergencyPlan;
  }
  return f;
}

/** The filings as an array of JSON lines (no trailing newlines). */
export function generate(count = DEFAULT_COUNT, seed = 2020) {
  const r = generator(seed);
  const weights = COMMUNITIES.reduce((s, c) => s + c.weight, 0);
  const lines = [];
  for (let i = 0; i < count; i++) {
    // spread over the communities by weight, in a fixed interleaved order
    let x = ((i * 7919) % weights + weights) % weights;
    const place = COMMUNITIES.find((c) => (x -= c.weight) < 0);
    const u = r.next();
    const kind = u < 0.72 ? 'approved' : u < 0.86 ? 'conditional' : u < 0.95 ? 'deferred' : 'incomplete';
    lines.push(JSON.stringify(filing(i, kind, r, place)));
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const count = Number(arg('--count', DEFAULT_COUNT));
  const seed = Number(arg('--seed', 2020));
  if (!Number.isInteger(count) || count < 0) {
    console.error('usage: node scripts/gen_filings.mjs [--count N] [--out FILE] [--seed S]');
    process.exit(2);
  }
  const text = generate(count, seed).map((l) => `${l}\n`).join('');
  const out = arg('--out');
  if (out) {
    writeFileSync(out, text);
    console.error(`wrote ${out}: ${count} filings, ${Buffer.byteLength(text)} bytes`);
  } else {
    process.stdout.write(text);
  }
}
