/// <reference lib="esnext.disposable" />
/* tslint:disable */
/* eslint-disable */

/** What `lint(pack)` finds in a pack that compiles (the CLI's `lint-pack`). */
export interface PackLint {
    /** False when a field or rule lacks a label in a locale, or a label or a message is for nothing. */
    ok: boolean;
    versions: { id: string; version: string; hash: string; rules: number; effectiveFrom: string }[];
    missingLabels: { version: string; locale: 'zh-CN' | 'zh-TW' | 'en'; key: string }[];
    /** Labels for no field, rule or kind the pack has (a typo: `filing:supplies.mask`): they change nothing. */
    unknownLabels: { locale: 'zh-CN' | 'zh-TW' | 'en'; key: string }[];
    /** Messages for a code no rule of the pack reports (a typo: `filing.lead_tme`): they change nothing. */
    unknownMessages: { locale: 'zh-CN' | 'zh-TW' | 'en'; code: string }[];
}


/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The language asked for: any BCP 47 tag, never an error. `zh-CN` (default), `zh-TW` and `en`
 * are used as they are; any other tag falls back to the nearest one — `zh-Hant`, `zh-TW`, `zh-HK`,
 * `zh-MO` to `zh-TW`, any other `zh…` (`zh-SG`, `zh-Hans`) to `zh-CN`, everything else (`fr-FR`,
 * `en-GB`) to `en`. The answer's `locale` says which one was used.
 */
export type Locale = AnswerLocale | (string & {});

/** A locale the engine speaks: the `locale` of every answer and description. */
export type AnswerLocale = "zh-CN" | "zh-TW" | "en";

/** The four kinds of submission. */
export type Kind = "filing" | "inspection" | "indicators" | "screening";

/** How to answer. */
export interface Options {
    /** The moment of checking (required): RFC 3339 text such as `2020-02-04T10:00:00+08:00`, a bare date `2020-02-04` (noon CST), or a `Date`. "Today" is its calendar day in China Standard Time. */
    now: string | Date;
    /** Language of messages; default `zh-CN`. */
    locale?: Locale;
    /** Judge by this pack version instead of the one in force on the submission's date; an `Error` is thrown when the engine has no such version. */
    packVersion?: string;
    /**
     * The fields or sections the person has reached, as JSON Pointer prefixes (`/enterprise`,
     * `/staff/total`; `""` is everything). A missing value outside every prefix is held back
     * (counted in the answer's `pending`); every other diagnostic is reported as usual. Prefixes
     * match whole segments: `/staff` covers `/staff/total`, not `/staffing`; a segment `*` stands
     * for any one, as in `describe`'s pointers (a roster column's pointer covers that column of
     * every row). A missing value that holds a pointer reached is not outside it: an inspection
     * item left unanswered is asked for at `/answers/INS-S1-1` once its `/answers/INS-S1-1/result`
     * was reached. Without `scope`, everything is reported.
     */
    scope?: readonly string[];
    /**
     * Give back the normalised values of personal fields (names, phone numbers, ID numbers, the
     * site address) in `normalized` too. Off by default, so an answer carries no personal data the caller did not
     * ask for; a form showing a person their own input may turn it on (`bindForm` does).
     */
    personal?: boolean;
}

/** `error`, `warning` or `info`. */
export type Severity = "error" | "warning" | "info";

/**
 * The verdict on a submission, lowest rung first: `incomplete` (values still to be filled in),
 * `deferred` (暂缓复工 / an error or a failed gate), `conditional` (warnings to put right),
 * `approved`. Each answer type has its own alias (`FilingDecision` … `IndicatorsDecision`), so
 * one kind's ladder can change without the others.
 */
export type Decision = "incomplete" | "deferred" | "conditional" | "approved";
/** A filing's decision: `incomplete` whenever a required value is missing. */
export type FilingDecision = "incomplete" | "deferred" | "conditional" | "approved";
/** An inspection's decision: `incomplete` with an unanswered item or a missing fact. */
export type InspectionDecision = "incomplete" | "deferred" | "conditional" | "approved";
/** A screening's decision: `incomplete` whenever a required answer is missing. */
export type ScreeningDecision = "incomplete" | "deferred" | "conditional" | "approved";
/** An indicator report's decision: `incomplete` while a count is missing (never `approved`); missing reports of units make it `conditional`, with a `scope` or without (a unit that sent nothing is a fact of the report, not a missing value: `scope` never holds back its `indicators.missing_report`). */
export type IndicatorsDecision = "incomplete" | "deferred" | "conditional" | "approved";

/**
 * Rule ids of the engine itself, not of a pack: `INPUT` for problems of the input's shape and
 * of required values no rule owns; `IND` for an indicator report as a whole (a unit's report
 * missing or partial).
 */
