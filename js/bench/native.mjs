// `make bench` (native, issue 9's "≥ 200,000 filings/s per core, including JSON parsing"): the CLI
// built for speed (`cargo build --release`) checks Guangming's generated filings five times over
// (scripts/gen_filings.mjs: 13,378 lines × 5 = 66,890) on one core (RAYON_NUM_THREADS=1),
// reading each line's JSON and writing its answer. Its user CPU time (bash's `time`, %U) over 7 runs,
// the median, gives filings per CPU-second. The answers go to /dev/null; the run must exit 0.
//   node js/bench/native.mjs        (after `cargo build --release`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '../../scripts/gen_filings.mjs';
import { record } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${ROOT}target/release/fangkong`;
const NOW = '2020-02-12T10:00:00+08:00';
const RUNS = Number(process.env.RUNS || 7);
if (!existsSync(CLI)) { console.error(`native bench: ${CLI} missing: run \`cargo build --release\` first`); process.exit(1); }

const lines = generate();
const text = `${[1, 2, 3, 4, 5].map(() => lines.join('\n')).join('\n')}\n`;
const count = lines.length * 5;
mkdirSync(`${ROOT}target/bench`, { recursive: true });
const file = `${ROOT}target/bench/native-g5.jsonl`;
writeFileSync(file, text);

const users = [];
for (let i = 0; i < RUNS; i++) {
  const run = spawnSync('bash', ['-c', 'TIMEFORMAT=%3U; time "$@" >/dev/null', 'bash', CLI, 'check-filing', file, '--jsonl', '--now', NOW], {
    env: { ...process.env, RAYON_NUM_THREADS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) { console.error(`native bench: the CLI exited ${run.status}: ${run.stderr}`); process.exit(1); }
  users.push(Number(run.stderr.trim().split('\n').at(-1)));
}
users.sort((a, b) => a - b);
const user = users[Math.floor(users.length / 2)];
const rate = count / user;
console.log(`| native CLI, one core (\`RAYON_NUM_THREADS=1 fangkong check-filing --jsonl\`, ${count.toLocaleString('en')} generated filings) | user CPU (median of ${RUNS}) | filings per CPU-second |`);
console.log('|---|---:|---:|');
console.log(`| release build (opt-level 3) | ${user.toFixed(2)} s | ${Math.round(rate).toLocaleString('en')} |`);
record('native.filings_per_cpu_second', rate, 'per s', 'node js/bench/native.mjs');
