
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
const __fk_OPTION_NAMES = ['now', 'locale', 'packVersion', 'scope', 'personal'];
const __fk_DESCRIBE_NAMES = ['locale', 'packVersion', 'on'];

/** A string as it reaches Rust: each lone surrogate as U+FFFD (`TextEncoder`'s way). */
const __fk_wf = typeof ''.toWellFormed === 'function'
    ? (s) => s.toWellFormed()
    : (s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** An `Error` with `message` and a `code` property. */
function __fk_coded(message, code) {
    const e = new Error(message);
    e.code = code;
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

/** Rust's `char::is_whitespace`, for `str::trim`. */
const __fk_TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** The first line of a thrown JS value's message, trimmed, first letter lower-cased. */
function __fk_message(e) {
    const text = __fk_wf(String(e instanceof Error ? e.message : typeof e === 'string' ? e : __fk_type(e)));
    const line = text.split('\n')[0].replace(__fk_TRIM, '');
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
function __fk_json(value, what, expected) {
    __fk_reserve(1048576, `this ${what}`);
    if (typeof value === 'string') return value;
    let text;
    try {
        text = JSON.stringify(value);
    } catch (e) {
        throw __fk_coded(`the ${what} cannot be converted to JSON: ${__fk_message(e)}`, 'input.unconvertible');
    }
    if (typeof text !== 'string') throw __fk_coded(`expected ${expected}, got ${__fk_type(value)}`, 'input.unconvertible');
    return text;
}

/** The JSON text of a submission: a string as it is, anything else through `JSON.stringify`.
 *  Text longer than the engine accepts is cut just past the limit (the engine answers
 *  `input.too_large` without all of it copied into wasm memory); the heap it needs is
 *  reserved first (`engine.out_of_memory`). */
function __fk_input(input, what) {
    if (typeof input !== 'string') return __fk_json(input, what, `a ${what} object or JSON text`);
    const units = input.length;
    __fk_reserve(Math.min(units, __fk_MAX_INPUT) * __fk_WORK_PER_BYTE + 1048576, `this ${what}`);
    // UTF-8 never has fewer bytes than UTF-16 code units: the cut is still too large.
    return units > __fk_MAX_INPUT ? input.slice(0, __fk_MAX_INPUT + 1) : input;
}

/** `obj` checked first by every method, as wasm-bindgen's code did before it read anything:
 *  an object of a trapped instance (`engine.lost`) or a freed one (scripts/recover-glue.mjs,
 *  `__fk_ptr`, which every raw method calls again: a \`toJSON\` may free it meanwhile). */
function __fk_self(obj) {
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
        if (!__fk_OPTION_NAMES.includes(k)) return bad(`: unknown option \`${__fk_wf(k)}\`; use ${__fk_OPTION_NAMES.join(', ')}`);
    }
    let v;
    try { v = Reflect.get(options, 'now'); } catch (e) { return bad(`.now cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') {
        o.now = __fk_wf(v);
    } else if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) return bad('.now is an invalid Date');
        o.now = v.toISOString();
    } else if (v === undefined || v === null) {
        return bad('.now is required: RFC 3339 text such as `2020-02-04T10:00:00+08:00`, a date such as `2020-02-04`, or a Date');
    } else {
        return bad(`.now must be RFC 3339 text or a Date, got ${__fk_type(v)}`);
    }
    try { v = Reflect.get(options, 'locale'); } catch (e) { return bad(`.locale cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.locale = __fk_wf(v);
    else if (v !== undefined && v !== null) return bad(`.locale must be text such as \`zh-CN\`, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'scope'); } catch (e) { return bad(`.scope cannot be read: ${__fk_message(e)}`); }
    if (Array.isArray(v)) {
        const scope = [];
        const n = v.length;
        for (let i = 0; i < n; i++) {
            const p = v[i];
            if (typeof p === 'string' && (p === '' || p[0] === '/')) {
                scope.push(__fk_wf(p));
            } else {
                return bad(`.scope must hold JSON Pointers such as \`/enterprise/name\`, got ${typeof p === 'string' ? `\`${__fk_wf(p)}\`` : __fk_type(p)}`);
            }
        }
        o.scope = scope;
    } else if (v !== undefined && v !== null) {
        return bad(`.scope must be an array of JSON Pointers, got ${__fk_type(v)}`);
    }
    try { v = Reflect.get(options, 'packVersion'); } catch (e) { return bad(`.packVersion cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.packVersion = __fk_wf(v);
    else if (v !== undefined && v !== null) return bad(`.packVersion must be text, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'personal'); } catch (e) { return bad(`.personal cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'boolean') o.personal = v;
    else if (v !== undefined && v !== null) return bad(`.personal must be true or false, got ${__fk_type(v)}`);
    return undefined;
}

/** The options as JSON text for `engine`'s raw exports, or the first mistake thrown. */
function __fk_options(engine, options) {
    const o = {};
    const mistake = __fk_readOptions(options, o);
    if (mistake === undefined) return JSON.stringify(o);
    o.stop = 1;
    engine._options(JSON.stringify(o));
    throw __fk_thrown(mistake);
}

/** Read `{ locale, packVersion, on }` (each optional) of `describe`, `inputSchema`,
 *  `packInfo` as JSON text, or throw the first mistake. */
function __fk_describeOptions(options) {
    const o = {};
    if (options === undefined || options === null) return '{}';
    const bad = (m) => __fk_coded(`options${m}`, 'options.invalid');
    if (typeof options !== 'object' || Array.isArray(options)) {
        throw bad(` must be an object such as { locale: 'zh-CN' }, got ${__fk_type(options)}`);
    }
    for (const k of Object.keys(options)) {
        if (!__fk_DESCRIBE_NAMES.includes(k)) throw bad(`: unknown option \`${__fk_wf(k)}\`; use ${__fk_DESCRIBE_NAMES.join(', ')}`);
    }
    let v;
    try { v = Reflect.get(options, 'locale'); } catch (e) { throw bad(`.locale cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.locale = __fk_wf(v);
    else if (v !== undefined && v !== null) throw bad(`.locale must be text such as \`zh-CN\`, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'packVersion'); } catch (e) { throw bad(`.packVersion cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.packVersion = __fk_wf(v);
    else if (v !== undefined && v !== null) throw bad(`.packVersion must be text, got ${__fk_type(v)}`);
    try { v = Reflect.get(options, 'on'); } catch (e) { throw bad(`.on cannot be read: ${__fk_message(e)}`); }
    if (typeof v === 'string') o.on = __fk_wf(v);
    else if (v instanceof Date) o.onDate = v.toISOString();
    else if (v !== undefined && v !== null) throw bad(`.on must be a date \`YYYY-MM-DD\` or a Date, got ${__fk_type(v)}`);
    return JSON.stringify(o);
}

/** One submission of a kind (0 filing, 1 inspection, 2 indicator report, 3 declaration). */
function __fk_check(engine, kind, what, input, options) {
    __fk_self(engine);
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
        const n = inputs.length;
        // Text is never shorter in UTF-8 than in UTF-16 code units: a batch of strings that is
        // too large by its lengths alone is refused before anything is copied into wasm memory.
        let atLeast = 0;
        for (let i = 0; i < n; i++) {
            const s = inputs[i];
            if (typeof s !== 'string') continue;
            atLeast += Math.min(s.length, __fk_MAX_INPUT + 1);
            if (atLeast > __fk_MAX_BATCH) {
                const e = __fk_coded(`a batch holds at most ${__fk_MAX_BATCH} bytes of JSON (64 MiB); the ${what}s up to ${i} of ${n} already make more: split it`, 'input.too_large');
                e.maxBytes = __fk_MAX_BATCH;
                throw e;
            }
        }
        for (let i = 0; i < n; i++) {
            let text;
            try {
                text = __fk_input(inputs[i], what);
            } catch (e) {
                e.index = i;
                e.message = `${what} ${i}: ${e.message}`;
                throw e;
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

/** `describe` (0), `inputSchema` (1) of a kind, or `packInfo` (2). */
function __fk_describe(engine, what, kind, options) {
    __fk_self(engine);
    let k = 0;
    if (what !== 2) {
        k = _kind(__fk_text(kind, 'the kind (filing, inspection, indicators or screening)', 'options.invalid'));
        if (k === undefined) throw __fk_thrown();
    }
    const answer = engine._describe(what, k, __fk_describeOptions(options));
    if (answer === undefined) throw __fk_thrown();
    return JSON.parse(answer);
}

/**
 * A text argument (a kind, a pack id, a JSON Pointer) checked before it crosses: wasm-bindgen
 * copies a `&str` argument without looking at its type, and a number or an object there would
 * reach the module as a wild length (a trap that loses every engine).
 */
function __fk_text(v, what, code) {
    if (typeof v !== 'string') throw __fk_coded(`${what} must be text, got ${__fk_type(v)}`, code);
    return v;
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
    const text = typeof _compilePack === 'function' ? __fk_json(pack, 'pack', 'a rule pack object or JSON text') : '';
    return __fk_made(_engineNew(text));
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
        return __fk_made(_withDefaultPack());
    }
    static withPackId(id) {
        __fk_ready();
        return __fk_made(_withPackId(__fk_text(id, 'the pack id', 'pack.unknown_reference')));
    }
    static fromCompiled(bytes) {
        __fk_ready();
        if (bytes === null || typeof bytes !== 'object') throw __fk_coded(`expected the bytes of a compiled pack (a Uint8Array from compilePack), got ${__fk_type(bytes)}`, 'pack.syntax');
        return __fk_made(_fromCompiled(bytes));
    }
    checkFiling(filing, options) {
        return __fk_check(this, 0, 'filing', filing, options);
    }
    checkFilings(filings, options) {
        __fk_self(this);
        return __fk_batch(__fk_made(this._batch(__fk_options(this, options))), filings, 'filing');
    }
    checker(options) {
        __fk_self(this);
        return __fk_made(this._checker(__fk_options(this, options)));
    }
    describe(kind, options) {
        return __fk_describe(this, 0, kind, options);
    }
    draft(kind, options, filing) {
        __fk_self(this);
        const k = __fk_made(_kind(__fk_text(kind, 'the kind (filing, inspection, indicators or screening)', 'options.invalid')));
        const draft = __fk_made(this._draft(k, __fk_options(this, options)));
        if (filing !== undefined && filing !== null) {
            try {
                if (!draft._start(__fk_input(filing, 'filing'))) throw __fk_thrown();
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
        __fk_self(this);
        return JSON.parse(this._check(0, __fk_input(filing, 'filing')));
    }
    checkFilings(filings) {
        __fk_self(this);
        return __fk_batch(this._batch(), filings, 'filing');
    }
    evaluateIndicators(report) {
        __fk_self(this);
        return JSON.parse(this._check(2, __fk_input(report, 'indicator report')));
    }
    scoreInspection(inspection) {
        __fk_self(this);
        return JSON.parse(this._check(1, __fk_input(inspection, 'inspection')));
    }
    screenPerson(declaration) {
        __fk_self(this);
        return JSON.parse(this._check(3, __fk_input(declaration, 'declaration')));
    }
}

/** What a draft's edit gives, or its error thrown. */
function __fk_changes(changes) {
    if (changes === undefined) throw __fk_thrown();
    return JSON.parse(changes);
}

// The public methods of `Draft`: scripts/bare-glue.mjs puts this class's body into wasm-bindgen's `class Draft`.
class __fk_api_Draft {
    answer() {
        __fk_self(this);
        return JSON.parse(this._answer());
    }
    remove(pointer) {
        __fk_self(this);
        return __fk_changes(this._remove(__fk_text(pointer, 'a JSON Pointer', 'pointer.invalid')));
    }
    setScope(scope) {
        __fk_self(this);
        let text;
        if (Array.isArray(scope)) {
            const pointers = [];
            const n = scope.length;
            for (let i = 0; i < n; i++) {
                const p = scope[i];
                if (typeof p === 'string' && (p === '' || p[0] === '/')) {
                    pointers.push(__fk_wf(p));
                } else {
                    throw __fk_coded(`scope must hold JSON Pointers, got ${typeof p === 'string' ? `\`${__fk_wf(p)}\`` : __fk_type(p)}`, 'options.invalid');
                }
            }
            text = JSON.stringify(pointers);
        } else if (scope !== undefined && scope !== null) {
            throw __fk_coded(`scope must be an array of JSON Pointers, got ${__fk_type(scope)}`, 'options.invalid');
        }
        return JSON.parse(this._setScope(text));
    }
    set(pointer, value) {
        __fk_self(this);
        __fk_text(pointer, 'a JSON Pointer', 'pointer.invalid');
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
        }
        return __fk_changes(this._set(pointer, kind, text, number));
    }
    value() {
        __fk_self(this);
        return JSON.parse(this._value());
    }
}

/**
 * `memoryUsage()`: the heap in use and the most the package lets itself use, in bytes.
 */
export function memoryUsage() {
    return { liveBytes: _liveBytes(), limitBytes: __fk_LIMIT };
}
