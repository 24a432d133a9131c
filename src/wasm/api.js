
// --- The package's public methods (src/wasm/api.js, added to the glue by scripts/bare-glue.mjs) ---
// The module imports nothing from JavaScript (BENCHMARKS.md, "A module with no JS import"): its
// raw exports (`_check`, `_draft` …, src/wasm.rs) take and give numbers and text. This layer reads
// the JS values as the Rust side did through wasm-bindgen's `JsValue` before: options and their
// getters, `Date`s, objects through `JSON.stringify`, and finds the mistakes only JS can see (a
// type, a getter that throws), in the same order, with the same messages. Options cross as JSON
// text; where this layer stops at a mistake of its own, the Rust side first reads the options
// before it (`stop`), so a mistake only it sees (a `now` that is not RFC 3339, an unknown
// `packVersion`) is thrown first when it came first, as before. Answers cross as ASCII JSON text
// (`JSON.parse`); errors as a JSON description (`_error()`), thrown as a real `Error` with its
// `code` and fields. Strings reach the Rust side as `TextEncoder` writes them (a lone surrogate
// becomes U+FFFD): text this layer puts into JSON or a message is made well-formed the same way.

/** Largest submission, in bytes of JSON (src/engine.rs, `MAX_INPUT_BYTES`). */
const __fk_MAX_INPUT = 4194304;
/** Largest batch, in bytes of JSON (src/wasm.rs, `MAX_BATCH_BYTES`). */
const __fk_MAX_BATCH = 67108864;
/** Most heap the package lets itself hold (src/wasm/memory.rs, `LIMIT_BYTES`). */
const __fk_LIMIT = 1073741824;
/** Heap a check may need per byte of its submission (src/wasm/memory.rs). */
const __fk_WORK_PER_BYTE = 16;
/** Largest pack text, in bytes (src/pack.rs, `MAX_PACK_BYTES`). */
const __fk_MAX_PACK = 2097152;
/** Largest compiled pack, in bytes (src/engine/load.rs, `MAX_COMPILED_BYTES`): `compilePack` gives none larger. */
const __fk_MAX_COMPILED = 16777216;
/** Longest name or option text — a pack id, a kind, `now`, `locale`, `packVersion`, `on` — in
 *  UTF-16 units: none that means anything comes near it. Longer text is refused before it is
 *  copied into wasm memory (third npm audit: 300 M characters trapped the module, and every
 *  engine made before was lost); so are JSON Pointers, and a scope's together, over 4 MiB. */
const __fk_MAX_NAME = 4096;
const __fk_OPTION_NAMES = ['now', 'locale', 'packVersion', 'scope', 'personal'];
const __fk_DESCRIBE_NAMES = ['locale', 'packVersion', 'on'];
/** `packInfo`'s: it says no text in a locale (npm audit, thirtieth session: `locale` was taken and did nothing). */
const __fk_PACK_INFO_NAMES = ['packVersion', 'on'];

