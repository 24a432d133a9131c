// The district dashboard (区级看板): the 五个100% community indicators of a day's unit reports,
// rolled up district → street → community → grid with a drill-down, and a district's batch
// of 复工备案 filings checked off the main thread (batch-worker.mjs), by street and community.
// Indicator titles, count labels, level names, field labels and gate titles all come from
// `engine.describe(...)`; charts are Apache ECharts (loaded by dashboard.html from
// /vendor/echarts/, canvas renderer, rich-text tooltips: nothing the CSP forbids).
import { beforeSwitch, chinaDay, el, engine, header, settings, t } from './app.mjs';

header('dashboard');
const main = document.getElementById('main');
document.getElementById('status').textContent = t('loading');

/** A portal word with `{name}` placeholders filled in. */
const fmt = (key, params = {}) => t(key).replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
/**
 * A ratio in percent to a tenth, rounded half up as a spreadsheet rounds it (2/3 is 66.7%,
 * 11/12 91.7%: dashboard audit, they were cut to 66.6% and 91.6%), except that a ratio short of
 * 1 is never shown as 100.0% (1999/2000 is 99.9%), nor one above 0 as 0.0%. Charts and tables alike.
 */
const tenths = (ratio) => {
  const r = Math.round(ratio * 1000) / 10;
  return ratio < 1 && r >= 100 ? 99.9 : ratio > 0 && r <= 0 ? 0.1 : r;
};
const pct = (ratio) => (ratio === null || ratio === undefined ? '' : `${tenths(ratio).toFixed(1)}%`);
const number = new Intl.NumberFormat(settings.locale);
// 缺报 (missing) is amber and striped, as its badge is amber: unlike every status colour (not_applicable
// is grey) and every indicator's colour, and not by colour alone (portal audit F13: it was a grey
// beside 不适用's grey, with no legend).
const COLORS = { met: '#17663a', short: '#a8071a', not_applicable: '#8a93a3', missing: '#c98500', invalid: '#7a0016' };
const MISSING_DECAL = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(255, 255, 255, 0.7)' };
const missingStyle = { color: COLORS.missing, decal: MISSING_DECAL };
/** The five indicators' colours in the chart of units below: blues and purples, none amber, grey, green or red. */
const INDICATOR_COLORS = ['#0b5cad', '#2a9d8f', '#7b4fb3', '#4a6fa5', '#b5477d'];
const DECISIONS = ['approved', 'conditional', 'deferred', 'incomplete'];
const DECISION_COLORS = { approved: '#17663a', conditional: '#b07400', deferred: '#a8071a', incomplete: '#5b6475' };

const e = await engine();
const described = e.describe('indicators', { locale: settings.locale });
const filingForm = e.describe('filing', { locale: settings.locale });
const levelName = Object.fromEntries(described.levels.map((l) => [l.value, l.label]));
/** An indicator status's word (已达100%, 未达标, 不适用, 数据有误, 缺报): the pack's, from describe's
 *  `statuses`, as every other word of the answer. `invalid`: a count in the subtree is wrong
 *  (13 enclosed of 12), never shown as met or not applicable. */
const statusName = Object.fromEntries(described.statuses.map((s) => [s.value, s.label]));
const statusWord = (s) => statusName[s] ?? s;
const fieldLabel = (form, id) => form.fields.find((f) => f.id === id)?.label ?? id;
/** The decision's word from the pack (describe's `decisions`); the portal's own word only with an older package. */
const decisionWord = (d) => filingForm.decisions?.find((x) => x.value === d)?.label ?? t(`db${d[0].toUpperCase()}${d.slice(1)}`);

// ---------- charts ----------
const charts = new Map();
/** Draws `option` in `box` (an ECharts instance per box, canvas renderer). */
function draw(box, option, onClick) {
  if (!globalThis.echarts) return;
  let chart = charts.get(box);
  if (!chart) {
    chart = globalThis.echarts.init(box, null, { renderer: 'canvas' });
    charts.set(box, chart);
  }
  chart.off('click');
  if (onClick) chart.on('click', onClick);
  chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' }, ...option }, true);
}
addEventListener('resize', () => charts.forEach((c) => c.resize()));

// ---------- page ----------
const indicatorsSection = el('section', { 'aria-labelledby': 'ind-title', class: 'dash-section' });
const filingsSection = el('section', { 'aria-labelledby': 'fil-title', class: 'dash-section' });
main.replaceChildren(
  el('h1', {}, t('dashboard')),
  el('p', { class: 'muted' }, t('dbIntro')),
  indicatorsSection,
  filingsSection,
  el('p', { id: 'status', role: 'status', class: 'sr-only' }, t('ready')),
);

// ================= Indicators (五个100%) =================
const ind = { report: null, text: null, answer: null, byId: new Map(), children: new Map(), names: new Map(), diags: new Map(), current: null };
const reportInput = el('input', { type: 'file', id: 'report-file', accept: '.json,application/json' });
const reportMessage = el('p', { id: 'report-message', class: 'message', role: 'alert' });
const indBody = el('div', { id: 'indicators-body' }, el('p', { class: 'muted' }, t('dbNoReport')));
indicatorsSection.append(
  el('h2', { id: 'ind-title' }, described.title),
  el('div', { class: 'dash-controls' },
    el('div', { class: 'field' }, el('label', { for: 'report-file' }, t('dbLoadReport')), reportInput),
    el('button', { type: 'button', id: 'load-example', class: 'secondary', 'on:click': loadExample }, t('dbExample'))),
  reportMessage,
  indBody,
);
reportInput.addEventListener('change', async () => {
  const file = reportInput.files[0];
  if (file) showReport(await file.text());
});

