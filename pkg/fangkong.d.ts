/// <reference lib="esnext.disposable" />
/* tslint:disable */
/* eslint-disable */

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A BCP 47 tag: `zh-CN` (default), `zh-TW` or `en`; variants such as `zh-Hans`, `zh-HK`, `en-US` are accepted too. */
export type Locale = "zh-CN" | "zh-TW" | "en" | (string & {});

/** How to answer. */
export interface Options {
    /** The moment of checking (required): RFC 3339 text such as `2020-02-04T10:00:00+08:00`, a bare date `2020-02-04` (noon CST), or a `Date`. "Today" is its calendar day in China Standard Time. */
    now: string | Date;
    /** Language of messages; default `zh-CN`. */
    locale?: Locale;
    /** Judge by this pack version instead of the one in force on the submission's date; an `Error` is thrown when the engine has no such version. */
    packVersion?: string;
}

/** `error`, `warning` or `info`. */
export type Severity = "error" | "warning" | "info";

/** The verdict on a submission. */
export type Decision = "approved" | "conditional" | "deferred" | "incomplete";

/** Which pack produced an answer. */
export interface PackStamp {
    /** Pack id, e.g. `shenzhen-2020`. */
    id: string;
    /** Pack version. */
    version: string;
    /** `sha256:` of the canonical pack JSON: equal hashes mean equal rules. */
    hash: string;
}

/** One problem found in a submission, placed at the field where it is. */
export interface Diagnostic {
    /** Stable machine code, e.g. `filing.lead_time`. */
    code: string;
    severity: Severity;
    /** JSON Pointer into the submission (`/staff/returning`); `""` is the whole submission. */
    path: string;
    /** The rule that found it (`RTW-T1`), or `INPUT` for shape problems. */
    ruleId: string;
    /** Human message in the requested locale. */
    message: string;
    /** Stable parameters (numbers, dates, field names — never a person's data). */
    params: { [key: string]: JsonValue };
    /** What to do about it, in the requested locale (absent when there is no advice). */
    help?: string;
}

/** What caused a gate to fail. */
export interface Cause {
    ruleId: string;
    code: string;
    /** JSON Pointer of the field. */
    path: string;
}

/** One of the 六个坚决不放手 gates. */
export interface GateResult {
    /** `RTW-G1` … `RTW-G6`. */
    id: string;
    passed: boolean;
    /** Why it failed (empty when passed). */
    causes: Cause[];
}

/** A roster employee who cannot be on site on the planned resumption date (RTW-T3). */
export interface EarliestStart {
    /** JSON Pointer of the roster entry (`/roster/3`). */
    path: string;
    index: number;
    /** First day the employee may work (`YYYY-MM-DD`). */
    earliestStart: string;
}

/** A value that normalisation changed (full-width digits, `2020/2/4`, `+86` …). */
export interface Normalized {
    path: string;
    value: JsonValue;
}

/** The answer to a return-to-work filing (the CLI's `check-filing` JSON). */
export interface FilingAnswer {
    pack: PackStamp;
    /** `approved`, `conditional` or `deferred`. */
    decision: Decision;
    /** "Today" in China Standard Time (`YYYY-MM-DD`), as used for the decision. */
    today: string;
    diagnostics: Diagnostic[];
    gates: GateResult[];
    earliestStart: EarliestStart[];
    normalized: Normalized[];
}

/** A named person with a phone. */
export interface Person { name?: string; phone?: string; idNumber?: string; }

/** A return-to-work filing (复工备案). Every field is optional; what is missing is reported by the rules. Dates are text (`2020-02-04`, `2020/2/4`, `2020年2月4日`). */
export interface Filing {
    filedOn?: string;
    plannedResumption?: string;
    enterprise?: {
        name?: string;
        /** 统一社会信用代码. */
        creditCode?: string;
        /** GB/T 2260 district code. */
        districtCode?: string;
        street?: string;
        community?: string;
        address?: string;
        /** 保障类 firms, exempt from the province's date. */
        whitelisted?: boolean;
    };
    contacts?: { firstResponsible?: Person; healthLiaison?: Person; };
    staff?: {
        total?: number;
        returning?: number;
        local?: number;
        fromOutside?: number;
        keyArea?: { returned?: number; isolationComplete?: number; stillThere?: number; unreachable?: number; };
    };
    roster?: Array<{
        name?: string;
        idNumber?: string;
        phone?: string;
        returning?: boolean;
        keyAreaHistory?: boolean;
        closeContact?: boolean;
        arrivedOn?: string;
    }>;
    supplies?: { masks?: number; thermometers?: number; disinfectantLiters?: number; gloves?: number; };
    measures?: {
        preventionTeamSize?: number;
        teamTrained?: boolean;
        emergencyPlan?: boolean;
        isolationRooms?: number;
        singleRoomIsolation?: boolean;
        closedManagement?: boolean;
        temperatureChecksPerDay?: number;
        fingerprintClockSuspended?: boolean;
        canteen?: { present?: boolean; staggered?: boolean; boxedMeals?: boolean; dispersedDining?: boolean; };
        dormitory?: { rooms?: number; residents?: number; areaM2?: number; };
        disinfectionLog?: boolean;
        commitmentSigned?: boolean;
    };
    openRectifications?: Array<{ itemId?: string; deadline?: string; resolved?: boolean; veto?: boolean; }>;
}

