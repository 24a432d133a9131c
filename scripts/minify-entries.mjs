#!/usr/bin/env node
// Minifies the Node entries (node.js, node.cjs, compiler-node.js, compiler-node.cjs; written by
// scripts/node-entry.mjs) with esbuild (scripts/build-pkg.sh, last step of a module). Node
// parses the whole entry before it runs it: the runtime's ES entry is 49 KB of code, comments
// and JSDoc, ~17 KB minified, and imports ~0.3 ms sooner (BENCHMARKS.md, "Ready, sixth
// session"). The leading comment lines (what the file is, `@ts-self-types`) are kept; exported
// names, class names and every string are as before (esbuild renames local names only). The
// browser glue (fangkong.js) stays as wasm-bindgen and scripts/recover-glue.mjs wrote it: it is
// the readable source of these entries, and js/test/no-network.test.mjs reads its init block.
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