export type EngineRuleId = "INPUT" | "IND";

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
    /** Stable machine code, e.g. `filing.lead_time` (a `switch` over it needs a `default`: other packs add codes). */
    code: Code;
    severity: Severity;
    /** JSON Pointer into the submission (`/staff/returning`); `""` is the whole submission. */
    path: string;
    /** The rule that found it (`RTW-T1`), or the engine's own `INPUT` / `IND` (see `EngineRuleId`). */
    ruleId: RuleId | EngineRuleId;
    /** Human message in the requested locale. */
    message: string;
    /** Stable parameters (numbers, dates, field names — never a person's data). */
    params: { [key: string]: JsonValue };
    /**
     * What to do about it, in the requested locale (absent when there is no advice). A missing
     * value's help is its field's hint (口罩数量: 现有库存，填写只数), else how to write its type.
     */
    help?: string;
    /**
     * The value at `path` is missing (absent, `null` or blank): code `field.required`, with
     * `params.field` the field's id (`enterprise.name`, `roster[].arrivedOn`). Never a fact.
     * Also `true` on a summary that stands only for such values (code `answer.truncated` with
     * `params.code` `field.required` and `params.first` the first path left out, or
     * `answer.too_many`), which has no `params.field`: a page lists it with what is left to fill in.
     */
    missing: boolean;
}

/** What caused a gate to fail. */
export interface Cause {
    ruleId: RuleId | EngineRuleId;
    code: Code;
    /** JSON Pointer of the field. */
    path: string;
}

/** One of the 六个坚决不放手 gates. */
export interface GateResult {
    /** `RTW-G1` … `RTW-G6`. */
    id: GateId;
    /** `true` passed, `false` failed, `null` undetermined: an input it needs is missing. */
    passed: boolean | null;
    /** The checks that failed it (empty when it passed, and when it is undetermined: then the
     *  answer's `field.required` diagnostics say which values are still to be given). */
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
    /** `incomplete`, `deferred`, `conditional` or `approved`. */
    decision: FilingDecision;
    /** The locale the messages are in (an unknown or regional tag falls back to one of these). */
    locale: AnswerLocale;
    /** How many missing values `scope` held back (0 without `scope`). */
    pending: number;
    /** "Today" in China Standard Time (`YYYY-MM-DD`), as used for the decision. */
    today: string;
    diagnostics: Diagnostic[];
    gates: GateResult[];
    earliestStart: EarliestStart[];
    normalized: Normalized[];
}

/** A named person with a phone. */
export interface Person { name?: string; phone?: string; idNumber?: string; }

/**
 * A submission as the engine takes it: `T`'s shape, where any value may be `null` (not given:
 * the same as absent, asked for as `field.required`, never read as 0 or `false`) and a count may
 * be text as a form gives it (`"12"`, `"１２"`), read as the number. A field a pack adds is not
 * in `T`: give it through a variable of a wider type (`const f: Given<Filing & { extra?: boolean }>`;
 * TypeScript checks extra keys only on object literals written in the call), or as JSON text.
 */
export type Given<T> = T extends number
    ? number | string | null
    : T extends (infer U)[]
    ? Given<U>[] | null
    : T extends object
    ? { [P in keyof T]?: Given<T[P]> } | null
    : T | null;

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
    id: RuleId;
    /** 100 × earned / applicable, unrounded; `null` when every item is `na`, and while an item of the
     * section is unanswered (an unanswered item is not `na`). */
    score: number | null;
    /** Σ weight × credit over the items answered so far. */
    earned: number;
    /** Σ weight of the items answered so far that are not `na`. */
    applicable: number;
}

/** A failed or partial item to put right by a deadline. */
export interface Rectification { itemId: RuleId; deadline: string; veto: boolean; }

/** What became of a previous inspection's rectification. */
export interface Reinspected {
    itemId: string;
    deadline: string;
    /** `resolved`: the item passes now; `overdue`: answered, not passing, past its deadline;
     * `open`: before its deadline, or while the item is unanswered. */
    status: "resolved" | "overdue" | "open";
    /** JSON Pointer into `previous`. */
    path: string;
}

