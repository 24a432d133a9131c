// The library makes no network calls (issue 10, point 7; SECURITY.md). Every file of pkg/ is
// scanned: the JavaScript and the type declarations for fetch, XMLHttpRequest, WebSocket,
// importScripts, navigator.sendBeacon and EventSource, and the .wasm's imports (what the
// module can call) and bytes (its strings). A file of a kind the scan does not know fails too,
// so nothing new ships unscanned.
//
// One use of `fetch` is allowed, because it is not a network call of the library: the glue
// that wasm-bindgen writes (fangkong.js, `__wbg_init`) loads the package's own
// fangkong_bg.wasm, when `init()` is called without a module, with
//   fetch(new URL('fangkong_bg.wasm', import.meta.url))
// (or with the string, URL or Request the caller passes). That is the page loading the
// package's own file, like its `import` of fangkong.js; the engine never calls it, and
// `initSync(bytes)`, `init({ module_or_path: bytes })` and the Node entry (node.js) do not
// fetch at all. The test allows exactly that block, verbatim, once, and the one error message
// that names it ("failed to fetch Wasm"); any other `fetch` fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/cases.mjs';

const PKG = join(ROOT, 'pkg');
const FORBIDDEN = [/\bfetch\b/g, /\bXMLHttpRequest\b/g, /\bWebSocket\b/g, /\bimportScripts\b/g, /\bsendBeacon\b/g, /\bEventSource\b/g];

// The one allowed block of wasm-bindgen's glue: the default URL is the package's own .wasm
// next to fangkong.js, and the only fetch is of `module_or_path`. wasm-bindgen writes it as
//   if (module_or_path === undefined) {
//       module_or_path = new URL('fangkong_bg.wasm', import.meta.url);
//   }
//   const imports = __wbg_get_imports();
//   if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
//       module_or_path = fetch(module_or_path);
//   }
// and the package's glue is minified (scripts/minify-entries.mjs): esbuild writes the same
// statements as below, `module_or_path` renamed (the same name everywhere: `\1`).
const initBlock = (wasm) => new RegExp([
  `([A-Za-z_$][\\w$]*)===void 0&&\\(\\1=new URL\\("${wasm.replace('.', '\\.')}",import\\.meta\\.url\\)\\);`,
  'const [A-Za-z_$][\\w$]*=[A-Za-z_$][\\w$]*\\(\\);',
  '\\(typeof \\1=="string"\\|\\|typeof Request=="function"&&\\1 instanceof Request\\|\\|typeof URL=="function"&&\\1 instanceof URL\\)',
  '&&\\(\\1=fetch\\(\\1\\)\\)',
].join(''), 'g');
const INIT_BLOCK = initBlock('fangkong_bg.wasm');
const INIT_MESSAGE = 'failed to fetch Wasm:';
const GLUE = new Set(['fangkong.js', 'fangkong_compiler.js']);

const squash = (s) => s.replace(/\s+/g, ' ');

/** What is forbidden in JavaScript or TypeScript text `text` of file `name`: `[name: token]`. */
export function scanScript(name, text) {
  let rest = squash(text);
  // Each module's glue (fangkong.js, and fangkong_compiler.js for `fangkong/compiler`) may load
  // its own .wasm, and only that one.
  if (GLUE.has(name)) {
    const found = [...rest.matchAll(initBlock(`${name.replace(/\.js$/, '')}_bg.wasm`))];
    if (found.length === 1) rest = rest.slice(0, found[0].index) + rest.slice(found[0].index + found[0][0].length);
    rest = rest.split(INIT_MESSAGE).join('');
  }
  return FORBIDDEN.flatMap((re) => [...rest.matchAll(re)].map((m) => `${name}: ${m[0]} (…${rest.slice(Math.max(0, m.index - 40), m.index + 40)}…)`));
}

