// The personal screening page (www/screening.html, 个人排查 / 自主申报) in Chromium, at a phone's
// width, as a person fills in a declaration: an epidemic-area history (left 2020-01-25, declared
// 2020-02-01, now 2020-02-04) shows 居家观察 until 2020-02-08; a temperature of 37.3 gives 送发热门诊;
// a close contact with no contact date shows 集中隔离 with no end date; gatherings are a warning.
// Every expectation is the engine's own answer in Node on the same declaration (nothing about the
// rules is written here). No console error or CSP violation, no serious axe violation, a reload
// restores the answers, screenshots in zh-CN and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'fangkong';
import { NOW, portal, openPortal, axe, screenshot, assertExamplesInLocale } from './lib/portal.mjs';

const PAGE = `/screening.html?now=${encodeURIComponent(NOW)}`;
const PHONE = { width: 375, height: 800 };
const engine = Engine.withDefaultPack();
/** The engine's answer; `scope` as the page sends it: the answers given (the fields reached), or `['']` after 检查是否填写完整. */
const judge = (declaration, locale = 'zh-CN', scope = leaves(declaration)) => engine.screenPerson(declaration, { now: NOW, locale, scope });
/** The pointers of a declaration's answers. */
function leaves(value, prefix = '', out = []) {
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object') leaves(v, `${prefix}/${k}`, out);
    else out.push(`${prefix}/${k}`);
  }
  return out;
}
const D = engine.describe('screening', { locale: 'zh-CN', on: '2020-02-04' });
const label = (pointer) => D.fields.find((f) => f.pointer === pointer).label;
const yes = (pointer) => `[name="${pointer}"][value="true"]`;
const no = (pointer) => `[name="${pointer}"][value="false"]`;

/** The declaration filled in below, as the engine is given it. */
const DECLARATION = {
  declaredOn: '2020-02-01', visitedEpidemicArea: true, leftAreaOn: '2020-01-25',
  contactWithAreaPeople: false, contactWithConfirmed: false, attendedGatherings: false,
  symptoms: { temperature: '36.5', dryCough: false, fatigue: false },
};

let p;
let page;
let problems;

/** What the result panel shows. */
const shown = (pg = page) => pg.evaluate(() => ({
  outcome: document.getElementById('outcome').dataset.outcome,
  outcomeText: document.getElementById('outcome').textContent,
  message: document.getElementById('outcome-message').textContent,
  rule: document.getElementById('rule').dataset.rule,
  until: document.getElementById('until').dataset.until,
  untilText: document.getElementById('until').textContent,
  decision: document.getElementById('decision').dataset.decision,
  diagnostics: [...document.querySelectorAll('#diagnostics li[data-code]')].map((li) => li.dataset.code),
  texts: [...document.querySelectorAll('#diagnostics li[data-code] button')].map((b) => b.textContent),
}));

/** What the inputs hold: name → value (radios: the checked one). */
const inputs = (pg = page) => pg.evaluate(() => {
  const out = {};
  for (const i of document.querySelectorAll('#screening [name^="/"]')) {
    if (i.type === 'radio') { if (i.checked) out[i.name] = i.value; } else if (i.value !== '') out[i.name] = i.value;
  }
  return out;
});

/** Waits until the page shows `outcome`. */
const outcomeIs = (outcome, pg = page) => pg.waitForFunction((o) => document.getElementById('outcome').dataset.outcome === o, outcome, { timeout: 10_000 });

/** The panel against the engine's answer for `declaration`. */
async function agrees(declaration, locale = 'zh-CN', pg = page, scope = undefined) {
  const want = judge(declaration, locale, scope);
  await outcomeIs(want.outcome ?? 'incomplete', pg);
  await pg.waitForFunction((n) => document.querySelectorAll('#diagnostics li[data-code]').length === n, want.diagnostics.length, { timeout: 10_000 });
  const got = await shown(pg);
  const d = engine.describe('screening', { locale, on: '2020-02-04' });
  assert.equal(got.outcome, want.outcome ?? 'incomplete');
  assert.equal(got.outcomeText, want.outcome ? d.outcomes.find((o) => o.value === want.outcome).label : d.decisions.find((o) => o.value === 'incomplete').label);
  assert.equal(got.rule, want.ruleId ?? '');
  assert.equal(got.until, want.until ?? '');
  assert.equal(got.decision, want.decision);
  assert.deepEqual(got.diagnostics, want.diagnostics.map((x) => x.code));
  assert.deepEqual(got.texts, want.diagnostics.map((x) => x.message));
  const said = want.diagnostics.find((x) => want.outcome && x.params?.outcome === want.outcome);
  if (said) assert.ok(got.message.includes(said.message), `${got.message} / ${said.message}`);
  return { want, got };
}

