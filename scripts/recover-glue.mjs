#!/usr/bin/env node
// Rewrites wasm-bindgen's JS glue (pkg/fangkong.js, pkg/compiler.js) so that a trap does not
// poison the module (issue 10, point 3). Called by scripts/build-pkg.sh on each glue file.
//
// When WebAssembly traps (`RuntimeError: unreachable`, e.g. an allocation failing), the
// instance is left in an unknown state and every later call would fail, even
// `Engine.withDefaultPack()`. The rewritten glue:
//   - catches a RuntimeError from any call into the module and throws an `Error` with
//     `code: 'engine.trapped'` (the original error as `cause`);
//   - on the next call, makes a new instance of the same compiled module (fresh memory);
//   - stamps every object (Engine, Checker, Draft, …) with the instance's generation, so an
//     engine of a replaced instance is made again from what made it (`__fk_revive`), and any
//     other object of it throws `code: 'engine.lost'` instead of reading the new
//     instance's memory through a stale pointer, and its FinalizationRegistry entry never
//     frees anything in the new instance.
// Every rewrite must apply (the build fails otherwise), so a wasm-bindgen upgrade that changes
// the glue is noticed, not silently left unprotected. Usage: node scripts/recover-glue.mjs FILE
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: recover-glue.mjs GLUE.js');
  process.exit(2);
}
let src = readFileSync(file, 'utf8');
if (src.includes('function __fk_recover(')) {
  console.error(`${file}: already rewritten`);
  process.exit(1);
}

/** Replace every match of `re` (at least `min`), or fail the build. */
function rewrite(what, re, to, min = 1) {
  let n = 0;
  src = src.replace(re, (...m) => {
    n += 1;
    return typeof to === 'function' ? to(...m) : to.replace(/\$(\d)/g, (_, i) => m[Number(i)]);
  });
  if (n < min) {
    console.error(`recover-glue: ${file}: ${what}: expected at least ${min}, found ${n} (did wasm-bindgen's glue change?)`);
    process.exit(1);
  }
}

// Objects remember their instance's generation; their finalizers carry it too.
rewrite('register in __wrap/constructor', /(\w+)Finalization\.register\((obj|this), \2\.__wbg_ptr, \2\);/g,
  '$2.__fk_gen = __fk_gen;\n        $1Finalization.register($2, [$2.__wbg_ptr, __fk_gen], $2);');
rewrite('finalizer', /new FinalizationRegistry\(ptr => wasm\.(__wbg_\w+_free)\(ptr, 1\)\)/g,
  'new FinalizationRegistry(([ptr, gen]) => { if (gen === __fk_gen) wasm.$1(ptr, 1); })');