/** The answer to an inspection (the CLI's `score-inspection` JSON). */
export interface InspectionAnswer {
    pack: PackStamp;
    /** `incomplete`, `deferred`, `conditional` or `approved`. */
    decision: InspectionDecision;
    /** The locale the messages are in (an unknown or regional tag falls back to one of these). */
    locale: AnswerLocale;
    /** How many missing values `scope` held back (0 without `scope`). */
    pending: number;
    today: string;
    /** Overall score, unrounded (round only for display); `null` while an item is unanswered. */
    score: number | null;
    sections: SectionScore[];
    rectifications: Rectification[];
    /** Re-inspection due at the latest deadline. */
    reinspectBy: string | null;
    /** 日查日报: daily self-check reports until re-inspected. */
    dailyReporting: boolean;
    /** The firm's needs, for the district's support list: each once, a need written as one of the
     * pack's choices in another case or in its words (`MASKS`, `口罩`) given as that choice (`masks`). */
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
    id: RuleId;
    /**
     * Units that comply: the sum over the whole pairs (both counts given) reported in this unit
     * and below it. Where no whole pair was reported, the unit's own count if it gave one, else
     * `null` (not known: never 0). Partial sums while `status` is `missing`.
     */
    numerator: number | null;
    /** All units, as `numerator` is (a grid that sent `compounds: 12` alone: `null` / 12). */
    denominator: number | null;
    /** numerator / denominator, unrounded; `null` for 0 / 0. */
    ratio: number | null;
    /** `missing` when counts of this unit (or a unit below) are not reported; `invalid` when some are wrong. */
    status: "met" | "short" | "not_applicable" | "invalid" | "missing";
    /** How many are still short of 100%: `null` when `invalid` or `missing` (not known), 0 when
     * `met` or `not_applicable`. */
    shortfall: number | null;
}

/** One unit with its own or rolled-up indicators. */
export interface UnitResult {
    id: string;
    parent: string | null;
    level: string | null;
    reported: boolean;
    /** Units below this one whose report is missing: the first 50, in report order. */
    missing: string[];
    /** How many units below miss their report, when more than 50 (absent otherwise). */
    missingTotal?: number;
    indicators: IndicatorResult[];
    checklist: { answered: number; passed: number; failed: string[]; partial: string[] } | null;
}

/** The answer to an indicator report (the CLI's `indicators` JSON). */
export interface IndicatorsAnswer {
    pack: PackStamp;
    /** `incomplete`, `deferred`, `conditional` or `approved`. */
    decision: IndicatorsDecision;
    /** The locale the messages are in (an unknown or regional tag falls back to one of these). */
    locale: AnswerLocale;
    /** How many missing values `scope` held back (0 without `scope`). */
    pending: number;
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
    /** `incomplete`, `deferred`, `conditional` or `approved`. */
    decision: ScreeningDecision;
    /** The locale the messages are in (an unknown or regional tag falls back to one of these). */
    locale: AnswerLocale;
    /** How many missing values `scope` held back (0 without `scope`). */
    pending: number;
    today: string;
    /**
     * `normal` only when every screen rule's condition is known to be false; `null` while a missing
     * answer leaves one open (the decision is then `incomplete`), and for input that could not be read.
     */
    outcome: "fever_clinic" | "central_quarantine" | "home_observation" | "normal" | null;
    /** The rule that decided (`SCR-3`), `null` for normal. */
    ruleId: RuleId | null;
    /** First day after the observation (`YYYY-MM-DD`); `null` for `fever_clinic` and `normal`, and
     * while a date the period is counted from is missing (no end date is stated from a date not given). */
    until: string | null;
    diagnostics: Diagnostic[];
    normalized: Normalized[];
}

/** Options of `describe`. */
export interface DescribeOptions {
    /** Language of labels and titles; default `zh-CN` (any tag, with the fallback of `Locale`). */
    locale?: Locale;
    /** Describe this pack version (default: the one in force on `on`, else the latest). */
    packVersion?: string;
    /** Describe the version in force on this day (`YYYY-MM-DD`, or a `Date`: its day in China Standard Time). */
    on?: string | Date;
}

/** Options of `inputSchema`: `title`s and `description`s in `locale` (default `zh-CN`), of the pack version chosen as for `describe`. */
export type InputSchemaOptions = DescribeOptions;

/** Options of `packInfo`. */
export interface PackInfoOptions {
    /** The day (`YYYY-MM-DD`, or a `Date`) whose version in force is wanted; default: the latest version. */
    on?: string | Date;
    /** A version by name (`2020-02-10`), as for `describe`: an `Error` (`options.invalid`) lists the versions when there is none. */
    packVersion?: string;
}

/** A JSON Schema 2020-12 document (from `inputSchema`). */
export type JsonSchema = { [key: string]: JsonValue };

/** The type of an input field: leaves, groups, lists and maps (`answers`, `counts`). */
export type FieldType = "text" | "number" | "boolean" | "date" | "object" | "array" | "map" | "texts";

/** A value of an enumerated field with its label in the locale (a yes/no field's values are the
 * JSON booleans `true` and `false`, as the input takes them). */
export interface EnumOption<V extends string | boolean | null = string> {
    value: V;
    label: string;
    /** What the value means or when it may be chosen, when the pack says (`na`: not for a veto
     * item; a screening's `deferred`: at once for symptoms, corrected for an error). */
    hint?: string;
}