/** An inspector's answer to one checklist item. */
export interface ItemAnswer {
    /** `pass`, `partial`, `fail` or `na` (not applicable: leaves the denominator). */
    result?: "pass" | "partial" | "fail" | "na";
    /** `document`, `record`, `onsite` or `interview`. */
    evidence?: "document" | "record" | "onsite" | "interview";
    note?: string;
}

/** An inspection: 六必须检查 answers by item id (`INS-S1-1` …) and the 六必须明确 facts. */
export interface Inspection {
    inspectedOn?: string;
    enterprise?: { name?: string; creditCode?: string };
    inspector?: { name?: string; badge?: string };
    /** When false, `INS-S3-3` (isolation rooms) is `na` by itself. */
    keyAreaStaffReturned?: boolean;
    answers?: { [itemId: string]: ItemAnswer };
    facts?: {
        basics?: string;
        workflow?: string;
        isolation?: string;
        stocks?: string;
        knowledge?: { sampled?: number; correct?: number };
        /** What the firm asks the district for (masks, thermometers, staff, transport …). */
        needs?: string[];
    };
    previous?: Array<{ inspectedOn?: string; rectifications?: Array<{ itemId?: string; deadline?: string; resolved?: boolean; veto?: boolean }> }>;
}

/** The score of one checklist section. */
export interface SectionScore {
    /** `INS-S1` … `INS-S6`. */
    id: string;
    /** 100 × earned / applicable, unrounded; `null` when every item is `na`. */
    score: number | null;
    earned: number;
    applicable: number;
}

/** A failed or partial item to put right by a deadline. */
export interface Rectification { itemId: string; deadline: string; veto: boolean; }

/** What became of a previous inspection's rectification. */
export interface Reinspected {
    itemId: string;
    deadline: string;
    status: "resolved" | "overdue" | "open";
    /** JSON Pointer into `previous`. */
    path: string;
}

/** The answer to an inspection (the CLI's `score-inspection` JSON). */
export interface InspectionAnswer {
    pack: PackStamp;
    /** `approved`, `conditional`, `deferred` or `incomplete`. */
    decision: Decision;
    today: string;
    /** Overall score, unrounded (round only for display). */
    score: number | null;
    sections: SectionScore[];
    rectifications: Rectification[];
    /** Re-inspection due at the latest deadline. */
    reinspectBy: string | null;
    /** 日查日报: daily self-check reports until re-inspected. */
    dailyReporting: boolean;
    /** The firm's needs, for the district's support list. */
    support: string[];
    reinspection: Reinspected[];
    diagnostics: Diagnostic[];
    normalized: Normalized[];
}

/** A daily report of the community indicators (五个100%). */
export interface IndicatorReport {
    date?: string;
    units?: Array<{
        id?: string;
        parent?: string;
        /** `district`, `street`, `community`, `grid` or `unit`. */
        level?: string;
        name?: string;
        /** compounds, compoundsEnclosed, keyAreaArrivals, keyAreaHomeIsolated, closeContacts, closeContactsQuarantined, entrances, entrancesTwoWayChecked, rentalUnits, rentalUnitsRegistered. */
        counts?: { [count: string]: number };
        /** The 十个一律 checklist by item id (`IND-R1` …). */
        checklist?: { [itemId: string]: ItemAnswer };
    }>;
}

/** One indicator of one unit. */
export interface IndicatorResult {
    /** `IND-1` … `IND-5`. */
    id: string;
    numerator: number;
    denominator: number;
    /** numerator / denominator, unrounded; `null` for 0 / 0. */
    ratio: number | null;
    status: "met" | "short" | "not_applicable" | "invalid";
    /** How many are still short of 100%. */
    shortfall: number;
}

/** One unit with its own or rolled-up indicators. */
export interface UnitResult {
    id: string;
    parent: string | null;
    level: string | null;
    reported: boolean;
    /** Units below this one whose report is missing. */
    missing: string[];
    indicators: IndicatorResult[];
    checklist: { answered: number; passed: number; failed: string[]; partial: string[] } | null;
}

/** The answer to an indicator report (the CLI's `indicators` JSON). */
export interface IndicatorsAnswer {
    pack: PackStamp;
    decision: Decision;
    today: string;
    date: string | null;
    units: UnitResult[];
    /** Units without a report for the date (missing, never 0%). */
    missing: string[];
    diagnostics: Diagnostic[];
    normalized: Normalized[];
}