/** What is forbidden in a .wasm: imports named like a network API, and the names in its bytes. */
export function scanWasm(name, bytes) {
  const found = [];
  for (const imp of WebAssembly.Module.imports(new WebAssembly.Module(bytes))) {
    const full = `${imp.module}.${imp.name}`;
    for (const re of FORBIDDEN) if (full.match(re) || /fetch|xmlhttp|websocket|beacon|eventsource|importscripts/i.test(full)) found.push(`${name}: import ${full}`);
  }
  const latin1 = Buffer.from(bytes).toString('latin1');
  for (const re of FORBIDDEN) for (const m of latin1.matchAll(re)) found.push(`${name}: the bytes contain ${m[0]}`);
  return [...new Set(found)];
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('no file of pkg/ can reach the network (the own-.wasm load of init() aside)', () => {
  const files = filesUnder(PKG);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('fangkong.js')), 'pkg/ is built');
  const found = [];
  let scanned = 0;
  for (const file of files) {
    const name = relative(PKG, file);
    if (/\.(m?js|cjs|d\.ts|d\.mts|d\.cts)$/.test(name)) {
      found.push(...scanScript(name, readFileSync(file, 'utf8')));
    } else if (name.endsWith('.wasm')) {
      found.push(...scanWasm(name, readFileSync(file)));
    } else if (['package.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'].includes(name)) {
      continue; // metadata, documentation and the licence texts: nothing runs from them
    } else {
      found.push(`${name}: a file the scan does not know (add it to no-network.test.mjs)`);
      continue;
    }
    scanned++;
  }
  assert.ok(scanned >= 4, `only ${scanned} files scanned`);
  assert.deepEqual(found, []);
});

test("the glue's own-.wasm fetch is the one wasm-bindgen writes, there once", () => {
  const glue = squash(readFileSync(join(PKG, 'fangkong.js'), 'utf8'));
  assert.equal([...glue.matchAll(INIT_BLOCK)].length, 1, 'the init block of wasm-bindgen changed: read it, then update initBlock');
  assert.equal(glue.match(/\bfetch\b/g).length, 2, 'the block and its error message');
  // The Node entries load the .wasm from disk.
  for (const entry of ['node.js', 'node.cjs', 'compiler-node.js', 'compiler-node.cjs']) {
    assert.deepEqual(scanScript(entry, readFileSync(join(PKG, entry), 'utf8')), [], entry);
  }
});

test('the scan finds what it must (it can fail)', () => {
  const glue = readFileSync(join(PKG, 'fangkong.js'), 'utf8');
  for (const [what, text] of [
    ['a call', "export function f() { return fetch('/api'); }"],
    ['a reference', 'const send = globalThis.fetch;'],
    ['XMLHttpRequest', 'new XMLHttpRequest()'],
    ['WebSocket', "new WebSocket('wss://x')"],
    ['importScripts', "importScripts('x.js')"],
    ['sendBeacon', "navigator.sendBeacon('/x', 'data')"],
    ['EventSource', "new EventSource('/x')"],
    ['a second fetch in the glue', `${glue}\nfetch('https://example.invalid/');`],
    ['the init block fetching another URL', glue.replace('new URL("fangkong_bg.wasm",import.meta.url)', 'new URL("https://example.invalid/x.wasm",import.meta.url)')],
    ['the init block twice', `${glue}\n${glue}`],
  ]) {
    assert.notDeepEqual(scanScript('fangkong.js', text), [], what);
  }
  // The compiler module's glue may load its own .wasm only, not another file.
  const compilerGlue = readFileSync(join(PKG, 'fangkong_compiler.js'), 'utf8');
  assert.deepEqual(scanScript('fangkong_compiler.js', compilerGlue), []);
  assert.notDeepEqual(
    scanScript('fangkong_compiler.js', compilerGlue.replace('new URL("fangkong_compiler_bg.wasm"', 'new URL("fangkong_bg.wasm"')),
    [],
    'the compiler glue fetching another .wasm',
  );
  // A .wasm that imports fetch: (module (import "env" "fetch" (func)))
  const wasm = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 13, 1, 3, 101, 110, 118, 5, 102, 101, 116, 99, 104, 0, 0]);
  assert.notDeepEqual(scanWasm('x.wasm', wasm), []);
});
