// engine.draft (issue 9, point 3) in Node: after every random edit, draft.answer() is
// engine.checkFiling(draft.value(), options) as JSON, byte for byte; the change lists add up;
// bad pointers are Errors with a code and change nothing; a freed draft throws; draftChecker
// (fangkong/form) answers as checkFiling while values change under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { draftChecker } from 'fangkong/form';
import { ROOT, loadCases } from './lib/cases.mjs';

const engines = new Map();
const engineFor = (id) => {
  if (!engines.has(id)) engines.set(id, Engine.withPackId(id));
  return engines.get(id);
};

/** Starting filings: every golden filing with a JSON input, and the examples. */
const starts = [
  ...loadCases().filter((c) => c.kind === 'filing' && c.input.json !== undefined).map((c) => ({
    name: c.file,
    pack: c.pack ?? 'shenzhen-2020',
    options: { now: c.now, ...(c.locale ? { locale: c.locale } : {}), ...(c.packVersion ? { packVersion: c.packVersion } : {}), ...(c.personal ? { personal: true } : {}) },
    filing: c.input.json,
  })),
  ...readdirSync(join(ROOT, 'examples/filings')).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    name: `examples/filings/${f}`,
    pack: 'shenzhen-2020',
    options: { now: '2020-02-04T10:00:00+08:00' },
    filing: JSON.parse(readFileSync(join(ROOT, 'examples/filings', f), 'utf8')),
  })),
];

/** A small seeded generator (mulberry32), so a failure can be run again: FANGKONG_SEED=… */
const SEED = Number(process.env.FANGKONG_SEED ?? 20260214);
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEAVES = [
  '/filedOn', '/plannedResumption', '/enterprise/name', '/enterprise/creditCode', '/enterprise/districtCode',
  '/enterprise/whitelisted', '/contacts/firstResponsible/name', '/contacts/firstResponsible/phone',
  '/contacts/healthLiaison/idNumber', '/staff/total', '/staff/returning', '/staff/local', '/staff/fromOutside',
  '/staff/keyArea/returned', '/staff/keyArea/isolationComplete', '/staff/keyArea/stillThere', '/staff/keyArea/unreachable',
  '/supplies/masks', '/supplies/thermometers', '/supplies/disinfectantLiters', '/measures/preventionTeamSize',
  '/measures/emergencyPlan', '/measures/isolationRooms', '/measures/canteen/present', '/measures/dormitory/residents',
  '/staff', '/measures', '/roster', '/openRectifications', '/bogus', '/staff/bogus',
];
const ROW = ['name', 'idNumber', 'phone', 'returning', 'keyAreaHistory', 'closeContact', 'arrivedOn'];
const VALUES = [
  null, '', '　', true, false, 0, 1, -1, 2.5, 3, 12, 100, 5000, '12', '１２', ' 3 ', '1e3', '2020-02-04', '2020/2/1',
  '2020年2月20日', '2020-13-01', '13800138000', '+86 138 0013 8000', '12345', '440306198503122134', '91440311MA5G0K3P1W',
  '440306', '110105', '某某', {}, [], { returning: true, keyAreaHistory: true, arrivedOn: '2020-02-01' },
  { itemId: 'INS-S4-1', deadline: '2020-02-01' }, [{ returning: false }, 'x', null], undefined,
];
const SCOPES = [null, [], ['/filedOn', '/staff'], ['/roster/0', '/enterprise/creditCode']];

function randomEdit(rnd, value) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const rows = Array.isArray(value.roster) ? value.roster.length : 0;
  const index = () => String(pick([0, 1, 2, rows - 1, rows, 999].filter((i) => i >= 0)));
  const r = rnd();
  if (r < 0.1) return { scope: pick(SCOPES) };
  const pointer = r < 0.5 ? pick(LEAVES) : r < 0.85 ? `/roster/${index()}/${pick(ROW)}` : r < 0.92 ? `/roster/${index()}` : `/openRectifications/${index()}/deadline`;
  return rnd() < 0.2 ? { remove: pointer } : { set: pointer, value: pick(VALUES) };
}