/** A personal screening declaration (排查 / 自主申报). */
export interface Declaration {
    declaredOn?: string;
    visitedEpidemicArea?: boolean;
    leftAreaOn?: string | null;
    contactWithAreaPeople?: boolean;
    contactWithConfirmed?: boolean;
    lastContactOn?: string | null;
    attendedGatherings?: boolean;
    symptoms?: { temperature?: number; dryCough?: boolean; fatigue?: boolean };
}

/** The answer to a screening (the CLI's `screen` JSON). */
export interface ScreeningAnswer {
    pack: PackStamp;
    decision: Decision;
    today: string;
    outcome: "fever_clinic" | "central_quarantine" | "home_observation" | "normal";
    /** The rule that decided (`SCR-3`), `null` for normal. */
    ruleId: string | null;
    /** First day after the observation (`YYYY-MM-DD`). */
    until: string | null;
    diagnostics: Diagnostic[];
    normalized: Normalized[];
}

/** One mistake in a rule pack. */
export interface PackErrorInfo {
    /** JSON Pointer into the pack, e.g. `/rules/3/checks/0/assert`. */
    path: string;
    /** `pack.syntax`, `pack.unknown_reference`, `pack.type_mismatch`, … */
    code: string;
    /** What is wrong (lower-case, one line). */
    message: string;
}

/**
 * What the package throws: a real `Error` with a one-line message and a stable `code` —
 * `options.invalid`, `input.unconvertible`, `input.too_many`, or a pack code (`pack.*`, then
 * with `path` and every mistake in `errors`). (A freed engine throws wasm-bindgen's own
 * `Error`, without `code`.)
 */
export interface FangkongError extends Error {
    code: string;
    path?: string;
    errors?: PackErrorInfo[];
    /** For a batch: the index of the submission that could not be converted. */
    index?: number;
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
     * Returns the answer `{ pack, decision, today, diagnostics, gates, earliestStart,
     * normalized }`, the same JSON as `fangkong check-filing`. Input of the wrong shape
     * (null, a number, an array, wrong field types, text that is not JSON, more than
     * 4 MiB) is answered with `input.*` diagnostics. Throws an `Error` for bad options
     * or a value that cannot be converted to JSON (cyclic object, BigInt, undefined).
     */
    checkFiling(filing: Filing | string, options: Options): FilingAnswer;
    /**
     * Check many filings with the same options: an array of filings (objects or JSON
     * text) gives an array of answers in the same order. At most 10 000 at once.
     */
    checkFilings(filings: Array<Filing | string>, options: Options): FilingAnswer[];
    /**
     * Evaluate a daily report of the community indicators (五个100%) with roll-up:
     * an `IndicatorReport` object or its JSON text. Returns an `IndicatorsAnswer`.
     */
    evaluateIndicators(report: IndicatorReport | string, options: Options): IndicatorsAnswer;
    /**
     * Load, check and compile a rule pack given as JSON text or as a plain object: one pack
     * document, or an array of versions of one family (`extends` may name an embedded pack).
     * Throws an `Error` (`code` = `pack.*`, `path` = JSON Pointer of the first mistake in
     * the pack, `errors` = every mistake as `{ path, code, message }`) for a bad pack.
     */
    constructor(pack: string | object);
    /**
     * Which pack answers by default: `{ id, version, hash }` of the latest version. Compare
     * `hash` between the browser and the server to be sure both judge by the same rules.
     */
    packInfo(): PackStamp;
    /**
     * Score an inspection (六必须检查 / 六必须明确): an `Inspection` object or its JSON
     * text. Returns an `InspectionAnswer` with the score, sections, outcome,
     * rectifications and re-inspection date.
     */
    scoreInspection(inspection: Inspection | string, options: Options): InspectionAnswer;
    /**
     * Screen a person's declaration (排查 / 自主申报): a `Declaration` object or its JSON
     * text. Returns a `ScreeningAnswer` with the outcome, the deciding rule and `until`.
     */
    screenPerson(declaration: Declaration | string, options: Options): ScreeningAnswer;
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
     * The version of the package (and of the Rust crate it is built from), e.g. `0.1.0`.
     */
    readonly version: string;
}

/**
 * The version of the package and of the Rust crate it is built from, e.g. `0.1.0`.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly engine_checkFiling: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_checkFilings: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_evaluateIndicators: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_new: (a: any) => [number, number, number];
    readonly engine_packInfo: (a: number) => [number, number, number];
    readonly engine_scoreInspection: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_screenPerson: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_version: (a: number) => [number, number];
    readonly engine_withDefaultPack: () => [number, number, number];
    readonly engine_withPackId: (a: number, b: number) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
