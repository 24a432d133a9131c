// `make bench` (start-up): instantiate the package and get a ready default engine, cold, in
// fresh Node processes and in fresh headless Chromium pages. Median of 7 each; prints a table.
// Rows: the runtime module (`pkg/fangkong_bg.wasm`, packs precompiled by build.rs) and the
// compiler module (`pkg/fangkong_compiler_bg.wasm`, `new Engine(json)` compiling the pack).
// FANGKONG_BASELINE=DIR adds the same rows for another build of the package (e.g. pkg/ of an
// older commit: `git show REV:pkg/FILE`), measured in the same run, in turns.
//
// Chromium: pages of the portal's own server (www/serve.mjs), requests not intercepted (through
// Playwright's `page.route` every request made CDP round trips: it measured the harness too),
// under the portal's CSP. Cold: `?cold=` query strings, so nothing comes from the HTTP cache or
// V8's code cache. Three ways: the glue, then the .wasm (what `await init()` alone does); the
// .wasm fetched while the glue loads (what the pages do: `<link rel="preload">` of the .wasm);
// and HTTP-cached (the same URLs again: a 304 revalidation each, `Cache-Control: no-cache`).
// A fourth: the .wasm fetched and compiled (`WebAssembly.compileStreaming`) while the glue
// loads, and the compiled module given to `init()`: the compile leaves the critical path.
// "instantiate" runs from the import of the glue to the instance; "import the glue" is its
// first part, and "fetch .wasm" the .wasm's resource timing (request to last byte, in parallel
// with the compilation when streamed).
// A fourth way, for the runtime only: the portal's own page (PAGE, default index.html), cold
// (the browser's cache cleared first), timed from the navigation: "of which import the glue"
// is when the glue's last byte came, "fetch .wasm" the .wasm's, "instantiate" when the
// instance was made (hooked on `WebAssembly.instantiateStreaming`). The page's preloads decide
// which comes first; the page makes its own engine, so "the engine" is empty there.
// FANGKONG_BASELINE_WWW=DIR serves the baseline's pages from DIR (another commit's www/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../www/serve.mjs';
import { launch } from '../test/lib/browser.mjs';
import { record } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.RUNS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = process.env.FANGKONG_BASELINE;
const JSON_PACK = join(ROOT, 'packs/shenzhen-2020.json');

// Node: the `node` entry compiles the .wasm synchronously at import. `make` is how the engine
// is made: the embedded default pack, or a pack compiled from its JSON. Two rows: the package
// is the process's first file module (the script runs with `-e`), so its import also starts
// Node's ES module loader (~3 ms here); or one file module was imported before it (`WARM`,
// empty), as in an app, whose own module started the loader. The target is judged on the
// second: the first row is kept for comparison with earlier runs (BENCHMARKS.md, "Ready, fifth session").
const WARM = join(mkdtempSync(join(tmpdir(), 'fangkong-startup-')), 'app.mjs');
writeFileSync(WARM, 'export {};\n');
process.on('exit', () => rmSync(dirname(WARM), { recursive: true, force: true }));
// The timed part, the same for every Node row: `load` gets the package, `make` the engine.
const timed = (prelude, load, make) => `${prelude}
const json = readFileSync(${JSON.stringify(JSON_PACK)}, 'utf8');
const t0 = performance.now();
const { Engine } = ${load};
const t1 = performance.now();
const e = ${make};
const t2 = performance.now();
// The first answer as a form asks it: an empty filing, as an object (twenty-second session: as
// text it missed the 50–90 ms Node then spent loading undici for an object with a {} in it).
e.checkFiling({}, { now: '2020-02-04T10:00:00+08:00' });
const t3 = performance.now();
console.log(JSON.stringify({ instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 }));`;
const nodeScript = (entry, make, warm) =>
  timed(
    `const { readFileSync } = await import('node:fs');${warm ? `\nawait import(${JSON.stringify(WARM)});` : ''}`,
    `await import(${JSON.stringify(entry)})`,
    make,
  );