before(async () => {
  p = await portal();
  ({ page, problems } = await openPortal(p.context, `${p.url}${PAGE}`, { wait: false }));
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
});

after(async () => {
  await p?.close();
});

test('the form is built from describe: every question, hint and option; nothing said before anything is answered', async () => {
  const labels = await page.$$eval('#screening .field > label, #screening .question > legend', (l) => l.map((x) => x.textContent.replace(/ \*$/, '')));
  const questions = D.fields.filter((f) => f.type !== 'object');
  assert.deepEqual(labels, questions.map((f) => f.label));
  for (const f of questions.filter((x) => x.hint)) {
    assert.ok((await page.textContent(`#f${f.pointer.replace(/[^A-Za-z0-9_]+/g, '-')}-hint`)).startsWith(f.hint), f.id);
  }
  // A question asked only in some cases names the questions it depends on, by their labels.
  for (const f of questions.filter((x) => x.requiredWhen)) {
    const hint = await page.textContent(`#f${f.pointer.replace(/[^A-Za-z0-9_]+/g, '-')}-hint`);
    for (const id of f.requiredWhen.flatMap((w) => w.fields)) assert.ok(hint.includes(D.fields.find((x) => x.id === id).label), `${f.id}: ${hint}`);
  }
  for (const f of questions.filter((x) => x.enum)) {
    const options = await page.$$eval(`[name="${f.pointer}"]`, (rs) => rs.map((r) => [r.value, r.closest('label').textContent]));
    assert.deepEqual(options, f.enum.map((o) => [String(o.value), o.label]));
  }
  assert.equal(await page.textContent('#screening fieldset.group:not(#f-general) > legend'), label('/symptoms'));
  assert.equal(await page.textContent('h1'), D.title);
  // Nothing answered: the outcome is open, nothing is said under any question.
  const got = await shown();
  assert.equal(got.outcome, 'incomplete');
  assert.equal(got.until, '');
  assert.deepEqual(await page.$$eval('#screening .message', (m) => m.map((x) => x.textContent).filter(Boolean)), []);
});