async function loadExample() {
  const res = await fetch('/examples/indicators/guangming-district.json');
  showReport(await res.text());
}

/**
 * A load that failed: says why, and takes the previous report's results off the page, so
 * nothing is left claiming what a file that did not load says (fourth audit: a filing, [1,2,3]
 * or {"units": []} loaded with no word and "every unit reported"; a file that was not JSON
 * left the previous report's results under its error).
 */
function refuseReport(message) {
  reportMessage.textContent = message;
  Object.assign(ind, { report: null, text: null, answer: null, byId: new Map(), children: new Map(), parents: new Map(), names: new Map(), diags: new Map(), current: null });
  for (const [box, chart] of charts) if (!box.isConnected || indBody.contains(box)) { chart.dispose(); charts.delete(box); }
  indBody.replaceChildren(el('p', { class: 'muted' }, t('dbNoReport')));
}

/** Evaluates a report (JSON text) and shows it from its top unit. */
function showReport(text) {
  reportMessage.textContent = '';
  let report;
  let answer;
  try {
    report = JSON.parse(text);
  } catch {
    // In the page's words, not the browser's English (dashboard audit).
    refuseReport(fmt('dbError', { msg: t('dbReportNotJson') }));
    return;
  }
  try {
    answer = e.evaluateIndicators(report, { now: settings.now(), locale: settings.locale });
  } catch (err) {
    refuseReport(fmt('dbError', { msg: err.message }));
    return;
  }
  // No unit to report on: not a daily report (a filing, an array, no units). The engine's
  // own words say what is wrong with it; a field it does not know is named by its pointer.
  if (!answer.units.length) {
    const reasons = answer.diagnostics.map((d) => (d.code === 'input.unknown_field' ? `${d.message} ${d.path}` : d.message));
    const shown = reasons.slice(0, 6).concat(reasons.length > 6 ? [fmt('flMore', { n: reasons.length - 6 })] : []);
    refuseReport(fmt('dbNotReport', { title: described.title, reasons: shown.join(t('dbReasonSep')) }));
    return;
  }
  const units = Array.isArray(report.units) ? report.units : [];
  ind.text = text;
  Object.assign(ind, { report, answer, byId: new Map(), children: new Map(), parents: new Map(), names: new Map(), diags: new Map() });
  // A unit is known by its place in the answer, not by its id: two units may share an id (the
  // engine's indicators.duplicate_unit; both are summed), and each is shown with its own numbers
  // (dashboard audit: the second was shown twice and the first not at all). The answer keeps
  // the report's order and leaves out the entries it could not read (no id): each of its units
  // is matched to the next report entry of the same id, for its name and its diagnostics.
  const at = new Map(); // the report's index → the unit's key
  let j = 0;
  answer.units.forEach((u, k) => {
    let m = j;
    while (m < units.length && !(units[m] && typeof units[m] === 'object' && String(units[m].id ?? '').trim() === u.id)) m += 1;
    const entry = m < units.length ? units[m] : null;
    if (entry) { at.set(m, k); j = m + 1; }
    ind.byId.set(k, u);
    ind.names.set(k, typeof entry?.name === 'string' && entry.name.trim() ? entry.name : u.id);
  });
  // A parent is the first unit of its id, as the engine sums it.
  const first = new Map();
  for (const [k, u] of ind.byId) if (!first.has(u.id)) first.set(u.id, k);
  // A link the engine cut, in a loop of parents (a unit that names itself, two that name each
  // other: indicators.cycle at its `parent`), is cut here too: each unit of the loop is a top
  // unit (dashboard audit, twenty-seventh session: the page followed the loop for ever).
  const cut = new Set(answer.diagnostics.filter((d) => d.code === 'indicators.cycle')
    .map((d) => /^\/units\/(\d+)\/parent$/.exec(d.path || ''))
    .filter(Boolean).map((m) => at.get(Number(m[1]))));
  for (const [k, u] of ind.byId) {
    // A parent that is not in the report (a typo, indicators.unknown_parent): the unit is a top
    // unit of its own, shown with the engine's message, not left out of sight (portal audit).
    const p = u.parent != null && !cut.has(k) && first.has(u.parent) && first.get(u.parent) !== k ? first.get(u.parent) : null;
    ind.parents.set(k, p);
    if (!ind.children.has(p)) ind.children.set(p, []);
    ind.children.get(p).push(k);
  }
  // Diagnostics belong to the unit at /units/N (others, e.g. /date, to the top).
  for (const d of answer.diagnostics) {
    const m = /^\/units\/(\d+)/.exec(d.path || '');
    const k = m ? at.get(Number(m[1])) ?? null : null;
    if (!ind.diags.has(k)) ind.diags.set(k, []);
    ind.diags.get(k).push(d);
  }
  const roots = ind.children.get(null) ?? [];
  showUnit(roots.length === 1 ? roots[0] : null);
}

