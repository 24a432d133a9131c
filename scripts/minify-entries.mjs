#!/usr/bin/env node
// Minifies the Node entries (node.js, node.cjs, compiler-node.js, compiler-node.cjs; written by
// scripts/node-entry.mjs) and the browser glue with esbuild (scripts/build-pkg.sh, last step of a module). Node
// parses the whole entry before it runs it: the runtime's ES entry is 49 KB of code, comments
// and JSDoc, ~17 KB minified, and imports ~0.3 ms sooner (BENCHMARKS.md, "Ready, sixth
// session"). The leading comment lines (what the file is, `@ts-self-types`) are kept; exported
// names, class names and every string are as before (esbuild renames local names only). The
// browser glue (fangkong.js, fangkong_compiler.js) too, after the Node entries were written from
// it: 51 KB as wasm-bindgen, recover-glue.mjs and bare-glue.mjs wrote it, 19 KB minified, which
// a page fetches and parses before it can instantiate (BENCHMARKS.md, "A module with no JS
// import"); js/test/no-network.test.mjs reads its init block in the minified form.
// Usage: node scripts/minify-entries.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from '../js/node_modules/esbuild/lib/main.js';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let head = 0;
  while (head < lines.length && /^(\/\/|\/\*.*\*\/\s*$)/.test(lines[head])) head++;
  const code = transformSync(lines.slice(head).join('\n'), { minify: true, legalComments: 'none', charset: 'ascii' }).code;
  writeFileSync(file, `${lines.slice(0, head).join('\n')}\n${code}`);
}