test('a declaration filled in as a person would (epidemic area, left 2020-01-25, declared 2020-02-01): 居家观察, free from 2020-02-08', async () => {
  await page.fill('[name="/declaredOn"]', '2020/2/1'); // written back as 2020-02-01
  await page.check(yes('/visitedEpidemicArea'));
  // The area visited, its date not given yet, the questions tried before it (symptoms, a confirmed
  // contact) not answered: the outcome is open (SCR-1 is checked first; fifteenth session audit),
  // and no 居家观察 is told while it may yet be 发热门诊 or 集中隔离 (thirty-seventh session portal
  // audit; the fifteenth session had kept SCR-3's instruction).
  let { got } = await agrees({ declaredOn: '2020-02-01', visitedEpidemicArea: true });
  assert.equal(got.outcome, 'incomplete');
  assert.equal(got.until, '');
  assert.doesNotMatch(got.untilText, /\d{4}-\d{2}-\d{2}/);
  assert.ok(!got.diagnostics.some((c) => c.startsWith('screening.home_observation')), got.diagnostics.join());
  assert.doesNotMatch(await page.textContent('#screening'), /居家观察/);
  await page.fill('[name="/leftAreaOn"]', '2020-01-25');
  await page.check(no('/contactWithAreaPeople'));
  await page.check(no('/contactWithConfirmed'));
  await page.check(no('/attendedGatherings'));
  await page.fill('[name="/symptoms/temperature"]', '36.5');
  await page.check(no('/symptoms/dryCough'));
  await page.check(no('/symptoms/fatigue'));
  await page.locator('[name="/symptoms/temperature"]').blur();
  ({ got } = await agrees(DECLARATION));
  assert.equal(got.outcome, 'home_observation');
  assert.equal(got.outcomeText, '居家观察');
  assert.equal(got.rule, 'SCR-3');
  assert.equal(got.until, '2020-02-08');
  assert.match(got.untilText, /2020-02-08/);
  assert.match(got.message, /居家观察至2020-02-07（2020-02-08起解除）/);
  assert.doesNotMatch(await page.textContent('body'), /null|undefined|NaN/);
  assert.equal(await page.inputValue('[name="/declaredOn"]'), '2020-02-01');
  assert.equal(await page.textContent('#pending'), '已全部回答');
  // Saved locally as it was typed: the declaration itself.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('fangkong.draft.screening')).value);
  assert.deepEqual(judge(saved).until, '2020-02-08');
  // Usable at 375 px: no sideways scrolling.
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'horizontal scroll at 375 px');
  await screenshot(page, 'screening-phone-zh-CN');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('gatherings attended: recorded as a warning (SCR-4), the outcome unchanged', async () => {
  await page.check(yes('/attendedGatherings'));
  const { got } = await agrees({ ...DECLARATION, attendedGatherings: true });
  assert.equal(got.outcome, 'home_observation');
  assert.ok(got.diagnostics.includes('screening.gatherings'));
  assert.equal(await page.getAttribute('#diagnostics li[data-code="screening.gatherings"]', 'class'), 'warning');
  await page.check(no('/attendedGatherings'));
  await agrees(DECLARATION);
});

test('a temperature of 37.3 °C gives 送发热门诊 (SCR-1, checked first); 36.5 again gives 居家观察 back', async () => {
  await page.fill('[name="/symptoms/temperature"]', '37.3');
  const { got } = await agrees({ ...DECLARATION, symptoms: { ...DECLARATION.symptoms, temperature: '37.3' } });
  assert.equal(got.outcome, 'fever_clinic');
  assert.equal(got.outcomeText, '送发热门诊');
  assert.equal(got.rule, 'SCR-1');
  assert.equal(got.until, '');
  // Said of the symptoms as a whole: under their group's legend too, in the engine's words (the
  // pack's message changed with its copy edit: it no longer repeats the outcome's word).
  const said = judge({ ...DECLARATION, symptoms: { ...DECLARATION.symptoms, temperature: '37.3' } }).diagnostics.find((d) => d.path === '/symptoms');
  assert.ok(said, 'the engine says it of /symptoms');
  assert.ok((await page.textContent('#f-symptoms-msg')).includes(said.message), said.message);
  await page.fill('[name="/symptoms/temperature"]', '36.5');
  await agrees(DECLARATION);
  assert.equal(await page.textContent('#f-symptoms-msg'), '');
});

test('a reload restores every answer and the result', async () => {
  const before = await inputs();
  assert.equal(Object.keys(before).length, leaves(DECLARATION).length);
  await page.reload();
  await page.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  assert.deepEqual(await inputs(), before);
  await agrees(DECLARATION);
  assert.equal(await page.textContent('#saved'), '已恢复上次填写的内容');
});

test('a close contact with no contact date: 集中隔离 without an end date; the date given, 14 days from it', async () => {
  await page.click('#clear');
  await outcomeIs('incomplete');
  assert.deepEqual(await inputs(), {});
  assert.equal(await page.isVisible('#undo-replace'), true, 'what was cleared can be brought back');
  await page.fill('[name="/declaredOn"]', '2020-02-01');
  // No symptoms first: SCR-1 is tried before SCR-2, and decides it while it is open.
  await page.fill('[name="/symptoms/temperature"]', '36.5');
  await page.check(no('/symptoms/dryCough'));
  await page.check(no('/symptoms/fatigue'));
  await page.check(yes('/contactWithConfirmed'));
  const contact = { declaredOn: '2020-02-01', contactWithConfirmed: true, symptoms: { temperature: '36.5', dryCough: false, fatigue: false } };
  const { got } = await agrees(contact);
  assert.equal(got.outcome, 'central_quarantine');
  assert.equal(got.outcomeText, '集中隔离');
  assert.equal(got.rule, 'SCR-2');
  assert.equal(got.until, '');
  assert.equal(got.untilText, '未定：缺少起算日期，填写后给出');
  assert.doesNotMatch(await page.textContent('body'), /null|undefined|NaN/);
  assert.ok(got.diagnostics.includes('screening.central_quarantine_undated'));
  for (const sel of ['#outcome-message', '#until', '#diagnostics']) assert.doesNotMatch(await page.textContent(sel), /\d{4}-\d\d-\d\d/, `${sel}: no end date is made up`);
  // "Check that everything is answered": every missing answer shown, the first one focused.
  await page.click('#check-all');
  const all = judge(contact, 'zh-CN', ['']);
  await page.waitForFunction((n) => document.querySelectorAll('#diagnostics li[data-code]').length === n, all.diagnostics.length);
  assert.ok(all.diagnostics.some((x) => x.code === 'field.required' && x.path === '/lastContactOn'));
  assert.match(await page.textContent('#f-lastContactOn-msg'), new RegExp(`请填写：${label('/lastContactOn')}`));
  // Under the question, beside its hint (one of its lines), the help is not said again; in the
  // list beside the form it is (thirty-sixth session: the hint was said twice at the question).
  const asked = all.diagnostics.find((x) => x.code === 'field.required' && x.path === '/lastContactOn');
  assert.equal(asked.help, D.fields.find((f) => f.pointer === '/lastContactOn').hint);
  assert.equal(await page.textContent('#f-lastContactOn-msg'), asked.message);
  assert.ok((await page.textContent('#f-lastContactOn-hint')).includes(asked.help));
  assert.equal(await page.isVisible('#f-lastContactOn-hint'), true);
  assert.equal(await page.textContent('#diagnostics li[data-path="/lastContactOn"] .help'), ` ${asked.help}`);
  // The first one in the form's order (portal audit, twenty-fifth session: it was the engine's order).
  const toSee = (f) => all.diagnostics.some((x) => (x.missing || x.severity === 'error') && x.path === f.pointer);
  assert.equal(await page.evaluate(() => document.activeElement?.name), D.fields.find(toSee).pointer);
  // The date given: the answer's until, and only then.
  await page.fill('[name="/lastContactOn"]', '2020-01-30');
  const dated = judge({ ...contact, lastContactOn: '2020-01-30' });
  await page.waitForFunction((u) => document.getElementById('until').dataset.until === u, dated.until);
  assert.equal(dated.until, '2020-02-13');
  // Undo the clear: the earlier declaration is back.
  await page.click('#undo-replace');
  await agrees(DECLARATION);
  assert.deepEqual(problems, []);
});

test('an example loads from the manifest; desk width in zh-CN and en; no console error, CSP or axe violation', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.selectOption('#example', 'fever-37-3');
  await page.click('#load-example');
  await outcomeIs('fever_clinic');
  await page.click('#undo-replace');
  await agrees(DECLARATION);
  await screenshot(page, 'screening-zh-CN');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);

  // English, in its own page of the same context (the draft is shared: it shows the same declaration).
  const { page: en, problems: enProblems } = await openPortal(p.context, `${p.url}${PAGE}&locale=en`, { wait: false });
  await en.setViewportSize({ width: 1280, height: 900 });
  await en.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  const d = engine.describe('screening', { locale: 'en', on: '2020-02-04' });
  assert.equal(await en.textContent('h1'), d.title);
  assert.equal(await en.getAttribute('html', 'lang'), 'en');
  const { got } = await agrees(DECLARATION, 'en', en);
  assert.equal(got.outcomeText, d.outcomes.find((o) => o.value === 'home_observation').label);
  assert.equal(got.until, '2020-02-08');
  const labels = await en.$$eval('#screening .field > label, #screening .question > legend', (l) => l.map((x) => x.textContent.replace(/ \*$/, '')));
  assert.deepEqual(labels, d.fields.filter((f) => f.type !== 'object').map((f) => f.label));
  await screenshot(en, 'screening-en');
  assert.deepEqual(await axe(en), []);
  await en.setViewportSize(PHONE);
  assert.ok(await en.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'horizontal scroll at 375 px (en)');
  await screenshot(en, 'screening-phone-en');
  assert.deepEqual(enProblems, []);
  await en.close();

  // zh-TW too: the pack's own words.
  const { page: tw, problems: twProblems } = await openPortal(p.context, `${p.url}${PAGE}&locale=zh-TW`);
  await agrees(DECLARATION, 'zh-TW', tw);
  assert.equal(await tw.textContent('h1'), engine.describe('screening', { locale: 'zh-TW', on: '2020-02-04' }).title);
  assert.deepEqual(twProblems, []);
  await tw.close();
});

