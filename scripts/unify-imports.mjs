#!/usr/bin/env node
// Gives every JavaScript import of the module one signature (scripts/build-pkg.sh, between
// start-export and wasm-opt). Node 20's V8 (11.3) compiles a wasm-to-JS wrapper with TurboFan
// for each distinct import signature while it compiles the module (14 in the runtime, from
// wasm-bindgen's `JsValue` imports: `(externref) -> i32`, `(externref, externref) -> externref`
// …): with one signature it compiles one (BENCHMARKS.md, "Ready, sixth session").
//
// Each import `f` of wasm-bindgen's glue (module `./NAME_bg.js`) becomes an import of the same
// name of type
//     (externref a, externref b, externref c, i32 i, i32 j, i32 r) -> externref
// and a function of the module, of `f`'s own type and under `f`'s name (so every call and
// reference stays as it is), that passes its parameters in those slots (externref ones in
// a, b, c, i32 ones in i, j, the rest null or zero; an f64 one in memory at r: with an f64 in
// the signature, Chromium's V8 13 has no generic wrapper and compiles one with TurboFan,
// +0.3 ms) and returns what the import gave: the externref itself; an i32 that is a boolean as
// null or not (`ref.is_null`); another i32 or an f64 as the JavaScript side wrote it at r.
// r is 16 bytes of the shadow stack taken for the call. wasm-opt then inlines these small
// functions into their callers.
//
// The glue keeps wasm-bindgen's import functions; `__wbg_get_imports` gives the module, for
// each of them, one of arity 6 (V8 compiles its wrapper for the signature's arity: another
// arity is another wrapper, at instantiation) that calls the original with its own parameters
// and stores an i32 or f64 result at r (after the call, so memory growth during the call is
// seen). Conversions are the same as wasm's: `DataView.setInt32` is ToInt32(ToNumber(v)),
// `setFloat64` ToNumber(v).
//
// Usage: node scripts/unify-imports.mjs GLUE.js MODULE_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import binaryen from '../js/node_modules/binaryen/index.js';

const [glueFile, wasmFile] = process.argv.slice(2);
if (!glueFile || !wasmFile) {
  console.error('usage: unify-imports.mjs GLUE.js MODULE_bg.wasm');
  process.exit(2);
}
const fail = (why) => {
  console.error(`unify-imports: ${why} (did wasm-bindgen's output change?)`);
  process.exit(1);
};

const { i32, f64, externref, none } = binaryen;
const GLUE_MODULE = `./${basename(wasmFile).replace(/\.wasm$/, '.js')}`;
// Called by the glue itself, never by the module (scripts/start-export.mjs).
const SKIP = new Set(['__wbindgen_init_externref_table']);
// Where parameters go: externref ones in the first three slots, i32 ones in the next two. An
// f64 parameter (one at most) crosses through memory at `r`: a signature with an f64 has no
// generic wrapper in Chromium's V8 (13), which then compiles one with TurboFan (+0.3 ms).
const SLOTS = { [externref]: [0, 1, 2], [i32]: [3, 4] };
const RP = 5;
// Imports whose i32 result is a boolean (wasm-bindgen's `is_*`, `instanceof`, `Array.isArray`,
// `Reflect.set`): given back as null (false) or not, read with `ref.is_null`, no memory.
const BOOLEAN = /^__wbg_(__wbindgen_is_[a-z]+|instanceof_[A-Za-z]+|isArray|set)_[0-9a-f]{16}$/;
const UNIFIED = [externref, externref, externref, i32, i32, i32];
const NAMES = ['a', 'b', 'c', 'i', 'j', 'r'];

const m = binaryen.readBinary(readFileSync(wasmFile));
const sp = '__wbindgen_add_to_stack_pointer';
if (!m.getFunction(sp)) fail(`no ${sp}`);