/** Diagnostics by path, code and rule, counted. */
function keys(answer) {
  const out = new Map();
  for (const d of answer.diagnostics) {
    const k = JSON.stringify([d.path, d.code, d.ruleId]);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The change list takes the previous answer to this one. */
function checkChanges(before, after, changes, where) {
  const k = keys(before);
  for (const g of changes.removed) {
    const key = JSON.stringify([g.path, g.code, g.ruleId]);
    assert.ok(k.get(key) > 0, `${where}: removed ${key} was not there`);
    k.set(key, k.get(key) - 1);
  }
  for (const d of changes.added) {
    const key = JSON.stringify([d.path, d.code, d.ruleId]);
    k.set(key, (k.get(key) ?? 0) + 1);
    assert.ok(after.diagnostics.some((a) => JSON.stringify(a) === JSON.stringify(d)), `${where}: added ${key} is not in the answer as it is`);
  }
  for (const [key, n] of k) if (n === 0) k.delete(key);
  assert.deepEqual(k, keys(after), `${where}: the change list does not add up`);
  if (changes.decision) assert.deepEqual(changes.decision, { from: before.decision, to: after.decision }, where);
  else assert.equal(after.decision, before.decision, `${where}: the decision moved unreported`);
  const passed = (a) => new Map(a.gates.map((g) => [g.id, g.passed]));
  const [gb, ga] = [passed(before), passed(after)];
  for (const [id, to] of ga) {
    const moved = changes.gates.find((m) => m.id === id);
    const from = gb.get(id) ?? null;
    if (moved) assert.deepEqual(moved, { id, from, to }, where);
    else assert.equal(to, from, `${where}: gate ${id} moved unreported`);
  }
}

test('random edits: draft.answer() is checkFiling of draft.value(), byte for byte, and the changes add up', () => {
  const rnd = random(SEED);
  let edits = 0;
  for (const start of starts) {
    const engine = engineFor(start.pack);
    const runs = start.name.includes('factory') ? 1 : 2;
    for (let run = 0; run < runs; run++) {
      let options = run === 1 ? { ...start.options, locale: 'en', scope: ['/enterprise', '/roster/1'] } : { ...start.options };
      const draft = engine.draft('filing', options, start.filing);
      let before = draft.answer();
      assert.equal(JSON.stringify(before), JSON.stringify(engine.checkFiling(start.filing, options)), `${start.name}: the first answer`);
      for (let n = 0; n < 8; n++) {
        const e = randomEdit(rnd, draft.value());
        const where = `${start.name} (seed ${SEED}), edit ${n} ${JSON.stringify(e)}`;
        let changes;
        try {
          if ('scope' in e) {
            changes = draft.setScope(e.scope);
            options = { ...options, scope: e.scope };
          } else if ('remove' in e) changes = draft.remove(e.remove);
          else changes = draft.set(e.set, e.value);
        } catch (err) {
          assert.match(err.code, /^pointer\./, `${where}: ${err.message}`);
        }
        const after = draft.answer();
        assert.equal(JSON.stringify(after), JSON.stringify(engine.checkFiling(draft.value(), options)), where);
        if (changes) checkChanges(before, after, changes, where);
        else assert.deepEqual(after, before, `${where}: a refused edit changed the answer`);
        before = after;
        edits++;
      }
      draft.free();
    }
  }
  assert.ok(edits > 1000, `only ${edits} edits`);
});

test('values cross as they are: text, whole numbers, booleans, null; objects as JSON; undefined removes', () => {
  const engine = engineFor('shenzhen-2020');
  const options = { now: '2020-02-04T10:00:00+08:00' };
  const draft = engine.draft('filing', options);
  draft.set('/staff/total', 12);
  draft.set('/staff/returning', 2.5);
  draft.set('/enterprise/name', 12);
  draft.set('/enterprise/whitelisted', true);
  draft.set('/roster/-', { name: '张三', returning: true });
  draft.set('/roster/0/arrivedOn', '2020/2/1');
  draft.set('/supplies/masks', null);
  draft.set('/supplies/gloves', 5);
  draft.set('/supplies/gloves', undefined);
  assert.deepEqual(draft.value(), {
    staff: { total: 12, returning: 2.5 }, enterprise: { name: 12, whitelisted: true },
    roster: [{ name: '张三', returning: true, arrivedOn: '2020/2/1' }], supplies: { masks: null },
  });
  assert.equal(JSON.stringify(draft.answer()), JSON.stringify(engine.checkFiling(draft.value(), options)));
  const c = draft.set('/staff/returning', 3);
  assert.ok(c.removed.some((d) => d.path === '/staff/returning' && d.code === 'count.fraction'), JSON.stringify(c));
  draft.free();
});

test("text at '' is the whole submission's JSON text, as engine.draft(kind, options, text) reads it", () => {
  // Forms audit, twenty-fifth session: set('', text) kept the text as a string, and the draft
  // answered input.invalid_type where checkFiling(draft.value()) approved.
  const engine = engineFor('shenzhen-2020');
  const options = { now: '2020-02-04T10:00:00+08:00' };
  const text = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
  for (const kind of ['filing', 'inspection', 'indicators', 'screening']) {
    const draft = engine.draft(kind, options);
    const submission = kind === 'filing' ? text : JSON.stringify({ any: 'thing' });
    draft.set('', submission);
    assert.deepEqual(draft.value(), JSON.parse(submission), kind);
    const started = engine.draft(kind, options, submission);
    assert.equal(JSON.stringify(draft.answer()), JSON.stringify(started.answer()), kind);
    assert.throws(() => draft.set('', 'NaN'), (e) => e instanceof Error && e.code === 'input.not_json', kind);
    assert.deepEqual(draft.value(), JSON.parse(submission), `${kind}: unchanged by the refused text`);
    draft.free();
    started.free();
  }
  const draft = engine.draft('filing', options);
  draft.set('', text);
  assert.equal(draft.answer().decision, 'approved');
  draft.free();
});

test('a keystroke in a 1,000-person roster: only what changed comes back', () => {
  const engine = engineFor('shenzhen-2020');
  const filing = JSON.parse(readFileSync(join(ROOT, 'examples/filings/factory-1000.json'), 'utf8'));
  const draft = engine.draft('filing', { now: '2020-02-04T10:00:00+08:00' }, JSON.stringify(filing));
  let c = draft.set('/roster/7/phone', '1380013800');
  assert.deepEqual(c.added.map((d) => [d.path, d.code]), [['/roster/7/phone', 'phone.format']]);
  assert.ok(c.added[0].message.length > 0, 'added diagnostics carry their message');
  assert.deepEqual([c.removed, c.gates, c.decision], [[], [], { from: 'conditional', to: 'deferred' }]);
  c = draft.set('/roster/7/phone', '13800138000');
  assert.deepEqual(c.removed, [{ path: '/roster/7/phone', code: 'phone.format', ruleId: 'RTW-F3' }]);
  c = draft.set('/roster/7/name', '员工0008号');
  assert.deepEqual(c, { added: [], removed: [], gates: [], decision: null });
  draft.free();
});

test('bad pointers are Errors with a code and change nothing; an unknown kind has no draft; a freed draft throws', () => {
  const engine = engineFor('shenzhen-2020');
  const draft = engine.draft('filing', { now: '2020-02-04' }, { roster: [{ name: '张三' }] });
  const before = JSON.stringify(draft.value());
  const code = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error, 'an Error');
      return e.code;
    }
    return 'no error';
  };
  assert.equal(code(() => draft.set('staff/total', 1)), 'pointer.invalid');
  assert.equal(code(() => draft.set('/staff/~2', 1)), 'pointer.invalid');
  assert.equal(code(() => draft.set('/roster/x/name', 1)), 'pointer.invalid');
  assert.equal(code(() => draft.set('/roster/01/name', 1)), 'pointer.invalid');
  assert.equal(code(() => draft.set('/roster/3/name', 1)), 'pointer.out_of_range');
  // Through a value given (张三), never replacing it by a container (fourth audit).
  assert.equal(code(() => draft.set('/roster/0/name/x', 1)), 'pointer.invalid');
  assert.equal(code(() => draft.remove('/roster/-1')), 'pointer.invalid');
  assert.equal(code(() => draft.setScope('/staff')), 'options.invalid');
  // A `~` that escapes nothing is no JSON Pointer (sixteenth session audit: it was taken).
  assert.equal(code(() => draft.setScope(['/enterprise~2name'])), 'options.invalid');
  assert.equal(code(() => engine.checkFiling({}, { now: '2020-02-04', scope: ['/a~'] })), 'options.invalid');
  assert.equal(engine.checkFiling({}, { now: '2020-02-04', scope: ['/a~0b~1c'] }).decision, 'incomplete');
  assert.equal(code(() => draft.set('/enterprise/name', 'x'.repeat(4 * 1024 * 1024 + 1))), 'input.too_large');
  assert.equal(code(() => draft.set('/enterprise', { name: 'x'.repeat(4 * 1024 * 1024) })), 'input.too_large');
  assert.equal(JSON.stringify(draft.value()), before);
  assert.deepEqual(draft.remove('/staff/total'), { added: [], removed: [], gates: [], decision: null });
  assert.equal(code(() => engine.draft('permit', { now: '2020-02-04' })), 'options.invalid');
  assert.equal(code(() => engine.draft('filing', {})), 'options.invalid');
  draft.free();
  assert.equal(code(() => draft.answer()), 'engine.freed');
  if (Symbol.dispose) {
    const d = engine.draft('filing', { now: '2020-02-04' });
    d[Symbol.dispose]();
    assert.equal(code(() => d.value()), 'engine.freed');
  }
  // An engine or checker freed, too; the engine's drafts and checkers live on (their own copies).
  const e = Engine.withPackId('shenzhen-2020');
  const checker = e.checker({ now: '2020-02-04' });
  const kept = e.draft('filing', { now: '2020-02-04' });
  e.free();
  assert.equal(code(() => e.checkFiling({}, { now: '2020-02-04' })), 'engine.freed');
  assert.equal(code(() => e.describe('filing', {})), 'engine.freed');
  assert.equal(checker.checkFiling({}).decision, 'incomplete');
  assert.equal(kept.answer().decision, 'incomplete');
  checker.free();
  assert.equal(code(() => checker.checkFiling({})), 'engine.freed');
});