test('the nav and the landing page link the screening page', async () => {
  const { page: home, problems: homeProblems } = await openPortal(p.context, `${p.url}/?now=${encodeURIComponent(NOW)}`, { wait: false });
  await home.waitForSelector('main ul a');
  assert.equal(await home.locator('main ul a[href^="/screening.html"]').count(), 1);
  assert.match(await home.textContent('main ul li:has(a[href^="/screening.html"])'), new RegExp(D.title));
  assert.equal(await home.locator('.bar nav a[href^="/screening.html"]').count(), 1);
  assert.deepEqual(homeProblems, []);
  await home.close();
  assert.equal(await page.getAttribute('.bar nav a[aria-current="page"]', 'href'), PAGE);
});

test('offline after a first visit to another page: the screening page loads, judges and saves', async () => {
  const context = await p.fresh();
  try {
    const first = await openPortal(context, `${p.url}/filing.html?now=${encodeURIComponent(NOW)}`);
    await first.page.evaluate(() => navigator.serviceWorker.ready);
    await first.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 }).catch(() => {});
    assert.deepEqual(first.problems, []);
    await first.page.close();
    await context.setOffline(true);
    const { page: off, problems: offProblems } = await openPortal(context, `${p.url}${PAGE}`);
    assert.equal(await off.textContent('#net'), '离线');
    await off.selectOption('#example', 'returned-from-area');
    await off.click('#load-example');
    await outcomeIs('home_observation', off);
    assert.equal(await off.getAttribute('#until', 'data-until'), '2020-02-08');
    await off.fill('[name="/symptoms/temperature"]', '37.5');
    await outcomeIs('fever_clinic', off);
    assert.equal(await off.evaluate(() => JSON.parse(localStorage.getItem('fangkong.draft.screening')).value.symptoms.temperature), '37.5');
    assert.deepEqual(offProblems, []);
    await off.close();
  } finally {
    await context.close();
  }
});

