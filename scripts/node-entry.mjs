#!/usr/bin/env node
// Writes a module's Node entries from its finished glue (scripts/build-pkg.sh, after
// recover-glue.mjs): pkg/fangkong.js → pkg/node.js and node.cjs, pkg/fangkong_compiler.js →
// pkg/compiler-node.js and compiler-node.cjs, the `node` condition of package.json's exports.
//
// The Node entry is the glue itself, which compiles the package's own .wasm synchronously when
// it is evaluated, so `import { Engine } from 'fangkong'` is ready at once. It used to be a
// second module importing the glue: one ES module less to load is −0.8 ms of Node's start-up
// (BENCHMARKS.md, "Ready, fifth session"). The glue's asynchronous loader (`init()` fetching a URL) is left out:
// here the module is initialised before anyone can call `init()`, which returns it, as the
// glue's own `init()` did once initialised. The file is read with `process.getBuiltinModule`
// (Node ≥ 20.16, 22.3) where there is one: importing `node:fs` as an ES module costs 1.5 ms the
// first time in a process (its facade reads every export, `fs.promises` too).
// Usage: node scripts/node-entry.mjs OUT/GLUE.js
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const glueFile = process.argv[2];
if (!glueFile) {
  console.error('usage: node-entry.mjs GLUE.js');
  process.exit(2);
}
const name = basename(glueFile, '.js');
const entry = { fangkong: 'node.js', fangkong_compiler: 'compiler-node.js' }[name];
if (!entry) {
  console.error(`node-entry: no Node entry for ${glueFile}`);
  process.exit(2);
}
let src = readFileSync(glueFile, 'utf8');

/** Replace the one match of `re`, or fail the build. */
function once(what, re, to) {
  const n = src.split(re).length;
  if (!(re instanceof RegExp) && n !== 2) {
    console.error(`node-entry: ${glueFile}: ${what}: expected once, found ${n - 1} (did wasm-bindgen's glue change?)`);
    process.exit(1);
  }
  const before = src;
  src = src.replace(re, to);
  if (src === before) {
    console.error(`node-entry: ${glueFile}: ${what}: not found (did wasm-bindgen's glue change?)`);
    process.exit(1);
  }
}

once('the asynchronous loader', /\nasync function __wbg_load\(module, imports\) \{\n[\s\S]*?\n\}\n(?=\nfunction initSync\()/, '');
once('init()', /\nlet __wbg_init_promise;\nasync function __wbg_init\(module_or_path\) \{\n[\s\S]*?\n(export \{ initSync, __wbg_init as default \};\n)/,
  `
// The Node entry is initialised when it is evaluated (below): \`init()\` has nothing to load.
async function __wbg_init() {
    return wasm;
}

$1`);
if (/\bfetch\b|import\.meta/.test(src)) {
  console.error(`node-entry: ${glueFile}: the glue still fetches or resolves a URL`);
  process.exit(1);
}
const glue = src;
writeFileSync(join(dirname(glueFile), entry), `// The Node entry of the package (package.json's \`node\` condition), written by
// scripts/node-entry.mjs from ${name}.js: the same glue, initialised when imported.
${glue}
// Initialised now, from the package's own file.
const { readFileSync } = globalThis.process.getBuiltinModule?.('node:fs') ?? (await import('node:fs'));
initSync({ module: readFileSync(new URL('./${name}_bg.wasm', import.meta.url)) });
`);

// The same as CommonJS (node.cjs, the \`require\` condition): \`require('fangkong')\` works in
// Node 20, where a package that is only ES modules cannot be required, and a CommonJS app
// does not start Node's ES module loader for it (an \`import()\` of the ES entry from CommonJS
// cost 16.6 ms, \`require\` of this one 7.8 ms: BENCHMARKS.md, "Ready, fifth session"). Its types are the
// browser entry's, as CommonJS declarations (\`.d.cts\`, a copy written by build-pkg.sh).
const names = [];
let cjs = glue.replace(/^export (class|function) (\w+)/gm, (_, kind, n) => {
  names.push(n);
  return `${kind} ${n}`;
});
cjs = cjs.replace(/^export \{ initSync, __wbg_init as default \};\n/m, '');
if (/^\s*(export|import)\b/m.test(cjs) || names.length < 3) {
  console.error(`node-entry: ${glueFile}: an export or import left for CommonJS (did wasm-bindgen's glue change?)`);
  process.exit(1);
}
writeFileSync(join(dirname(glueFile), entry.replace(/\.js$/, '.cjs')), `// The CommonJS Node entry of the package (package.json's \`node\` \`require\` condition),
// written by scripts/node-entry.mjs from ${name}.js: the same glue, initialised when required.
'use strict';
${cjs}
module.exports = { ${names.join(', ')}, initSync, default: __wbg_init };

// Initialised now, from the package's own file.
initSync({ module: require('node:fs').readFileSync(require('node:path').join(__dirname, '${name}_bg.wasm')) });
`);
