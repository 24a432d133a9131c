// The pack workbench (www/workbench.html) in Chromium: break the Shenzhen pack in the text
// box and see the engine's error at its JSON Pointer and line (clicking it selects that place),
// fix it and see it load, raise leadDays and see the same example answers change as Node's
// engine says, download the pack; no console error or CSP violation, axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'fangkong';
import { Engine as Compiler, lint } from 'fangkong/compiler';
import { ROOT } from './lib/cases.mjs';
import { NOW, axe, openPortal, portal, screenshot } from './lib/portal.mjs';

const QUERY = `now=${encodeURIComponent(NOW)}`;
const SHENZHEN = readFileSync(join(ROOT, 'packs/shenzhen-2020.json'), 'utf8');
const EXAMPLES = {
  filings: 'checkFiling', inspections: 'scoreInspection', indicators: 'evaluateIndicators', screening: 'screenPerson',
};
const EXAMPLE_FILES = [
  'filings/workshop.json', 'filings/supermarket.json', 'filings/factory-1000.json',
  'inspections/factory-worked.json', 'inspections/factory-all-pass.json',
  'indicators/guangming-district.json', 'indicators/fenghuang-street-uneven-grids.json', 'indicators/tangjia-community-checklist.json',
  'screening/normal.json', 'screening/fever-37-3.json', 'screening/close-contact.json',
  'screening/returned-from-area.json', 'screening/gatherings-only.json',
];

/** What Node's engine answers to one example: decision and code@path, as the page shows them. */
function answer(engine, file) {
  const a = engine[EXAMPLES[file.split('/')[0]]](readFileSync(join(ROOT, 'examples', file), 'utf8'), { now: NOW });
  return { decision: a.decision, diagnostics: a.diagnostics.map((d) => `${d.code}@${d.path}`) };
}
const sig = (a) => `${a.decision}|${[...a.diagnostics].sort().join(',')}`;

/** The engine's error for a text (it must throw). */
function loadError(text) {
  try {
    new Compiler(text);
  } catch (e) {
    return e;
  }
  throw new Error('the pack loaded');
}

const lineAt = (text, offset) => text.slice(0, offset).split('\n').length;

/** Selects `[start, end)` in the pack text box and types `replacement` over it, as a person would. */
async function retype(page, start, end, replacement) {
  await page.evaluate(([s, e]) => {
    const ta = document.getElementById('pack-text');
    ta.focus();
    ta.setSelectionRange(s, e);
  }, [start, end]);
  if (replacement) await page.keyboard.type(replacement, { delay: 20 });
  else await page.keyboard.press('Backspace');
}

const statusIs = (page, pattern) => page.waitForFunction(
  (src) => new RegExp(src).test(document.getElementById('pack-status').textContent), pattern.source, { timeout: 20_000 });

const KIND = { filings: 'filing', inspections: 'inspection', indicators: 'indicators', screening: 'screening' };
/** The decisions' words the page must use: the pack's (describe's `decisions`), as on the filing page. */
function decisionWords(engine, locale) {
  return Object.fromEntries(Object.values(KIND).map((k) => [k, new Map(engine.describe(k, { locale }).decisions.map((o) => [o.value, o.label]))]));
}
/** Every decision shown in the examples table: [example, decision, the words shown]. */
const shownDecisions = (page) => page.$$eval('#examples [data-decision]', (els) => els.map((x) => [x.closest('tr').dataset.example, x.dataset.decision, x.firstChild.textContent]));

let p;
before(async () => { p = await portal(); });
after(async () => { await p?.close(); });

