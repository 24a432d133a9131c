// What both Web Workers share (check-worker.mjs, batch-worker.mjs): the wasm loaded once, and
// one engine per pack — a pack id ('shenzhen-2020', 'guangming-2020'), a custom pack (JSON text
// or object), or nothing for the embedded default pack. The runtime module has no pack
// compiler: a custom pack is compiled by the second module, `fangkong/compiler`, loaded only
// the first time one comes, and the runtime loads what it made (`Engine.fromCompiled`).
import init, { Engine } from '/pkg/fangkong.js';

export const ready = init();
const engines = new Map();
let compiler = null;

/** The pack compiler's module, loaded and initialised once, on first use. */
function compilerModule() {
  compiler ??= import('/pkg/fangkong_compiler.js').then(async (m) => {
    await m.default();
    return m;
  });
  return compiler;
}

/** The engine of `pack` (call after `ready`); throws the pack's errors like `new Engine(pack)`. */
export async function engineFor(pack) {
  const key = pack === undefined || pack === null ? '' : typeof pack === 'string' ? pack : JSON.stringify(pack);
  let e = engines.get(key);
  if (!e) {
    if (key === '') e = Engine.withDefaultPack();
    else if (typeof pack === 'string' && !pack.trimStart().startsWith('{')) e = Engine.withPackId(pack);
    else e = Engine.fromCompiled((await compilerModule()).compilePack(pack));
    engines.set(key, e);
  }
  return e;
}