test('the example picker and the pack line speak the page\'s language: the examples\' names in its words, a full-width colon in Chinese (tablet QA F11)', async () => {
  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    const context = await p.fresh();
    const { page: pg, problems: probs } = await openPortal(context, `${p.url}${PAGE}&locale=${locale}`);
    await assertExamplesInLocale(pg, 'screening', locale);
    assert.deepEqual(probs, []);
    await context.close();
  }
});

test('portal audit, twenty-fifth session: 检查是否填写完整 focuses the first question in the form, and a temperature to measure again is said in the result panel', async () => {
  const { page: pg, problems: probs } = await openPortal(p.context, `${p.url}${PAGE}`, { wait: false });
  await pg.setViewportSize(PHONE);
  await pg.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  await pg.click('#clear');
  await outcomeIs('incomplete', pg);
  // Nothing answered: the first question of the form (the engine's order put the fifth first).
  const first = D.fields.find((f) => f.type !== 'object').pointer;
  await pg.click('#check-all');
  await pg.waitForFunction((name) => document.activeElement?.name === name, first, { timeout: 10_000 });
  // Every question answered, the temperature 99.5 (°F): open, and the panel says why, in the
  // answer's words — not 尚有问题未回答 beside 已全部回答.
  const declaration = {
    declaredOn: '2020-02-01', visitedEpidemicArea: false, contactWithAreaPeople: false, contactWithConfirmed: false,
    attendedGatherings: false, symptoms: { temperature: '99.5', dryCough: false, fatigue: false },
  };
  await pg.fill('[name="/declaredOn"]', declaration.declaredOn);
  for (const q of ['/visitedEpidemicArea', '/contactWithAreaPeople', '/contactWithConfirmed', '/attendedGatherings', '/symptoms/dryCough', '/symptoms/fatigue']) await pg.check(no(q));
  await pg.fill('[name="/symptoms/temperature"]', '99.5');
  const want = judge(declaration, 'zh-CN', ['']);
  const error = want.diagnostics.find((x) => x.severity === 'error' && !x.missing);
  assert.equal(want.outcome, null);
  assert.ok(error, JSON.stringify(want.diagnostics));
  await pg.waitForFunction((m) => document.getElementById('outcome-message').textContent.includes(m), error.message, { timeout: 10_000 });
  const note = await pg.evaluate(() => document.getElementById('outcome-message').textContent);
  assert.ok(note.includes(error.help), note);
  // A declaration dated after today, every answer no: normal, deferred by the date's error. The
  // verdict says to correct it, not 须立即处置 (the words of a fever clinic or a quarantine:
  // portal audit, twenty-sixth session).
  const future = { ...declaration, declaredOn: '2020-03-01', symptoms: { ...declaration.symptoms, temperature: '36.5' } };
  const dated = judge(future, 'zh-CN', ['']);
  assert.equal(dated.outcome, 'normal');
  assert.equal(dated.decision, 'deferred');
  await pg.fill('[name="/symptoms/temperature"]', '36.5');
  await pg.fill('[name="/declaredOn"]', future.declaredOn);
  await pg.waitForFunction(() => document.getElementById('decision').dataset.decision === 'deferred', null, { timeout: 10_000 });
  assert.equal(await pg.locator('#decision').innerText(), '待更正：申报内容有误');
  assert.deepEqual(probs, []);
  await pg.click('#clear');
  await pg.close();
});

