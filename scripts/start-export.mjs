#!/usr/bin/env node
// Calls wasm-bindgen's start function from the glue instead of through the module
// (scripts/build-pkg.sh, between wasm-bindgen and wasm-opt). With no Rust start function,
// wasm-bindgen's `__wbindgen_start` export is its import `__wbindgen_init_externref_table`
// exported again, and the glue calls it once per instance. Node 20's V8 (11.3) takes no generic
// JS-to-wasm wrapper for an exported import: it compiled one with TurboFan in every
// `new WebAssembly.Module`, −0.35 ms when the export is gone (BENCHMARKS.md, "Ready, fifth session"). Here the
// export is removed (wasm-opt then drops the import, which nothing else calls) and the glue
// calls the same JavaScript function itself. A module whose `__wbindgen_start` is a function of
// its own (a `#[wasm_bindgen(start)]`) is left as it is.
// Usage: node scripts/start-export.mjs GLUE.js MODULE_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, command, leb } from './wasm-bytes.mjs';

const { argv: [glueFile, wasmFile], fail } = command('start-export.mjs', 'GLUE.js MODULE_bg.wasm', " (did wasm-bindgen's output change?)");
const b = readFileSync(wasmFile);
const r = new Reader(b);
const uleb = () => r.uleb();
const name = () => r.name();

const INIT = '__wbindgen_init_externref_table';
let initIndex = -1;
let startIndex = -1;
let exportSection;
const sections = [];
while (r.p < b.length) {
  const start = r.p;
  const id = b[r.p++];
  const len = uleb();
  const end = r.p + len;
  if (id === 2) {
    let funcs = 0;
    for (let i = uleb(); i > 0; i--) {
      name();
      const field = name();
      const kind = b[r.p++];
      if (kind === 0) {
        uleb();
        if (field === INIT) initIndex = funcs;
        funcs += 1;
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) r.p++; // a table's element type
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) {
        r.p += 2;
      } else fail(`import kind ${kind}`);
    }
  } else if (id === 7) {
    const entries = [];
    for (let i = uleb(); i > 0; i--) {
      const e = r.p;
      const field = name();
      const kind = b[r.p++];
      const index = uleb();
      if (field === '__wbindgen_start' && kind === 0) startIndex = index;
      else entries.push(b.subarray(e, r.p));
    }
    exportSection = Buffer.concat([leb(entries.length), ...entries]);
    sections.push(null);
    r.p = end;
    continue;
  }
  sections.push(b.subarray(start, end));
  r.p = end;
}
if (startIndex < 0 || initIndex < 0 || startIndex !== initIndex) {
  console.error(`start-export: ${wasmFile}: __wbindgen_start is not the exported ${INIT}: left as it is`);
  process.exit(0);
}

let glue = readFileSync(glueFile, 'utf8');
const body = new RegExp(`\\n(\\s+)${INIT}: function\\(\\) \\{\\n([\\s\\S]*?)\\n\\1\\},\\n`);
const m = body.exec(glue);
if (!m) fail(`${glueFile}: no ${INIT} import`);
if (glue.split('wasm.__wbindgen_start();').length !== 2) fail(`${glueFile}: not one call of __wbindgen_start`);
glue = glue.replace(body, `\n$1${INIT}: __fk_init_externref_table,\n`);
glue = glue.replace('wasm.__wbindgen_start();', '__fk_init_externref_table();');
glue += `
// wasm-bindgen's start (scripts/start-export.mjs): the module no longer exports it.
function __fk_init_externref_table() {
${m[2].replace(new RegExp(`^${m[1]}`, 'gm'), '')}
}
`;
writeFileSync(glueFile, glue);
writeFileSync(wasmFile, Buffer.concat([b.subarray(0, 8), ...sections.map((s) => s ?? Buffer.concat([Buffer.from([7]), leb(exportSection.length), exportSection]))]));