/** One field of a kind's input, for building a form. */
export interface FieldDescription {
    /** Dotted id, `[]` for array elements and `*` for map entries: `enterprise.name`, `roster[].arrivedOn`. */
    id: string;
    /** JSON Pointer; `*` stands for any array element or map entry (`/roster/*` is each roster entry, `/answers/*` each answer). */
    pointer: string;
    type: FieldType;
    /** The field's name in the locale. */
    label: string;
    /** Help for the person filling it in, when the pack has some. */
    hint?: string;
    /** A rule needs it whatever else is given: left empty, it is reported as `field.required`. */
    required: boolean;
    /**
     * Rules that need it only in some cases, each with the fields its condition reads:
     * `measures.isolationRooms` is needed by RTW-P6 once `staff.keyArea.returned` (or the roster)
     * says key-area staff returned. A page may mark it required when those fields say so; the
     * answer asks for it (`field.required`) then. Absent when no rule asks conditionally.
     */
    requiredWhen?: { rule: RuleId; fields: string[] }[];
    /**
     * Most characters of a text. For `creditCode` and `idNumber`, of the value once spaces and
     * hyphens are dropped (`9144 0306 …` is accepted): do not set an input's `maxlength` from it
     * for those formats (`bindForm` does not).
     */
    maxLength?: number;
    /** Most elements of a list. */
    maxItems?: number;
    /**
     * Least and greatest value the engine accepts: a count's `min` 0, or the closed range of an
     * unconditional check of this field alone (`symptoms.temperature`: the pack's
     * `plausibleTemperatureMin` … `plausibleTemperatureMax`, 34 … 43 by default). A one-sided
     * rule (`preventionTeamSize >= 2`) is a requirement the engine words itself, not a limit.
     */
    min?: number;
    max?: number;
    /** Whole numbers only. */
    integer?: boolean;
    /** What the text must be: `creditCode`, `idNumber`, `phone`, `date`, `districtCode` … */
    format?: "creditCode" | "idNumber" | "phone" | "date" | "districtCode" | (string & {});
    /** The HTML `inputmode` to offer. */
    inputMode?: "none" | "text" | "decimal" | "numeric" | "tel" | "search" | "email" | "url";
    /** The allowed values with their labels. */
    enum?: EnumOption<string | boolean>[];
}

/** The kinds of rule a pack holds. */
export type RuleKind = "field" | "assert" | "isolation" | "gate" | "section" | "item" | "fact" | "indicator" | "checklistItem" | "screen";

/** One rule of the pack. */
export interface RuleDescription {
    id: RuleId;
    kind: RuleKind;
    /** The rule's title in the locale. */
    title: string;
    /**
     * What the rule reports when it is not met, as the engine reports it: an inspection item's
     * failure is an `error` only for a veto item (一票否决), else a `warning`; a fact not recorded and
     * an indicator short of 100% are `warning`s. (A value of the wrong form is an `error` whatever
     * the rule.)
     */
    severity: Severity;
    /**
     * Ids of the fields its diagnostics depend on: what its checks read, and what the kind reads
     * for it besides (an inspection item: `answers.*.result`, `answers.*.evidence` and the
     * rectifications carried over; an indicator: the unit's id, name and parent, and every count,
     * a unit that gives any being asked for the others; a screen rule: what each one tried before
     * it reads, since the first that holds decides).
     */
    reads: string[];
}

/** One of the 六个坚决不放手 gates. */
export interface GateDescription {
    id: GateId;
    /** The gate's wording in the locale (`企业复工人数不清`). */
    title: string;
    /** The rules whose errors fail it. */
    rules: RuleId[];
    /** Ids of the fields that feed it. */
    fields: string[];
}

/** What every description has. */
export interface DescriptionBase<K extends Kind> {
    kind: K;
    /** The locale used (after fallback). */
    locale: AnswerLocale;
    pack: PackStamp;
    /** The form's title in the locale. */
    title: string;
    /** Every field of the input, depth first (groups, lists and maps included). */
    fields: FieldDescription[];
    rules: RuleDescription[];
    /** The gates of this kind, when the pack has some (filings always). */
    gates?: GateDescription[];
    /** The words of a gate's `passed` (通过 / 未通过 / 待定), with `gates`. */
    gateStates?: EnumOption<boolean | null>[];
    /** The decision ladder's words in the locale, first rung to last. */
    decisions: EnumOption<"incomplete" | "deferred" | "conditional" | "approved">[];
    /** The words of a diagnostic's `severity` (错误 / 警告 / 提示). */
    severities: EnumOption<Severity>[];
    /**
     * The pack version's parameters by name (`leadDays`: 5 in Shenzhen, 3 in Hangzhou; `districts`;
     * `feverTemperature`…), so a page can state what a rule asks without copying the number.
     */
    parameters: Record<string, number | boolean | string | string[]>;
}

