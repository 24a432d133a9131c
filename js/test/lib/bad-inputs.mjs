// Bad inputs from JS: wrong types, null, undefined, cyclic objects, huge arrays, text that is
// not JSON, bad options and bad packs. Each must give a diagnostic answer or throw a real
// `Error` with a one-line message and a `code` — never a trap — and the module must keep
// working for the next call. No Node imports: this file is loaded by the browser too.

const NOW = '2020-02-04T10:00:00+08:00';
const OK_FILING = {
  filedOn: '2020-02-03',
  plannedResumption: '2020-02-10',
  enterprise: { name: '测试企业' },
};

/** Runs every check; returns `[{ name, pass, detail }]`. `packText`: the default pack's JSON.
 *  `mod`: the runtime module (`fangkong`); `compiler`: the pack compiler's (`fangkong/compiler`). */
export function badInputChecks(mod, packText, compiler) {
  const { Engine } = mod;
  const engine = Engine.withDefaultPack();
  const reference = JSON.stringify(engine.checkFiling(OK_FILING, { now: NOW }));
  const results = [];

  const stillWorks = () => {
    const again = JSON.stringify(engine.checkFiling(OK_FILING, { now: NOW }));
    const fresh = JSON.stringify(Engine.withDefaultPack().checkFiling(OK_FILING, { now: NOW }));
    return again === reference && fresh === reference;
  };

  // `f` must return an answer whose diagnostics include `code` (at `path`, when given).
  const answers = (name, f, code, path) => {
    let detail;
    let pass = false;
    try {
      const a = f();
      const plain = a !== null && typeof a === 'object' && Object.getPrototypeOf(a) === Object.prototype;
      const d = (a.diagnostics || []).find((x) => x.code === code && (path === undefined || x.path === path));
      // Never accepted: a bad or half-filled input is `deferred` or `incomplete`.
      pass = plain && Boolean(d) && ['deferred', 'incomplete'].includes(a.decision);
      detail = d ? `${d.code} at ${JSON.stringify(d.path)}: ${d.message}` : `no ${code}: ${JSON.stringify(a).slice(0, 300)}`;
    } catch (e) {
      detail = `threw ${e && e.name}: ${e && e.message}`;
    }
    pass = pass && stillWorks();
    results.push({ name, pass, detail });
  };

  // `f` must throw an Error with a one-line message matching `re` and the `code`.
  const throws = (name, f, code, re, extra) => {
    let detail;
    let pass = false;
    try {
      const r = f();
      detail = `returned ${JSON.stringify(r)?.slice(0, 200)}`;
    } catch (e) {
      detail = `${e && e.name} [${e && e.code}]: ${e && e.message}`;
      pass = e instanceof Error && typeof e.message === 'string' && e.message.length > 0
        && !e.message.includes('\n') && e.message[0] === e.message[0].toLowerCase()
        && e.code === code && re.test(e.message) && (!extra || extra(e));
    }
    pass = pass && stillWorks();
    results.push({ name, pass, detail });
  };

  // Either an answer with the diagnostic `code` or an Error with `errorCode`.
  const either = (name, f, code, errorCode, re) => {
    let detail;
    let pass = false;
    try {
      const a = f();
      const d = a.diagnostics.find((x) => x.code === code);
      pass = Boolean(d);
      detail = d ? `answered ${d.code}` : `no ${code}`;
    } catch (e) {
      pass = e instanceof Error && e.code === errorCode && re.test(e.message) && !e.message.includes('\n');
      detail = `${e && e.name} [${e && e.code}]: ${e && e.message}`;
    }
    pass = pass && stillWorks();
    results.push({ name, pass, detail });
  };

  const opts = { now: NOW };
  // Wrong shapes and types: answered.
  answers('null', () => engine.checkFiling(null, opts), 'field.required');
  answers('a number', () => engine.checkFiling(42, opts), 'input.invalid_type', '');
  answers('a boolean', () => engine.checkFiling(true, opts), 'input.invalid_type', '');
  answers('an array', () => engine.checkFiling([1, 2, 3], opts), 'input.invalid_type', '');
  answers('a string field where a number belongs', () => engine.checkFiling({ staff: { total: 'twelve' } }, opts), 'input.invalid_type', '/staff/total');
  answers('an unknown field', () => engine.checkFiling({ staffs: 1 }, opts), 'input.unknown_field', '/staffs');
  answers('text that is not JSON', () => engine.checkFiling('{"filedOn": ', opts), 'input.not_json', '');
  answers('empty text', () => engine.checkFiling('', opts), 'input.not_json', '');
  answers('text with a lone surrogate', () => engine.checkFiling('{"enterprise":{"name":"\ud800"}}', opts), 'field.required');
  // JSON.stringify spells a lone surrogate `\ud800`, which the engine reads as JSON.parse does (U+FFFD), like the text above.
  answers('a lone surrogate in an object', () => engine.checkFiling({ enterprise: { name: '\ud800' } }, opts), 'field.required');
  answers('a huge array (1,000,000 roster entries)', () => engine.checkFiling({ roster: new Array(1_000_000).fill({ name: '张三' }) }, opts), 'input.too_large', '');
  answers('huge text (5 MiB)', () => engine.checkFiling('['.repeat(5 * 1024 * 1024), opts), 'input.too_large', '');
  answers('huge text of non-ASCII (4M UTF-16 units)', () => engine.checkFiling('"' + '防'.repeat(4 * 1024 * 1024) + '"', opts), 'input.too_large', '');
  answers('a roster of numbers', () => engine.checkFiling({ roster: new Array(50_000).fill(1) }, opts), 'input.invalid_type', '/roster/0');
  const deep = (n) => { let v = {}; for (let i = 0; i < n; i++) v = { a: v }; return v; };
  answers('an object nested 1000 deep', () => engine.checkFiling(deep(1000), opts), 'input.not_json', '');
  answers('a Date where text belongs (toJSON)', () => engine.checkFiling({ filedOn: new Date('2020-02-03T00:00:00Z') }, opts), 'field.required');

  // Values that are not JSON: thrown.
  const cyclic = { enterprise: {} };
  cyclic.enterprise.self = cyclic;
  throws('a cyclic object', () => engine.checkFiling(cyclic, opts), 'input.unconvertible', /cannot be converted to JSON: .*circular/i);
  throws('undefined', () => engine.checkFiling(undefined, opts), 'input.unconvertible', /expected a filing object or JSON text, got undefined/);
  throws('no argument', () => engine.checkFiling(), 'options.invalid', /^options must be an object/);
  throws('a function', () => engine.checkFiling(() => 1, opts), 'input.unconvertible', /got a function/);
  throws('a symbol', () => engine.checkFiling(Symbol('x'), opts), 'input.unconvertible', /got a symbol/);
  throws('a BigInt', () => engine.checkFiling(10n, opts), 'input.unconvertible', /cannot be converted to JSON: .*bigint/i);
  throws('a BigInt inside', () => engine.checkFiling({ staff: { total: 10n } }, opts), 'input.unconvertible', /bigint/i);
  throws('a throwing toJSON', () => engine.checkFiling({ toJSON() { throw new Error('Nope'); } }, opts), 'input.unconvertible', /cannot be converted to JSON: nope/);
  // V8 in Node overflows its stack in JSON.stringify here; Chromium's may not (then the text is too large).
  // Thrown as too large (twenty-sixth session: it was input.unconvertible, "cannot be converted").
  either('an object nested 1,000,000 deep', () => engine.checkFiling(deep(1_000_000), opts), 'input.too_large', 'input.too_large', /nests too deep \(or is too long\) to be written as JSON: maximum call stack/);

  // Options.
  throws('options missing', () => engine.checkFiling(OK_FILING), 'options.invalid', /^options must be an object .*got undefined/);
  throws('options null', () => engine.checkFiling(OK_FILING, null), 'options.invalid', /got null/);
  throws('options a string', () => engine.checkFiling(OK_FILING, NOW), 'options.invalid', /got a string/);
  throws('options without now', () => engine.checkFiling(OK_FILING, {}), 'options.invalid', /^options\.now is required/);
  throws('now not a time', () => engine.checkFiling(OK_FILING, { now: 'yesterday' }), 'options.invalid', /^options\.now: `yesterday` is not an RFC 3339 time/);
  throws('now a number', () => engine.checkFiling(OK_FILING, { now: 1580781600000 }), 'options.invalid', /^options\.now must be RFC 3339 text or a Date, got a number/);
  throws('now an invalid Date', () => engine.checkFiling(OK_FILING, { now: new Date('nope') }), 'options.invalid', /invalid Date/);
  // An unknown or regional locale falls back to the nearest one; the answer says which.
  for (const [tag, want] of [['fr', 'en'], ['fr-FR', 'en'], ['en-GB', 'en'], ['zh-HK', 'zh-TW'], ['zh-SG', 'zh-CN']]) {
    let detail;
    let pass = false;
    try {
      const a = engine.checkFiling(OK_FILING, { now: NOW, locale: tag });
      pass = a.locale === want;
      detail = `locale ${a.locale}`;
    } catch (e) {
      detail = `threw ${e && e.message}`;
    }
    results.push({ name: `locale ${tag} falls back to ${want}`, pass: pass && stillWorks(), detail });
  }
  throws('locale not text', () => engine.checkFiling(OK_FILING, { now: NOW, locale: 7 }), 'options.invalid', /locale must be text/);
  throws('a misspelt option', () => engine.checkFiling(OK_FILING, { now: NOW, lcoale: 'en' }), 'options.invalid', /unknown option `lcoale`; use now, locale, packVersion/);
  throws('another pack version', () => engine.checkFiling(OK_FILING, { now: NOW, packVersion: '1999-01-01' }), 'options.invalid', /^options\.packVersion: no version `1999-01-01` of `shenzhen-2020`; versions: \S+/);
  throws('options that throw when read', () => engine.checkFiling(OK_FILING, new Proxy({ now: NOW }, { get() { throw new Error('Trap'); } })), 'options.invalid', /cannot be read: trap/);
  const version = engine.packInfo().version;
  answers('the right pack version', () => engine.checkFiling({}, { now: NOW, packVersion: version }), 'field.required');
  answers('now as a Date', () => {
    const a = engine.checkFiling({}, { now: new Date('2020-02-04T16:30:00Z') });
    if (a.today !== '2020-02-05') throw new Error(`today ${a.today}`);
    return a;
  }, 'field.required');

  // Batches.
  throws('a batch that is not an array', () => engine.checkFilings(OK_FILING, opts), 'input.unconvertible', /expected an array of filings, got an object/);
  throws('a batch with a cyclic filing', () => engine.checkFilings([OK_FILING, cyclic], opts), 'input.unconvertible', /^filing 1: the filing cannot be converted to JSON/, (e) => e.index === 1);
  // No limit on how many; 64 MiB of JSON at most. 17 strings of 4 MiB are refused by their
  // lengths, before anything is copied into wasm memory.
  const big = `{"enterprise":{"name":"${'x'.repeat(4 * 1024 * 1024 - 40)}"}}`;
  throws('a batch over 64 MiB of JSON', () => engine.checkFilings(new Array(17).fill(big), opts), 'input.too_large', /^a batch holds at most 67108864 bytes of JSON \(64 MiB\); the filings up to 16 of 17 already make more: split it$/, (e) => e.maxBytes === 67108864);
  throws('a checker\'s batch over 64 MiB of JSON', () => engine.checker(opts).checkFilings(new Array(17).fill(big)), 'input.too_large', /at most 67108864 bytes/);
  throws('a checker with bad options', () => engine.checker({ now: 'yesterday' }), 'options.invalid', /^options\.now: /);
  results.push((() => {
    const a = engine.checkFilings(new Array(10_001).fill(OK_FILING), opts);
    const pass = a.length === 10_001 && JSON.stringify(a[10_000]) === reference;
    return { name: 'a batch of 10,001 filings (once the limit)', pass, detail: `${a.length} answers` };
  })());
  results.push((() => {
    const a = engine.checkFilings([null, 'not json', OK_FILING], opts);
    const b = engine.checkFilings([], opts);
    const pass = Array.isArray(a) && a.length === 3 && a[1].diagnostics[0].code === 'input.not_json'
      && JSON.stringify(a[2]) === reference && Array.isArray(b) && b.length === 0;
    return { name: 'a batch of mixed inputs', pass, detail: a.map((x) => x.decision).join(',') };
  })());

  // Packs: compiled by the second module, `fangkong/compiler`; the runtime has no pack compiler.
  const { Engine: Compiler, compilePack } = compiler;
  throws('a pack that is not JSON', () => new Compiler('{'), 'pack.syntax', /^rule pack has 1 error/, (e) => typeof e.path === 'string' && Array.isArray(e.errors) && e.errors.length === 1);
  throws('a pack undefined', () => new Compiler(undefined), 'input.unconvertible', /expected a rule pack object or JSON text, got undefined/);
  throws('a pack of the wrong shape', () => new Compiler({}), 'pack.syntax', /^rule pack has/, (e) => Array.isArray(e.errors));
  const pack = JSON.parse(packText);
  const badRule = pack.rules.findIndex((r) => Array.isArray(r.checks) && r.checks.some((c) => typeof c.assert === 'string'));
  if (badRule >= 0) {
    const broken = structuredClone(pack);
    const check = broken.rules[badRule].checks.findIndex((c) => typeof c.assert === 'string');
    broken.rules[badRule].checks[check].assert = 'staff.returing > 0';
    throws('a pack with an unknown field', () => new Compiler(JSON.stringify(broken)), 'pack.unknown_reference', /staff\.returing/,
      (e) => e.path === `/rules/${badRule}/checks/${check}/assert` && e.errors[0].code === 'pack.unknown_reference' && e.errors[0].path === e.path);
  } else {
    results.push({ name: 'a pack with an unknown field', pass: false, detail: 'no rule with an assert check in the default pack' });
  }
  results.push((() => {
    const custom = new Compiler(pack);
    const info = custom.packInfo();
    const same = info.id === pack.id && info.version === pack.version && /^sha256:[0-9a-f]{64}$/.test(info.hash)
      && JSON.stringify(new Compiler(packText).packInfo()) === JSON.stringify(info);
    return { name: 'the default pack as an object', pass: same, detail: JSON.stringify(custom.packInfo()) };
  })());
  throws('a pack given to the runtime', () => new Engine(packText), 'pack.no_compiler', /no pack compiler.*fangkong\/compiler/);
  throws('bytes that are not a compiled pack', () => Engine.fromCompiled(new Uint8Array([1, 2, 3])), 'pack.syntax', /compiled pack/);
  results.push((() => {
    // A custom pack compiled by the compiler module, loaded by the runtime without a compiler:
    // the same stamp and the same answer as the compiler module's own engine.
    const custom = structuredClone(pack);
    custom.version = `${pack.version}-custom`;
    const compiled = new Compiler(custom);
    const loaded = Engine.fromCompiled(compilePack(JSON.stringify(custom)));
    const opts = { now: NOW, packVersion: custom.version };
    const a = JSON.stringify(loaded.checkFiling(OK_FILING, opts));
    const same = JSON.stringify(loaded.packInfo()) === JSON.stringify(compiled.packInfo())
      && a === JSON.stringify(compiled.checkFiling(OK_FILING, opts)) && a.includes(custom.version)
      && JSON.stringify(Engine.withDefaultPack().packInfo({ on: pack.effectiveFrom })) === JSON.stringify(new Compiler(packText).packInfo());
    return { name: 'a custom pack compiled, then loaded by the runtime', pass: same, detail: a.slice(0, 200) };
  })());

  throws('an embedded pack that does not exist', () => Engine.withPackId('wuhan-2020'), 'pack.unknown_reference', /no embedded pack `wuhan-2020`; embedded: shenzhen-2020/);
  // Text arguments of another type are refused before they cross (a number there once reached the
  // module as a wild string length: a trap that lost every engine).
  for (const [label, v] of [['null', null], ['undefined', undefined], ['a number', 5]]) {
    throws(`fromCompiled of ${label}`, () => Engine.fromCompiled(v), 'pack.syntax', /^rule pack has 1 error: expected the bytes of a compiled pack \(a Uint8Array from compilePack\), got /);
  }
  throws('a pack id that is not text', () => Engine.withPackId(2020), 'pack.unknown_reference', /^rule pack has 1 error: the pack id must be text, got a number$/);
  for (const [label, kind] of [['a number', 5], ['null', null], ['an object', {}]]) {
    throws(`describe of a kind that is ${label}`, () => engine.describe(kind, {}), 'options.invalid', /^the kind \(filing, inspection, indicators or screening\) must be text, got /);
    throws(`inputSchema of a kind that is ${label}`, () => engine.inputSchema(kind, {}), 'options.invalid', /must be text, got /);
    throws(`a draft of a kind that is ${label}`, () => engine.draft(kind, { now: NOW }), 'options.invalid', /must be text, got /);
  }
  results.push((() => {
    const draft = engine.draft('filing', { now: NOW }, OK_FILING);
    const before = JSON.stringify(draft.answer());
    const errors = [];
    for (const f of [() => draft.set(7, 'x'), () => draft.set(['/staff'], 1), () => draft.remove(undefined), () => draft.set(null, undefined)]) {
      try {
        f();
        errors.push('returned');
      } catch (e) {
        errors.push(`${e.code}: ${e.message}`);
      }
    }
    const pass = errors.every((e) => /^pointer\.invalid: a JSON Pointer must be text, got /.test(e))
      && JSON.stringify(draft.answer()) === before && stillWorks();
    draft.free();
    return { name: 'a draft given a pointer that is not text: pointer.invalid, the draft unchanged', pass, detail: errors.join(' | ') };
  })());
  results.push((() => {
    const variant = Engine.withPackId('guangming-2020');
    const a = variant.checkFiling(OK_FILING, opts);
    variant.free();
    return { name: 'an embedded district variant', pass: a.pack.id === 'guangming-2020' && stillWorks(), detail: JSON.stringify(a.pack) };
  })());

  // Re-entrancy: a toJSON that uses, then frees, the engine it is being checked by.
  results.push((() => {
    const other = Engine.withDefaultPack();
    let inner;
    let detail;
    let pass = false;
    try {
      const a = other.checkFiling({ toJSON() { inner = other.checkFiling(OK_FILING, opts).decision; other.free(); return OK_FILING; } }, opts);
      detail = `answered ${a.decision} (inner ${inner})`;
      pass = true;
    } catch (e) {
      detail = `${e && e.name} [${e && e.code}]: ${e && e.message} (inner ${inner})`;
      pass = e instanceof Error && !e.message.includes('\n');
    }
    return { name: 'a toJSON that frees the engine checking it', pass: pass && ['deferred', 'incomplete'].includes(inner) && stillWorks(), detail };
  })());

  // A freed engine, and a method called on something that is not an engine.
  const freed = Engine.withDefaultPack();
  freed.free();
  results.push((() => {
    try {
      freed.checkFiling(OK_FILING, opts);
      return { name: 'a freed engine', pass: false, detail: 'no throw' };
    } catch (e) {
      return { name: 'a freed engine', pass: e instanceof Error && stillWorks(), detail: `${e.name}: ${e.message}` };
    }
  })());
  results.push((() => {
    try {
      Engine.prototype.checkFiling.call({}, OK_FILING, opts);
      return { name: 'a method on a plain object', pass: false, detail: 'no throw' };
    } catch (e) {
      return { name: 'a method on a plain object', pass: e instanceof Error && stillWorks(), detail: `${e.name}: ${e.message}` };
    }
  })());

  // The answer is plain JSON: no Map, no undefined, plain objects and arrays only.
  results.push((() => {
    const a = engine.checkFiling({ staff: { total: 'x' }, enterprise: { creditCode: '９１４４０３００ＭＡ５ＦＣＸ３Ｘ１Ｑ' } }, { now: NOW, locale: 'en' });
    const bad = [];
    const walk = (v, p) => {
      if (v === undefined) bad.push(`${p}: undefined`);
      else if (v instanceof Map || v instanceof Set) bad.push(`${p}: ${v.constructor.name}`);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
      else if (v !== null && typeof v === 'object') {
        if (Object.getPrototypeOf(v) !== Object.prototype) bad.push(`${p}: not a plain object`);
        for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k}`);
      } else if (!['string', 'number', 'boolean'].includes(typeof v) && v !== null) bad.push(`${p}: ${typeof v}`);
    };
    walk(a, '');
    walk(engine.packInfo(), 'packInfo');
    const en = a.diagnostics.some((d) => /[a-z]/.test(d.message) && !/[\u4e00-\u9fff]/.test(d.message));
    return { name: 'answers are plain JSON objects (locale en)', pass: bad.length === 0 && en, detail: bad.join('; ') || `${a.diagnostics.length} diagnostics` };
  })());

  results.push({ name: 'version', pass: typeof mod.version() === 'string' && mod.version() === engine.version, detail: mod.version() });
  engine.free();
  return results;
}
