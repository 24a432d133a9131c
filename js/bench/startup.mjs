// `make bench` (start-up): instantiate the package and get a ready default engine, cold, in
// fresh Node processes and in fresh headless Chromium pages. Median of 7 each; prints a table.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../www/serve.mjs';
import { launch } from '../test/lib/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Node: the `node` entry compiles the .wasm synchronously at import.
const nodeScript = `
const t0 = performance.now();
const { Engine } = await import(${JSON.stringify(join(ROOT, 'pkg/node.js'))});
const t1 = performance.now();
const e = Engine.withDefaultPack();
const t2 = performance.now();
e.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' });
const t3 = performance.now();
console.log(JSON.stringify({ instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 }));`;
const node = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', nodeScript], { encoding: 'utf8' });
  node.push(JSON.parse(r.stdout));
}
// The second module, `fangkong/compiler` (the workbench's): instantiate it and compile the
// default pack from its JSON (`new Engine(json)`), as every page did before packs were
// precompiled by build.rs.
const compilerScript = `
const { readFileSync } = await import('node:fs');
const json = readFileSync(${JSON.stringify(join(ROOT, 'packs/shenzhen-2020.json'))}, 'utf8');
const t0 = performance.now();
const { Engine } = await import(${JSON.stringify(join(ROOT, 'pkg/compiler-node.js'))});
const t1 = performance.now();
const e = new Engine(json);
const t2 = performance.now();
e.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' });
const t3 = performance.now();
console.log(JSON.stringify({ instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 }));`;
const compiler = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', compilerScript], { encoding: 'utf8' });
  compiler.push(JSON.parse(r.stdout));
}

// Chromium: a page under the portal's CSP; fetch + compile + instantiate, then the engine.
const server = await start({ port: 0 });
const browser = await launch();
const chrome = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
    await page.goto(`${server.url}/favicon.svg`);
    const t = await page.evaluate(async () => {
      const t0 = performance.now();
      const mod = await import(`/pkg/fangkong.js?cold=${Math.random()}`);
      await mod.default({ module_or_path: `/pkg/fangkong_bg.wasm?cold=${Math.random()}` });
      const t1 = performance.now();
      const e = mod.Engine.withDefaultPack();
      const t2 = performance.now();
      e.checkFiling('{}', { now: '2020-02-04T10:00:00+08:00' });
      const t3 = performance.now();
      return { instantiate: t1 - t0, engine: t2 - t1, firstAnswer: t3 - t2 };
    });
    chrome.push(t);
    await page.close();
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
console.log(`| start-up, cold (median of ${RUNS}) | instantiate the .wasm | the engine | ready | first answer |`);
console.log('|---|---:|---:|---:|---:|');
row(`runtime, Node ${process.version} (pkg/node.js, fresh process; \`Engine.withDefaultPack()\`)`, node);
row('runtime, headless Chromium (fetch from localhost, no cache; `Engine.withDefaultPack()`)', chrome);
row(`compiler module, Node (pkg/compiler-node.js; \`new Engine(shenzhen-2020.json)\`)`, compiler);