/** The return-to-work filing form, with its six gates. */
export interface FilingDescription extends DescriptionBase<"filing"> {
    gates: GateDescription[];
    gateStates: EnumOption<boolean | null>[];
}

/** One checklist item (六必须检查). */
export interface ItemDescription {
    id: RuleId;
    title: string;
    /** Points in its section. */
    weight: number;
    /** A veto item: `fail` defers whatever the score. */
    veto: boolean;
    /**
     * The pack's condition under which the item is not applicable (`keyAreaStaffReturned == false`):
     * where it holds, the item is scored as `na` whatever was answered (a `fail` is then no veto);
     * where it does not, a veto item answered `na` is refused. `null`: a veto item may never be `na`.
     */
    naWhen: string | null;
}

/** One checklist section with its items. */
export interface SectionDescription {
    id: RuleId;
    title: string;
    items: ItemDescription[];
}

/** One of the 六必须明确 facts. */
export interface FactDescription {
    id: RuleId;
    title: string;
    /** Id of the field holding it (`facts.basics`). */
    field: string;
}

/** The inspection form: sections, items, facts, results and evidence kinds. */
export interface InspectionDescription extends DescriptionBase<"inspection"> {
    sections: SectionDescription[];
    facts: FactDescription[];
    results: EnumOption<"pass" | "partial" | "fail" | "na">[];
    evidence: EnumOption<"document" | "record" | "onsite" | "interview">[];
    /** Suggested values of `facts.needs` (企业需求), with their labels. */
    needs: EnumOption<"masks" | "thermometers" | "disinfectant" | "staff" | "transport" | "materials">[];
    /** The words of `reinspection[].status` in the answer. */
    reinspection: EnumOption<Reinspected["status"]>[];
    /**
     * The words of the answer's own parts, to show beside them: `score` (总分), `sections`,
     * `rectifications`, `reinspectBy`, `dailyReporting` (日查日报, with its hint), `support`.
     */
    answer: EnumOption<"score" | "sections" | "rectifications" | "reinspectBy" | "dailyReporting" | "support">[];
}

/** A count of an indicator with its label. */
export interface CountDescription {
    /** The count's name in `units[].counts` (`compoundsEnclosed`). */
    count: string;
    label: string;
}

/** One of the 五个100% indicators. */
export interface IndicatorDescription {
    id: RuleId;
    title: string;
    /** The code of its shortfall diagnostic. */
    code: Code;
    numerator: CountDescription;
    denominator: CountDescription;
}

/** One of the 十个一律 community rules. */
export interface ChecklistItemDescription {
    id: RuleId;
    title: string;
}

/** The daily indicator report form. */
export interface IndicatorsDescription extends DescriptionBase<"indicators"> {
    indicators: IndicatorDescription[];
    checklist: ChecklistItemDescription[];
    /** The five levels of 五级联防, top down. */
    levels: EnumOption<"district" | "street" | "community" | "grid" | "unit">[];
    /** The words of `units[].indicators[].status` in the answer (已达100%, 未达标, 不适用, 数据有误, 缺报). */
    statuses: EnumOption<IndicatorResult["status"]>[];
    /** The answers to a checklist item (`na`'s hint is the checklist's own, with no veto item). */
    results: EnumOption<"pass" | "partial" | "fail" | "na">[];
}

/** One question of the personal declaration: a field of the declaration that is not a group (`visitedEpidemicArea`, `symptoms.temperature`). */
export type QuestionDescription = FieldDescription;

/** The personal screening declaration form. */
export interface ScreeningDescription extends DescriptionBase<"screening"> {
    questions: QuestionDescription[];
    /** The outcomes, in the order the screen rules are tried. */
    outcomes: EnumOption<"fever_clinic" | "central_quarantine" | "home_observation" | "normal">[];
}

/** Any description (`describe` with a kind known only at run time). */
export type Description = FilingDescription | InspectionDescription | IndicatorsDescription | ScreeningDescription;

/** The methods of `Engine` that describe the pack (merged into the class below). */
export interface Engine {
    /**
     * The form of a kind of submission, from the pack, in the locale: its fields (pointer, label,
     * hint, required, limits, format, enum values), rules, gates, and per kind the inspection's
     * sections and items, the indicators, or the screening questions.
     */
    describe(kind: "filing", options?: DescribeOptions): FilingDescription;
    describe(kind: "inspection", options?: DescribeOptions): InspectionDescription;
    describe(kind: "indicators", options?: DescribeOptions): IndicatorsDescription;
    describe(kind: "screening", options?: DescribeOptions): ScreeningDescription;
    describe(kind: Kind, options?: DescribeOptions): Description;
    /** The JSON Schema 2020-12 of a kind's input, `title`s and `description`s in the locale. */
    inputSchema(kind: Kind, options?: InputSchemaOptions): JsonSchema;
    /** `{ id, version, hash }` of the version in force on `on` (default: the latest version). */
    packInfo(options?: PackInfoOptions): PackStamp;
}

