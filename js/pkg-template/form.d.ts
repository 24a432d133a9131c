// fangkong/form: checks an HTML form with the engine as people type.
import type {
    Declaration,
    Description,
    Diagnostic,
    Engine,
    Filing,
    FilingAnswer,
    FilingDescription,
    IndicatorReport,
    IndicatorsAnswer,
    IndicatorsDescription,
    Inspection,
    InspectionAnswer,
    InspectionDescription,
    JsonValue,
    Kind,
    Locale,
    ScreeningAnswer,
    ScreeningDescription,
} from './fangkong.js';

/** The answer of each kind. */
export interface AnswerOf {
    filing: FilingAnswer;
    inspection: InspectionAnswer;
    indicators: IndicatorsAnswer;
    screening: ScreeningAnswer;
}

/** The submission of each kind. */
export interface SubmissionOf {
    filing: Filing;
    inspection: Inspection;
    indicators: IndicatorReport;
    screening: Declaration;
}

/**
 * A submission as a form builds it: a field of type `number` holds the text typed (`"12"`,
 * `"１２"`), which the engine reads as the number; everything else as in `T`.
 */
export type FormValue<T> = T extends number
    ? number | string
    : T extends (infer U)[]
      ? FormValue<U>[]
      : T extends object
        ? { [P in keyof T]: FormValue<T[P]> }
        : T;

/** The description of each kind. */
export interface DescriptionOf {
    filing: FilingDescription;
    inspection: InspectionDescription;
    indicators: IndicatorsDescription;
    screening: ScreeningDescription;
}

/** Any answer. */
export type Answer = AnswerOf[Kind];

/** The options a check is made with (those of `Engine.checkFiling` …). */
export interface CheckOptions {
    now: string | Date;
    locale?: Locale;
    packVersion?: string;
    /** The pointers visited so far (`binding.scope`). */
    scope: string[];
    /** Whether names, phones and ID numbers come back normalised (`BindFormOptions.personal`). */
    personal?: boolean;
}

/**
 * Checks somewhere else than on the main thread, typically a Web Worker holding its own engine.
 * Answers to requests older than the latest are dropped.
 */
export interface Checker {
    check(kind: Kind, value: FormValue<SubmissionOf[Kind]>, options: CheckOptions): Promise<Answer> | Answer;
}

/** What `onAnswer` is told besides the answer. */
export interface AnswerInfo<K extends Kind = Kind> {
    /** The submission that was checked (built from the inputs: numbers as typed, see `FormValue`). */
    value: FormValue<SubmissionOf[K]>;
    /** The scope it was checked with. */
    scope: string[];
    /**
     * Diagnostics no input shows: their path has no input at or above it (`""`, `/roster`, or a
     * parent of inputs such as `/units/0` for a unit's shortfall). A diagnostic at a parent that
     * asks for a value (`missing`) shows at the first required input right below it (an
     * unanswered item `/answers/INS-S1-1` at `/answers/INS-S1-1/result`); one about the item its
     * last key names (`ruleId`, a failed item) there too if that input is the only required one.
     * Show the rest next to the decision.
     */
    unplaced: Diagnostic[];
}

export interface BindFormOptions<K extends Kind = Kind> {
    /** `filing` (default), `inspection`, `indicators` or `screening`. */
    kind?: K;
    /** The moment of checking, or a function giving it at each check; default `new Date()`. */
    now?: string | Date | (() => string | Date);
    /** Language of messages and of the description; default `zh-CN`. */
    locale?: Locale;
    /** Judge by this pack version (see `Options.packVersion`). */
    packVersion?: string;
    /**
     * Ask for names, phones and ID numbers back normalised (`Options.personal`), to write them
     * into the form as for every other value (default `true`: the page holds them already).
     */
    personal?: boolean;
    /** Called after every check whose answer is shown (never for a stale one). */
    onAnswer?: (answer: AnswerOf[K], info: AnswerInfo<K>) => void;
    /** Check with this instead of `engine`, asynchronously (a Web Worker). */
    checker?: Checker;
    /**
     * The description to take limits and types from; default `engine.describe(kind, { locale, on })`,
     * `on` the day of `now`. Required when `engine` is `null` (else `options.invalid`).
     */
    describe?: DescriptionOf[K] | Description;
    /** A check failed (the engine threw, the checker rejected or answered no answer: `form.invalid_answer`); default: `console.error`, unless a `check()` promise rejects with it. */
    onError?: (error: unknown) => void;
}

