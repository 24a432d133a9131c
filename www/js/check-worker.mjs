// A module Web Worker that checks submissions off the main thread, so typing never stalls
// on a large roster (and a district's batch of filings never freezes the page).
//
//   const worker = new Worker('/js/check-worker.mjs', { type: 'module' });
//
// Protocol (one message in, one message out, matched by `id`):
//   → { id, kind, pack, input, options }
//       kind:    'filing' | 'inspection' | 'indicators' | 'screening' (one submission)
//                | 'filings' (an array of filings: checkFilings, limited by size only)
//       pack:    a pack id ('shenzhen-2020', 'guangming-2020'), or a pack (JSON text or
//                object) for `new Engine(pack)`; omitted = the embedded default pack
//       input:   the submission (object or JSON text), or the array for 'filings'
//       options: { now, locale, scope, packVersion } as for the engine's check methods
//   ← { id, answer }                         the engine's answer (plain JSON data)
//   ← { id, error: { message, code, path } } when the pack or the input cannot be read
//
// The wasm is loaded once; one engine is kept per pack (worker-engines.mjs).
import { engineFor, ready } from './worker-engines.mjs';

const METHODS = {
  filing: 'checkFiling',
  inspection: 'scoreInspection',
  indicators: 'evaluateIndicators',
  screening: 'screenPerson',
  filings: 'checkFilings',
};

self.addEventListener('message', async (event) => {
  const { id, kind, pack, input, options } = event.data || {};
  try {
    await ready;
    const method = METHODS[kind];
    if (!method) throw Object.assign(new Error(`unknown kind: ${kind}`), { code: 'worker.kind' });
    const answer = (await engineFor(pack))[method](input, options || {});
    self.postMessage({ id, answer });
  } catch (err) {
    self.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code, path: err?.path } });
  }
});