// Chinese punctuation in Chinese (portal audit: "小区数: 97 (已报部分)").
const zh = settings.locale.startsWith('zh');
const colon = t('colon');
const paren = (x) => (zh ? `（${x}）` : ` (${x})`);
const nameOf = (k) => (k === null ? described.title : ind.names.get(k) ?? String(k));
/** A unit's id as the report gives it (the pages' `data-unit`); the page knows it by its key. */
const idOf = (k) => ind.byId.get(k)?.id ?? '';
/** The unit's parent as the page shows it (a link the engine cut in a loop is none). */
const parentOf = (u) => ind.parents.get(u) ?? null;
const ancestors = (id) => {
  const out = [];
  // Each unit once: whatever the report says, the trail ends (dashboard audit: a loop froze the tab).
  for (let u = id; u !== null && u !== undefined && ind.byId.has(u) && !out.includes(u); u = parentOf(u)) out.unshift(u);
  return out;
};
const subtree = (id) => {
  const out = [];
  const walk = (u) => { if (out.includes(u)) return; out.push(u); (ind.children.get(u) ?? []).forEach(walk); };
  walk(id);
  return out;
};
// The engine's precedence: invalid > missing > short > met; a unit whose five indicators are all
// 0 / 0 is not applicable, never 已达100% (domain.md §4; dashboard audit).
const unitStatus = (u) => (['invalid', 'missing', 'short'].find((s) => u.indicators.some((i) => i.status === s))
  ?? (u.indicators.length && u.indicators.every((i) => i.status === 'not_applicable') ? 'not_applicable' : 'met'));

/** The 十个一律 of a unit that answered them (`unit.checklist`), in the pack's words; else null. */
function checklistLine(unit) {
  const c = unit.checklist;
  if (!c) return null;
  const items = described.checklist ?? [];
  const title = (rid) => items.find((x) => x.id === rid)?.title ?? rid;
  const result = (v) => described.fields.find((f) => f.id === 'units[].checklist.*.result')?.enum?.find((o) => o.value === v)?.label ?? v;
  const open = Math.max(0, items.length - c.answered);
  const parts = [fmt('dbChecklistPassed', { passed: c.passed, total: items.length }),
    ...(c.failed.length ? [`${result('fail')}${colon}${c.failed.map(title).join(t('listSep'))}`] : []),
    ...(c.partial.length ? [`${result('partial')}${colon}${c.partial.map(title).join(t('listSep'))}`] : []),
    ...(open ? [fmt('dbChecklistOpen', { n: open })] : [])];
  const ok = !c.failed.length && !c.partial.length && !open;
  return el('p', { id: 'unit-checklist', class: `checklist-line ${ok ? 'met' : 'short'}` },
    el('strong', {}, `${fieldLabel(described, 'units[].checklist')}${colon}`), parts.join(' · '));
}

/** A unit that sent no report of its own (the engine's `missing`): no numbers to show, not zeros. */
const notReported = (k) => !ind.byId.get(k)?.reported && (ind.answer?.missing ?? []).includes(ind.byId.get(k)?.id);

/** A count, or a dash where the report does not give it (`null`: never shown as 0). */
const count = (n) => (n === null ? '—' : number.format(n));
/** The reported part's ratio of a `missing` indicator: only where both sums are known. */
const partial = (i) => (i.numerator !== null && i.denominator ? tenths(i.numerator / i.denominator) : null);

function indicatorCell(i, k) {
  const word = statusWord(i.status);
  if (notReported(k)) return el('td', { class: `ind ${i.status}`, 'data-indicator': i.id }, el('span', { class: 'st' }, word));
  return el('td', { class: `ind ${i.status}`, 'data-indicator': i.id },
    el('span', { class: 'nd' }, `${count(i.numerator)}/${count(i.denominator)}`),
    i.ratio !== null ? el('span', { class: 'pc' }, ` ${pct(i.ratio)}`) : null,
    el('span', { class: 'st' }, ` ${word}`),
    i.shortfall > 0 ? el('span', { class: 'sf' }, ` −${number.format(i.shortfall)}`) : null);
}

/**
 * Moves the focus to `node`, made focusable by script only (tabindex -1), and brings it into
 * sight when it is not (tablet QA F10: after a drill-down from the table of units below, the
 * focus was on the unit's title, far above the screen, the view left mid-page).
 */
function landFocus(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: true });
  const r = node.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) node.scrollIntoView({ block: 'start' });
}

/**
 * Shows unit `id` (null = the list of top units): its indicators, its children, shortfalls,
 * missing units. `land`: chosen by the person (a unit's name, the trail, a bar), who is taken to
 * what is shown, its title, as a keyboard's drill-down is (a tap on a tablet gives the button no
 * focus: iOS).
 */
