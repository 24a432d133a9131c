// The TypeScript declarations of the classes and functions of the runtime module (`fangkong`)
// (pkg/*.d.ts), written by hand: their methods are JavaScript (src/wasm/api.js) over raw
// exports that wasm-bindgen declares nowhere. scripts/bare-glue.mjs puts this text, without
// these comment lines, where wasm-bindgen's declarations of the classes would be.
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
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `engine.checkFiling(filing, options)` with the checker's options.
     */
    checkFiling(filing: Given<Filing> | string): FilingAnswer;
    /**
     * `engine.checkFilings(filings, options)` with the checker's options.
     */
    checkFilings(filings: ReadonlyArray<Given<Filing> | string>): FilingAnswer[];
    /**
     * `engine.evaluateIndicators(report, options)` with the checker's options.
     */
    evaluateIndicators(report: Given<IndicatorReport> | string): IndicatorsAnswer;
    /**
     * `engine.scoreInspection(inspection, options)` with the checker's options.
     */
    scoreInspection(inspection: Given<Inspection> | string): InspectionAnswer;
    /**
     * `engine.screenPerson(declaration, options)` with the checker's options.
     */
    screenPerson(declaration: Given<Declaration> | string): ScreeningAnswer;
}

/**
 * A submission being typed (`engine.draft(kind, options)`). Each edit returns only what
 * changed — `{ added, removed, gates, decision }` — so a keystroke does not pay for the
 * whole answer; `answer()` builds it when asked. Free it with `free()` (or `using`). A
 * filing's draft re-judges only what an edit reaches; an inspection's, an indicator report's
 * and a screening's re-judge the whole submission (microseconds) and say what changed alike.
 *
 * ```js
 * const draft = engine.draft('filing', { now: '2020-02-04T10:00:00+08:00' }, filing);
 * const { added, removed } = draft.set('/roster/7/phone', '1380013800');
 * draft.answer(); // the same as engine.checkFiling(draft.value(), options)
 * ```
 */
/** The answer of each kind of submission (`AnswerOf<"filing">` is `FilingAnswer`). */
export type AnswerOf<K extends Kind> = { filing: FilingAnswer; inspection: InspectionAnswer; indicators: IndicatorsAnswer; screening: ScreeningAnswer }[K];
/** The submission of each kind (`SubmissionOf<"filing">` is `Filing`). */
export type SubmissionOf<K extends Kind> = { filing: Filing; inspection: Inspection; indicators: IndicatorReport; screening: Declaration }[K];

export class Draft<A = FilingAnswer, V = NonNullable<Given<Filing>>> {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The whole answer, the same JSON as the kind's entry point gives for `draft.value()`
     * (`engine.checkFiling(draft.value(), options)` for a filing).
     */
    answer(): A;
    /**
     * Remove the value at a JSON Pointer: a member, or an array element (the later ones move
     * up). Nothing there is no change. Returns what changed in the answer.
     */
    remove(pointer: string): DraftChanges;
    /**
     * Change the scope (JSON Pointers of the fields reached; `null`: everything), as a form
     * does when a person reaches another field. Nothing is judged again; returns what changed
     * in the answer (missing values now shown or held back).
     */
    setScope(scope: readonly string[] | null): DraftChanges;
    /**
     * Set the value at a JSON Pointer (`/staff/total`, `/roster/3/phone`; `/roster/-`
     * appends; `""` replaces the whole filing), making the objects and arrays on the way.
     * Text, numbers, booleans and `null` cross as they are; objects and arrays as JSON; text
     * at `""` is the whole submission's JSON text, as `engine.draft(kind, options, text)` reads
     * it (a saved draft restored: `set('', localStorage.getItem(key))`; not JSON: `input.not_json`);
     * `undefined` removes. Returns what changed in the answer. Throws `pointer.invalid` or
     * `pointer.out_of_range` for a bad pointer (also one through a value given, which is
     * never replaced), and `input.too_large` for a value over 4 MiB of JSON, or one that would
     * nest the submission past 127 arrays and objects, as no submission's text may (the draft
     * is then unchanged).
     */
    set(pointer: string, value: JsonValue | undefined): DraftChanges;
    /**
     * The submission as typed so far: what was set, as it was given (a count typed as text stays
     * text, `"１２"`; a value set to `null` stays `null`), so typed as `Given<T>`, not `T`.
     */
    value(): V;
}

/**
 * A compiled rule pack, ready to judge many submissions.
 *
 * ```js
 * const engine = Engine.withDefaultPack();
 * const answer = engine.checkFiling(filing, { now: '2020-02-04T10:00:00+08:00', locale: 'zh-CN' });
 * ```
 */