/** One mistake in a rule pack. */
export interface PackErrorInfo {
    /** JSON Pointer into the pack, e.g. `/rules/3/checks/0/assert`. */
    path: string;
    /** `pack.syntax`, `pack.unknown_reference`, `pack.type_mismatch`, … */
    code: string;
    /** What is wrong, in English (lower-case, one line). */
    message: string;
    /**
     * What is wrong in Chinese first, and in English: a page in zh-CN or zh-TW shows
     * `messages["zh-CN"]` (a pack's mistakes are not told in traditional characters), one in
     * English `messages.en` (the same as `message`).
     */
    messages: PackErrorMessages;
}

/** A pack's mistake (or the summary of all of them) in zh-CN and en. */
export interface PackErrorMessages {
    "zh-CN": string;
    en: string;
}

/**
 * What changed in a draft's answer (`draft.set`, `draft.remove`, `draft.setScope`). A
 * diagnostic whose params changed is both removed and added.
 */
export interface DraftChanges {
    /** Diagnostics now in the answer that were not, with messages in the draft's locale. */
    added: Diagnostic[];
    /** Diagnostics no longer in the answer. */
    removed: { path: string; code: Code; ruleId: RuleId | EngineRuleId }[];
    /** Gates whose `passed` moved (`null`: undetermined). */
    gates: { id: GateId; from: boolean | null; to: boolean | null }[];
    /** The decision, when it moved. */
    decision: { from: Decision; to: Decision } | null;
}

/**
 * What the package throws: a real `Error` with a one-line message and a stable `code` —
 * `options.invalid` (at `engine.checker(options)` once, or at each call given options),
 * `input.unconvertible`, `input.too_large` (a batch over 64 MiB of JSON in or 128 MiB out, then with
 * `maxBytes`), or a pack code (`pack.*`, then with `path` and every mistake in `errors`;
 * `pack.no_compiler` for `new Engine(pack)` in the runtime module, which has no pack compiler;
 * `pointer.invalid` or `pointer.out_of_range` for a draft's bad JSON Pointer), `engine.freed`
 * (a method of an engine, checker or draft after its `free()`).
 */
export interface FangkongError extends Error {
    code: string;
    path?: string;
    errors?: PackErrorInfo[];
    /** For a pack code: the one-line summary (`message`, in English) in zh-CN and en —
     * "规则包有 1 个错误：`/effectiveFrom`：缺少字段 `effectiveFrom`". */
    messages?: PackErrorMessages;
    /** For a batch: the index of the submission that could not be converted. */
    index?: number;
    /** For `input.too_large`: the most bytes of JSON a batch holds (in, and out), or of a
     * compiled pack (`Engine.fromCompiled`). */
    maxBytes?: number;
}

/** `memoryUsage()`: the package's heap in use and the most it lets itself use. Work that would
 * pass the limit is refused with an `Error` whose `code` is `engine.out_of_memory`. */
export interface MemoryUsage {
    liveBytes: number;
    limitBytes: number;
}



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
     * Load, check and compile a rule pack given as JSON text or as a plain object: one pack
     * document, or an array of versions of one family (`extends` may name an embedded pack).
     * Throws an `Error` (`code` = `pack.*`, `path` = JSON Pointer of the first mistake in
     * the pack, `errors` = every mistake as `{ path, code, message }`) for a bad pack.
     */
    constructor(pack: string | object);
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
 * Compile a rule pack (as `new Engine(pack)` does) into the compact form that the runtime
 * module loads with `Engine.fromCompiled(bytes)`, without the pack compiler. The bytes are
 * for the same package version. Throws like `new Engine(pack)` for a bad pack.
 */
export function compilePack(pack: string | object): Uint8Array;

/**
 * The CLI's `lint-pack`: compile the pack (throwing like `new Engine(pack)` for a mistake),
 * then check that every field and rule has a label in each locale. Returns `{ ok, versions:
 * [{ id, version, hash, rules, effectiveFrom }], missingLabels: [{ version, locale, key }] }`;
 * `ok` is false when a label is missing.
 */
export function lint(pack: string | object): PackLint;

/**
 * `memoryUsage()`: the heap in use and the most the package lets itself use, in bytes.
 */
export function memoryUsage(): MemoryUsage;

