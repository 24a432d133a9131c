// The last step of `make bench`: issue 9's targets against what this run measured
// ($FANGKONG_BENCH_RESULTS, written by the bench scripts through js/bench/results.mjs) and the two
// modules' sizes (gzip -9, as `make size`), written into BENCHMARKS.md between the markers below
// with the date, the machine, the load and the commit; printed too. Each row says met or not met
// as the numbers say: nothing here is typed in by hand.
//   node js/bench/report.mjs [RESULTS] [BENCHMARKS.md]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BEGIN = '<!-- make bench: begin (written by js/bench/report.mjs; do not edit by hand) -->';
export const END = '<!-- make bench: end -->';
const KB = 1024;

/** The last value recorded for each id. @param {string} text JSON lines */
export function parseResults(text) {
  const byId = new Map();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line);
    byId.set(r.id, r);
  }
  return byId;
}

/** The script that measures each kind of row (what a row says when it was not measured). */
const COMMANDS = {
  peers: 'node js/bench/peers.mjs',
  native: 'node js/bench/native.mjs',
  typing: 'node js/bench/draft.mjs',
  batch: 'node js/bench/wasm.mjs',
  ready: 'node js/bench/startup.mjs',
  portal: 'node js/bench/portal-roster.mjs',
  size: 'make pkg && make size',
};

const num = (v, digits) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Issue 9's targets, judged. `at(id)` gives a recorded result or undefined.
 * Each row: { target, measured, bound, status, command }; status is 'met', 'not met', 'recorded'
 * (no bound) or 'not measured'.
 */
export function judge(at) {
  const rows = [];
  const row = (target, ids, show, bound, ok) => {
    const rs = ids.map(at);
    const command = rs[0]?.command ?? COMMANDS[ids[0].split('.')[0]];
    const bounded = ok !== null;
    if (rs.some((r) => r === undefined)) {
      rows.push({ target, measured: '—', bound, bounded, status: 'not measured', command });
      return;
    }
    const vs = rs.map((r) => r.value);
    rows.push({ target, measured: show(...vs), bound, bounded, status: !bounded ? 'recorded' : ok(...vs) ? 'met' : 'not met', command });
  };
  row('whole filing: faster than json-logic-js', ['peers.json_logic_js'], (x) => `${num(x, 1)}×`, '≥ 2×', (x) => x >= 2);
  row('whole filing: faster than json-rules-engine', ['peers.json_rules_engine'], (x) => `${num(x, 1)}×`, '≥ 13×', (x) => x >= 13);
  // Recorded as plain JS's time over fangkong's: the stretch bounds fangkong's over plain JS's.
  row('stretch: time against the hand-written plain-JS check', ['peers.plain_js', 'peers.fangkong'], (x, t) => `${num(1 / x, 2)}× (${num(t, 1)} µs per filing)`, '≤ 1.5×', (x) => 1 / x <= 1.5);
  row('native: filings per CPU-second, one core, JSON parsing included', ['native.filings_per_cpu_second'], (x) => num(Math.round(x), 0), '≥ 200,000', (x) => x >= 200_000);
  row('typing: one `draft.set`, workshop filing (the masks)', ['typing.masks', 'typing.masks.plain_js'], (x, p) => `${num(x, 1)} µs (plain JS re-check ${num(p, 1)} µs)`, '≤ 5 µs and faster than plain JS', (x, p) => x <= 5 && x < p);
  row('typing: one `draft.set` that moves a rule, a gate and the decision (masks 6 / 6000)', ['typing.rule_moving', 'typing.rule_moving.plain_js'], (x, p) => `${num(x, 1)} µs (plain JS re-check ${num(p, 1)} µs)`, '≤ 5 µs and faster than plain JS', (x, p) => x <= 5 && x < p);
  row('typing: one `draft.set`, 1,000-person roster (a phone)', ['typing.roster_phone'], (x) => `${num(x, 1)} µs`, '≤ 50 µs', (x) => x <= 50);
  row('typing: one `draft.set`, 1,000-person roster (a name)', ['typing.roster_name'], (x) => `${num(x, 1)} µs`, '≤ 50 µs', (x) => x <= 50);
  row('batch: 13,378 filings in one `checkFilings` call, Node', ['batch.checkFilings'], (x) => `${num(x, 1)} ms`, '≤ 150 ms', (x) => x <= 150);
  row('ready: instantiate + default engine, Node (after one file module)', ['ready.node'], (x) => `${num(x, 1)} ms`, '≤ 5 ms', (x) => x <= 5);
  row('ready: instantiate + default engine, headless Chromium (cold, .wasm fetched with the glue)', ['ready.chromium'], (x) => `${num(x, 1)} ms`, '≤ 20 ms', (x) => x <= 20);
  row('the portal\'s roster: keydown → answer in the DOM, p50', ['portal.roster_keystroke_p50'], (x) => `${num(x, 1)} ms`, '(the issue: 44 ms per keystroke)', null);
  row('size: runtime `pkg/fangkong_bg.wasm`, gzip -9', ['size.runtime'], (x) => `${num(x, 0)} B (${num(x / KB, 1)} KiB)`, '≤ 120 KiB', (x) => x <= 120 * KB);
  row('size: compiler `pkg/fangkong_compiler_bg.wasm`, gzip -9', ['size.compiler'], (x) => `${num(x, 0)} B (${num(x / KB, 1)} KiB)`, 'recorded', null);
  return rows;
}