// An object of a replaced instance has nothing to free in the new one.
rewrite('__destroy_into_raw', /__destroy_into_raw\(\) \{\n(\s+)const ptr = this\.__wbg_ptr;/g,
  '__destroy_into_raw() {\n$1const ptr = this.__fk_gen === __fk_gen ? this.__wbg_ptr : 0;');
rewrite('free', /(\n\s+)wasm\.(__wbg_\w+_free)\(ptr, 0\);/g, '$1if (ptr !== 0) wasm.$2(ptr, 0);');
// Every method reaches its object through __fk_ptr (recovery first, then the generation check),
// also when its results come back through a return pointer (scripts/retptr-abi.mjs).
rewrite('method calls', /wasm\.(\w+)\((retptr, )?this\.__wbg_ptr\b/g, (_, f, r) => `wasm.${f}(${r ?? ''}__fk_ptr(this)`);
// Every instance's exports are guarded.
rewrite('finalize_init', /\n(\s+)wasm = instance\.exports;/, '\n$1wasm = __fk_guard(instance.exports);');
// Not recovery, speed: text of 256 to 2^20 UTF-16 units (a filing, as in a batch) goes to
// wasm memory in one `encodeInto` with room for the worst case (3 bytes a unit), then shrinks,
// instead of first copying its ASCII prefix one unit at a time in JS: the same bytes, one
// allocation less (BENCHMARKS.md, "The batch's boundary"). Shorter text keeps the loop; longer text keeps the
// glue's path, which reserves 3 bytes a unit only after the ASCII prefix.
rewrite('passStringToWasm0 long text',
  /(\n([ \t]+)let len = arg\.length;\n)(\s+let ptr = malloc\(len, 1\) >>> 0;)/,
  (_, head, ind, rest) => `${head}${ind}if (len > 256 && len <= 1048576) {
${ind}    const room = len * 3;
${ind}    const at = malloc(room, 1) >>> 0;
${ind}    const written = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(at, at + room)).written;
${ind}    WASM_VECTOR_LEN = written;
${ind}    return realloc(at, room, written, 1) >>> 0;
${ind}}
${rest}`);

src += `
// --- Recovery from a trap (added by scripts/recover-glue.mjs; see its header) ---
let __fk_gen = 0;
let __fk_trapped = false;

function __fk_error(message, code, cause) {
    const e = new Error(message, cause === undefined ? undefined : { cause });
    e.code = code;
    return e;
}

function __fk_recover() {
    __fk_trapped = false;
    __fk_gen += 1;
    const instance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    __wbg_finalize_init(instance, wasmModule);
}

function __fk_ptr(obj) {
    if (__fk_trapped) __fk_recover();
    if (obj.__fk_gen !== __fk_gen) {
        if (typeof obj.__fk_remake !== 'function') {
            throw __fk_error('this object belonged to a WebAssembly instance that trapped and was replaced: make it again (an engine is made again by itself; a checker, draft or batch is not: their state was lost)', 'engine.lost');
        }
        __fk_revive(obj);
    }
    // A freed object (also one freed by JavaScript the package ran, a \`toJSON\`): the error
    // wasm-bindgen's code threw from the module before, now thrown here, since the module has
    // no import to throw with (scripts/no-imports.mjs).
    // With its code, \`engine.freed\` (sixteenth session npm audit: it was wasm-bindgen's
    // "null pointer passed to rust", with none).
    if (obj.__wbg_ptr === 0) throw __fk_error('this object was freed (free(), or the end of its using block): make another, e.g. Engine.withDefaultPack()', 'engine.freed');
    return obj.__wbg_ptr;
}

/** An engine of a replaced instance, made again in this one from what made it (src/wasm/api.js,
 *  \`__fk_remakes\`): the same object, so a page's engine, bindForm's and a checker maker's
 *  keep working. The fresh wrapper gives its pointer up (no finalizer of its own); the engine's
 *  registration for the old pointer carries the old generation and frees nothing. */
function __fk_revive(obj) {
    const fresh = obj.__fk_remake();
    const ptr = fresh.__destroy_into_raw();
    obj.__wbg_ptr = ptr;
    obj.__fk_gen = __fk_gen;
    EngineFinalization.register(obj, [ptr, __fk_gen], obj);
}

function __fk_guard(exports) {
    const guarded = {};
    for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'function') {
            guarded[name] = value;
            continue;
        }
        if (name === '__wbindgen_add_to_stack_pointer') {
            // A call with a return pointer takes room on the shadow stack first (delta < 0: the
            // instance is made afresh there if it trapped, so the call and its pointer are in
            // the same instance) and gives it back in a \`finally\` (delta > 0). After a trap the
            // room belongs to the dead instance: nothing to give back, and the next call must
            // not make a fresh instance only to move its stack pointer.
            guarded[name] = function (delta) {
                if (__fk_trapped) {
                    if (delta > 0) return 0;
                    __fk_recover();
                    return wasm[name](delta);
                }
                return value(delta);
            };
            continue;
        }
        guarded[name] = function (...args) {
            if (__fk_trapped) {
                __fk_recover();
                return wasm[name](...args);
            }
            try {
                return value(...args);
            } catch (e) {
                if (e instanceof WebAssembly.RuntimeError) {
                    __fk_trapped = true;
                    throw __fk_error(\`the WebAssembly engine trapped (\${e.message}); it is made afresh on the next call, where engines made before are made again by themselves (checkers, drafts and batches made before must be made again)\`, 'engine.trapped', e);
                }
                throw e;
            }
        };
    }
    return guarded;
}
`;
writeFileSync(file, src);
