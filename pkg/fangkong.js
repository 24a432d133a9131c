/* @ts-self-types="./fangkong.d.ts" */

/**
 * An engine with its options read once (`engine.checker(options)`): for a form checked on
 * every keystroke, or a batch job. Each answer equals the engine's with the same options,
 * byte for byte.
 *
 * ```js
 * const check = engine.checker({ now: '2020-02-04T10:00:00+08:00', locale: 'en' });
 * const answer = check.checkFiling(filingJsonText);
 * ```
 */
export class Checker {
    static __wrap(ptr) {
        const obj = Object.create(Checker.prototype);
        obj.__wbg_ptr = ptr;
        obj.__fk_gen = __fk_gen;
        CheckerFinalization.register(obj, [obj.__wbg_ptr, __fk_gen], obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__fk_gen === __fk_gen ? this.__wbg_ptr : 0;
        this.__wbg_ptr = 0;
        CheckerFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        if (ptr !== 0) wasm.__wbg_checker_free(ptr, 0);
    }
    /**
     * `engine.checkFiling(filing, options)` with the checker's options.
     * @param {Filing | string} filing
     * @returns {FilingAnswer}
     */
    checkFiling(filing) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.checker_checkFiling(retptr, __fk_ptr(this), filing);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * `engine.checkFilings(filings, options)` with the checker's options.
     * @param {Array<Filing | string>} filings
     * @returns {FilingAnswer[]}
     */
    checkFilings(filings) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.checker_checkFilings(retptr, __fk_ptr(this), filings);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * `engine.evaluateIndicators(report, options)` with the checker's options.
     * @param {IndicatorReport | string} report
     * @returns {IndicatorsAnswer}
     */
    evaluateIndicators(report) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.checker_evaluateIndicators(retptr, __fk_ptr(this), report);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * `engine.scoreInspection(inspection, options)` with the checker's options.
     * @param {Inspection | string} inspection
     * @returns {InspectionAnswer}
     */
    scoreInspection(inspection) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.checker_scoreInspection(retptr, __fk_ptr(this), inspection);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * `engine.screenPerson(declaration, options)` with the checker's options.
     * @param {Declaration | string} declaration
     * @returns {ScreeningAnswer}
     */
    screenPerson(declaration) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.checker_screenPerson(retptr, __fk_ptr(this), declaration);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
}
if (Symbol.dispose) Checker.prototype[Symbol.dispose] = Checker.prototype.free;

/**
 * A filing being typed (`engine.draft('filing', options)`). Each edit returns only what
 * changed — `{ added, removed, gates, decision }` — so a keystroke does not pay for the
 * whole answer; `answer()` builds it when asked. Free it with `free()` (or `using`).
 *
 * ```js
 * const draft = engine.draft('filing', { now: '2020-02-04T10:00:00+08:00' }, filing);
 * const { added, removed } = draft.set('/roster/7/phone', '1380013800');
 * draft.answer(); // the same as engine.checkFiling(draft.value(), options)
 * ```
 */
export class Draft {
    static __wrap(ptr) {
        const obj = Object.create(Draft.prototype);
        obj.__wbg_ptr = ptr;
        obj.__fk_gen = __fk_gen;
        DraftFinalization.register(obj, [obj.__wbg_ptr, __fk_gen], obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__fk_gen === __fk_gen ? this.__wbg_ptr : 0;
        this.__wbg_ptr = 0;
        DraftFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        if (ptr !== 0) wasm.__wbg_draft_free(ptr, 0);
    }
    /**
     * The whole answer, the same JSON as `engine.checkFiling(draft.value(), options)`.
     * @returns {FilingAnswer}
     */
    answer() {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.draft_answer(retptr, __fk_ptr(this));
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Remove the value at a JSON Pointer: a member, or an array element (the later ones move
     * up). Nothing there is no change. Returns what changed in the answer.
     * @param {string} pointer
     * @returns {DraftChanges}
     */
    remove(pointer) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(pointer, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.draft_remove(retptr, __fk_ptr(this), ptr0, len0);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Change the scope (JSON Pointers of the fields reached; `null`: everything), as a form
     * does when a person reaches another field. Nothing is judged again; returns what changed
     * in the answer (missing values now shown or held back).
     * @param {string[] | null} scope
     * @returns {DraftChanges}
     */
    setScope(scope) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.draft_setScope(retptr, __fk_ptr(this), scope);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Set the value at a JSON Pointer (`/staff/total`, `/roster/3/phone`; `/roster/-`
     * appends; `""` replaces the whole filing), making the objects and arrays on the way.
     * Text, numbers, booleans and `null` cross as they are; objects and arrays as JSON;
     * `undefined` removes. Returns what changed in the answer. Throws `pointer.invalid` or
     * `pointer.out_of_range` for a bad pointer (the draft is then unchanged).
     * @param {string} pointer
     * @param {JsonValue | undefined} value
     * @returns {DraftChanges}
     */
    set(pointer, value) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(pointer, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.draft_set(retptr, __fk_ptr(this), ptr0, len0, value);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * The filing as typed so far.
     * @returns {Filing}
     */
    value() {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.draft_value(retptr, __fk_ptr(this));
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
}
if (Symbol.dispose) Draft.prototype[Symbol.dispose] = Draft.prototype.free;

/**
 * A compiled rule pack, ready to judge many submissions.
 *
 * ```js
 * const engine = Engine.withDefaultPack();
 * const answer = engine.checkFiling(filing, { now: '2020-02-04T10:00:00+08:00', locale: 'zh-CN' });
 * ```
 */
export class Engine {
    static __wrap(ptr) {
        const obj = Object.create(Engine.prototype);
        obj.__wbg_ptr = ptr;
        obj.__fk_gen = __fk_gen;
        EngineFinalization.register(obj, [obj.__wbg_ptr, __fk_gen], obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__fk_gen === __fk_gen ? this.__wbg_ptr : 0;
        this.__wbg_ptr = 0;
        EngineFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        if (ptr !== 0) wasm.__wbg_engine_free(ptr, 0);
    }
    /**
     * Check a return-to-work filing, given as a plain object or as JSON text.
     *
     * Returns the answer `{ pack, decision, today, diagnostics, gates, earliestStart,
     * normalized }`, the same JSON as `fangkong check-filing`. Input of the wrong shape
     * (null, a number, an array, wrong field types, text that is not JSON, more than
     * 4 MiB) is answered with `input.*` diagnostics. Throws an `Error` for bad options
     * or a value that cannot be converted to JSON (cyclic object, BigInt, undefined).
     * @param {Filing | string} filing
     * @param {Options} options
     * @returns {FilingAnswer}
     */
    checkFiling(filing, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_checkFiling(retptr, __fk_ptr(this), filing, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Check many filings with the same options: an array of filings (objects or JSON
     * text) gives an array of answers in the same order. Any number of filings, up to
     * 64 MiB of JSON in all (and 64 MiB of answers); a bigger batch throws `input.too_large`.
     * @param {Array<Filing | string>} filings
     * @param {Options} options
     * @returns {FilingAnswer[]}
     */
    checkFilings(filings, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_checkFilings(retptr, __fk_ptr(this), filings, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Read the options once (`{ now, locale, packVersion, scope }`, as for `checkFiling`)
     * and return a `Checker`: the same entry points without the options argument. Bad
     * options throw here (`options.invalid`), once. The checker keeps the engine alive.
     * @param {Options} options
     * @returns {Checker}
     */
    checker(options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_checker(retptr, __fk_ptr(this), options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return Checker.__wrap(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * The form of a kind of submission as the pack describes it, in a locale: fields
     * (label, hint, type, required, limits, format, enum values), rules, gates, and the
     * checklist, indicators or questions.
     * @param {Kind} kind
     * @param {DescribeOptions} options
     * @returns {Description}
     */
    describe(kind, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(kind, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.engine_describe(retptr, __fk_ptr(this), ptr0, len0, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * A draft of a submission being typed (filings only): `set(pointer, value)` re-judges only
     * what the change reaches and returns what changed; `answer()` gives the whole answer,
     * equal to `checkFiling` of `value()`. `filing` (an object or JSON text) starts it; it
     * starts empty without. Options are read once, as for `checker`. Throws `options.invalid`
     * for bad options or another kind.
     * @param {Kind} kind
     * @param {Options} options
     * @param {Filing | string} filing
     * @returns {Draft}
     */
    draft(kind, options, filing) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(kind, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.engine_draft(retptr, __fk_ptr(this), ptr0, len0, options, isLikeNone(filing) ? 0 : addToExternrefTable0(filing));
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return Draft.__wrap(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Evaluate a daily report of the community indicators (五个100%) with roll-up:
     * an `IndicatorReport` object or its JSON text. Returns an `IndicatorsAnswer`.
     * @param {IndicatorReport | string} report
     * @param {Options} options
     * @returns {IndicatorsAnswer}
     */
    evaluateIndicators(report, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_evaluateIndicators(retptr, __fk_ptr(this), report, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * The engine with a custom pack compiled by `compilePack` of `fangkong/compiler` (the
     * same package version): loaded without the pack compiler. Throws an `Error`
     * (`pack.syntax`) for bytes that are not such a pack.
     * @param {Uint8Array | number[]} bytes
     * @returns {Engine}
     */
    static fromCompiled(bytes) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passArray8ToWasm0(bytes, wasm.__wbindgen_malloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.engine_fromCompiled(retptr, ptr0, len0);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return Engine.__wrap(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * A JSON Schema (2020-12) of a kind's input, titled in a locale.
     * @param {Kind} kind
     * @param {DescribeOptions} options
     * @returns {JsonSchema}
     */
    inputSchema(kind, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(kind, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.engine_inputSchema(retptr, __fk_ptr(this), ptr0, len0, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * This module has no pack compiler: `new Engine(pack)` is in `fangkong/compiler`, and a
     * pack it compiled (`compilePack`) loads here with `Engine.fromCompiled`. Always throws
     * an `Error` (`pack.no_compiler`).
     * @param {never} _pack
     */
    constructor(_pack) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_new(retptr, _pack);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            this.__wbg_ptr = r0;
            this.__fk_gen = __fk_gen;
        EngineFinalization.register(this, [this.__wbg_ptr, __fk_gen], this);
            return this;
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Which pack answers by default: `{ id, version, hash }` of the latest version. Compare
     * `hash` between the browser and the server to be sure both judge by the same rules.
     * @param {{ on?: string | Date }} options
     * @returns {PackStamp}
     */
    packInfo(options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_packInfo(retptr, __fk_ptr(this), options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Score an inspection (六必须检查 / 六必须明确): an `Inspection` object or its JSON
     * text. Returns an `InspectionAnswer` with the score, sections, outcome,
     * rectifications and re-inspection date.
     * @param {Inspection | string} inspection
     * @param {Options} options
     * @returns {InspectionAnswer}
     */
    scoreInspection(inspection, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_scoreInspection(retptr, __fk_ptr(this), inspection, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * Screen a person's declaration (排查 / 自主申报): a `Declaration` object or its JSON
     * text. Returns a `ScreeningAnswer` with the outcome, the deciding rule and `until`.
     * @param {Declaration | string} declaration
     * @param {Options} options
     * @returns {ScreeningAnswer}
     */
    screenPerson(declaration, options) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_screenPerson(retptr, __fk_ptr(this), declaration, options);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return takeFromExternrefTable0(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * The version of the package (and of the Rust crate it is built from), e.g. `0.1.0`.
     * @returns {string}
     */
    get version() {
        let deferred1_0;
        let deferred1_1;
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_version(retptr, __fk_ptr(this));
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            deferred1_0 = r0;
            deferred1_1 = r1;
            return getStringFromWasm0(r0, r1);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * The engine with the embedded default pack (`shenzhen-2020`).
     * @returns {Engine}
     */
    static withDefaultPack() {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            wasm.engine_withDefaultPack(retptr);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return Engine.__wrap(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
    /**
     * The engine with an embedded pack family: `shenzhen-2020`, `guangming-2020` or
     * `hangzhou-2020` (the CLI's `--pack-id`). Throws an `Error` (`pack.unknown_reference`)
     * for another id.
     * @param {string} id
     * @returns {Engine}
     */
    static withPackId(id) {
        try {
            const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
            const ptr0 = passStringToWasm0(id, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len0 = WASM_VECTOR_LEN;
            wasm.engine_withPackId(retptr, ptr0, len0);
            var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
            var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
            var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
            if (r2) {
                throw takeFromExternrefTable0(r1);
            }
            return Engine.__wrap(r0);
        } finally {
            wasm.__wbindgen_add_to_stack_pointer(16);
        }
    }
}
if (Symbol.dispose) Engine.prototype[Symbol.dispose] = Engine.prototype.free;

/**
 * `memoryUsage()`: the heap in use and the most the package lets itself use, in bytes.
 * @returns {MemoryUsage}
 */
export function memoryUsage() {
    const ret = wasm.memoryUsage();
    return ret;
}

/**
 * The version of the package and of the Rust crate it is built from, e.g. `0.1.0`.
 * @returns {string}
 */
export function version() {
    let deferred1_0;
    let deferred1_1;
    try {
        const retptr = wasm.__wbindgen_add_to_stack_pointer(-16) >>> 0;
        wasm.version(retptr);
        var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
        var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
        deferred1_0 = r0;
        deferred1_1 = r1;
        return getStringFromWasm0(r0, r1);
    } finally {
        wasm.__wbindgen_add_to_stack_pointer(16);
        wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
    }
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_boolean_get_4f1baf9a00be3c74: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_string_fc456fee5d3317de: function(arg0) {
            const ret = typeof(arg0) === 'string';
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        __wbg___wbindgen_typeof_ee4990276e02f607: function(arg0) {
            const ret = typeof arg0;
            return ret;
        },
        __wbg_concat_a93602fe6b72cec9: function(arg0, arg1) {
            const ret = arg0.concat(arg1);
            return ret;
        },
        __wbg_getTime_edc91481cbc4cd78: function(arg0) {
            const ret = arg0.getTime();
            return ret;
        },
        __wbg_get_2080c49015e35254: function(arg0, arg1) { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_get_d7176cfb76d71114: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_get_unchecked_e6325ad374eff861: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_instanceof_Date_99b6a345bf39e8f4: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Date;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Error_74e3cca0c4a69161: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Error;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_isArray_bcf1376d0d732d08: function(arg0) {
            const ret = Array.isArray(arg0);
            return ret;
        },
        __wbg_keys_105f5c0857898f84: function(arg0) {
            const ret = Object.keys(arg0);
            return ret;
        },
        __wbg_length_b03a0fabb109b1e9: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_e83e819f48c774e4: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_message_43d8c8f1d543a349: function(arg0) {
            const ret = arg0.message;
            return ret;
        },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_parse_c3f72b5a24f83c01: function(arg0, arg1) { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_push_c9f4893fc209f768: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_set_2793479888329cb6: function(arg0, arg1, arg2) { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_set_message_993bba6081f4f799: function(arg0, arg1, arg2) {
            arg0.message = getStringFromWasm0(arg1, arg2);
        },
        __wbg_slice_8c7f01d7eb703b4e: function(arg0, arg1, arg2) {
            const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_stringify_0a0fbf2ef722380a: function(arg0) { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        __wbg_toISOString_51ebc75332aba76a: function(arg0) {
            const ret = arg0.toISOString();
            return ret;
        },
        __wbindgen_generic_0000000000000001: function(arg0) {
            // Cast intrinsic for `F64 -> Externref`.
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: __fk_init_externref_table,
    };
    // One signature for every import (scripts/unify-imports.mjs).
    const g0 = import0.__wbg_keys_105f5c0857898f84;
    const g1 = import0.__wbg_length_b03a0fabb109b1e9;
    const g2 = import0.__wbg_get_unchecked_e6325ad374eff861;
    const g3 = import0.__wbg_get_d7176cfb76d71114;
    const g4 = import0.__wbg_concat_a93602fe6b72cec9;
    const g5 = import0.__wbg_push_c9f4893fc209f768;
    const g6 = import0.__wbg_new_37eb45aaf5eeb820;
    const g7 = import0.__wbg_new_cd4348290afae586;
    const g8 = import0.__wbg_instanceof_Date_99b6a345bf39e8f4;
    const g9 = import0.__wbg_instanceof_Error_74e3cca0c4a69161;
    const g10 = import0.__wbg_toISOString_51ebc75332aba76a;
    const g11 = import0.__wbg_getTime_edc91481cbc4cd78;
    const g12 = import0.__wbg_parse_c3f72b5a24f83c01;
    const g13 = import0.__wbg_stringify_0a0fbf2ef722380a;
    const g14 = import0.__wbg_isArray_bcf1376d0d732d08;
    const g15 = import0.__wbg_set_message_993bba6081f4f799;
    const g16 = import0.__wbg_new_787b9fb330d55d78;
    const g17 = import0.__wbg_message_43d8c8f1d543a349;
    const g18 = import0.__wbg_get_2080c49015e35254;
    const g19 = import0.__wbg_set_2793479888329cb6;
    const g20 = import0.__wbg_length_e83e819f48c774e4;
    const g21 = import0.__wbg_slice_8c7f01d7eb703b4e;
    const g22 = import0.__wbg___wbindgen_string_get_7ce8eee7fd327545;
    const g23 = import0.__wbg___wbindgen_number_get_934b640d0889af78;
    const g24 = import0.__wbg___wbindgen_throw_4c88d8bf264fd984;
    const g25 = import0.__wbg___wbindgen_typeof_ee4990276e02f607;
    const g26 = import0.__wbg___wbindgen_is_null_c22311b1cc228e3a;
    const g27 = import0.__wbg___wbindgen_is_object_8b968c3ab8e96595;
    const g28 = import0.__wbg___wbindgen_is_string_fc456fee5d3317de;
    const g29 = import0.__wbg___wbindgen_boolean_get_4f1baf9a00be3c74;
    const g30 = import0.__wbg___wbindgen_is_function_741ff2bb612836f5;
    const g31 = import0.__wbg___wbindgen_is_undefined_be5b34249ff1fc15;
    const g32 = import0.__wbindgen_generic_0000000000000001;
    const g33 = import0.__wbindgen_generic_0000000000000002;
    const import1 = {
        __proto__: null,
        __wbg_keys_105f5c0857898f84: (a, b, c, i, j, r) => g0(a),
        __wbg_length_b03a0fabb109b1e9: (a, b, c, i, j, r) => { const v = g1(a); getDataViewMemory0().setInt32(r, v, true); },
        __wbg_get_unchecked_e6325ad374eff861: (a, b, c, i, j, r) => g2(a, i),
        __wbg_get_d7176cfb76d71114: (a, b, c, i, j, r) => g3(a, i),
        __wbg_concat_a93602fe6b72cec9: (a, b, c, i, j, r) => g4(a, b),
        __wbg_push_c9f4893fc209f768: (a, b, c, i, j, r) => { const v = g5(a, b); getDataViewMemory0().setInt32(r, v, true); },
        __wbg_new_37eb45aaf5eeb820: (a, b, c, i, j, r) => g6(),
        __wbg_new_cd4348290afae586: (a, b, c, i, j, r) => g7(),
        __wbg_instanceof_Date_99b6a345bf39e8f4: (a, b, c, i, j, r) => g8(a) ? true : null,
        __wbg_instanceof_Error_74e3cca0c4a69161: (a, b, c, i, j, r) => g9(a) ? true : null,
        __wbg_toISOString_51ebc75332aba76a: (a, b, c, i, j, r) => g10(a),
        __wbg_getTime_edc91481cbc4cd78: (a, b, c, i, j, r) => { const v = g11(a); getDataViewMemory0().setFloat64(r, v, true); },
        __wbg_parse_c3f72b5a24f83c01: (a, b, c, i, j, r) => g12(i, j),
        __wbg_stringify_0a0fbf2ef722380a: (a, b, c, i, j, r) => g13(a),
        __wbg_isArray_bcf1376d0d732d08: (a, b, c, i, j, r) => g14(a) ? true : null,
        __wbg_set_message_993bba6081f4f799: (a, b, c, i, j, r) => g15(a, i, j),
        __wbg_new_787b9fb330d55d78: (a, b, c, i, j, r) => g16(i, j),
        __wbg_message_43d8c8f1d543a349: (a, b, c, i, j, r) => g17(a),
        __wbg_get_2080c49015e35254: (a, b, c, i, j, r) => g18(a, b),
        __wbg_set_2793479888329cb6: (a, b, c, i, j, r) => g19(a, b, c) ? true : null,
        __wbg_length_e83e819f48c774e4: (a, b, c, i, j, r) => { const v = g20(a); getDataViewMemory0().setInt32(r, v, true); },
        __wbg_slice_8c7f01d7eb703b4e: (a, b, c, i, j, r) => g21(a, i, j),
        __wbg___wbindgen_string_get_7ce8eee7fd327545: (a, b, c, i, j, r) => g22(i, a),
        __wbg___wbindgen_number_get_934b640d0889af78: (a, b, c, i, j, r) => g23(i, a),
        __wbg___wbindgen_throw_4c88d8bf264fd984: (a, b, c, i, j, r) => g24(i, j),
        __wbg___wbindgen_typeof_ee4990276e02f607: (a, b, c, i, j, r) => g25(a),
        __wbg___wbindgen_is_null_c22311b1cc228e3a: (a, b, c, i, j, r) => g26(a) ? true : null,
        __wbg___wbindgen_is_object_8b968c3ab8e96595: (a, b, c, i, j, r) => g27(a) ? true : null,
        __wbg___wbindgen_is_string_fc456fee5d3317de: (a, b, c, i, j, r) => g28(a) ? true : null,
        __wbg___wbindgen_boolean_get_4f1baf9a00be3c74: (a, b, c, i, j, r) => { const v = g29(a); getDataViewMemory0().setInt32(r, v, true); },
        __wbg___wbindgen_is_function_741ff2bb612836f5: (a, b, c, i, j, r) => g30(a) ? true : null,
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: (a, b, c, i, j, r) => g31(a) ? true : null,
        __wbindgen_generic_0000000000000001: (a, b, c, i, j, r) => g32(getDataViewMemory0().getFloat64(r, true)),
        __wbindgen_generic_0000000000000002: (a, b, c, i, j, r) => g33(i, j),
    };
    return {
        __proto__: null,
        "./fangkong_bg.js": import1,
    };
}

const CheckerFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(([ptr, gen]) => { if (gen === __fk_gen) wasm.__wbg_checker_free(ptr, 1); });
const DraftFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(([ptr, gen]) => { if (gen === __fk_gen) wasm.__wbg_draft_free(ptr, 1); });
const EngineFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(([ptr, gen]) => { if (gen === __fk_gen) wasm.__wbg_engine_free(ptr, 1); });

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passArray8ToWasm0(arg, malloc) {
    const ptr = malloc(arg.length * 1, 1) >>> 0;
    getUint8ArrayMemory0().set(arg, ptr / 1);
    WASM_VECTOR_LEN = arg.length;
    return ptr;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    if (len > 256 && len <= 1048576) {
        const room = len * 3;
        const at = malloc(room, 1) >>> 0;
        const written = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(at, at + room)).written;
        WASM_VECTOR_LEN = written;
        return realloc(at, room, written, 1) >>> 0;
    }
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = __fk_guard(instance.exports);
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    __fk_init_externref_table();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('fangkong_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };

// wasm-bindgen's start (scripts/start-export.mjs): the module no longer exports it.
function __fk_init_externref_table() {
    const table = wasm.__wbindgen_externrefs;
    table.set(0, undefined);
    table.set(1024, undefined);
    table.set(1025, null);
    table.set(1026, true);
    table.set(1027, false);
}

// --- Recovery from a trap (added by scripts/recover-glue.mjs; see its header) ---
let __fk_gen = 0;
let __fk_trapped = false;

function __fk_error(message, code, cause) {
    const e = new Error(message, cause === undefined ? undefined : { cause });
    e.code = code;
    return e;
}

function __fk_recover() {
    __fk_trapped = false;
    __fk_gen += 1;
    const instance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    __wbg_finalize_init(instance, wasmModule);
}

function __fk_ptr(obj) {
    if (__fk_trapped) __fk_recover();
    if (obj.__fk_gen !== __fk_gen) {
        throw __fk_error('this object belonged to a WebAssembly instance that trapped and was replaced: make it again (e.g. Engine.withDefaultPack())', 'engine.lost');
    }
    return obj.__wbg_ptr;
}

function __fk_guard(exports) {
    const guarded = {};
    for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'function') {
            guarded[name] = value;
            continue;
        }
        if (name === '__wbindgen_add_to_stack_pointer') {
            // A call with a return pointer takes room on the shadow stack first (delta < 0: the
            // instance is made afresh there if it trapped, so the call and its pointer are in
            // the same instance) and gives it back in a `finally` (delta > 0). After a trap the
            // room belongs to the dead instance: nothing to give back, and the next call must
            // not make a fresh instance only to move its stack pointer.
            guarded[name] = function (delta) {
                if (__fk_trapped) {
                    if (delta > 0) return 0;
                    __fk_recover();
                    return wasm[name](delta);
                }
                return value(delta);
            };
            continue;
        }
        guarded[name] = function (...args) {
            if (__fk_trapped) {
                __fk_recover();
                return wasm[name](...args);
            }
            try {
                return value(...args);
            } catch (e) {
                if (e instanceof WebAssembly.RuntimeError) {
                    __fk_trapped = true;
                    throw __fk_error(`the WebAssembly engine trapped (${e.message}); it is made afresh on the next call, and engines made before must be made again`, 'engine.trapped', e);
                }
                throw e;
            }
        };
    }
    return guarded;
}
