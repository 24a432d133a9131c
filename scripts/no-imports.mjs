#!/usr/bin/env node
// Leaves the module with no import at all (scripts/build-pkg.sh, after start-export.mjs). A
// module that imports nothing from JavaScript needs no wasm-to-JS wrapper: Node 20's V8 (11.3)
// compiles one with TurboFan for the first import signature while it compiles the module, the
// process's first TurboFan job (~0.6 ms of `new WebAssembly.Module`; synthetic modules: 0.24 ms
// with no import against 0.88 with one signature: BENCHMARKS.md, "Ready, sixth session").
//
// The Rust side calls no JavaScript (src/wasm.rs): what wasm-bindgen still imports is
//   - `__wbindgen_throw`, its own error for an object used while borrowed (a Rust method
//     running when JavaScript calls another on the same object) or a null pointer. Neither can
//     happen: nothing JavaScript runs while the module runs (it has no other import), so no
//     method can be re-entered; and every public method checks its object's pointer before it
//     calls the module (src/wasm/api.js, `__fk_self`: the same `Error` as wasm-bindgen's).
//     The import becomes a function of the module that traps (`unreachable`): were it ever
//     reached, the glue's recovery (scripts/recover-glue.mjs) answers `engine.trapped`.
//   - `__wbindgen_init_externref_table`, which start-export.mjs no longer exports (the glue
//     called it): an empty function here, which wasm-opt drops.
// The externref table wasm-bindgen makes anyway holds nothing (no `JsValue` crosses): its
// export and the glue's initialisation go, and wasm-opt drops the table.
// Fails the build when any other import is left. Usage: node scripts/no-imports.mjs GLUE.js MODULE_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from '../js/node_modules/binaryen/index.js';
import { command } from './wasm-bytes.mjs';

const { argv: [glueFile, wasmFile], fail } = command('no-imports.mjs', 'GLUE.js MODULE_bg.wasm', " (did wasm-bindgen's output change?)");

const m = binaryen.readBinary(readFileSync(wasmFile));
const THROW = /^__wbg___wbindgen_throw_[0-9a-f]{16}$/;
const left = [];
const imports = [];
for (let i = 0; i < m.getNumFunctions(); i++) {
  const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
  if (info.module) imports.push(info);
}
for (const info of imports) {
  if (THROW.test(info.base)) {
    m.removeFunction(info.name);
    m.addFunction(info.name, info.params, info.results, [], m.unreachable());
  } else if (info.base === '__wbindgen_init_externref_table') {
    // No longer exported (start-export.mjs): nothing calls it; wasm-opt drops it.
    m.removeFunction(info.name);
    m.addFunction(info.name, info.params, info.results, [], m.nop());
  } else {
    left.push(`${info.module}.${info.base}`);
  }
}
if (left.length) fail(`${wasmFile} still imports ${left.join(', ')}`);
const TABLE = '__wbindgen_externrefs';
if (m.getExport(TABLE)) m.removeExport(TABLE);
const out = binaryen.readBinary(m.emitBinary());
if (!out.validate()) fail('the edited module does not validate');
writeFileSync(wasmFile, out.emitBinary());
if (WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmFile))).length !== 0) fail('an import is left');

let glue = readFileSync(glueFile, 'utf8');
const getImports = /\nfunction __wbg_get_imports\(\) \{\n[\s\S]*?\n\}\n/;
if (!getImports.test(glue)) fail(`${glueFile}: no __wbg_get_imports`);
glue = glue.replace(getImports, `
function __wbg_get_imports() {
    // The module imports nothing (scripts/no-imports.mjs).
    return {};
}
`);
// The table's initialisation (start-export.mjs moved it into the glue): no table now.
const init = /\nfunction __fk_init_externref_table\(\) \{\n[\s\S]*?\n\}\n/;
if (!init.test(glue) || glue.split('__fk_init_externref_table();').length !== 2) fail(`${glueFile}: no externref table initialisation`);
glue = glue.replace(init, '\n').replace(/\n\s*__fk_init_externref_table\(\);/, '');
if (glue.includes('__wbindgen_externrefs') || glue.includes('import0')) fail(`${glueFile}: the glue still uses the table or imports`);
writeFileSync(glueFile, glue);
console.log('no-imports: the module imports nothing');