/** A string as it reaches Rust: each lone surrogate as U+FFFD (`TextEncoder`'s way). */
const __fk_wf = typeof ''.toWellFormed === 'function'
    ? (s) => s.toWellFormed()
    : (s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Caller text as a message shows it: at most 100 characters, then `…` (src/pointer.rs, `shown`). */
function __fk_shown(s) {
    if (s.length <= 100) return __fk_wf(s);
    const head = s.slice(0, 101);
    const chars = Array.from(head);
    return __fk_wf(chars.length > 100 ? chars.slice(0, 100).join('') : head) + '…';
}

/** Text longer than `max` UTF-16 units, refused with `code` before it is copied anywhere. */
function __fk_long(v, max, what, code) {
    if (v.length > max) throw __fk_coded(`${what} is ${v.length} characters long; at most ${max}`, code);
    return v;
}

/** An `Error` with `message` and a `code` property. */
function __fk_coded(message, code) {
    const e = new Error(message);
    e.code = code;
    return e;
}

/** A `pack.*` error this layer finds itself, shaped as the engine's are (`path`, `errors`,
 *  `messages` in zh-CN and en), so that a page showing `e.messages["zh-CN"]` shows it (client
 *  audit, thirty-fifth session: `fromCompiled('abc')` and `withPackId(null)` had no `messages`). */
function __fk_packCoded(en, zh, code) {
    const e = __fk_coded(`rule pack has 1 error: ${en}`, code);
    e.path = '';
    e.errors = [{ path: '', code, message: en, messages: { 'zh-CN': zh, en } }];
    e.messages = { 'zh-CN': `规则包有 1 个错误：${zh}`, en: e.message };
    return e;
}

/** The error a raw export left (`_error()`), as an `Error`; `pending` when it left none. */
function __fk_thrown(pending) {
    const text = _error();
    if (text === '') return pending ?? __fk_coded('no error was given', 'internal');
    const d = JSON.parse(text);
    const e = new Error(d.message);
    for (const k of Object.keys(d)) if (k !== 'message') e[k] = d[k];
    return e;
}

/** A short name of a JS value's type for messages: `undefined`, `null`, `an array` … */
function __fk_type(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'an array';
    const t = typeof v;
    return t === 'undefined' ? 'undefined' : t === 'object' ? 'an object' : `a ${t}`;
}

/** `__fk_type` in Chinese, for the `zh-CN` of an error's `messages`. */
function __fk_typeZh(v) {
    const zh = { 'an array': '数组', 'an object': '对象', 'a string': '文字', 'a number': '数字', 'a boolean': '是/否值', 'a function': '函数' };
    const t = __fk_type(v);
    return zh[t] ?? t;
}

/** Rust's `char::is_whitespace`, for `str::trim`. */
const __fk_TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** The first line of a thrown JS value's message, trimmed, first letter lower-cased. */
function __fk_message(e) {
    const text = String(e instanceof Error ? e.message : typeof e === 'string' ? e : __fk_type(e));
    // Its first line, of which at most 100 characters are shown (third npm audit: an error of
    // 10 M characters was echoed whole); cut before it is trimmed, so the trim is short too.
    const nl = text.indexOf('\n');
    const line = __fk_shown((nl < 0 ? text : text.slice(0, nl)).slice(0, 1000).replace(__fk_TRIM, ''));
    if (line === '') return 'unknown error';
    const c = line[0];
    return (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c) + line.slice(1);
}

/** Refuse work expected to need about `bytes` more heap when that would pass the limit. */
function __fk_reserve(bytes, what) {
    const live = _liveBytes();
    if (live + bytes > __fk_LIMIT) {
        throw __fk_coded(`not enough memory for ${what}: ${live} bytes in use, about ${bytes} more needed, at most ${__fk_LIMIT}; free engines no longer needed (engine.free()) and try again`, 'engine.out_of_memory');
    }
}

/** `JSON.stringify(value)` (a string as it is), or an `Error` saying why not. */
/** NaN and ±Infinity are values given, never missing ones: `JSON.stringify` writes them as
 *  `null`, which the engine asks for as missing (acceptance replay, eighteenth session: `staff:
 *  { total: NaN }` was told 请填写). As text ("NaN") the engine says they are no number. */
const __fk_nonFinite = (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

function __fk_json(value, what, expected) {
    __fk_reserve(1048576, `this ${what}`);
    if (typeof value === 'string') return value;
    // The bytes of a body (a Node `Buffer`, a `Uint8Array`): JSON would write them as numbers
    // (`{"type":"Buffer","data":[…]}`), judged as unknown fields (server audit, twenty-sixth
    // session). Refused, saying what to pass.
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
        throw __fk_coded(`the ${what} is bytes (${value.constructor?.name ?? 'an ArrayBuffer view'}): pass its text (\`buffer.toString('utf8')\`, \`new TextDecoder().decode(bytes)\`) or the parsed object`, 'input.unconvertible');
    }
    // A Promise (a body not awaited: `checkFiling(req.json())`) is written `{}` by JSON, and was
    // checked as an empty submission, every field asked for (npm audit, thirtieth session).
    let thenable = false;
    try {
        thenable = value !== null && typeof value === 'object' && typeof value.then === 'function';
    } catch {
        // a getter that throws: JSON.stringify below says what is wrong
    }
    if (thenable) {
        throw __fk_coded(`the ${what} is a Promise: await it first (\`await request.json()\`)`, 'input.unconvertible');
    }
    let text;
    try {
        text = JSON.stringify(value);
        // Only text with a `null` in it may hold one (then written again, with the replacer).
        // The replacer's stack is deeper: past ~2,000 levels it overflows where the first
        // writing did not, and the first text stands (the engine refuses past 128 levels
        // anyway; differential fuzz, nineteenth session: such an object threw in Node).
        if (typeof text === 'string' && text.includes('null')) {
            try {
                text = JSON.stringify(value, __fk_nonFinite);
            } catch {
                // the first text, written without the replacer
            }
        }
    } catch (e) {
        // Nested so deep that JSON.stringify ran out of stack: too deep for any submission (the
        // engine reads 128 levels), as the draft says of a value nested past 127 (server audit,
        // twenty-sixth session: it was "cannot be converted").
        if (e instanceof RangeError) throw __fk_coded(`the ${what} nests too deep (or is too long) to be written as JSON: ${__fk_message(e)}`, 'input.too_large');
        throw __fk_coded(`the ${what} cannot be converted to JSON: ${__fk_message(e)}`, 'input.unconvertible');
    }
    if (typeof text !== 'string') throw __fk_coded(`expected ${expected}, got ${__fk_type(value)}`, 'input.unconvertible');
    // Only text with `{}` in it may hold a container JSON writes as `{}` whatever it holds.
    if (text.includes('{}')) __fk_noOpaque(value, what);
    return text;
}

/** A `Map`, `Set`, `FormData`, `URLSearchParams` or `Headers` is written by `JSON.stringify` as
 *  `{}` whatever it holds: a page that passed its form's `FormData` (or a `Map` built from it) was
 *  told that every field is missing (twenty-first session). Refused, saying what to pass. */
function __fk_opaque(v) {
    if (v === null || typeof v !== 'object' || typeof v.toJSON === 'function') return undefined;
    if (v instanceof Map || v instanceof WeakMap) return 'a Map';
    if (v instanceof Set || v instanceof WeakSet) return 'a Set';
    // The class is looked up only for an object that says it is one: in Node, reading the global
    // `FormData` or `Headers` loads undici, its HTTP client: 50–90 ms at the first check.
    const tag = Object.prototype.toString.call(v);
    // A body not read (a `Request`, `Response`, `Blob` or `File` passed for its JSON) is `{}` too,
    // and was judged as an empty filing (client audit, thirty-fifth session).
    for (const name of ['FormData', 'URLSearchParams', 'Headers', 'Request', 'Response', 'Blob', 'File']) {
        if (tag !== `[object ${name}]`) continue;
        const C = globalThis[name];
        if (typeof C === 'function' && v instanceof C) return `a ${name}`;
    }
    return undefined;
}
function __fk_noOpaque(value, what) {
    let found;
    try {
        JSON.stringify(value, function (k, v) {
            const kind = __fk_opaque(v);
            if (kind !== undefined) {
                found = { kind, key: k };
                throw found;
            }
            return v;
        });
    } catch (e) {
        if (e !== found || found === undefined) return; // the first text stands (as with NaN's replacer)
    }
    if (found === undefined) return;
    const at = found.key === '' ? '' : ` at key \`${__fk_shown(String(found.key).slice(0, 1000))}\``;
    const body = /^an? (Request|Response|Blob|File)$/.test(found.kind);
    const pass = body ? 'read its body first (`await request.json()`, `await file.text()`)' : 'pass a plain object (Object.fromEntries(...)) or an array (Array.from(...))';
    throw __fk_coded(`the ${what} holds ${found.kind}${at}, which JSON writes as {} whatever it holds: ${pass}`, 'input.unconvertible');
}

/** The JSON text of a submission: a string as it is, anything else through `JSON.stringify`.
 *  Text longer than the engine accepts is cut just past the limit (the engine answers
 *  `input.too_large` without all of it copied into wasm memory); the heap it needs is
 *  reserved first (`engine.out_of_memory`). */
function __fk_input(input, what) {
    if (typeof input !== 'string') {
        // An object's JSON text is cut as text is (third npm audit: a value of 300 M characters
        // was copied whole, and trapped the module).
        const text = __fk_json(input, what, `a ${what} object or JSON text`);
        return text.length > __fk_MAX_INPUT ? text.slice(0, __fk_MAX_INPUT + 1) : text;
    }
    const units = input.length;
    __fk_reserve(Math.min(units, __fk_MAX_INPUT) * __fk_WORK_PER_BYTE + 1048576, `this ${what}`);
    // UTF-8 never has fewer bytes than UTF-16 code units: the cut is still too large. A BOM
    // at the start is not counted (the engine skips it, as the command line does a file's).
    const max = __fk_MAX_INPUT + (input.charCodeAt(0) === 0xfeff ? 1 : 0);
    return units > max ? input.slice(0, max + 1) : input;
}

/** `obj` checked first by every method, as wasm-bindgen's code did before it read anything:
 *  something that is not an object of `cls` made by this copy of the package (a plain object,
 *  another class's, another copy's: `engine.invalid_this`; third npm audit: it was said to
 *  have trapped), an object of a trapped instance (`engine.lost`) or a freed one
 *  (scripts/recover-glue.mjs, `__fk_ptr`, which every raw method calls again: a \`toJSON\`
 *  may free it meanwhile). */
function __fk_self(obj, cls, what) {
    if (!(obj instanceof cls) || typeof obj.__fk_gen !== 'number') {
        throw __fk_coded(`this method was called on ${__fk_type(obj)} that is not ${what} made by this copy of the package: call it on one`, 'engine.invalid_this');
    }
    __fk_ptr(obj);
}

/** Read `{ now, locale, scope, packVersion, personal }` into `o`, in that order; the first
 *  mistake found here, or undefined. */
function __fk_readOptions(options, o) {
    const bad = (m) => __fk_coded(`options${m}`, 'options.invalid');
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        return bad(` must be an object such as { now: '2020-02-04T10:00:00+08:00' }, got ${__fk_type(options)}`);
    }
    for (const k of Object.keys(options)) {
        if (!__fk_OPTION_NAMES.includes(k)) return bad(`: unknown option \`${__fk_shown(k)}\`; use ${__fk_OPTION_NAMES.join(', ')}`);
    }
    let v;
    try { v = Reflect.get(options, 'now'); } catch (e) { return bad(`.now cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') {
        if (v.length > __fk_MAX_NAME) return bad(`.now is ${v.length} characters long; at most ${__fk_MAX_NAME}`);
        o.now = __fk_wf(v);
    } else if (v instanceof Date) {
        // Date's own methods, not the object's (hostile audit, thirty-second session: a
        // `toISOString` returning 42 gave `code: 'internal'`, "no error was given").
        if (Number.isNaN(Date.prototype.getTime.call(v))) return bad('.now is an invalid Date');
        o.now = Date.prototype.toISOString.call(v);
    } else if (v === undefined || v === null) {
        return bad('.now is required: RFC 3339 text such as `2020-02-04T10:00:00+08:00`, a date such as `2020-02-04`, or a Date');
    } else {
        return bad(`.now must be RFC 3339 text or a Date, got ${__fk_type(v)}`);
    }
    try { v = Reflect.get(options, 'locale'); } catch (e) { return bad(`.locale cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string' && v.length > __fk_MAX_NAME) return bad(`.locale is ${v.length} characters long; at most ${__fk_MAX_NAME}`);
    if (typeof v === 'string') o.locale = __fk_wf(v);
    else if (v !== undefined && v !== null) return bad(`.locale must be text such as \`zh-CN\`, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'scope'); } catch (e) { return bad(`.scope cannot be read: ${__fk_message(e)}`); }
    if (Array.isArray(v)) {
        const scope = __fk_scope(v);
        if (typeof scope === 'string') return bad(`.scope ${scope}`);
        o.scope = scope;
    } else if (v !== undefined && v !== null) {
        return bad(`.scope must be an array of JSON Pointers, got ${__fk_type(v)}`);
    }
    try { v = Reflect.get(options, 'packVersion'); } catch (e) { return bad(`.packVersion cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string' && v.length > __fk_MAX_NAME) return bad(`.packVersion is ${v.length} characters long; at most ${__fk_MAX_NAME}`);
    if (typeof v === 'string') o.packVersion = __fk_wf(v);
    else if (v !== undefined && v !== null) return bad(`.packVersion must be text, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'personal'); } catch (e) { return bad(`.personal cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'boolean') o.personal = v;
    else if (v !== undefined && v !== null) return bad(`.personal must be true or false, got ${__fk_type(v)}`);
    return undefined;
}

/** The JSON Pointers of a scope (an array), made well-formed; or, as text, what is wrong with
 *  them: an item that is not a pointer, or more than 4 MiB of them together (measured before
 *  any is copied, so a scope of millions of pointers is refused at once). */
function __fk_scope(items) {
    const scope = [];
    const n = items.length;
    let units = 0;
    for (let i = 0; i < n; i++) {
        const p = items[i];
        // A `~` not followed by `0` or `1` escapes nothing (sixteenth session npm audit: `/a~2b`
        // was taken, and silently held messages back).
        if (typeof p !== 'string' || (p !== '' && p[0] !== '/') || /~(?![01])/.test(p)) {
            return `must hold JSON Pointers such as \`/enterprise/name\`, got ${typeof p === 'string' ? `\`${__fk_shown(p)}\`` : __fk_type(p)}`;
        }
        units += p.length + 1;
        if (units > __fk_MAX_INPUT) return `holds at most ${__fk_MAX_INPUT} characters of JSON Pointers; the first ${i + 1} of ${n} already make more`;
        scope.push(__fk_wf(p));
    }
    return scope;
}

/** The options as JSON text for `engine`'s raw exports, or the first mistake thrown. */
function __fk_options(engine, options) {
    const o = {};
    let mistake;
    // An object that throws where it is read (a Proxy, a getter, a Date's own methods) is a
    // mistake of the options, with their code (hostile audit, thirty-second session: thrown as
    // it came, without one).
    try { mistake = __fk_readOptions(options, o); } catch (e) { mistake = __fk_uncoded(e, 'options cannot be read', 'options.invalid'); }
    if (mistake === undefined) return JSON.stringify(o);
    o.stop = 1;
    engine._options(JSON.stringify(o));
    throw __fk_thrown(mistake);
}

/** Read `{ locale, packVersion, on }` (each optional) of `describe`, `inputSchema`, or
 *  `packInfo`'s `{ packVersion, on }` (`names`), as JSON text, or throw the first mistake. */
function __fk_describeOptions(options, names) {
    try { return __fk_readDescribeOptions(options, names); } catch (e) { throw __fk_uncoded(e, 'options cannot be read', 'options.invalid'); }
}

/** An error thrown by the caller's own object, given `code` when it has none. */
function __fk_uncoded(e, what, code) {
    return typeof e?.code === 'string' ? e : __fk_coded(`${what}: ${__fk_message(e)}`, code);
}

function __fk_readDescribeOptions(options, names) {
    const o = {};
    if (options === undefined || options === null) return '{}';
    const bad = (m) => __fk_coded(`options${m}`, 'options.invalid');
    if (typeof options !== 'object' || Array.isArray(options)) {
        const such = names.includes('locale') ? "{ locale: 'zh-CN' }" : "{ on: '2020-02-10' }";
        throw bad(` must be an object such as ${such}, got ${__fk_type(options)}`);
    }
    for (const k of Object.keys(options)) {
        if (!names.includes(k)) throw bad(`: unknown option \`${__fk_shown(k)}\`; use ${names.join(', ')}`);
    }
    let v;
    try { v = Reflect.get(options, 'locale'); } catch (e) { throw bad(`.locale cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.locale = __fk_wf(__fk_long(v, __fk_MAX_NAME, 'options.locale', 'options.invalid'));
    else if (v !== undefined && v !== null) throw bad(`.locale must be text such as \`zh-CN\`, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'packVersion'); } catch (e) { throw bad(`.packVersion cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.packVersion = __fk_wf(__fk_long(v, __fk_MAX_NAME, 'options.packVersion', 'options.invalid'));
    else if (v !== undefined && v !== null) throw bad(`.packVersion must be text, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'on'); } catch (e) { throw bad(`.on cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.on = __fk_wf(__fk_long(v, __fk_MAX_NAME, 'options.on', 'options.invalid'));
    // An invalid Date, as for `now` (third npm audit: a bare RangeError from toISOString).
    else if (v instanceof Date && Number.isNaN(Date.prototype.getTime.call(v))) throw bad('.on is an invalid Date');
    else if (v instanceof Date) o.onDate = Date.prototype.toISOString.call(v);
    else if (v !== undefined && v !== null) throw bad(`.on must be a date \`YYYY-MM-DD\` or a Date, got ${__fk_type(v)}`);
    return JSON.stringify(o);
}

/** One submission of a kind (0 filing, 1 inspection, 2 indicator report, 3 declaration). */
function __fk_check(engine, kind, what, input, options) {
    __fk_self(engine, Engine, 'an Engine');
    const o = __fk_options(engine, options);
    let text;
    try {
        text = __fk_input(input, what);
    } catch (e) {
        // The options come first: a mistake of theirs that only the Rust side sees is thrown first.
        if (engine._options(o)) throw e;
        throw __fk_thrown(e);
    }
    const answer = engine._check(kind, text, o);
    if (answer === undefined) throw __fk_thrown();
    return JSON.parse(answer);
}

/** A batch of filings through a `_Batch` (src/wasm.rs): every filing is read first, so a batch
 *  over 64 MiB is refused before any is checked; the answers come in chunks of ~4 MiB. */
function __fk_batch(batch, inputs, what) {
    try {
        if (!Array.isArray(inputs)) throw __fk_coded(`expected an array of ${what}s, got ${__fk_type(inputs)}`, 'input.unconvertible');
        let n, i = 0;
        // Text is never shorter in UTF-8 than in UTF-16 code units: a batch of strings that is
        // too large by its lengths alone is refused before anything is copied into wasm memory.
        // A hole, `undefined`, refuses the batch there, before the rest of its `length` is read
        // (hostile audit, thirty-second session: `new Array(1e8)` took 2 s to refuse).
        let atLeast = 0;
        try {
            for (n = inputs.length; i < n; i++) {
                const s = inputs[i];
                if (s === undefined) __fk_input(s, what);
                if (typeof s !== 'string') continue;
                atLeast += Math.min(s.length, __fk_MAX_INPUT + 1);
                if (atLeast > __fk_MAX_BATCH) {
                    const e = __fk_coded(`a batch holds at most ${__fk_MAX_BATCH} bytes of JSON (64 MiB); the ${what}s up to ${i} of ${n} already make more: split it`, 'input.too_large');
                    e.maxBytes = __fk_MAX_BATCH;
                    throw e;
                }
            }
        } catch (e) {
            if (e?.code === 'input.too_large') throw e;
            throw __fk_atIndex(__fk_uncoded(e, 'cannot be read', 'input.unconvertible'), i, what);
        }
        for (i = 0; i < n; i++) {
            let text;
            try {
                text = __fk_input(inputs[i], what);
            } catch (e) {
                throw __fk_atIndex(__fk_uncoded(e, 'cannot be read', 'input.unconvertible'), i, what);
            }
            if (!batch._push(text, i, n)) throw __fk_thrown();
        }
        let out;
        for (;;) {
            const chunk = batch._next();
            if (chunk === undefined) throw __fk_thrown();
            if (chunk === '') return out ?? [];
            const parsed = JSON.parse(chunk);
            out = out === undefined ? parsed : out.concat(parsed);
        }
    } finally {
        batch.free();
    }
}

/** Error `e` of a batch's `i`th submission: its index, and said in its message. */
function __fk_atIndex(e, i, what) {
    e.index = i;
    e.message = `${what} ${i}: ${e.message}`;
    return e;
}

/** `describe` (0), `inputSchema` (1) of a kind, or `packInfo` (2). */
function __fk_describe(engine, what, kind, options) {
    __fk_self(engine, Engine, 'an Engine');
    let k = 0;
    if (what !== 2) {
        k = _kind(__fk_text(kind, 'the kind (filing, inspection, indicators or screening)', 'options.invalid', __fk_MAX_NAME));
        if (k === undefined) throw __fk_thrown();
    }
    const answer = engine._describe(what, k, __fk_describeOptions(options, what === 2 ? __fk_PACK_INFO_NAMES : __fk_DESCRIBE_NAMES));
    if (answer === undefined) throw __fk_thrown();
    return JSON.parse(answer);
}

/**
 * A text argument (a kind, a pack id, a JSON Pointer) checked before it crosses: wasm-bindgen
 * copies a `&str` argument without looking at its type or its length, and a number or an
 * object there would reach the module as a wild length, text of hundreds of MB as an
 * allocation that fails (a trap that loses every engine). Longer than `max` UTF-16 units:
 * `longCode` (by default `code`).
 */
function __fk_text(v, what, code, max, longCode) {
    if (typeof v !== 'string') throw __fk_coded(`${what} must be text, got ${__fk_type(v)}`, code);
    return __fk_long(v, max, what, longCode ?? code);
}

/** A JSON Pointer argument: text of at most 4 MiB (a key of a submission is no longer). */
function __fk_pointer(v) {
    return __fk_text(v, 'a JSON Pointer', 'pointer.invalid', __fk_MAX_INPUT, 'input.too_large');
}

/** The JSON text of a pack for the compiler module: text longer than a pack may be is cut just
 *  past the limit, as a submission is (the compiler refuses it, `pack.syntax`, without all of
 *  it copied into wasm memory). */
function __fk_pack(pack) {
    const text = __fk_json(pack, 'pack', 'a rule pack object or JSON text');
    // UTF-8 never has fewer bytes than UTF-16 code units: the cut is still too large.
    return text.length > __fk_MAX_PACK ? text.slice(0, __fk_MAX_PACK + 1) : text;
}

/** `%TypedArray%.prototype.length`: what a typed array holds, whatever its own `length` says. */
const __fk_typedLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get;

/**
 * The bytes of a compiled pack (a Uint8Array from compilePack, or any array-like of numbers)
 * as a Uint8Array of this layer's own, read once, before anything is copied into wasm memory:
 * a length that is not a whole number ≥ 0 is `pack.syntax`, one larger than any compiled pack
 * `input.too_large` (third npm audit: `{ length: -1 }` trapped the module and every engine was
 * lost; `new Array(5e8)` was copied for 29 s, then refused as out of memory).
 */
function __fk_compiled(bytes) {
    const bad = (m, zh) => __fk_packCoded(`expected the bytes of a compiled pack (a Uint8Array from compilePack), ${m}`, `应为已编译规则包的字节（compilePack 所得的 Uint8Array），${zh}`, 'pack.syntax');
    if (bytes === null || typeof bytes !== 'object') throw bad(`got ${__fk_type(bytes)}`, `收到的是${__fk_typeZh(bytes)}`);
    const typed = ArrayBuffer.isView(bytes) && !(bytes instanceof DataView);
    let n;
    try {
        n = typed ? Reflect.apply(__fk_typedLength, bytes, []) : bytes.length;
    } catch (e) {
        throw bad(`got ${__fk_type(bytes)} whose length cannot be read: ${__fk_message(e)}`, `收到的${__fk_typeZh(bytes)}无法读取长度`);
    }
    if (typeof n !== 'number' || !(n >= 0) || (n !== Infinity && !Number.isInteger(n))) {
        const length = typeof n === 'number' ? n : __fk_type(n);
        throw bad(`got ${__fk_type(bytes)} whose length is ${length}`, `收到的${__fk_typeZh(bytes)}长度为 ${length}`);
    }
    if (n > __fk_MAX_COMPILED) {
        const e = __fk_coded(`a compiled pack holds at most ${__fk_MAX_COMPILED} bytes (16 MiB; compilePack gives none larger), got ${n}`, 'input.too_large');
        e.maxBytes = __fk_MAX_COMPILED;
        throw e;
    }
    try {
        if (typed) return new Uint8Array(bytes);
        const copy = new Uint8Array(n);
        for (let i = 0; i < n; i++) copy[i] = bytes[i];
        return copy;
    } catch (e) {
        throw bad(`got ${__fk_type(bytes)} whose bytes cannot be read: ${__fk_message(e)}`, `收到的${__fk_typeZh(bytes)}无法读取字节`);
    }
}

/** An object a raw export made, or its error thrown. */
/** Before the browser entry's `init()` has instantiated the module, say so with a code (npm
 *  audit: a bare TypeError, "cannot read properties of undefined"). The Node entries are ready. */
function __fk_ready() {
    // eslint-disable-next-line no-undef
    if (wasm === undefined) throw __fk_coded('the engine is not loaded yet: await init() (the default export) before using it', 'engine.not_ready');
}

function __fk_made(made) {
    if (made === undefined) throw __fk_thrown();
    return made;
}

/** `new Engine(pack)`: only the compiler module has a pack compiler (`_compilePack`). */
function __fk_engineNew(pack) {
    __fk_ready();
    // eslint-disable-next-line no-undef
    const text = typeof _compilePack === 'function' ? __fk_pack(pack) : '';
    return __fk_remakes(__fk_made(_engineNew(text)), () => _engineNew(text));
}

/**
 * An engine that knows how it was made, so that after a trap (the module instantiated afresh:
 * scripts/recover-glue.mjs, `__fk_revive`) it is made again in the new instance on its next
 * call, instead of throwing `engine.lost` for ever: a page keeps its engine (hostile audit,
 * eighteenth session: the filing page stopped checking until reloaded). Only engines: a
 * checker's options, a draft's submission and a batch's filings lived in the lost memory.
 */
function __fk_remakes(engine, make) {
    Object.defineProperty(engine, '__fk_remake', { value: () => __fk_made(make()) });
    return engine;
}

// The public methods of `Engine`: scripts/bare-glue.mjs puts this class's body into wasm-bindgen's `class Engine`.
class __fk_api_Engine {
    /** `new Engine(pack)`: the compiler module compiles a pack (JSON text or a plain object);
     *  the runtime has no pack compiler and always throws `pack.no_compiler`. */
    constructor(pack) {
        const engine = __fk_engineNew(pack);
        if (new.target !== Engine) Object.setPrototypeOf(engine, new.target.prototype);
        return engine;
    }
    static withDefaultPack() {
        __fk_ready();
        return __fk_remakes(__fk_made(_withDefaultPack()), _withDefaultPack);
    }
    static withPackId(id) {
        __fk_ready();
        if (typeof id !== 'string') throw __fk_packCoded(`the pack id must be text, got ${__fk_type(id)}`, `规则包编号应为文字，收到的是${__fk_typeZh(id)}`, 'pack.unknown_reference');
        if (id.length > __fk_MAX_NAME) throw __fk_packCoded(`the pack id is ${id.length} characters long; at most ${__fk_MAX_NAME}`, `规则包编号有 ${id.length} 个字符，最多 ${__fk_MAX_NAME} 个`, 'pack.unknown_reference');
        const name = id;
        return __fk_remakes(__fk_made(_withPackId(name)), () => _withPackId(name));
    }
    static packIds() {
        __fk_ready();
        return _packIds().split(',');
    }
    static fromCompiled(bytes) {
        __fk_ready();
        const copy = __fk_compiled(bytes); // the caller's bytes, copied once: kept to make it again
        return __fk_remakes(__fk_made(_fromCompiled(copy)), () => _fromCompiled(copy));
    }
    checkFiling(filing, options) {
        return __fk_check(this, 0, 'filing', filing, options);
    }
    checkFilings(filings, options) {
        __fk_self(this, Engine, 'an Engine');
        return __fk_batch(__fk_made(this._batch(__fk_options(this, options))), filings, 'filing');
    }
    checker(options) {
        __fk_self(this, Engine, 'an Engine');
        return __fk_made(this._checker(__fk_options(this, options)));
    }
    describe(kind, options) {
        return __fk_describe(this, 0, kind, options);
    }
    draft(kind, options, submission) {
        __fk_self(this, Engine, 'an Engine');
        const k = __fk_made(_kind(__fk_text(kind, 'the kind (filing, inspection, indicators or screening)', 'options.invalid', __fk_MAX_NAME)));
        const draft = __fk_made(this._draft(k, __fk_options(this, options)));
        if (submission !== undefined && submission !== null) {
            try {
                if (!draft._start(__fk_input(submission, k === 0 ? 'filing' : 'submission'))) throw __fk_thrown();
            } catch (e) {
                draft.free();
                throw e;
            }
        }
        return draft;
    }
    evaluateIndicators(report, options) {
        return __fk_check(this, 2, 'indicator report', report, options);
    }
    inputSchema(kind, options) {
        return __fk_describe(this, 1, kind, options);
    }
    packInfo(options) {
        return __fk_describe(this, 2, undefined, options);
    }
    scoreInspection(inspection, options) {
        return __fk_check(this, 1, 'inspection', inspection, options);
    }
    screenPerson(declaration, options) {
        return __fk_check(this, 3, 'declaration', declaration, options);
    }
}


// The public methods of `Checker`: scripts/bare-glue.mjs puts this class's body into wasm-bindgen's `class Checker`.
class __fk_api_Checker {
    checkFiling(filing) {
        __fk_self(this, Checker, 'a Checker');
        return JSON.parse(this._check(0, __fk_input(filing, 'filing')));
    }
    checkFilings(filings) {
        __fk_self(this, Checker, 'a Checker');
        return __fk_batch(this._batch(), filings, 'filing');
    }
    evaluateIndicators(report) {
        __fk_self(this, Checker, 'a Checker');
        return JSON.parse(this._check(2, __fk_input(report, 'indicator report')));
    }
    scoreInspection(inspection) {
        __fk_self(this, Checker, 'a Checker');
        return JSON.parse(this._check(1, __fk_input(inspection, 'inspection')));
    }
    screenPerson(declaration) {
        __fk_self(this, Checker, 'a Checker');
        return JSON.parse(this._check(3, __fk_input(declaration, 'declaration')));
    }
}

/**
 * What a draft's edit gives, or its error thrown; `''` is no change. The text is one flat JSON
 * array (src/wasm/draft.rs, `changes_text`), made here into the change list's objects, their
 * keys in the order the Rust API's JSON has them.
 */
function __fk_changes(changes) {
    if (changes === undefined) throw __fk_thrown();
    const added = [], removed = [], gates = [];
    if (changes === '') return { added, removed, gates, decision: null };
    const a = JSON.parse(changes);
    let i = 1;
    for (let n = a[0]; n > 0; n--, i += 8) {
        const d = { code: a[i], severity: a[i + 1], path: a[i + 2], ruleId: a[i + 3], message: a[i + 4], params: a[i + 5] };
        if (a[i + 6] !== null) d.help = a[i + 6];
        d.missing = a[i + 7];
        added.push(d);
    }
    for (let n = a[i++]; n > 0; n--, i += 3) removed.push({ path: a[i], code: a[i + 1], ruleId: a[i + 2] });
    for (let n = a[i++]; n > 0; n--, i += 3) gates.push({ id: a[i], from: a[i + 1], to: a[i + 2] });
    return { added, removed, gates, decision: a[i] === null ? null : { from: a[i], to: a[i + 1] } };
}

// The public methods of `Draft`: scripts/bare-glue.mjs puts this class's body into wasm-bindgen's `class Draft`.
class __fk_api_Draft {
    answer() {
        __fk_self(this, Draft, 'a Draft');
        return JSON.parse(this._answer());
    }
    remove(pointer) {
        __fk_self(this, Draft, 'a Draft');
        return __fk_changes(this._remove(__fk_pointer(pointer)));
    }
    setScope(scope) {
        __fk_self(this, Draft, 'a Draft');
        let text;
        if (Array.isArray(scope)) {
            const pointers = __fk_scope(scope);
            if (typeof pointers === 'string') throw __fk_coded(`scope ${pointers}`, 'options.invalid');
            text = JSON.stringify(pointers);
        } else if (scope !== undefined && scope !== null) {
            throw __fk_coded(`scope must be an array of JSON Pointers, got ${__fk_type(scope)}`, 'options.invalid');
        }
        return __fk_changes(this._setScope(text));
    }
    set(pointer, value) {
        __fk_self(this, Draft, 'a Draft');
        __fk_pointer(pointer);
        if (value === undefined) return __fk_changes(this._remove(pointer));
        // Scalars as they are (a whole number below 2^53 as JSON text would give it), anything
        // else as its JSON text (src/wasm/draft.rs, `_set`).
        let kind = 4;
        let text = '';
        let number = 0;
        if (typeof value === 'string') {
            // Measured before it is copied in: UTF-8 never has fewer bytes than UTF-16 code units.
            if (value.length > __fk_MAX_INPUT) throw __fk_coded(`a value holds at most ${__fk_MAX_INPUT} bytes of JSON`, 'input.too_large');
            __fk_reserve(value.length * __fk_WORK_PER_BYTE, 'this value');
            kind = 0;
            text = value;
        } else if (typeof value === 'boolean') {
            kind = 1;
            number = value ? 1 : 0;
        } else if (value === null) {
            kind = 2;
        } else if (typeof value === 'number' && value % 1 === 0 && Math.abs(value) < 9007199254740992) {
            kind = 3;
            number = value;
        } else {
            text = __fk_json(value, 'value', 'a JSON value');
            // Measured before it is copied in, as text is (src/wasm/draft.rs says the same).
            if (text.length > __fk_MAX_INPUT) throw __fk_coded(`a value holds at most ${__fk_MAX_INPUT} bytes of JSON`, 'input.too_large');
        }
        return __fk_changes(this._set(pointer, kind, text, number));
    }
    value() {
        __fk_self(this, Draft, 'a Draft');
        return JSON.parse(this._value());
    }
}

/**
 * `memoryUsage()`: the heap in use and the most the package lets itself use, in bytes.
 */
export function memoryUsage() {
    __fk_ready();
    return { liveBytes: _liveBytes(), limitBytes: __fk_LIMIT };
}

/**
 * `version()`: the version of the package, e.g. `0.1.0`.
 */
export function version() {
    __fk_ready();
    return _version();
}
