// How many engines a page may keep, per kind of engine (the npm README, "Memory, and how many
// engines a page may keep"; third npm audit, F10): each kind in a fresh Node process, engines
// made until the package refuses another with `engine.out_of_memory` (its heap limit, 1 GiB),
// each judging a filing once (so it holds the pack version it decoded), all kept. Prints the
// count and the heap each engine holds (`memoryUsage().liveBytes` after, less before, over the
// count). Kinds:
//   default   Engine.withDefaultPack(): every one is a handle on the one default engine
//   packId    Engine.withPackId('shenzhen-2020'): an engine of the embedded family of its own
//   compiler  new Engine(pack) of fangkong/compiler, the pack hangzhou-2020 as JSON text
//   compiled  Engine.fromCompiled(compilePack(pack)) of fangkong, the same pack
// Usage: node js/bench/engines.mjs [KIND…]   (all four by default; about a minute in all)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KINDS = {
  default: { module: 'fangkong', make: 'Engine.withDefaultPack()', cap: 200000 },
  packId: { module: 'fangkong', make: "Engine.withPackId('shenzhen-2020')", cap: 100000 },
  compiler: { module: 'fangkong/compiler', make: 'new Engine(pack)', cap: 100000 },
  compiled: { module: 'fangkong', make: 'Engine.fromCompiled(bytes)', cap: 100000 },
};

function measure(kind) {
  const { module, make, cap } = KINDS[kind];
  const script = `
import { readFileSync } from 'node:fs';
import { Engine, memoryUsage } from '${module}';
import { compilePack } from 'fangkong/compiler';
const pack = readFileSync(${JSON.stringify(`${ROOT}packs/hangzhou-2020.json`)}, 'utf8');
const bytes = compilePack(pack);
const filing = readFileSync(${JSON.stringify(`${ROOT}examples/filings/workshop.json`)}, 'utf8');
const opts = { now: '2020-02-04T10:00:00+08:00' };
const kept = [];
const base = memoryUsage().liveBytes;
const t0 = performance.now();
let stop = 'none before ${cap}';
for (let i = 0; i < ${cap}; i++) {
  try {
    const e = ${make};
    e.checkFiling(filing, opts);
    kept.push(e);
  } catch (e) {
    stop = e.code;
    break;
  }
}
const held = memoryUsage().liveBytes - base;
console.log(JSON.stringify({ count: kept.length, perEngine: Math.round(held / kept.length), stop, seconds: (performance.now() - t0) / 1000 }));
`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${kind}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(KINDS);
console.log('| engine | how it is made | engines kept | heap each | what stopped it | seconds |');
console.log('|---|---|---:|---:|---|---:|');
for (const kind of chosen) {
  if (!KINDS[kind]) throw new Error(`unknown kind ${kind}; use ${Object.keys(KINDS).join(', ')}`);
  const r = measure(kind);
  console.log(`| ${kind} | \`${KINDS[kind].make}\` | ${r.count.toLocaleString('en')} | ${r.perEngine.toLocaleString('en')} B | ${r.stop} | ${r.seconds.toFixed(1)} |`);
}