export class Engine {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Check a return-to-work filing, given as a plain object or as JSON text.
     *
     * Returns the answer `{ pack, decision, today, locale, pending, diagnostics, gates,
     * earliestStart, normalized }`, the same JSON as `fangkong check-filing`. `null` is an empty filing
     * (every required value asked for); input of the wrong shape (a number, an array, wrong
     * field types, text that is not JSON, more than 4 MiB) is answered with `input.*` diagnostics. Throws an `Error` for bad options
     * or a value that cannot be converted to JSON (cyclic object, BigInt, undefined).
     */
    checkFiling(filing: Given<Filing> | string, options: Options): FilingAnswer;
    /**
     * Check many filings with the same options: an array of filings (objects or JSON
     * text) gives an array of answers in the same order. Any number of filings, up to
     * 64 MiB of JSON in all (and 128 MiB of answers); a bigger batch throws `input.too_large`.
     */
    checkFilings(filings: ReadonlyArray<Given<Filing> | string>, options: Options): FilingAnswer[];
    /**
     * Read the options once (`{ now, locale, packVersion, scope }`, as for `checkFiling`)
     * and return a `Checker`: the same entry points without the options argument. Bad
     * options throw here (`options.invalid`), once. The checker keeps the engine alive.
     */
    checker(options: Options): Checker;
    /**
     * The form of a kind of submission as the pack describes it, in a locale: fields
     * (label, hint, type, required, limits, format, enum values), rules, gates, and the
     * checklist, indicators or questions.
     */
    describe(kind: Kind, options: DescribeOptions): Description;
    /**
     * A draft of a submission being typed: `set(pointer, value)` re-judges it (a filing: only
     * what the change reaches) and returns what changed; `answer()` gives the whole answer,
     * equal to the kind's entry point (`checkFiling`, `scoreInspection`, `evaluateIndicators`,
     * `screenPerson`) of `value()`. The submission (an object or JSON text) starts it; it
     * starts empty without one (or with `null`). Options are read once, as for `checker`.
     * Throws `options.invalid` for bad options or an unknown kind, and `input.not_json`,
     * `input.duplicate_key` or `input.too_large` for a starting text that is not JSON.
     */
    draft(kind: "filing", options: Options, filing?: Given<Filing> | string | null): Draft<FilingAnswer, NonNullable<Given<Filing>>>;
    draft(kind: "inspection", options: Options, inspection?: Given<Inspection> | string | null): Draft<InspectionAnswer, NonNullable<Given<Inspection>>>;
    draft(kind: "indicators", options: Options, report?: Given<IndicatorReport> | string | null): Draft<IndicatorsAnswer, NonNullable<Given<IndicatorReport>>>;
    draft(kind: "screening", options: Options, declaration?: Given<Declaration> | string | null): Draft<ScreeningAnswer, NonNullable<Given<Declaration>>>;
    // Any kind, and a submission built in code: TypeScript tries overloads by subtype first, so a
    // filing held in an unannotated variable (`{ enterprise: { name } }`, no optional keys) is
    // taken here, not by the overload above: typed by `kind` still (embedder audit, twenty-
    // seventh session: it typed as the union of the four answers). A `Kind` not known until run
    // time gives the union, and the submission as JSON.
    draft<K extends Kind>(kind: K, options: Options, submission?: JsonValue | string | null): Draft<AnswerOf<K>, [Kind] extends [K] ? JsonValue : NonNullable<Given<SubmissionOf<K>>>>;
    /**
     * Evaluate a daily report of the community indicators (五个100%) with roll-up:
     * an `IndicatorReport` object or its JSON text. Returns an `IndicatorsAnswer`.
     */
    evaluateIndicators(report: Given<IndicatorReport> | string, options: Options): IndicatorsAnswer;
    /**
     * The engine with a custom pack compiled by `compilePack` of `fangkong/compiler` (the
     * same package version): loaded without the pack compiler. Throws an `Error`
     * (`pack.syntax`) for bytes that are not such a pack, and (`input.too_large`, with
     * `maxBytes`) for more than 16 MiB, which no compiled pack is, before any is copied.
     */
    static fromCompiled(bytes: Uint8Array | number[]): Engine;
    /**
     * A JSON Schema (2020-12) of a kind's input, titled in a locale.
     */
    inputSchema(kind: Kind, options: DescribeOptions): JsonSchema;
    /**
     * This module has no pack compiler: `new Engine(pack)` is in `fangkong/compiler`, and a
     * pack it compiled (`compilePack`) loads here with `Engine.fromCompiled`. Always throws
     * an `Error` (`pack.no_compiler`).
     */
    constructor(_pack: never);
    /**
     * Which pack version is in force on a date: `{ id, version, hash }` of the version
     * whose `effectiveFrom` is latest on or before `on` (a date or time), or of the latest
     * version without `on`; `packVersion` names a version instead. An answer is stamped with
     * the version in force on its submission's own date (a filing's `filedOn`), so compare
     * the answer's `pack.hash` between the browser and the server, or call this with that
     * date, to be sure both judge by the same rules.
     */
    packInfo(options: { on?: string | Date; packVersion?: string }): PackStamp;
    /**
     * Score an inspection (六必须检查 / 六必须明确): an `Inspection` object or its JSON
     * text. Returns an `InspectionAnswer` with the score, sections, outcome,
     * rectifications and re-inspection date.
     */
    scoreInspection(inspection: Given<Inspection> | string, options: Options): InspectionAnswer;
    /**
     * Screen a person's declaration (排查 / 自主申报): a `Declaration` object or its JSON
     * text. Returns a `ScreeningAnswer` with the outcome, the deciding rule and `until`.
     */
    screenPerson(declaration: Given<Declaration> | string, options: Options): ScreeningAnswer;
    /**
     * The engine with the embedded default pack (`shenzhen-2020`).
     */
    static withDefaultPack(): Engine;
    /**
     * The engine with an embedded pack family: `shenzhen-2020`, `guangming-2020` or
     * `hangzhou-2020` (the CLI's `--pack-id`). Throws an `Error` (`pack.unknown_reference`)
     * for another id.
     */
    static withPackId(id: string): Engine;
    /**
     * The embedded pack families, the default first: `["shenzhen-2020", "guangming-2020",
     * "hangzhou-2020"]`. Each is an id for `withPackId`; a page lists its packs from here.
     */
    static packIds(): string[];
    /**
     * The version of the package (and of the Rust crate it is built from), e.g. `0.1.0`.
     */
    readonly version: string;
}

/**
 * `memoryUsage()`: the heap in use and the most the package lets itself use, in bytes.
 */
export function memoryUsage(): MemoryUsage;

/**
 * The version of the package and of the Rust crate it is built from, e.g. `0.1.0`.
 */
export function version(): string;

