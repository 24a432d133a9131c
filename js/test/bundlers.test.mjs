// The README's bundler examples (js/examples/{esbuild,vite,webpack}), built by the README's own
// commands into a temporary copy, the page (dist/) in another folder than the bundle and the .wasm
// (dist/assets/), served under the README's Content-Security-Policy with compression, opened in
// headless Chromium: each page must answer as the engine does in Node, with no console error or
// warning and no CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, mergePatch } from './lib/cases.mjs';
import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
import { readmeBlocks } from './lib/readme.mjs';
import { CSP, checkOnPage, expectedOnPage, openStrict } from './lib/pages.mjs';

const workshop = readFileSync(join(ROOT, 'examples/filings/workshop.json'), 'utf8');
const FILINGS = {
  workshop,
  'workshop, mistyped': JSON.stringify(mergePatch(JSON.parse(workshop), { plannedResumption: '2020-02-07', enterprise: { creditCode: '91440311MA5G0K3P1X' } })),
  empty: '{}',
};
const blocks = readmeBlocks();

let browser;
let tmp;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fangkong-bundlers-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Copies js/examples/NAME and runs the README's build commands in the copy; returns its dist/. */
function buildAsTheReadmeSays(name) {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'js/examples', name), dir, { recursive: true });
  // The copy resolves `fangkong` (-> pkg/) and the bundlers from js/node_modules.
  symlinkSync(join(ROOT, 'js/node_modules'), join(dir, 'node_modules'), 'dir');
  const run = blocks.find((b) => b.kind === 'run in' && b.arg === `js/examples/${name}`);
  assert.ok(run, `README has no build commands for js/examples/${name}`);
  for (const line of run.code.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
    const command = line.replace(/^npx /, './node_modules/.bin/');
    const r = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, `${line}\n${r.stdout}\n${r.stderr}`);
  }
  const dist = join(dir, 'dist');
  // The page in dist/, the bundle and the .wasm in dist/assets/: another folder.
  assert.ok(existsSync(join(dist, 'index.html')), 'no dist/index.html');
  assert.deepEqual(readdirSync(dist).filter((f) => /\.(js|wasm)$/.test(f)), [], 'bundle beside the page');
  const assets = readdirSync(join(dist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `assets: ${assets}`);
  assert.ok(assets.some((f) => f.endsWith('.js')), `assets: ${assets}`);
  return dist;
}

for (const name of ['esbuild', 'vite', 'webpack']) {
  test(`${name}: built as the README says, the page answers as Node does under the CSP`, async () => {
    const dist = buildAsTheReadmeSays(name);
    const server = await serve({ '/': dist }, { headers: { 'content-security-policy': CSP }, compress: true });
    try {
      const { page, problems, violations } = await openStrict(browser.context, `${server.url}/index.html`);
      try {
        for (const [filing, text] of Object.entries(FILINGS)) {
          assert.deepEqual(await checkOnPage(page, problems, text), expectedOnPage(text), filing);
        }
        assert.equal(expectedOnPage(workshop).decision, 'approved');
        assert.deepEqual(problems, []);
        assert.deepEqual(await violations(), []);
      } finally {
        await page.close();
      }
      const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
      assert.equal(wasm.length, 1, JSON.stringify(server.requests));
      assert.match(wasm[0].path, /^\/assets\/[^/]+\.wasm$/);
      assert.equal(wasm[0].type, 'application/wasm');
      assert.ok(['br', 'gzip'].includes(wasm[0].encoding), JSON.stringify(wasm[0]));
    } finally {
      await server.close();
    }
  });
}