const runtime = ['/pkg/fangkong.js', '/pkg/fangkong_bg.wasm'];
const builds = [
  { label: 'runtime', pkg: join(ROOT, 'pkg'), node: 'node.js', web: runtime, make: 'default' },
  { label: 'compiler module', pkg: join(ROOT, 'pkg'), node: 'compiler-node.js', web: ['/pkg/fangkong_compiler.js', '/pkg/fangkong_compiler_bg.wasm'], make: 'json' },
];
if (baseline) builds.push({ label: `baseline ${baseline}`, pkg: baseline, www: process.env.FANGKONG_BASELINE_WWW, node: 'node.js', web: runtime, make: 'default' });
const PAGE = process.env.PAGE || 'index.html';
// ONLY=parallel,compiled: those Chromium ways alone (the names below).
const ONLY = process.env.ONLY?.split(',');
const WAYS = [
  ['cold, glue then .wasm', 'serial'],
  ['cold, .wasm fetched with the glue', 'parallel'],
  ['cold, .wasm fetched and compiled (compileStreaming) while the glue loads', 'compiled'],
  ['HTTP-cached, 304', 'cached'],
  [`the portal's ${PAGE}, cold, from the navigation`, 'page'],
].filter(([, w]) => !ONLY || ONLY.includes(w));
// A CommonJS app: \`require()\` of the \`require\` entry (node.cjs) where the package has one.
const cjsScript = (entry, make) =>
  timed(`const { readFileSync } = require('node:fs');`, `require(${JSON.stringify(entry)})`, make);
for (const b of builds) {
  const make = b.make === 'json' ? 'new Engine(json)' : 'Engine.withDefaultPack()';
  b.nodeScripts = {
    node: ['--input-type=module', '-e', nodeScript(join(b.pkg, b.node), make, false)],
    nodeWarm: ['--input-type=module', '-e', nodeScript(join(b.pkg, b.node), make, true)],
  };
  const cjs = join(b.pkg, b.node.replace(/\.js$/, '.cjs'));
  if (existsSync(cjs)) b.nodeScripts.nodeCjs = ['-e', cjsScript(cjs, make)];
  b.results = { node: [], nodeWarm: [], nodeCjs: [], ...Object.fromEntries(WAYS.map(([, w]) => [w, []])) };
}

for (let i = 0; i < RUNS; i++) {
  for (const b of builds) {
    for (const [way, args] of Object.entries(b.nodeScripts)) {
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      b.results[way].push(JSON.parse(r.stdout));
    }
  }
}

// A count (not steady for every build: see BENCHMARKS.md): the wasm function bodies V8 compiles (lazily, Liftoff, on the
// main thread) between the instance and the first ready engine (BENCHMARKS.md, "Ready: start-up of the runtime").
const lazyScript = (pkg, make) => `
const { readFileSync } = await import('node:fs');
const json = readFileSync(${JSON.stringify(JSON_PACK)}, 'utf8');
const m = await import(${JSON.stringify(join(pkg, make === 'json' ? 'fangkong_compiler.js' : 'fangkong.js'))});
m.initSync({ module: readFileSync(${JSON.stringify(join(pkg, make === 'json' ? 'fangkong_compiler_bg.wasm' : 'fangkong_bg.wasm'))}) });
console.log('--- engine');
${make === 'json' ? 'new m.Engine(json)' : 'm.Engine.withDefaultPack()'};
console.log('--- ready');`;
for (const b of builds) {
  const r = spawnSync(process.execPath, ['--trace-wasm-compilation-times', '--input-type=module', '-e', lazyScript(b.pkg, b.make)], { encoding: 'utf8' });
  const lines = r.stdout.split('\n');
  const within = lines.slice(lines.indexOf('--- engine'), lines.indexOf('--- ready'));
  const sizes = within.map((l) => /^Compiled function .* bodysize (\d+)/.exec(l)).filter(Boolean).map((x) => Number(x[1]));
  b.lazy = `${sizes.length} functions, ${sizes.reduce((a, x) => a + x, 0).toLocaleString('en')} B of body`;
}

// The portal's page, cold: when the glue and the .wasm came and the instance was made.
async function portalRun(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.addInitScript(() => {
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const r = await streaming.apply(WebAssembly, args);
      window.__fkInstantiated ??= performance.now();
      return r;
    };
  });
  await page.goto(`${url}/${PAGE}?cold=${Math.random()}`);
  await page.waitForFunction(() => window.__fkInstantiated !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const end = (name) => performance.getEntriesByType('resource').find((r) => r.name.includes(name))?.responseEnd;
    return { instantiate: window.__fkInstantiated, glue: end('/pkg/fangkong.js'), fetchWasm: end('/pkg/fangkong_bg.wasm'), engine: 0 };
  });
}

