// The Node entry of `fangkong` (the `node` condition of package.json's exports).
// It compiles the WebAssembly synchronously from the package's own file when imported,
// so `import { Engine } from 'fangkong'` is ready at once: no `await init()` on a server.
import { readFileSync } from 'node:fs';
import { initSync } from './fangkong.js';

initSync({ module: readFileSync(new URL('./fangkong_bg.wasm', import.meta.url)) });

export * from './fangkong.js';
export { default } from './fangkong.js';