function showUnit(id, { land = false } = {}) {
  ind.current = id;
  const unit = id === null ? null : ind.byId.get(id);
  const kids = ind.children.get(id) ?? [];
  const trail = ancestors(id);
  const crumbs = el('nav', { 'aria-label': t('dbBreadcrumb'), class: 'crumbs' },
    el('ol', {}, ...trail.map((u, k) => el('li', {},
      k === trail.length - 1
        ? el('span', { 'aria-current': 'location' }, nameOf(u))
        : el('button', { type: 'button', class: 'link', 'data-unit': idOf(u), 'on:click': () => showUnit(u, { land: true }) }, nameOf(u))))));

  const parts = [el('p', { class: 'muted' }, `${fieldLabel(described, 'date')}${t('colon')}${ind.answer.date ?? ''}`), crumbs];
  if (unit) {
    const status = unitStatus(unit);
    parts.push(el('h3', { id: 'unit-title', class: `unit-title ${status}` }, nameOf(id),
      el('span', { class: 'muted' }, ` · ${levelName[unit.level] ?? unit.level ?? ''}`),
      status === 'missing' ? el('span', { class: 'badge missing' }, statusWord('missing')) : null));
    // The unit's own 十个一律 checklist, where it gave one: how many passed, and which items did
    // not, by their titles (dashboard audit, twenty-seventh session: a community that failed
    // 发现发热病人一律…报告 was shown only as 已达100%, the checklist nowhere).
    const line = checklistLine(unit);
    if (line) parts.push(line);
    // rolled up: the five indicators of this unit
    const none = notReported(id);
    // In a box of its own that scrolls sideways, as the table of units below (tablet QA F7: on a
    // phone in English it made the page 414 px wide); reachable by the keyboard, as it holds no control.
    parts.push(el('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': `${nameOf(id)} · ${t('dbRollup')}` }, el('table', { id: 'unit-indicators', class: 'indicators' },
      el('caption', {}, `${nameOf(id)} · ${t('dbRollup')}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, described.title),
      el('th', { scope: 'col' }, t('dbPercent')), el('th', { scope: 'col' }, t('dbStatus')), el('th', { scope: 'col' }, t('dbShortfall')))),
      el('tbody', {}, ...unit.indicators.map((i) => {
        const meta = described.indicators.find((x) => x.id === i.id);
        return el('tr', { 'data-indicator': i.id, class: i.status },
          el('th', { scope: 'row' }, meta?.title ?? i.id,
            none
              ? el('span', { class: 'counts' }, t('dbNotReported'))
              : el('span', { class: 'counts' }, `${meta?.numerator.label ?? ''}${colon}${count(i.numerator)} · ${meta?.denominator.label ?? ''}${colon}${count(i.denominator)}`,
                i.status === 'missing' ? paren(t('dbReportedPart')) : '')),
          el('td', { class: 'pc' }, pct(i.ratio)),
          el('td', { class: `st ${i.status}` }, statusWord(i.status)),
          el('td', { class: 'sf' }, i.shortfall > 0 ? number.format(i.shortfall) : ''));
      })))));
    const unitChart = el('div', { class: 'chart', id: 'chart-unit', role: 'img', 'aria-label': fmt('dbChartUnit', { name: nameOf(id) }) });
    parts.push(unitChart);
    queueMicrotask(() => draw(unitChart, unitOption(unit)));
  }
  if (kids.length) {
    parts.push(el('h3', {}, t('dbChildren')), el('p', { class: 'muted' }, t('dbDrill')));
    const kidChart = el('div', { class: 'chart tall', id: 'chart-children', role: 'img', 'aria-label': fmt('dbChartChildren', { name: nameOf(id) }) });
    parts.push(kidChart);
    queueMicrotask(() => draw(kidChart, childrenOption(kids), (p) => { if (kids[p.dataIndex] !== undefined) showUnit(kids[p.dataIndex], { land: true }); }));
    parts.push(el('div', { class: 'scroll' }, el('table', { id: 'children', class: 'indicators' },
      el('caption', { class: 'sr-only' }, `${nameOf(id)} · ${t('dbChildren')}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'unit' }, t('dbUnit')), el('th', { scope: 'col' }, t('dbStatus')),
        ...described.indicators.map((x) => el('th', { scope: 'col', class: 'ind-head' }, x.title)))),
      el('tbody', {}, ...kids.map((k) => {
        const u = ind.byId.get(k);
        const s = unitStatus(u);
        return el('tr', { 'data-unit': u.id, class: s },
          el('th', { scope: 'row', class: 'unit' }, el('button', { type: 'button', class: 'link', 'data-unit': u.id, 'on:click': () => showUnit(k, { land: true }) }, nameOf(k)),
            el('span', { class: 'muted' }, ` ${levelName[u.level] ?? ''}`)),
          el('td', { class: `st ${s}` }, s === 'missing' ? el('span', { class: 'badge missing' }, statusWord('missing')) : statusWord(s)),
          ...u.indicators.map((i) => indicatorCell(i, k)));
      })))));
  }
  // shortfalls and notes of this unit and the ones below it, in report order
  // What concerns the whole report (its date: dated in the future, not given) is shown with the
  // top unit too (dashboard audit: a district's report of one top unit hid it).
  const scope = id === null ? [null, ...ind.byId.keys()] : [...(parentOf(id) === null ? [null] : []), ...subtree(id)];
  const diags = scope.flatMap((u) => (ind.diags.get(u) ?? []).map((d) => [u, d]));
  // Where each one is, below the unit shown: grids are named alike (第1网格) in every community
  // (portal audit: the district's list did not say which community's grid). The units between
  // the one shown and the line's own: none for the unit shown itself, as for the units right
  // below it (tablet QA F10: on a street's page the street's own lines said "光明区 ›", the
  // unit above it, while its communities' lines said nothing).
  // A line whose message does not name its unit (请填写：出租屋数, 上级单位“…”不在报表中) names it
  // here too (portal audit, twenty-fifth session: which of three grids had left a count out was
  // not said).
  const where = (u, d) => {
    const chain = u === null ? [] : ancestors(u);
    const up = d.params && 'unit' in d.params ? chain.slice(0, -1) : chain;
    const at = id === null ? -1 : up.indexOf(id);
    const below = id === null ? up : at < 0 ? [] : up.slice(at + 1);
    return below.length ? el('span', { class: 'where muted' }, `${below.map(nameOf).join(' › ')} › `) : null;
  };
  parts.push(el('h3', {}, t('dbShortfalls')));
  parts.push(diags.length
    ? el('ul', { id: 'shortfalls', class: 'shortfalls' }, ...diags.map(([u, d]) => el('li', { class: `${d.severity} ${d.code === 'indicators.missing_report' ? 'missing' : ''}`, 'data-rule': d.ruleId, 'data-code': d.code, 'data-unit': u === null ? '' : idOf(u) },
      where(u, d), el('span', { class: 'msg' }, d.message), d.help ? el('span', { class: 'help' }, d.help) : null)))
    : el('p', { id: 'shortfalls', class: 'muted' }, t('dbNoShortfall')));
  // units without a report
  const missing = [...ind.byId.keys()].filter((k) => notReported(k) && (id === null || scope.includes(k)));
  parts.push(el('h3', {}, t('dbMissingUnits')));
  parts.push(missing.length
    ? el('ul', { id: 'missing-units', class: 'missing-units' }, ...missing.map((m) => el('li', { class: 'missing' },
      el('span', { class: 'badge missing' }, statusWord('missing')), ' ',
      el('button', { type: 'button', class: 'link', 'data-unit': idOf(m), 'on:click': () => showUnit(m, { land: true }) }, ancestors(m).map(nameOf).join(' › ')))))
    : el('p', { id: 'missing-units', class: 'muted' }, t('dbNoMissing')));
  // A drill-down from inside the panel keeps the keyboard there: the focus goes to the unit's
  // title, not to <body> with the button that had it (portal audit).
  const inside = indBody.contains(document.activeElement);
  indBody.replaceChildren(...parts);
  if (inside || land) landFocus(indBody.querySelector('#unit-title, h3'));
  // charts no longer shown are let go
  for (const [box, c] of charts) if (!box.isConnected) { c.dispose(); charts.delete(box); }
}

