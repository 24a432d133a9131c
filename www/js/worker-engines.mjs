// What both Web Workers share (check-worker.mjs, batch-worker.mjs): the wasm loaded once, and
// one engine per pack — a pack id ('shenzhen-2020', 'guangming-2020'), a pack (JSON text or
// object) for `new Engine(pack)`, or nothing for the embedded default pack.
import init, { Engine } from '/pkg/fangkong.js';

export const ready = init();
const engines = new Map();

/** The engine of `pack` (call after `ready`). */
export function engineFor(pack) {
  const key = pack === undefined || pack === null ? '' : typeof pack === 'string' ? pack : JSON.stringify(pack);
  let e = engines.get(key);
  if (!e) {
    if (key === '') e = Engine.withDefaultPack();
    else if (typeof pack === 'string' && !pack.trimStart().startsWith('{')) e = Engine.withPackId(pack);
    else e = new Engine(pack);
    engines.set(key, e);
  }
  return e;
}