test('draftChecker: answers as checkFiling while the value, its arrays and the scope change', () => {
  const engine = engineFor('shenzhen-2020');
  const checker = draftChecker(engine);
  const value = JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8'));
  const rnd = random(SEED + 1);
  for (let n = 0; n < 60; n++) {
    const e = randomEdit(rnd, value);
    // Change the value in place, as a page's model does.
    if ('set' in e || 'remove' in e) {
      const segs = (e.set ?? e.remove).slice(1).split('/');
      let node = value;
      for (const s of segs.slice(0, -1)) {
        if (node[s] === null || typeof node[s] !== 'object') node[s] = /^\d+$/.test(segs[segs.indexOf(s) + 1]) ? [] : {};
        node = node[s];
      }
      const last = segs[segs.length - 1];
      if ('remove' in e) delete node[last];
      else if (Array.isArray(node) && Number(last) > node.length) continue;
      else node[last] = e.value;
    }
    const options = { now: new Date(Date.UTC(2020, 1, 4, 2 + (n % 3))), scope: n % 4 === 0 ? ['/staff'] : [], ...(n > 40 ? { locale: 'en' } : {}) };
    const got = checker.check('filing', value, options);
    assert.equal(JSON.stringify(got), JSON.stringify(engine.checkFiling(value, options)), `edit ${n} ${JSON.stringify(e)}`);
  }
  checker.free();
});