/**
 * The version of the package and of the Rust crate it is built from, e.g. `0.1.0`.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __fk_preinit: () => number;
    readonly __wbg__batch_free: (a: number, b: number) => void;
    readonly __wbg_checker_free: (a: number, b: number) => void;
    readonly __wbg_draft_free: (a: number, b: number) => void;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly _batch__next: (a: number, b: number) => void;
    readonly _batch__push: (a: number, b: number, c: number, d: number, e: number) => number;
    readonly _compilePack: (a: number, b: number, c: number) => void;
    readonly _engineNew: (a: number, b: number) => number;
    readonly _error: (a: number) => void;
    readonly _fromCompiled: (a: number, b: number) => number;
    readonly _kind: (a: number, b: number) => number;
    readonly _lint: (a: number, b: number, c: number) => void;
    readonly _liveBytes: () => number;
    readonly _packIds: (a: number) => void;
    readonly _version: (a: number) => void;
    readonly _withDefaultPack: () => number;
    readonly _withPackId: (a: number, b: number) => number;
    readonly checker__batch: (a: number) => number;
    readonly checker__check: (a: number, b: number, c: number, d: number, e: number) => void;
    readonly draft__answer: (a: number, b: number) => void;
    readonly draft__remove: (a: number, b: number, c: number, d: number) => void;
    readonly draft__set: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => void;
    readonly draft__setScope: (a: number, b: number, c: number, d: number) => void;
    readonly draft__start: (a: number, b: number, c: number) => number;
    readonly draft__value: (a: number, b: number) => void;
    readonly engine__batch: (a: number, b: number, c: number) => number;
    readonly engine__check: (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => void;
    readonly engine__checker: (a: number, b: number, c: number) => number;
    readonly engine__describe: (a: number, b: number, c: number, d: number, e: number, f: number) => void;
    readonly engine__draft: (a: number, b: number, c: number, d: number) => number;
    readonly engine__options: (a: number, b: number, c: number) => number;
    readonly engine_version: (a: number, b: number) => void;
    readonly __wbindgen_add_to_stack_pointer: (a: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
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

// --- Generated by scripts/gen-types.mjs from packs/shenzhen-2020.json (do not edit) ---

/**
 * A diagnostic code: the 114 codes of the default pack (`shenzhen-2020`), left open for
 * other packs — a `switch` over it needs a `default`.
 */
export type Code =
  | "input.not_json"
  | "input.duplicate_key"
  | "input.not_utf8"
  | "input.too_large"
  | "input.invalid_type"
  | "input.unknown_field"
  | "input.unknown_fields"
  | "engine.budget_exhausted"
  | "answer.truncated"
  | "answer.too_many"
  | "input.lookalike"
  | "input.lookalike_case"
  | "input.lookalike_space"
  | "input.too_long"
  | "input.too_many"
  | "field.required"
  | "credit_code.length"
  | "credit_code.charset"
  | "credit_code.checksum"
  | "district_code.format"
  | "district_code.province"
  | "district_code.not_allowed"
  | "phone.format"
  | "id_number.length"
  | "id_number.charset"
  | "id_number.province"
  | "id_number.birth_date"
  | "id_number.checksum"
  | "date.format"
  | "date.impossible"
  | "count.negative"
  | "count.fraction"
  | "count.too_large"
  | "amount.negative"
  | "amount.too_large"
  | "filing.returning_exceeds_total"
  | "filing.returning_breakdown"
  | "filing.key_area_exceeds_outside"
  | "filing.isolation_exceeds_returned"
  | "filing.unreachable_exceeds_still_there"
  | "filing.headcount_exceeds_total"
  | "filing.roster_returning_mismatch"
  | "filing.roster_key_area_mismatch"
  | "filing.filed_in_future"
  | "filing.lead_time"
  | "filing.before_province_date"
  | "filing.isolation_not_complete"
  | "filing.team_too_small"
  | "filing.no_emergency_plan"
  | "filing.masks_short"
  | "filing.no_thermometer"
  | "filing.no_disinfectant"
  | "filing.no_isolation_area"
  | "filing.isolation_not_single_room"
  | "filing.temperature_checks_too_few"
  | "filing.dormitory_crowded"
  | "filing.dormitory_area_small"
  | "filing.canteen_not_staggered"
  | "filing.canteen_not_dispersed"
  | "filing.fingerprint_clock_in_use"
  | "filing.site_not_closed"
  | "gate.rectification_overdue"
  | "gate.key_area_unreachable"
  | "indicators.compounds_not_enclosed"
  | "indicators.arrivals_not_isolated"
  | "indicators.contacts_not_quarantined"
  | "indicators.entrances_not_checked"
  | "indicators.rentals_not_registered"
  | "input.unknown_pack_version"
  | "inspection.item_failed"
  | "inspection.item_partial"
  | "inspection.veto_failed"
  | "inspection.veto_partial"
  | "inspection.veto_not_applicable"
  | "inspection.answer_not_applicable"
  | "inspection.invalid_answer"
  | "inspection.unknown_item"
  | "inspection.rectification_overdue"
  | "inspection.knowledge_inconsistent"
  | "indicators.numerator_exceeds_denominator"
  | "indicators.count_invalid"
  | "indicators.count_too_large"
  | "indicators.unknown_count"
  | "indicators.missing_report"
  | "indicators.unknown_parent"
  | "indicators.duplicate_unit"
  | "indicators.cycle"
  | "indicators.bad_level"
  | "indicators.level_order"
  | "checklist.failed"
  | "checklist.partial"
  | "checklist.invalid_answer"
  | "checklist.unknown_item"
  | "checklist.not_in_pack"
  | "screening.fever_clinic"
  | "screening.central_quarantine"
  | "screening.home_observation"
  | "screening.date_missing"
  | "screening.gatherings"
  | "screening.declaration_inconsistent"
  | "screening.visit_outside_window"
  | "screening.contact_outside_window"
  | "screening.contact_inconsistent"
  | "screening.date_after_declaration"
  | "screening.temperature_implausible"
  | "inspection.nothing_applicable"
  | "inspection.na_not_allowed"
  | "inspection.dated_in_future"
  | "inspection.previous_in_future"
  | "indicators.dated_in_future"
  | "screening.declared_in_future"
  | "screening.central_quarantine_undated"
  | "screening.home_observation_undated"
  | "screening.date_in_future"
  | (string & {});