test('workbench: a broken pack shows its error at its pointer, a fixed one loads, leadDays changes answers, download', async () => {
  const { page, problems } = await openPortal(p.context, `${p.url}/workbench.html?${QUERY}`);
  // The starter variant loads as it is.
  await statusIs(page, /my-district-2020/);

  await page.click('button[data-pack="shenzhen-2020.json"]');
  await statusIs(page, /shenzhen-2020 2020-02-10/);
  assert.equal(await page.inputValue('#pack-text'), SHENZHEN);
  assert.equal(await page.locator('#examples tr[data-changed="true"]').count(), 0, 'the Shenzhen pack answers as the reference pack');

  // Misspell a field in an assert: the engine (Node) says where and what.
  const good = 'staff.returning <= staff.total';
  const at = SHENZHEN.indexOf(good);
  assert.ok(at > 0);
  const broken = SHENZHEN.replace(good, 'staff.returing <= staff.total');
  const err = loadError(broken);
  assert.equal(err.errors.length, 1);
  const [{ path, code, message, messages }] = err.errors;
  assert.match(path, /^\/rules\/\d+\/checks\/0\/assert$/);
  const n = Number(path.split('/')[2]);
  assert.equal(JSON.parse(SHENZHEN).rules[n].checks[0].assert, good);
  await retype(page, at, at + 'staff.returning'.length, 'staff.returing');
  assert.equal(await page.inputValue('#pack-text'), broken);
  await statusIs(page, /有 1 个错误/);
  const item = page.locator('#pack-errors button.pack-error');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute('data-path'), path);
  const shown = await item.textContent();
  // Chinese first: the kind of error in the page's words, then the engine's detail in Chinese
  // (thirty-third session: the detail was English in zh-CN), with its "did you mean".
  assert.equal(messages.en, message);
  assert.match(messages['zh-CN'], /[\u4e00-\u9fff]/);
  assert.ok(messages['zh-CN'].includes('`staff.returing`') && messages['zh-CN'].includes('是否应为 `staff.returning`'), messages['zh-CN']);
  for (const s of [path, code, messages['zh-CN']]) assert.ok(shown.includes(s), `${JSON.stringify(shown)} lacks ${s}`);
  assert.ok(!shown.includes(message), `${JSON.stringify(shown)} shows the English ${message}`);
  assert.equal(code, 'pack.unknown_reference');
  assert.ok(shown.includes('引用了不存在的字段、参数、规则或函数：'), shown);
  assert.ok(shown.indexOf('引用了不存在') < shown.indexOf(messages['zh-CN']), shown);
  // The line: where `"assert": "staff.returing …"` is in the text.
  const member = broken.indexOf('"assert": "staff.returing');
  assert.ok(member > 0);
  assert.equal(Number(await item.getAttribute('data-line')), lineAt(broken, member));
  assert.ok(shown.includes(`第 ${lineAt(broken, member)} 行`), shown);
  assert.equal(await page.locator('#examples tr td', { hasText: '规则包未载入' }).count() > 0, true);
  await screenshot(page, 'workbench-error-zh-CN');

  // Clicking the error selects that place in the text.
  await item.click();
  const selected = await page.evaluate(() => {
    const ta = document.getElementById('pack-text');
    return { text: ta.value.slice(ta.selectionStart, ta.selectionEnd), focused: document.activeElement === ta };
  });
  assert.equal(selected.text, '"assert": "staff.returing <= staff.total"');
  assert.ok(selected.focused);

  // Fix it: the pack loads again, no error, answers as the reference.
  const typo = broken.indexOf('staff.returing');
  await retype(page, typo, typo + 'staff.returing'.length, 'staff.returning');
  await statusIs(page, /shenzhen-2020 2020-02-10/);
  assert.equal(await page.locator('#pack-errors li').count(), 0);
  assert.equal(await page.locator('#examples tr[data-changed="true"]').count(), 0);

  // leadDays 5 → 10: the answers Node's engine changes are the ones the page marks changed.
  const lead = SHENZHEN.indexOf('"value": 5', SHENZHEN.indexOf('"leadDays"')) + '"value": '.length;
  const ten = `${SHENZHEN.slice(0, lead)}10${SHENZHEN.slice(lead + 1)}`;
  assert.equal(JSON.parse(ten).parameters.leadDays.value, 10);
  const base = Engine.withDefaultPack();
  const edited = new Compiler(ten);
  const want = EXAMPLE_FILES.filter((f) => sig(answer(base, f)) !== sig(answer(edited, f)));
  assert.ok(want.includes('filings/workshop.json'), `leadDays 10 changes ${want}`);
  await retype(page, lead, lead + 1, '10');
  assert.equal(await page.inputValue('#pack-text'), ten);
  await page.waitForFunction((k) => document.querySelectorAll('#examples tr[data-changed="true"]').length === k, want.length, { timeout: 20_000 });
  const changed = await page.$$eval('#examples tr[data-changed="true"]', (rows) => rows.map((r) => r.dataset.example));
  assert.deepEqual(changed.sort(), [...want].sort());
  for (const f of want) {
    const row = page.locator(`#examples tr[data-example="${f}"]`);
    const [mine, ref] = await row.locator('[data-decision]').evaluateAll((els) => els.map((e) => e.dataset.decision));
    assert.equal(mine, answer(edited, f).decision, f);
    assert.equal(ref, answer(base, f).decision, f);
    const codes = await row.locator('td').nth(0).locator('code').allTextContents();
    assert.deepEqual(codes.sort(), answer(edited, f).diagnostics.sort(), f);
    // Each diagnostic that differs from the reference's says its message on the page.
    const said = await row.locator('ins, del').evaluateAll((els) => els.map((e) => [e.querySelector('code').textContent, e.querySelector('.msg')?.textContent ?? '']));
    assert.ok(said.length > 0, f);
    for (const [key, msg] of said) assert.ok(msg.length > 0 && !msg.includes('@'), `${f} ${key}: "${msg}"`);
  }
  assert.match(await page.textContent('#changed-summary'), new RegExp(`${want.length} / ${EXAMPLE_FILES.length}`));
  // D12: the decisions in the pack's words (describe's `decisions`), not the page's own.
  const words = decisionWords(base, 'zh-CN');
  const decisions = await shownDecisions(page);
  assert.equal(decisions.length, 2 * EXAMPLE_FILES.length);
  for (const [file, decision, text] of decisions) assert.equal(text, words[KIND[file.split('/')[0]]].get(decision), `${file} ${decision}`);
  assert.ok(decisions.some(([, x]) => x === 'conditional'), 'a conditional answer is among them');
  await screenshot(page, 'workbench-zh-CN');

  // Download: the pack as it is in the text box.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'shenzhen-2020.json');
  const file = await download.path();
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.parameters.leadDays.value, 10);
  assert.equal(readFileSync(file, 'utf8'), ten);

  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('workbench in English: a variant with an unknown parameter, a syntax error, the draft restored', async () => {
  const { page, problems } = await openPortal(p.context, `${p.url}/workbench.html?${QUERY}&locale=en`);
  // The draft of the test before (leadDays 10) came back.
  await statusIs(page, /shenzhen-2020 2020-02-10/);
  assert.equal(JSON.parse(await page.inputValue('#pack-text')).parameters.leadDays.value, 10);

  await page.click('#load-starter');
  await statusIs(page, /my-district-2020/);
  const starter = await page.inputValue('#pack-text');
  const at = starter.indexOf('"leadDays"') + 1;
  const wrong = `${starter.slice(0, at)}leadDayz${starter.slice(at + 'leadDays'.length)}`;
  const err = loadError(wrong);
  await retype(page, at, at + 'leadDays'.length, 'leadDayz');
  await statusIs(page, /error/);
  const item = page.locator('#pack-errors button.pack-error').first();
  assert.equal(await item.getAttribute('data-path'), err.errors[0].path);
  assert.ok((await item.textContent()).includes(err.errors[0].message));
  assert.equal(Number(await item.getAttribute('data-line')), lineAt(wrong, wrong.indexOf('"leadDayz"')));
  await screenshot(page, 'workbench-en');
  // D12 in English: the pack's words too.
  const wordsEn = decisionWords(Engine.withDefaultPack(), 'en');
  for (const [file, decision, text] of await shownDecisions(page)) assert.equal(text, wordsEn[KIND[file.split('/')[0]]].get(decision), `${file} ${decision}`);

  // A syntax error (a comma gone) points at the place the JSON breaks.
  await retype(page, at, at + 'leadDayz'.length, 'leadDays');
  await statusIs(page, /Pack loaded: my-district-2020/);
  const comma = starter.indexOf('",', starter.indexOf('"version"')) + 1;
  await retype(page, comma, comma + 1, '');
  const noComma = await page.inputValue('#pack-text');
  const syntax = loadError(noComma);
  assert.equal(syntax.errors[0].code, 'pack.syntax');
  await statusIs(page, /error/);
  assert.ok((await page.locator('#pack-errors button.pack-error').first().textContent()).includes("Syntax: not JSON, or not of a pack's shape — "));
  assert.equal(Number(await item.getAttribute('data-line')), lineAt(noComma, noComma.indexOf('"effectiveFrom"')));

  assert.deepEqual(await axe(page), []);
  // On a phone the examples table scrolls sideways: a keyboard must reach it (fourth audit:
  // scrollable-region-focusable, serious, at 375 px only).
  await page.setViewportSize({ width: 375, height: 800 });
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('workbench, a variant as a district writes it (pack audit, twenty-fifth session): a BOM, a renamed decision word — the labels are lint()\'s, the words the variant\'s', async () => {
  const variant = {
    id: 'longgang-2020', extends: 'shenzhen-2020', version: '2020-02-10', effectiveFrom: '2020-02-10',
    parameters: { leadDays: { type: 'days', value: 3 } },
    labels: { 'zh-CN': { 'value:decision.approved': { label: '准予复工（龙岗区）' } } },
  };
  const text = `\uFEFF${JSON.stringify(variant, null, 2)}`;
  const linted = lint(text);
  const words = decisionWords(new Compiler(text), 'zh-CN');
  assert.equal(words.filing.get('approved'), '准予复工（龙岗区）');
  const { page, problems } = await openPortal(p.context, `${p.url}/workbench.html?${QUERY}`);
  await page.fill('#pack-text', text);
  await statusIs(page, /longgang-2020/);
  // The label check is lint()'s (a copy of it threw on the BOM: an uncaught page error).
  await page.waitForFunction(() => document.getElementById('label-status').textContent !== '' || document.querySelectorAll('#pack-labels li').length > 0);
  const flagged = linted.missingLabels.length + linted.unknownLabels.length + linted.unknownMessages.length;
  assert.equal(await page.locator('#pack-labels li').count(), Math.min(200, flagged));
  if (flagged === 0) assert.equal(await page.textContent('#label-status'), '三种语言的标签齐全');
  // The variant's column speaks its own words, the reference's column Shenzhen's.
  const cells = await page.$$eval('#examples tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('[data-decision]')].map((x) => [x.dataset.decision, x.firstChild.textContent])));
  const approvedFilings = cells.filter((c) => c.length === 2 && c[0][0] === 'approved' && c[1][0] === 'approved' && c[1][1] === '准予复工');
  assert.ok(approvedFilings.length > 0, JSON.stringify(cells));
  for (const [mine] of approvedFilings) assert.equal(mine[1], '准予复工（龙岗区）');
  assert.deepEqual(problems, []);
  await page.close();
});