test('field audit, twenty-eighth session: a leaving date after today is to be corrected, never asked for as missing; a question reached and left unanswered is asked again after a reload', async () => {
  const { page: pg, problems: probs } = await openPortal(p.context, `${p.url}${PAGE}`, { wait: false });
  await pg.setViewportSize(PHONE);
  await pg.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  await pg.click('#clear');
  await outcomeIs('incomplete', pg);
  // Every question answered; the area left on 2020-02-10, after today (2020-02-04).
  const declaration = {
    declaredOn: '2020-02-04', visitedEpidemicArea: true, leftAreaOn: '2020-02-10', contactWithAreaPeople: false,
    contactWithConfirmed: false, attendedGatherings: false, symptoms: { temperature: '36.5', dryCough: false, fatigue: false },
  };
  await pg.fill('[name="/declaredOn"]', declaration.declaredOn);
  await pg.check(yes('/visitedEpidemicArea'));
  await pg.fill('[name="/leftAreaOn"]', declaration.leftAreaOn);
  for (const q of ['/contactWithAreaPeople', '/contactWithConfirmed', '/attendedGatherings', '/symptoms/dryCough', '/symptoms/fatigue']) await pg.check(no(q));
  await pg.fill('[name="/symptoms/temperature"]', '36.5');
  const want = judge(declaration, 'zh-CN', ['']);
  assert.deepEqual(want.diagnostics.map((x) => x.code), ['screening.date_in_future', 'screening.home_observation_undated']);
  assert.equal(want.until, null);
  const { got } = await agrees(declaration, 'zh-CN', pg);
  // No message says the date is missing, and the verdict says to correct it, not 待补充.
  for (const text of got.texts) assert.doesNotMatch(text, /须填写|缺少/, text);
  assert.equal(await pg.locator('#decision').innerText(), '待更正：申报内容有误');
  assert.equal(got.untilText, '未定：起算日期有误，更正后给出');
  assert.equal(await pg.textContent('#pending'), '已全部回答');

  // A question reached and left unanswered (the temperature cleared): asked for, and again after a reload.
  await pg.fill('[name="/leftAreaOn"]', '2020-02-01');
  await pg.fill('[name="/symptoms/temperature"]', '');
  await pg.locator('[name="/symptoms/temperature"]').blur();
  const asked = () => pg.$$eval('#screening .message', (m) => m.filter((x) => !x.hidden && /请填写/.test(x.textContent)).length);
  await pg.waitForFunction(() => [...document.querySelectorAll('#screening .message')].some((x) => !x.hidden && /请填写/.test(x.textContent)), null, { timeout: 10_000 });
  const before = await asked();
  assert.ok(before >= 1);
  await pg.reload();
  await pg.waitForFunction(() => window.portalReady === true, null, { timeout: 60_000 });
  await pg.waitForFunction((n) => [...document.querySelectorAll('#screening .message')].filter((x) => !x.hidden && /请填写/.test(x.textContent)).length === n, before, { timeout: 10_000 });
  assert.deepEqual(probs, []);
  await pg.close();
});