const imports = [];
for (let i = 0; i < m.getNumFunctions(); i++) {
  const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
  if (info.module !== GLUE_MODULE || SKIP.has(info.base)) continue;
  imports.push(info);
}
const wrappers = [];
for (const f of imports) {
  const params = binaryen.expandType(f.params);
  const results = binaryen.expandType(f.results);
  if (results.length > 1) fail(`${f.base} has ${results.length} results`);
  const result = results[0] ?? none;
  if (![none, i32, f64, externref].includes(result)) fail(`${f.base}: result type ${result}`);
  const used = { [externref]: 0, [i32]: 0 };
  const slots = params.map((t, k) => {
    const s = t === f64 ? RP : SLOTS[t]?.[used[t]++];
    if (s === undefined) fail(`${f.base}: parameter ${k} of type ${t} has no slot`);
    return s;
  });
  if (slots.filter((s) => s === RP).length > 1) fail(`${f.base}: more than one f64 parameter`);
  const f64Param = slots.indexOf(RP);
  const raw = `${f.name}$unified`;
  const flag = result === i32 && BOOLEAN.test(f.base);
  const stored = !flag && (result === i32 || result === f64);
  const memory = stored || f64Param >= 0;
  const rpLocal = params.length;
  const operands = UNIFIED.map((t, s) => {
    if (s === RP) return memory ? m.local.get(rpLocal, i32) : m.i32.const(0);
    const k = slots.indexOf(s);
    if (k >= 0) return m.local.get(k, t);
    return t === externref ? m.ref.null(externref) : m.i32.const(0);
  });
  m.removeFunction(f.name);
  m.addFunctionImport(raw, GLUE_MODULE, f.base, binaryen.createType(UNIFIED), externref);
  const call = m.call(raw, operands, externref);
  // What the call gives, as `f`'s result type.
  const value = result === externref ? call
    : result === none ? m.drop(call)
    : flag ? m.i32.eqz(m.ref.is_null(call))
    : m.block(null, [m.drop(call), result === i32 ? m.i32.load(0, 4, m.local.get(rpLocal, i32)) : m.f64.load(0, 8, m.local.get(rpLocal, i32))], result);
  let body = value;
  const vars = [];
  if (memory) {
    // 16 bytes of the shadow stack at `r` for the call: the f64 parameter, then the result.
    vars.push(i32);
    const steps = [m.local.set(rpLocal, m.call(sp, [m.i32.const(-16)], i32))];
    if (f64Param >= 0) steps.push(m.f64.store(0, 8, m.local.get(rpLocal, i32), m.local.get(f64Param, f64)));
    if (result === none) {
      steps.push(value, m.drop(m.call(sp, [m.i32.const(16)], i32)));
      body = m.block(null, steps, none);
    } else {
      vars.push(result);
      const valLocal = rpLocal + 1;
      steps.push(m.local.set(valLocal, value), m.drop(m.call(sp, [m.i32.const(16)], i32)), m.local.get(valLocal, result));
      body = m.block(null, steps, result);
    }
  }
  m.addFunction(f.name, f.params, f.results, vars, body);
  const k = wrappers.length;
  const args = slots.map((s) => (s === RP ? 'getDataViewMemory0().getFloat64(r, true)' : NAMES[s])).join(', ');
  const call_ = `g${k}(${args})`;
  const head = `        ${f.base}: (${NAMES.join(', ')}) =>`;
  wrappers.push([
    `    const g${k} = import0.${f.base};`,
    flag
      ? `${head} ${call_} ? true : null,`
      : stored
        ? `${head} { const v = ${call_}; getDataViewMemory0().${result === i32 ? 'setInt32' : 'setFloat64'}(r, v, true); },`
        : `${head} ${call_},`,
  ]);
}
// Written and read back: references to the former imports (`ref.func` of wasm-bindgen's cast
// intrinsics) get the exact type of a function of the module.
const out = binaryen.readBinary(m.emitBinary());
if (!out.validate()) fail('the edited module does not validate');
writeFileSync(wasmFile, out.emitBinary());

let glue = readFileSync(glueFile, 'utf8');
const ret = '    return {\n        __proto__: null,\n        "' + GLUE_MODULE + '": import0,\n    };\n}';
if (!glue.includes(ret)) fail('no `return { … import0 }` at the end of __wbg_get_imports');
// wasm-bindgen's functions stay in `import0`; the module gets `import1`: one arrow function of
// arity 6 per import. Written as an object literal: no function here is compiled before it is
// first called (calling 34 functions to make them cost 0.25 ms of lazy compiles).
glue = glue.replace(
  ret,
  `    // One signature for every import (scripts/unify-imports.mjs).
${wrappers.map(([g]) => g).join('\n')}
    const import1 = {
        __proto__: null,
${wrappers.map(([, w]) => w).join('\n')}
    };
${ret.replace('import0,', 'import1,')}`,
);
writeFileSync(glueFile, glue);
console.log(`unify-imports: ${imports.length} imports given one signature`);