/** The section written between the markers. */
export function render(rows, machine) {
  const loads = machine.loads.length ? `${num(Math.min(...machine.loads), 1)}–${num(Math.max(...machine.loads), 1)}` : 'unknown';
  const met = rows.filter((r) => r.status === 'met').length;
  const bounded = rows.filter((r) => r.bounded).length;
  return [
    BEGIN,
    '## Issue 9: the latest `make bench` (written by the run itself)',
    '',
    `Run ${machine.date} UTC on ${machine.commit}; ${machine.cpus} × ${machine.cpu}, ${machine.memory}; ${machine.node}, ${machine.rustc}; load average (1 min) during the run ${loads}.`,
    `${met} of ${bounded} bounded rows met. On a busy machine the rows that are absolute times move with the load; the dated sections below compare builds side by side.`,
    '',
    '| target (issue 9) | measured | bound | | command |',
    '|---|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.target} | ${r.measured} | ${r.bound} | ${r.status === 'met' ? 'met' : r.status === 'not met' ? '**not met**' : r.status} | \`${r.command}\` |`),
    END,
  ].join('\n');
}

/** `markdown` with `section` in place of the markers' old one, or inserted before the first `## `. */
export function splice(markdown, section) {
  const from = markdown.indexOf(BEGIN);
  const to = markdown.indexOf(END);
  if (from !== -1 && to > from) return markdown.slice(0, from) + section + markdown.slice(to + END.length);
  const first = markdown.indexOf('\n## ');
  if (first === -1) return `${markdown.trimEnd()}\n\n${section}\n`;
  return `${markdown.slice(0, first + 1)}${section}\n\n${markdown.slice(first + 1)}`;
}

function gzipSize(path) {
  return execFileSync('gzip', ['-9', '-c', path], { maxBuffer: 64 * 1024 * 1024 }).length;
}

function machine(results) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  let commit;
  try {
    commit = `\`${git('rev-parse', '--short', 'HEAD')}\`${git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : ''}`;
  } catch {
    commit = 'a tree outside git';
  }
  let rustc = 'rustc unknown';
  try { rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim().split(' (')[0]; } catch { /* not installed */ }
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit,
    cpus: cpus().length,
    cpu: (cpus()[0]?.model ?? 'unknown CPU').trim(),
    memory: `${Math.round(totalmem() / KB ** 3)} GiB`,
    node: `Node ${process.version}`,
    rustc,
    loads: [...results.values()].map((r) => r.load).filter(Number.isFinite),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const file = process.argv[2] ?? process.env.FANGKONG_BENCH_RESULTS;
  const target = process.argv[3] ?? `${root}BENCHMARKS.md`;
  if (!file || !existsSync(file)) {
    console.error('report: no results (run `make bench`, which sets FANGKONG_BENCH_RESULTS)');
    process.exit(1);
  }
  const results = parseResults(readFileSync(file, 'utf8'));
  for (const [id, name] of [['size.runtime', 'fangkong_bg'], ['size.compiler', 'fangkong_compiler_bg']]) {
    results.set(id, { id, value: gzipSize(`${root}pkg/${name}.wasm`), unit: 'B', command: 'make pkg && make size' });
  }
  const section = render(judge((id) => results.get(id)), machine(results));
  writeFileSync(target, splice(readFileSync(target, 'utf8'), section));
  console.log(`\n${section}\n\nWritten into ${target}.`);
}