export interface FormBinding<K extends Kind = Kind> {
    /** Check now: the answer shown (a newer one when a newer check overtook this one). */
    check(): Promise<AnswerOf[K]>;
    /**
     * The submission built from the inputs: blank inputs left out, lists and groups nested by
     * pointer, a number field as the text typed (`FormValue`: `Number()` it to compute with it).
     */
    value(): FormValue<SubmissionOf[K]>;
    /** Fill every input from a submission (inputs with no value in it are emptied), then check. */
    setValue(value: SubmissionOf[K] | { [key: string]: JsonValue }): Promise<AnswerOf[K]>;
    /**
     * Add a pointer to the scope (`""`: everything) and check; messages held back while an input
     * at or below it is typed in are shown. Throws `pointer.invalid`, and keeps nothing, for what
     * the engine would not take in `scope`: text that is not a JSON Pointer (`""` or starting with
     * `/`, `~` only as `~0` or `~1`), or a pointer taking the scope past 4 MiB.
     */
    visit(pointer: string): void;
    /** The pointers visited so far (sent as `scope`). */
    readonly scope: Set<string>;
    /** The latest answer shown, `null` before the first. */
    readonly answer: AnswerOf[K] | null;
    /** The description used (in the locale of the latest `setLocale`, unless `describe` was given). */
    readonly description: DescriptionOf[K] | Description;
    /**
     * The locale asked for, as given to `locale` or `setLocale` (`zh-CN` unless either said
     * otherwise); the messages are in the nearest one the pack has (`zh-HK` → `zh-TW`, `fr` → `en`),
     * which `answer.locale` names.
     */
    readonly locale: Locale;
    /**
     * Show every message in another locale from now on and check again; the scope and the values
     * stay. `description` is described again in it (its labels, hints and enum words), unless the
     * `describe` option gave it. Throws `options.invalid` for an empty tag.
     */
    setLocale(locale: Locale): Promise<AnswerOf[K]>;
    /**
     * Stop listening; answers still under way are dropped (their promises reject with
     * `form.destroyed`, as `check`, `setValue` and `setLocale` do afterwards). What it showed goes:
     * messages, `aria-invalid` and custom validity are cleared.
     */
    destroy(): void;
}

/**
 * Binds a form whose inputs are named by the JSON Pointer of their value to the engine: the
 * scope grows as fields are visited, every input shows the messages at its pointer (in
 * `#<id>-msg`, with `aria-invalid`, `aria-describedby` and `setCustomValidity` for errors),
 * normalised values are written back, and `required`, `maxlength`, `min` and `inputmode` come
 * from the description. `engine` may be `null` when both `checker` and `describe` are given.
 * Without a `checker`, filings are checked through a draft (`draftChecker`): a keystroke gives
 * the engine the changed value only.
 */
export function bindForm<K extends Kind = "filing">(
    form: HTMLFormElement | HTMLElement,
    engine: Engine | null,
    options?: BindFormOptions<K>,
): FormBinding<K>;

/**
 * A `Checker` on the main thread that keeps an `engine.draft` of the submission (filings): each
 * check gives the draft only what changed since the previous value (`set`, `remove`,
 * `setScope`), so a keystroke re-judges only what it reaches; the answer equals `checkFiling`
 * of the value. Other kinds are checked whole. bindForm uses one when no `checker` is given.
 * Values are read as the engine reads them, through JSON (a Proxy such as Vue's `reactive()`
 * state is read through, functions left out); JSON text, a `Map` and the like are checked whole.
 * `snapshot: false` when the values given are plain data never changed afterwards. `free()` the draft.
 */
export function draftChecker(
    engine: Engine,
    options?: { snapshot?: boolean },
): { check<K extends Kind>(kind: K, value: FormValue<SubmissionOf[K]>, options: CheckOptions): AnswerOf[K]; free(): void };

/** The JSON Pointer an input stands for: its `name` when it starts with `/`, else `null`. */
export function pointerOf(input: Element | null | undefined): string | null;

/** The segments of a JSON Pointer, unescaped (`/a~1b/0` → `["a/b", "0"]`; `""` → `[]`). */
export function segmentsOf(pointer: string): string[];

/** The value at `pointer` in `value`, `undefined` when there is none. */
export function valueAt(value: unknown, pointer: string): JsonValue | undefined;