/** About how wide a label is drawn at ECharts' 12 px: a CJK character 12 px, another 7 px. */
const labelWidth = (s) => [...s].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 12 : 7), 0);

function unitOption(unit) {
  const titles = unit.indicators.map((i) => described.indicators.find((x) => x.id === i.id)?.title ?? i.id);
  const labelOf = (i) => (i.ratio === null ? statusWord(i.status) : pct(i.ratio));
  // Room at the right for the longest label at a bar's end (portal audit, thirty-ninth session:
  // English "Missing report" was cut to "Missing re").
  const right = Math.max(48, 12 + Math.max(0, ...unit.indicators.map((i) => labelWidth(labelOf(i)))));
  return {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    grid: { left: 8, right, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: titles, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: unit.indicators.map((i) => ({ value: i.ratio === null ? (i.status === 'missing' ? partial(i) ?? 0 : 0) : tenths(i.ratio), itemStyle: i.status === 'missing' ? missingStyle : { color: COLORS[i.status] } })),
      label: { show: true, position: 'right', formatter: (p) => labelOf(unit.indicators[p.dataIndex]) },
    }],
  };
}

/** 缺报（已报部分）: what the striped amber bars are. */
const missingName = () => `${statusWord('missing')}${paren(t('dbReportedPart'))}`;