/** A rule id: the 96 rules of the default pack (`shenzhen-2020`), left open for other packs. */
export type RuleId =
  | "RTW-F1"
  | "RTW-F2"
  | "RTW-F3"
  | "RTW-F4"
  | "RTW-F5"
  | "RTW-F6"
  | "RTW-C1"
  | "RTW-C2"
  | "RTW-C3"
  | "RTW-C4"
  | "RTW-C5"
  | "RTW-C6"
  | "RTW-C7"
  | "RTW-T1"
  | "RTW-T2"
  | "RTW-T3"
  | "RTW-P1"
  | "RTW-P2"
  | "RTW-P3"
  | "RTW-P4"
  | "RTW-P5"
  | "RTW-P6"
  | "RTW-P7"
  | "RTW-P8"
  | "RTW-P9"
  | "RTW-P10"
  | "RTW-G1"
  | "RTW-G2"
  | "RTW-G3"
  | "RTW-G4"
  | "RTW-G5"
  | "RTW-G6"
  | "INS-S1"
  | "INS-S2"
  | "INS-S3"
  | "INS-S4"
  | "INS-S5"
  | "INS-S6"
  | "INS-S1-1"
  | "INS-S1-2"
  | "INS-S1-3"
  | "INS-S1-4"
  | "INS-S2-1"
  | "INS-S2-2"
  | "INS-S2-3"
  | "INS-S2-4"
  | "INS-S3-1"
  | "INS-S3-2"
  | "INS-S3-3"
  | "INS-S3-4"
  | "INS-S3-5"
  | "INS-S3-6"
  | "INS-S3-7"
  | "INS-S4-1"
  | "INS-S4-2"
  | "INS-S4-3"
  | "INS-S4-4"
  | "INS-S5-1"
  | "INS-S5-2"
  | "INS-S5-3"
  | "INS-S5-4"
  | "INS-S5-5"
  | "INS-S6-1"
  | "INS-S6-2"
  | "INS-S6-3"
  | "INS-K1"
  | "INS-K2"
  | "INS-K3"
  | "INS-K4"
  | "INS-K5"
  | "INS-K6"
  | "INS-D1"
  | "IND-1"
  | "IND-2"
  | "IND-3"
  | "IND-4"
  | "IND-5"
  | "IND-R1"
  | "IND-R2"
  | "IND-R3"
  | "IND-R4"
  | "IND-R5"
  | "IND-R6"
  | "IND-R7"
  | "IND-R8"
  | "IND-R9"
  | "IND-R10"
  | "IND-D1"
  | "SCR-1"
  | "SCR-2"
  | "SCR-3"
  | "SCR-4"
  | "SCR-D1"
  | "SCR-D2"
  | "SCR-D3"
  | "SCR-D4"
  | (string & {});

/** A gate id (六个坚决不放手): the 6 gates of the default pack (`shenzhen-2020`), left open for other packs. */
export type GateId =
  | "RTW-G1"
  | "RTW-G2"
  | "RTW-G3"
  | "RTW-G4"
  | "RTW-G5"
  | "RTW-G6"
  | (string & {});
