// `make bench` (start-up): instantiate the package and get a ready default engine, cold, in
// fresh Node processes and in fresh headless Chromium pages. Median of 7 each; prints a table.
// Rows: the runtime module (`pkg/fangkong_bg.wasm`, packs precompiled by build.rs) and the
// compiler module (`pkg/fangkong_compiler_bg.wasm`, `new Engine(json)` compiling the pack).
// FANGKONG_BASELINE=DIR adds the same rows for another build of the package (e.g. pkg/ of an
// older commit: `git show REV:pkg/FILE`), measured in the same run, in turns.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../www/serve.mjs';
import { launch } from '../test/lib/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = process.env.FANGKONG_BASELINE;
const JSON_PACK = join(ROOT, 'packs/shenzhen-2020.json');

// Node: the `node` entry compiles the .wasm synchronously at import. `make` is how the engine
// is made: the embedded default pack, or a pack compiled from its JSON.
const nodeScript = (entry, make) => `
const { readFileSync } = await import('node:fs');
const json = readFileSync(${JSON.stringify(JSON_PACK)}, 'utf8');
const t0 = performance.now();
const { Engine } = await import(${JSON.stringify(entry)});
const t1 = performance.now();
const e = ${make};
const t2 = performance.now();
e.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' });
const t3 = performance.now();
console.log(JSON.stringify({ instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 }));`;

const builds = [
  { label: 'runtime', node: nodeScript(join(ROOT, 'pkg/node.js'), 'Engine.withDefaultPack()'), web: ['/pkg/fangkong.js', '/pkg/fangkong_bg.wasm'], make: 'default' },
  { label: 'compiler module', node: nodeScript(join(ROOT, 'pkg/compiler-node.js'), 'new Engine(json)'), web: ['/pkg/fangkong_compiler.js', '/pkg/fangkong_compiler_bg.wasm'], make: 'json' },
];
if (baseline) {
  builds.push({ label: `baseline ${baseline}`, node: nodeScript(join(baseline, 'node.js'), 'Engine.withDefaultPack()'), web: ['/baseline/fangkong.js', '/baseline/fangkong_bg.wasm'], make: 'default' });
}
for (const b of builds) b.results = { node: [], chrome: [] };

for (let i = 0; i < RUNS; i++) {
  for (const b of builds) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', b.node], { encoding: 'utf8' });
    b.results.node.push(JSON.parse(r.stdout));
  }
}

// Chromium: a page under the portal's CSP; fetch + compile + instantiate, then the engine.
const server = await start({ port: 0 });
const browser = await launch();
const packJson = readFileSync(JSON_PACK, 'utf8');
try {
  for (let i = 0; i < RUNS; i++) {
    for (const b of builds) {
      const page = await browser.context.newPage();
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (baseline && url.pathname.startsWith('/baseline/')) {
          const file = url.pathname.slice('/baseline/'.length);
          const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
          return route.fulfill({ path: join(baseline, file), headers: { 'content-type': type, 'cache-control': 'no-cache' } });
        }
        return route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } });
      });
      await page.goto(`${server.url}/favicon.svg`);
      const t = await page.evaluate(async ([js, wasm, make, json]) => {
        const t0 = performance.now();
        const mod = await import(`${js}?cold=${Math.random()}`);
        await mod.default({ module_or_path: `${wasm}?cold=${Math.random()}` });
        const t1 = performance.now();
        const e = make === 'json' ? new mod.Engine(json) : mod.Engine.withDefaultPack();
        const t2 = performance.now();
        e.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' });
        const t3 = performance.now();
        return { instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 };
      }, [...b.web, b.make, packJson]);
      b.results.chrome.push(t);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const row = (label, xs) => {
  const f = (k) => `${median(xs.map((x) => x[k])).toFixed(1)} ms`;
  const ready = median(xs.map((x) => x.instantiate + x.engine)).toFixed(1);
  console.log(`| ${label} | ${f('instantiate')} | ${f('engine')} | **${ready} ms** | ${f('firstAnswer')} |`);
};
const how = (b) => (b.make === 'json' ? '`new Engine(shenzhen-2020.json)`' : '`Engine.withDefaultPack()`');
console.log(`| start-up, cold (median of ${RUNS}) | instantiate the .wasm | the engine | ready | first answer |`);
console.log('|---|---:|---:|---:|---:|');
for (const b of builds) {
  row(`${b.label}, Node ${process.version} (fresh process; ${how(b)})`, b.results.node);
  row(`${b.label}, headless Chromium (fetch from localhost, no cache; ${how(b)})`, b.results.chrome);
}