function childrenOption(keys) {
  const units = keys.map((k) => ind.byId.get(k));
  const missing = units.some((u) => unitStatus(u) === 'missing');
  return {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    color: INDICATOR_COLORS,
    legend: { type: 'scroll', top: 0, formatter: (name) => (name.length > 24 ? `${name.slice(0, 23)}…` : name),
      // 缺报 first: on the legend's first page even when the indicators' long titles scroll it
      data: [...(missing ? [{ name: missingName(), icon: 'rect' }] : []), ...described.indicators.map((x) => x.title)] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: keys.map((k, n) => (unitStatus(units[n]) === 'missing' ? `${nameOf(k)}${paren(statusWord('missing'))}` : nameOf(k))), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: described.indicators.map((x, n) => ({
      type: 'bar',
      name: x.title,
      data: units.map((u) => {
        const i = u.indicators[n];
        if (!i) return null;
        // a unit with a missing report: its reported part, striped amber
        if (i.status === 'missing') return partial(i) !== null ? { value: partial(i), itemStyle: missingStyle } : null;
        return { value: i.ratio !== null ? tenths(i.ratio) : null, itemStyle: i.status === 'short' ? { borderColor: COLORS.short, borderWidth: 2 } : undefined };
      }),
    })).concat(missing
      // The legend's entry for 缺报 (a series of no points: it takes no bar's place).
      ? [{ type: 'line', name: missingName(), data: [], itemStyle: missingStyle, lineStyle: { color: COLORS.missing } }]
      : []),
  };
}

// ================= Filings (复工备案, in bulk) =================
const fil = { rows: [], jsonl: [], total: 0, ms: 0, group: 'street', street: null, sort: { key: 'total', dir: -1 }, worker: null, run: 0, file: null };
const gates = filingForm.gates;
const filingsInput = el('input', { type: 'file', id: 'filings-file', accept: '.jsonl,.ndjson,.txt,application/x-ndjson' });
const progress = el('progress', { id: 'filings-progress', class: 'progress', max: 1, value: 0, 'aria-labelledby': 'filings-progress-label' });
const progressText = el('span', { id: 'filings-progress-text', role: 'status' }, t('dbNoFilings'));
const filBody = el('div', { id: 'filings-body' });
const exportJsonl = el('button', { type: 'button', id: 'export-jsonl', class: 'secondary', disabled: true, 'on:click': () => download('jsonl') }, t('dbExportJsonl'));
const exportCsv = el('button', { type: 'button', id: 'export-csv', class: 'secondary', disabled: true, 'on:click': () => download('csv') }, t('dbExportCsv'));
filingsSection.append(
  el('h2', { id: 'fil-title' }, t('dbFilings')),
  el('div', { class: 'dash-controls' },
    el('div', { class: 'field' }, el('label', { for: 'filings-file' }, t('dbLoadFilings')), filingsInput),
    el('div', { class: 'field' }, el('span', { id: 'filings-progress-label' }, t('dbProgress')), progress, progressText),
    el('div', { class: 'exports' }, exportJsonl, exportCsv)),
  filBody,
);
filingsInput.addEventListener('change', () => {
  const file = filingsInput.files[0];
  if (file) checkFile(file);
});

function checkFile(file) {
  const run = ++fil.run;
  fil.file = file;
  Object.assign(fil, { rows: [], jsonl: [], total: 0, ms: 0, street: null });
  exportJsonl.disabled = exportCsv.disabled = true;
  filBody.replaceChildren();
  progress.value = 0;
  progress.max = 1;
  progressText.textContent = fmt('dbChecked', { done: 0, total: '…' });
  const t0 = performance.now();
  fil.worker ??= new Worker('/js/batch-worker.mjs', { type: 'module' });
  fil.worker.onmessage = ({ data }) => {
    if (data.id !== run) return;
    if (data.type === 'start') {
      fil.total = data.total;
      progress.max = Math.max(1, data.total);
    } else if (data.type === 'progress') {
      fil.rows.push(...data.rows);
      fil.jsonl.push(data.jsonl);
      progress.value = data.done;
      progressText.textContent = fmt('dbChecked', { done: number.format(data.done), total: number.format(data.total) });
    } else if (data.type === 'done') {
      fil.ms = performance.now() - t0;
      progress.value = progress.max;
      const bad = fil.rows.filter((r) => r.unreadable).length;
      progressText.textContent = [fmt('dbDone', { total: number.format(data.total - bad), s: (fil.ms / 1000).toFixed(1) }),
        bad ? fmt('dbUnreadableCount', { n: number.format(bad) }) : ''].filter(Boolean).join(' · ');
      window.dashboardTiming = { filings: data.total, ms: fil.ms, workerMs: data.ms };
      exportJsonl.disabled = exportCsv.disabled = false;
      showFilings();
      document.body.dataset.filings = 'done';
    } else if (data.type === 'error') {
      progressText.textContent = fmt('dbError', { msg: data.code === 'not_utf8' ? t('dbNotUtf8') : data.message });
    }
  };
  fil.worker.postMessage({ id: run, file, pack: settings.pack, locale: settings.locale, now: settings.now(), chunk: 1000 });
}

const blankName = (s) => s || t('dbUnknown');

/** Tallies the rows by street (or by community, within one street or all). */
function tally() {
  const groups = new Map();
  for (const r of fil.rows) {
    if (r.unreadable) continue;
    if (fil.street !== null && r.street !== fil.street) continue;
    const key = fil.group === 'street' ? r.street : `${r.street}\u0000${r.community}`;
    let g = groups.get(key);
    if (!g) {
      g = { street: r.street, community: fil.group === 'street' ? null : r.community, total: 0, gates: {} };
      DECISIONS.forEach((d) => { g[d] = 0; });
      gates.forEach((x) => { g.gates[x.id] = 0; });
      groups.set(key, g);
    }
    g.total += 1;
    g[r.decision] = (g[r.decision] ?? 0) + 1;
    r.failed.forEach((id) => { g.gates[id] = (g.gates[id] ?? 0) + 1; });
  }
  return [...groups.values()];
}

const columns = () => [
  ...(fil.group === 'street' || fil.street === null ? [{ key: 'street', label: fieldLabel(filingForm, 'enterprise.street'), text: true, get: (g) => g.street }] : []),
  ...(fil.group === 'community' ? [{ key: 'community', label: fieldLabel(filingForm, 'enterprise.community'), text: true, get: (g) => g.community }] : []),
  { key: 'total', label: t('dbTotal'), get: (g) => g.total },
  ...DECISIONS.map((d) => ({ key: d, label: decisionWord(d), decision: d, get: (g) => g[d] })),
  ...gates.map((x) => ({ key: x.id, label: x.title, gate: x.id, get: (g) => g.gates[x.id] })),
];

/** Why a line could not be read, in the portal's words: its line number in the file, and the column within it. */
const unreadableWhy = (r) => (r.unreadable.code === 'input.not_json' ? fmt('dbNotJson', { column: r.unreadable.column ?? '?' })
  : r.unreadable.code === 'input.invalid_type' ? t('dbNotObject') : r.message); // too large, not UTF-8: the engine's words

function showFilings() {
  // Lines that are no filing at all are listed apart: they are no enterprise's decision.
  const all = fil.rows.filter((r) => !r.unreadable);
  const bad = fil.rows.filter((r) => r.unreadable);
  const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0]));
  all.forEach((r) => { counts[r.decision] = (counts[r.decision] ?? 0) + 1; });
  const totals = el('table', { id: 'decision-totals', class: 'totals' },
    el('caption', {}, t('dbTotals')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('decision')), el('th', { scope: 'col' }, t('dbCount')))),
    el('tbody', {}, ...DECISIONS.map((d) => el('tr', { 'data-decision': d },
      el('th', { scope: 'row' }, el('span', { class: `decision ${d}` }, decisionWord(d))), el('td', { class: 'n' }, number.format(counts[d]))))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, t('dbTotal')), el('td', { class: 'n', id: 'filings-total' }, number.format(all.length)))));

  const groupSelect = el('select', { id: 'filings-group', 'on:change': (ev) => { fil.group = ev.target.value; showFilings(); } },
    el('option', { value: 'street', selected: fil.group === 'street' }, t('dbByStreet')),
    el('option', { value: 'community', selected: fil.group === 'community' }, t('dbByCommunity')));
  const crumbs = el('nav', { 'aria-label': fieldLabel(filingForm, 'enterprise.street'), class: 'crumbs' }, el('ol', {},
    el('li', {}, fil.street === null ? el('span', { 'aria-current': 'location' }, t('dbAllStreets'))
      : el('button', { type: 'button', class: 'link', 'on:click': () => { fil.street = null; fil.group = 'street'; showFilings(); } }, t('dbAllStreets'))),
    fil.street !== null ? el('li', {}, el('span', { 'aria-current': 'location' }, blankName(fil.street))) : null));

  const groups = tally();
  const cols = columns();
  const col = cols.find((c) => c.key === fil.sort.key) ?? cols.find((c) => c.key === 'total');
  const cmp = col.text ? (a, b) => String(col.get(a)).localeCompare(String(col.get(b)), settings.locale) : (a, b) => col.get(a) - col.get(b);
  groups.sort((a, b) => fil.sort.dir * cmp(a, b) || String(a.street).localeCompare(String(b.street)) || String(a.community).localeCompare(String(b.community)));
  const groupWord = fil.group === 'street' ? t('dbByStreet') : t('dbByCommunity');
  const groupLabel = fieldLabel(filingForm, fil.group === 'street' ? 'enterprise.street' : 'enterprise.community');
  const names = groups.map((g) => blankName(fil.group === 'street' ? g.street : g.community));

  const decisionsChart = el('div', { class: 'chart tall', id: 'chart-decisions', role: 'img', 'aria-label': fmt('dbChartDecisions', { group: groupLabel }) });
  const gatesChart = el('div', { class: 'chart tall', id: 'chart-gates', role: 'img', 'aria-label': fmt('dbChartGates', { group: groupLabel }) });
  const table = el('table', { id: 'filings-table', class: 'sortable' },
    el('caption', {}, `${t('dbGroup')}${t('colon')}${groupWord}`),
    el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', {
      scope: 'col',
      class: c.gate ? 'gate-head' : undefined,
      'aria-sort': c.key === col.key ? (fil.sort.dir > 0 ? 'ascending' : 'descending') : 'none',
    }, el('button', {
      type: 'button', class: 'sort', 'data-sort': c.key, 'aria-label': fmt('dbSortBy', { col: c.label }),
      'on:click': () => { fil.sort = { key: c.key, dir: fil.sort.key === c.key ? -fil.sort.dir : c.text ? 1 : -1 }; showFilings(); },
    }, c.label))))),
    el('tbody', {}, ...groups.map((g) => el('tr', { 'data-street': g.street, 'data-community': g.community ?? undefined },
      ...cols.map((c) => (c.text
        ? el('th', { scope: 'row' }, c.key === 'street' && fil.group === 'street'
          ? el('button', { type: 'button', class: 'link', 'on:click': () => { fil.street = g.street; fil.group = 'community'; showFilings(); } }, blankName(g.street))
          : blankName(c.get(g)))
        : el('td', { class: `n ${c.decision ? `decision-count ${c.decision}` : ''}`, 'data-key': c.key }, number.format(c.get(g)))))))));

  const unreadableBox = bad.length
    ? el('section', { id: 'unreadable', class: 'unreadable', 'aria-labelledby': 'unreadable-title' },
      el('h3', { id: 'unreadable-title' }, `${t('dbUnreadable')}${paren(number.format(bad.length))}`),
      el('ul', {}, ...bad.slice(0, 200).map((r) => el('li', { 'data-line': r.line, 'data-code': r.unreadable.code },
        el('strong', {}, fmt('dbUnreadableLine', { line: number.format(r.line) })), `${t('colon')}${unreadableWhy(r)}`))),
      bad.length > 200 ? el('p', { class: 'muted' }, fmt('dbUnreadableCount', { n: number.format(bad.length - 200) })) : null)
    : null;

  const wasSort = document.activeElement?.dataset?.sort;
  const inside = filBody.contains(document.activeElement);
  filBody.replaceChildren(...[
    totals,
    unreadableBox,
    el('div', { class: 'dash-controls' }, el('label', { for: 'filings-group' }, t('dbGroup'), groupSelect), crumbs),
    decisionsChart,
    gatesChart,
    el('div', { class: 'scroll' }, table),
  ].filter(Boolean));
  // A sort keeps the focus on its column's button; a drill-down lands on the table (portal audit).
  if (wasSort) filBody.querySelector(`button[data-sort="${wasSort}"]`)?.focus();
  else if (inside) landFocus(table);
  const drill = (p) => {
    const g = groups[p.dataIndex];
    if (g && fil.group === 'street') {
      fil.street = g.street;
      fil.group = 'community';
      showFilings();
    }
  };
  draw(decisionsChart, {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: DECISIONS.map((d) => ({ type: 'bar', stack: 'decisions', name: decisionWord(d), itemStyle: { color: DECISION_COLORS[d] }, data: groups.map((g) => g[d]) })),
  }, drill);
  draw(gatesChart, {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: gates.map((x) => ({ type: 'bar', stack: 'gates', name: x.title, data: groups.map((g) => g.gates[x.id]) })),
  }, drill);
  for (const [box, c] of charts) if (!box.isConnected) { c.dispose(); charts.delete(box); }
}