// One page: instantiate (three ways), make the engine, answer once.
async function pageRun(page, [js, wasm], make, json, way) {
  return page.evaluate(async ([js, wasm, make, json, way]) => {
    const q = way === 'cached' ? '' : `?cold=${Math.random()}`;
    const t0 = performance.now();
    const early = way === 'parallel' ? fetch(`${wasm}${q}`) : way === 'compiled' ? WebAssembly.compileStreaming(fetch(`${wasm}${q}`)) : undefined;
    const mod = await import(`${js}${q}`);
    const tg = performance.now();
    await mod.default({ module_or_path: way === 'compiled' ? await early : early ?? `${wasm}${q}` });
    const t1 = performance.now();
    const e = make === 'json' ? new mod.Engine(json) : mod.Engine.withDefaultPack();
    const t2 = performance.now();
    e.checkFiling({}, { now: '2020-02-04T10:00:00+08:00' });
    const t3 = performance.now();
    await new Promise((r) => setTimeout(r, 50)); // resource timing entries come after the body
    const w = performance.getEntriesByType('resource').find((x) => x.name.includes(wasm));
    return { instantiate: t1 - t0, glue: tg - t0, engine: t2 - t1, firstAnswer: t3 - t2, fetchWasm: w ? w.responseEnd - w.startTime : NaN };
  }, [js, wasm, make, json, way]);
}

// NODE_ONLY=1: the Node rows only (quicker, for runs in turns).
if (!process.env.NODE_ONLY) {
  const browser = await launch();
  const packJson = readFileSync(JSON_PACK, 'utf8');
  const servers = new Map();
  try {
    for (const b of builds) {
      const key = `${b.pkg} ${b.www ?? ''}`;
      if (!servers.has(key)) servers.set(key, await start({ port: 0, pkg: b.pkg, ...(b.www ? { www: b.www } : {}) }));
      b.url = servers.get(key).url;
      // Fill the HTTP cache for the `cached` way.
      const page = await browser.context.newPage();
      await page.goto(`${b.url}/favicon.svg`);
      await pageRun(page, b.web, b.make, packJson, 'cached');
      await page.close();
    }
    // The portal's page last, in a phase of its own: it clears the browser's cache and leaves
    // the portal's work behind, which made the three ways above ~15 ms slower when interleaved
    // (22.4 ms "with the glue" alone, 38.8 ms interleaved, same package, load 1–3).
    const phases = [WAYS.filter(([, w]) => w !== 'page'), WAYS.filter(([, w]) => w === 'page')];
    for (const ways of phases) for (let i = 0; i < RUNS; i++) {
      for (const [, way] of ways) {
        for (const b of builds) {
          if (way === 'page' && b.make === 'json') continue;
          const page = await browser.context.newPage();
          if (way === 'page') {
            b.results[way].push(await portalRun(page, b.url));
          } else {
            await page.goto(`${b.url}/favicon.svg`);
            b.results[way].push(await pageRun(page, b.web, b.make, packJson, way));
          }
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.close();
  }
}

const row = (label, xs) => {
  const f = (k) => {
    const v = xs.map((x) => x[k]).filter((x) => Number.isFinite(x));
    return v.length ? `${median(v).toFixed(1)} ms` : '';
  };
  const ready = median(xs.map((x) => x.instantiate + x.engine)).toFixed(1);
  console.log(`| ${label} | ${f('instantiate')} | ${f('glue')} | ${f('fetchWasm')} | ${f('engine')} | **${ready} ms** | ${f('firstAnswer')} |`);
  return Number(ready);
};
const how = (b) => (b.make === 'json' ? '`new Engine(shenzhen-2020.json)`' : '`Engine.withDefaultPack()`');
console.log(`| start-up (median of ${RUNS}) | instantiate the .wasm | of which import the glue | fetch .wasm | the engine | ready | first answer |`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const b of builds) {
  row(`${b.label}, Node ${process.version} (fresh process; ${how(b)}; compiled for it: ${b.lazy})`, b.results.node);
  const nodeReady = row(`${b.label}, Node ${process.version} (fresh process, after one file module: the target's row; ${how(b)})`, b.results.nodeWarm);
  if (b.label === 'runtime') record('ready.node', nodeReady, 'ms', 'node js/bench/startup.mjs');
  if (b.results.nodeCjs.length) row(`${b.label}, Node ${process.version} (fresh process, CommonJS: \`require()\` of the \`require\` entry; ${how(b)})`, b.results.nodeCjs);
  for (const [name, way] of WAYS) {
    if (!b.results[way].length) continue;
    const ready = row(`${b.label}, headless Chromium, ${name} (${how(b)})`, b.results[way]);
    // The target's row: the .wasm fetched with the glue, as the portal's pages preload it.
    if (b.label === 'runtime' && way === 'parallel') record('ready.chromium', ready, 'ms', 'node js/bench/startup.mjs');
  }
}
