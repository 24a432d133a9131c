#!/usr/bin/env node
// Puts the package's public JavaScript into wasm-bindgen's glue (scripts/build-pkg.sh, after
// wasm-bindgen and no-imports.mjs). The module imports nothing from JavaScript (BENCHMARKS.md,
// "A module with no JS import"): its exports (src/wasm.rs) are raw — numbers and text, private
// names (`_check`, `_withDefaultPack` …) — and the public methods are src/wasm/api.js (and
// api-compiler.js for the compiler module). Here:
//   - the raw free functions and the `_Batch` class are no longer exported by the glue (they
//     stay in its scope: `Object.keys(await import('fangkong'))` is what it was);
//   - the public methods of `Engine`, `Checker` and `Draft` (the bodies of api.js's
//     `class __fk_api_X`) go into wasm-bindgen's classes, `Engine`'s constructor with them
//     (`new Engine(pack)`; wasm-bindgen writes one only for a `#[wasm_bindgen(constructor)]`,
//     whose Rust side could only take a `JsValue`); the rest of api.js (+ api-compiler.js) is
//     appended;
//   - the declarations (NAME.d.ts): wasm-bindgen declares none of the raw exports; the classes'
//     and functions' declarations are src/wasm/api.d.ts (with api-compiler.d.ts's differences
//     for the compiler module), put before
//     `export type InitInput`, so pkg/*.d.ts is what users had.
// Every rewrite must apply (the build fails otherwise). Usage: node scripts/bare-glue.mjs GLUE.js
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const glueFile = process.argv[2];
if (!glueFile) {
  console.error('usage: bare-glue.mjs GLUE.js');
  process.exit(2);
}
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const compiler = { fangkong: false, fangkong_compiler: true }[basename(glueFile, '.js')];
if (compiler === undefined) {
  console.error(`bare-glue: no API for ${glueFile}`);
  process.exit(2);
}
const fail = (why) => {
  console.error(`bare-glue: ${glueFile}: ${why} (did wasm-bindgen's glue change?)`);
  process.exit(1);
};
const src = (f) => readFileSync(join(root, 'src/wasm', f), 'utf8');

let glue = readFileSync(glueFile, 'utf8');
let raw = 0;
glue = glue.replace(/^export (function|class) (_\w+)/gm, (_, kind, name) => {
  raw += 1;
  return `${kind} ${name}`;
});
if (raw < 8) fail(`only ${raw} raw exports`);
if (/^export (function|class) _/m.test(glue)) fail('a raw export left');
// The classes' public methods: each `class __fk_api_X { … }` of api.js is put into the body of
// wasm-bindgen's `class X`, as methods of the class itself (no code runs to add them).
if (/^\s+constructor\(/m.test(glue)) fail('wasm-bindgen wrote a constructor');
let api = src('api.js');
let classes = 0;
api = api.replace(/\n\/\/ The public methods of `(\w+)`[^\n]*\nclass __fk_api_\1 \{\n([\s\S]*?)\n\}\n/g, (_, name, body) => {
  const head = `export class ${name} {\n`;
  if (glue.split(head).length !== 2) fail(`not one \`class ${name}\``);
  glue = glue.replace(head, () => `${head}${body}\n`);
  classes += 1;
  return '\n';
});
if (classes !== 3 || api.includes('__fk_api_')) fail('api.js: the three classes\' methods not all found');
glue += api;
if (compiler) glue += src('api-compiler.js');
writeFileSync(glueFile, glue);

const dtsFile = glueFile.replace(/\.js$/, '.d.ts');
let dts = readFileSync(dtsFile, 'utf8');
const at = dts.indexOf('export type InitInput');
if (at < 0) fail(`${dtsFile}: no InitInput`);
if (/^export (class|function) /m.test(dts.slice(0, at))) fail(`${dtsFile} declares a class or function of wasm-bindgen's`);
let decls = src('api.d.ts').replace(/^(\/\/.*\n)+/, '');
if (compiler) {
  // The compiler module's differences (src/wasm/api-compiler.d.ts): its constructor, its functions.
  const [, ctor, fns] = src('api-compiler.d.ts').split(/^\/\/ --- (?:constructor|functions) ---\n/m);
  const runtimeCtor = /^ {4}\/\*\*\n(?: {5}\*.*\n)*? {5}\* This module has no pack compiler(?:.*\n)*? {4}constructor\(_pack: never\);\n/m;
  const fnsAt = decls.indexOf('\n/**\n * `memoryUsage()`');
  if (!ctor || !fns || !runtimeCtor.test(decls) || fnsAt < 0) fail('api-compiler.d.ts: its constructor or functions do not fit api.d.ts');
  decls = decls.slice(0, fnsAt) + '\n' + fns.replace(/\n$/, '') + decls.slice(fnsAt);
  decls = decls.replace(runtimeCtor, ctor);
}
dts = dts.slice(0, at) + decls + dts.slice(at);
// `InitOutput` (what `initSync()` and `init()` resolve to: the module's exports) lists what
// wasm-bindgen exported, two of which the build has removed since (`__wbindgen_externrefs`,
// dropped by no-imports.mjs; `__wbindgen_start`, by start-export.mjs): declare only what the
// module exports (js/test/types.test.mjs checks the package's against its .wasm).
const exported = new Set(
  WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(glueFile.replace(/\.js$/, '_bg.wasm')))).map((e) => e.name),
);
const io = /^export interface InitOutput \{\n((?: {4}readonly .*\n)*)\}/m.exec(dts);
if (!io) fail(`${dtsFile}: no InitOutput`);
const members = io[1].split('\n').filter((l) => {
  const name = /^ {4}readonly (\w+):/.exec(l)?.[1];
  return name === undefined || exported.has(name);
});
dts = dts.replace(io[1], members.join('\n'));
writeFileSync(dtsFile, dts);
