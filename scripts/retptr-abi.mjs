#!/usr/bin/env node
// Drops `multivalue` from a linked module's `target_features` section, before wasm-bindgen
// (scripts/build-pkg.sh). wasm-bindgen turns every export that returns more than one value
// (a `Result`, a string: pointer, length, error) into a multi-value function when the module
// says it uses multivalue, which rustc's wasm32 target always does (std's objects carry it).
// Node 20's V8 (11.3) has no generic JS-to-wasm wrapper for multi-value signatures: it compiles
// one wrapper per distinct export signature with TurboFan when the module is compiled, 17 of
// them for the runtime, about 1.3 ms of `new WebAssembly.Module` (BENCHMARKS.md, "Ready,
// fifth session"). Without the marker, wasm-bindgen keeps the return-pointer ABI: exports
// return nothing and write their results to the shadow stack, and every signature takes the
// generic wrapper. Rust's own code does not use multi-value (the C ABI returns one value); if
// it ever did, wasm-opt's validation, which reads the same section, would fail the build.
// Usage: node scripts/retptr-abi.mjs IN.wasm OUT.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, command, leb } from './wasm-bytes.mjs';

const { argv: [input, output] } = command('retptr-abi.mjs', 'IN.wasm OUT.wasm');
const b = readFileSync(input);
const r = new Reader(b);
const uleb = () => r.uleb();

const parts = [b.subarray(0, 8)];
let dropped = 0;
while (r.p < b.length) {
  const start = r.p;
  const id = b[r.p++];
  const len = uleb();
  const end = r.p + len;
  if (id === 0) {
    const nameLen = uleb();
    const name = b.subarray(r.p, r.p + nameLen).toString();
    r.p += nameLen;
    if (name === 'target_features') {
      const n = uleb();
      const kept = [];
      for (let i = 0; i < n; i++) {
        const prefix = b[r.p++];
        const l = uleb();
        const feature = b.subarray(r.p, r.p + l).toString();
        r.p += l;
        if (feature === 'multivalue') dropped += 1;
        else kept.push(Buffer.concat([Buffer.from([prefix]), leb(l), Buffer.from(feature)]));
      }
      const body = Buffer.concat([leb(nameLen), Buffer.from(name), leb(kept.length), ...kept]);
      parts.push(Buffer.from([0]), leb(body.length), body);
      r.p = end;
      continue;
    }
  }
  parts.push(b.subarray(start, end));
  r.p = end;
}
if (dropped > 1) {
  console.error(`retptr-abi: ${input}: multivalue listed ${dropped} times`);
  process.exit(1);
}
writeFileSync(output, Buffer.concat(parts));
