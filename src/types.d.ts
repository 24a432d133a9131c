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