// ---------- export ----------
const csvCell = (v) => {
  let s = String(v ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // no formulas when opened in a spreadsheet
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function download(kind) {
  const stamp = chinaDay();
  let blob;
  let name;
  if (kind === 'jsonl') {
    blob = new Blob(fil.jsonl, { type: 'application/x-ndjson' });
    name = `filings-answers-${stamp}.jsonl`;
  } else {
    const head = [t('dbLine'), fieldLabel(filingForm, 'enterprise.name'), fieldLabel(filingForm, 'enterprise.creditCode'),
      fieldLabel(filingForm, 'enterprise.street'), fieldLabel(filingForm, 'enterprise.community'), t('decision'), t('dbGatesFailed'), t('dbMessages')];
    const gateTitle = Object.fromEntries(gates.map((x) => [x.id, x.title]));
    const lines = fil.rows.map((r) => (r.unreadable
      ? [r.line, '', '', '', '', t('dbUnreadableWord'), '', unreadableWhy(r)]
      : [r.line, r.name, r.creditCode, r.street, r.community, decisionWord(r.decision), r.failed.map((id) => gateTitle[id] ?? id).join(zh ? '；' : '; '), r.message]).map(csvCell).join(','));
    blob = new Blob([`\uFEFF${head.map(csvCell).join(',')}\r\n`, lines.join('\r\n'), lines.length ? '\r\n' : ''], { type: 'text/csv;charset=utf-8' });
    name = `filings-answers-${stamp}.csv`;
  }
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, class: 'sr-only' }, name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------- kept across a language or pack switch ----------
// The switch reloads the page (app.mjs): the report, the unit shown and the filings file are
// kept for that reload only, then shown again in the new language or checked with the new pack
// (dashboard audit: they were lost, and 13,378 filings had to be loaded and checked again). In
// IndexedDB, which holds a File (sessionStorage holds text of a few MB at most), read back and
// deleted as the page loads: the filings' personal data is not left in the browser.
const KEPT = 'fangkong.dashboard.kept';
function kept(mode, act) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fangkong-dashboard', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kept');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('kept', mode);
      const got = act(tx.objectStore('kept'));
      tx.oncomplete = () => { db.close(); resolve(got?.result); };
      tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    };
  });
}
beforeSwitch(async () => {
  if (ind.text === null && !fil.file) return;
  const page = { report: ind.text, current: ind.current, file: fil.file ?? null, group: fil.group, street: fil.street, sort: fil.sort };
  await kept('readwrite', (store) => store.put(page, 'page'));
  sessionStorage.setItem(KEPT, '1');
});
try {
  const wanted = sessionStorage.getItem(KEPT) === '1';
  sessionStorage.removeItem(KEPT);
  // Read and deleted in one go, whether this load is a switch's or not.
  const page = await kept('readwrite', (store) => { const got = store.get('page'); store.delete('page'); return got; });
  if (wanted && page) {
    if (typeof page.report === 'string') {
      showReport(page.report);
      if (ind.byId.has(page.current)) showUnit(page.current);
    }
    if (page.file instanceof Blob) {
      Object.assign(fil, { group: page.group ?? 'street', street: page.street ?? null, sort: page.sort ?? fil.sort });
      const { street, group } = fil;
      checkFile(page.file);
      Object.assign(fil, { street, group });
    }
  }
} catch {
  // No IndexedDB (a private window may refuse it): the switch starts the page afresh, as before.
}

document.getElementById('status').textContent = t('ready');
window.portalReady = true;
