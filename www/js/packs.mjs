// The pack families the package embeds, asked of the package, never listed by the portal: the
// pages' pack switch (app.mjs), the workbench's pack files and the demo back end (serve.mjs)
// all take them from here. Plain module, no DOM: the browser passes the runtime's `Engine`
// (after `init()`), Node the package's own.
//
// The package has no call that lists its families (pkg/fangkong.d.ts: only `withDefaultPack()`
// and `withPackId(id)`). What it does say is in the error `withPackId` throws for an id it does
// not embed (`pack.unknown_reference`, "no embedded pack ``; embedded: A, B, C"): the names are
// read from there, and each one is loaded to be sure it is a family. Should that wording ever
// change, the list shrinks to the default pack (still from the package), never to a guess.

/** `[id, …]`: the default family first, then every other embedded one, in the package's order. */
export function embeddedPacks(Engine) {
  const first = Engine.withDefaultPack();
  const ids = [first.packInfo({}).id];
  first.free();
  let said = '';
  try {
    Engine.withPackId('').free();
  } catch (err) {
    said = [err?.message, ...(Array.isArray(err?.errors) ? err.errors.map((x) => x?.message) : [])].filter(Boolean).join('\n');
  }
  const named = /embedded:\s*([^\n]+)/.exec(said)?.[1].split(',').map((s) => s.trim().replace(/[`.]/g, '')) ?? [];
  for (const id of named) {
    if (!id || ids.includes(id)) continue;
    try {
      Engine.withPackId(id).free();
      ids.push(id);
    } catch {
      // not a family after all: left out
    }
  }
  return ids;
}
