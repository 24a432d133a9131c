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
// The wasm is loaded once; one engine is kept per pack (worker-engines.mjs). A single filing is
// checked through a draft kept per pack (the package's draftChecker): each message brings the
// whole filing, and the draft is given only what differs from the last one, so a keystroke in a
// 1,000-person roster re-judges one row instead of the whole filing. The answer is the same
// (a draft's answer equals checkFiling's of its value).
import { draftChecker } from '/pkg/form.js';
import { engineFor, ready } from './worker-engines.mjs';

const METHODS = {
  filing: 'checkFiling',
  inspection: 'scoreInspection',
  indicators: 'evaluateIndicators',
  screening: 'screenPerson',
  filings: 'checkFilings',
};

/** One draft checker per engine: the filing it was last given is the message's own (a copy). */
const drafts = new WeakMap();
function check(engine, kind, input, options) {
  if (kind !== 'filing' || input === null || typeof input !== 'object' || Array.isArray(input)) return engine[METHODS[kind]](input, options);
  let checker = drafts.get(engine);
  if (!checker) drafts.set(engine, checker = draftChecker(engine, { snapshot: false }));
  return checker.check(kind, input, options);
}

self.addEventListener('message', async (event) => {
  const { id, kind, pack, input, options } = event.data || {};
  try {
    await ready;
    const method = typeof kind === 'string' && Object.hasOwn(METHODS, kind) ? METHODS[kind] : undefined; // not `toString`
    if (!method) throw Object.assign(new Error(`unknown kind: ${kind}`), { code: 'worker.kind' });
    const answer = check(await engineFor(pack), kind, input, options || {});
    self.postMessage({ id, answer });
  } catch (err) {
    self.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code, path: err?.path } });
  }
});