test('draftChecker: what a draft cannot hold (a submission past 4 MiB, a root read as text) is answered as checkFiling answers it, and the next check is a draft again (draft audit, thirty-eighth session)', () => {
  const engine = engineFor('shenzhen-2020');
  const checker = draftChecker(engine);
  const options = { now: '2020-02-04T10:00:00+08:00' };
  const same = (value, why) => assert.equal(JSON.stringify(checker.check('filing', value, options)), JSON.stringify(engine.checkFiling(value, options)), why);
  const big = { enterprise: { name: 'a'.repeat(4.5 * 1024 * 1024) } };
  same(big, 'a first check past 4 MiB');
  assert.equal(engine.checkFiling(big, options).diagnostics[0].code, 'input.too_large');
  same({ enterprise: { name: 'x' } }, 'a small one after it');
  same(big, 'grown past 4 MiB by an edit');
  same({ enterprise: { name: 'y' } }, 'small again');
  // A Date as the submission: JSON text of a string, the type refused.
  same(new Date(0), 'a Date after a draft');
  assert.equal(engine.checkFiling(new Date(0), options).diagnostics[0].code, 'input.invalid_type');
  same(JSON.parse(readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8')), 'a whole filing after it');
  checker.free();
});

// Issue 9 point 3 names `engine.draft(kind, …)`: an inspection, a day's indicator report and a
// screening have drafts too (thirteenth session, audit 1: they threw options.invalid). Each edit
// re-judges the whole submission; the answer is the kind's entry point on draft.value().
test('drafts of the other kinds answer as their entry points, edit after edit', () => {
  const engine = Engine.withDefaultPack();
  const kinds = [
    ['inspection', 'scoreInspection', 'examples/inspections/factory-all-pass.json', '2020-02-12T18:00:00+08:00',
      [['/answers/INS-S1-1/result', 'fail'], ['/answers/INS-S6-2', undefined], ['/facts/knowledge/sampled', '５'], ['/answers/INS-S6-2', { result: 'pass', evidence: 'onsite' }], ['/keyAreaStaffReturned', null]]],
    ['indicators', 'evaluateIndicators', 'examples/indicators/guangming-district.json', '2020-02-12T20:00:00+08:00',
      [['/units/1/counts/compounds', 3], ['/units/-', { id: 'X-1', parent: 'GM', counts: { compounds: 1 } }], ['/date', ''], ['/units/0', undefined]]],
    ['screening', 'screenPerson', 'examples/screening/returned-from-area.json', '2020-02-01T12:00:00+08:00',
      [['/symptoms/temperature', 38.5], ['/symptoms/temperature', '36.6'], ['/leftAreaOn', undefined], ['/contactWithConfirmed', true], ['/lastContactOn', '2020-01-30']]],
  ];
  for (const [kind, entry, file, now, edits] of kinds) {
    const start = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const options = { now };
    const draft = engine.draft(kind, options, start);
    assert.equal(JSON.stringify(draft.answer()), JSON.stringify(engine[entry](start, options)), kind);
    let before = draft.answer();
    for (const [pointer, value] of edits) {
      const changes = draft.set(pointer, value);
      const after = draft.answer();
      assert.equal(JSON.stringify(after), JSON.stringify(engine[entry](draft.value(), options)), `${kind} ${pointer}`);
      assert.deepEqual(changes.gates, []);
      assert.equal(changes.decision === null ? before.decision : changes.decision.to, after.decision, `${kind} ${pointer}`);
      const key = (d) => `${d.path} ${d.code} ${d.ruleId}`;
      const count = (list) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map());
      const want = count(before.diagnostics.map(key));
      for (const g of changes.removed) want.set(key(g), want.get(key(g)) - 1);
      for (const d of changes.added) want.set(key(d), (want.get(key(d)) ?? 0) + 1);
      assert.deepEqual([...want].filter(([, n]) => n > 0).sort(), [...count(after.diagnostics.map(key))].sort(), `${kind} ${pointer}`);
      before = after;
    }
    assert.throws(() => draft.set('/x~2', 1), (e) => e.code === 'pointer.invalid');
    draft.free();
  }
});
