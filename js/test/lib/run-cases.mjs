// Runs golden cases through the wasm package's `Engine` (in Node and, served as is, in a
// page): one call per case (object input, and the same as JSON text) and one batch call per
// (kind, now, locale). Answers are returned as `JSON.stringify` text for byte comparison.
// No Node imports: this file is loaded by the browser too.

function options(c) {
  const o = { now: c.now };
  if (c.locale) o.locale = c.locale;
  if (c.packVersion) o.packVersion = c.packVersion;
  if (c.personal) o.personal = true;
  return o;
}

function attempt(f) {
  try {
    return { json: JSON.stringify(f()) };
  } catch (e) {
    return { error: `${e && e.name}: ${e && e.message}` };
  }
}

/** `cases`: portable cases ({ file, method, batch, now, locale, pack, packVersion, input: { json } | { text } }). */
export function runCases(Engine, cases) {
  const engines = new Map();
  const engineFor = (c) => {
    const id = c.pack || '';
    if (!engines.has(id)) engines.set(id, id ? Engine.withPackId(id) : Engine.withDefaultPack());
    return engines.get(id);
  };
  const results = {};
  const groups = new Map();
  for (const c of cases) {
    const input = 'text' in c.input ? c.input.text : c.input.json;
    const engine = engineFor(c);
    const r = {};
    if (typeof engine[c.method] !== 'function') {
      r.missing = true;
    } else {
      r.single = attempt(() => engine[c.method](input, options(c)));
      if (!('text' in c.input)) r.asText = attempt(() => engine[c.method](JSON.stringify(input), options(c)));
    }
    results[c.file] = r;
    if (c.batch) {
      const key = JSON.stringify([c.batch, c.now, c.locale, c.pack, c.packVersion, c.personal]);
      if (!groups.has(key)) groups.set(key, { c, items: [] });
      groups.get(key).items.push({ file: c.file, input });
    }
  }
  for (const { c, items } of groups.values()) {
    let answers;
    try {
      answers = engineFor(c)[c.batch](items.map((i) => i.input), options(c));
    } catch (e) {
      for (const i of items) results[i.file].batch = { error: `${e.name}: ${e.message}` };
      continue;
    }
    items.forEach((i, n) => { results[i.file].batch = { json: JSON.stringify(answers[n]) }; });
  }
  for (const e of engines.values()) e.free();
  return results;
}
