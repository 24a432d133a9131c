// The Node entry of `fangkong/compiler` (the `node` condition of package.json's exports): the
// module with the pack compiler (`new Engine(pack)`, `lint`, `compilePack`), compiled
// synchronously from the package's own file when imported, like the runtime's node.js.
import { readFileSync } from 'node:fs';
import { initSync } from './fangkong_compiler.js';

initSync({ module: readFileSync(new URL('./fangkong_compiler_bg.wasm', import.meta.url)) });

export * from './fangkong_compiler.js';
export { default } from './fangkong_compiler.js';
