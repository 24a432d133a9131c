//! The WebAssembly boundary: the JS class `Engine` of the npm package `fangkong` (pkg/).
//!
//! This is the only file that knows wasm-bindgen. Every entry point takes a plain JS
//! object (or JSON text) and options `{ now, locale, packVersion }`, and returns a plain
//! JS object equal to the CLI's JSON answer. Bad input is answered with a diagnostic; bad
//! options, unconvertible values (cyclic objects, BigInt) and bad packs throw an `Error`
//! with a `code` — never a trap, and the module keeps working for the next call.
//!
//! Adding an entry point for another kind of submission is one method calling
//! [`WasmEngine::answer`] with the matching `Engine::*_json` function.

use js_sys::{Array, Error, JSON, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::MAX_INPUT_BYTES;
use crate::time::parse_now;
use crate::{Engine, Locale, Options, PackErrors};

/// Most submissions one batch call accepts.
const MAX_BATCH: u32 = 10_000;

/// The option names `Options` understands.
const OPTION_NAMES: [&str; 3] = ["now", "locale", "packVersion"];

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
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
"#;

/// A compiled rule pack, ready to judge many submissions.
///
/// ```js
/// const engine = Engine.withDefaultPack();
/// const answer = engine.checkFiling(filing, { now: '2020-02-04T10:00:00+08:00', locale: 'zh-CN' });
/// ```
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    inner: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Load, check and compile a rule pack given as JSON text or as a plain object: one pack
    /// document, or an array of versions of one family (`extends` may name an embedded pack).
    /// Throws an `Error` (`code` = `pack.*`, `path` = JSON Pointer of the first mistake in
    /// the pack, `errors` = every mistake as `{ path, code, message }`) for a bad pack.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "string | object")] pack: JsValue) -> Result<WasmEngine, Error> {
        let text = json_text(&pack, "pack", "a rule pack object or JSON text")?;
        Engine::from_pack_json(&text).map(|inner| WasmEngine { inner }).map_err(|e| pack_error(&e))
    }

    /// The engine with the embedded default pack (`shenzhen-2020`).
    #[wasm_bindgen(js_name = withDefaultPack)]
    pub fn with_default_pack() -> Result<WasmEngine, Error> {
        Engine::with_default_pack().map(|inner| WasmEngine { inner }).map_err(|e| pack_error(&e))
    }

    /// The engine with an embedded pack family: `shenzhen-2020`, `guangming-2020` or
    /// `hangzhou-2020` (the CLI's `--pack-id`). Throws an `Error` (`pack.unknown_reference`)
    /// for another id.
    #[wasm_bindgen(js_name = withPackId)]
    pub fn with_pack_id(id: &str) -> Result<WasmEngine, Error> {
        Engine::with_pack_id(id).map(|inner| WasmEngine { inner }).map_err(|e| pack_error(&e))
    }

    /// Which pack answers by default: `{ id, version, hash }` of the latest version. Compare
    /// `hash` between the browser and the server to be sure both judge by the same rules.
    #[wasm_bindgen(js_name = packInfo, unchecked_return_type = "PackStamp")]
    pub fn pack_info(&self) -> Result<JsValue, Error> {
        to_js(&self.inner.pack_info())
    }

    /// The version of the package (and of the Rust crate it is built from), e.g. `0.1.0`.
    #[wasm_bindgen(getter, js_name = version)]
    pub fn version(&self) -> String {
        env!("CARGO_PKG_VERSION").to_owned()
    }

    /// Check a return-to-work filing, given as a plain object or as JSON text.
    ///
    /// Returns the answer `{ pack, decision, today, diagnostics, gates, earliestStart,
    /// normalized }`, the same JSON as `fangkong check-filing`. Input of the wrong shape
    /// (null, a number, an array, wrong field types, text that is not JSON, more than
    /// 4 MiB) is answered with `input.*` diagnostics. Throws an `Error` for bad options
    /// or a value that cannot be converted to JSON (cyclic object, BigInt, undefined).
    #[wasm_bindgen(js_name = checkFiling, unchecked_return_type = "FilingAnswer")]
    pub fn check_filing(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filing | string")] filing: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsValue, Error> {
        self.answer(&filing, &options, "filing", Engine::check_filing_json)
    }

    /// Check many filings with the same options: an array of filings (objects or JSON
    /// text) gives an array of answers in the same order. At most 10 000 at once.
    #[wasm_bindgen(js_name = checkFilings, unchecked_return_type = "FilingAnswer[]")]
    pub fn check_filings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Array<Filing | string>")] filings: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsValue, Error> {
        self.answers(&filings, &options, "filing", Engine::check_filing_json)
    }

    /// Score an inspection (六必须检查 / 六必须明确): an `Inspection` object or its JSON
    /// text. Returns an `InspectionAnswer` with the score, sections, outcome,
    /// rectifications and re-inspection date.
    #[wasm_bindgen(js_name = scoreInspection, unchecked_return_type = "InspectionAnswer")]
    pub fn score_inspection(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Inspection | string")] inspection: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsValue, Error> {
        self.answer(&inspection, &options, "inspection", Engine::score_inspection_json)
    }

    /// Evaluate a daily report of the community indicators (五个100%) with roll-up:
    /// an `IndicatorReport` object or its JSON text. Returns an `IndicatorsAnswer`.
    #[wasm_bindgen(js_name = evaluateIndicators, unchecked_return_type = "IndicatorsAnswer")]
    pub fn evaluate_indicators(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IndicatorReport | string")] report: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsValue, Error> {
        self.answer(&report, &options, "indicator report", Engine::evaluate_indicators_json)
    }

    /// Screen a person's declaration (排查 / 自主申报): a `Declaration` object or its JSON
    /// text. Returns a `ScreeningAnswer` with the outcome, the deciding rule and `until`.
    #[wasm_bindgen(js_name = screenPerson, unchecked_return_type = "ScreeningAnswer")]
    pub fn screen_person(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Declaration | string")] declaration: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsValue, Error> {
        self.answer(&declaration, &options, "declaration", Engine::screen_person_json)
    }
}

impl WasmEngine {
    /// One submission through `check` (an `Engine::*_json` entry point) to a plain object.
    fn answer<A: Serialize>(
        &self,
        input: &JsValue,
        options: &JsValue,
        what: &str,
        check: impl Fn(&Engine, &str, &Options) -> A,
    ) -> Result<JsValue, Error> {
        let opts = self.options(options)?;
        let text = input_text(input, what)?;
        to_js(&check(&self.inner, &text, &opts))
    }

    /// A batch of submissions through `check`, to an array of plain objects.
    fn answers<A: Serialize>(
        &self,
        inputs: &JsValue,
        options: &JsValue,
        what: &str,
        check: impl Fn(&Engine, &str, &Options) -> A,
    ) -> Result<JsValue, Error> {
        let opts = self.options(options)?;
        if !Array::is_array(inputs) {
            return Err(coded(
                &format!("expected an array of {what}s, got {}", js_type(inputs)),
                "input.unconvertible",
            ));
        }
        let inputs: &Array = inputs.unchecked_ref();
        let n = inputs.length();
        if n > MAX_BATCH {
            return Err(coded(&format!("a batch holds at most {MAX_BATCH} {what}s; got {n}"), "input.too_many"));
        }
        let out = Array::new();
        for i in 0..n {
            let text = input_text(&inputs.get(i), what).inspect_err(|e| {
                let _ = Reflect::set(e, &"index".into(), &JsValue::from(i));
                e.set_message(&format!("{what} {i}: {}", String::from(e.message())));
            })?;
            out.push(&to_js(&check(&self.inner, &text, &opts))?);
        }
        Ok(out.into())
    }

    /// Read `{ now, locale, packVersion }`.
    fn options(&self, options: &JsValue) -> Result<Options, Error> {
        let bad = |m: String| coded(&format!("options{m}"), "options.invalid");
        if !options.is_object() || Array::is_array(options) || options.is_function() {
            return Err(bad(format!(
                " must be an object such as {{ now: '2020-02-04T10:00:00+08:00' }}, got {}",
                js_type(options)
            )));
        }
        let keys = Object::keys(options.unchecked_ref::<Object>());
        for k in keys.iter() {
            let k = k.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&k.as_str()) {
                return Err(bad(format!(": unknown option `{k}`; use {}", OPTION_NAMES.join(", "))));
            }
        }
        let get = |name: &str| {
            Reflect::get(options, &JsValue::from_str(name))
                .map_err(|e| bad(format!(".{name} cannot be read: {}", js_message(&e))))
        };
        let now = get("now")?;
        let now = if let Some(s) = now.as_string() {
            parse_now(&s).map_err(|e| bad(format!(".now: {e}")))?
        } else if let Some(d) = now.dyn_ref::<js_sys::Date>() {
            if d.get_time().is_nan() {
                return Err(bad(".now is an invalid Date".to_owned()));
            }
            parse_now(&String::from(d.to_iso_string())).map_err(|e| bad(format!(".now: {e}")))?
        } else if now.is_undefined() || now.is_null() {
            return Err(bad(
                ".now is required: RFC 3339 text such as `2020-02-04T10:00:00+08:00`, a date such as `2020-02-04`, or a Date"
                    .to_owned(),
            ));
        } else {
            return Err(bad(format!(".now must be RFC 3339 text or a Date, got {}", js_type(&now))));
        };
        let locale = get("locale")?;
        let locale = if locale.is_undefined() || locale.is_null() {
            Locale::ZhCn
        } else if let Some(tag) = locale.as_string() {
            Locale::parse(&tag)
                .ok_or_else(|| bad(format!(".locale: unknown locale `{tag}`; use zh-CN, zh-TW or en")))?
        } else {
            return Err(bad(format!(".locale must be text such as `zh-CN`, got {}", js_type(&locale))));
        };
        let want = get("packVersion")?;
        let pack_version = if want.is_undefined() || want.is_null() {
            None
        } else if let Some(v) = want.as_string() {
            if !self.inner.packs().any(|p| p.stamp.version == v) {
                let have: Vec<&str> = self.inner.packs().map(|p| p.stamp.version.as_str()).collect();
                return Err(bad(format!(
                    ".packVersion: no version `{v}` of `{}`; versions: {}",
                    self.inner.pack().stamp.id,
                    have.join(", ")
                )));
            }
            Some(v)
        } else {
            return Err(bad(format!(".packVersion must be text, got {}", js_type(&want))));
        };
        Ok(Options { now, locale, pack_version })
    }
}

/// The version of the package and of the Rust crate it is built from, e.g. `0.1.0`.
#[wasm_bindgen(js_name = version)]
pub fn package_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The JSON text of a submission: a string as it is, anything else through `JSON.stringify`.
/// Text longer than the engine accepts is cut just past the limit (so the engine answers
/// `input.too_large` without copying all of it into wasm memory).
fn input_text(input: &JsValue, what: &str) -> Result<String, Error> {
    let Some(s) = input.dyn_ref::<js_sys::JsString>() else {
        return json_text(input, what, &format!("a {what} object or JSON text"));
    };
    let limit = u32::try_from(MAX_INPUT_BYTES).unwrap_or(u32::MAX);
    if s.length() > limit {
        // UTF-8 never has fewer bytes than UTF-16 code units: the cut is still too large.
        return Ok(String::from(s.slice(0, limit.saturating_add(1))));
    }
    Ok(String::from(s))
}

/// `JSON.stringify(value)`, or an `Error` saying why not.
fn json_text(value: &JsValue, what: &str, expected: &str) -> Result<String, Error> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    match JSON::stringify(value) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| coded(&format!("expected {expected}, got {}", js_type(value)), "input.unconvertible")),
        Err(e) => {
            Err(coded(&format!("the {what} cannot be converted to JSON: {}", js_message(&e)), "input.unconvertible"))
        }
    }
}

/// An answer as a plain JS object: the CLI's JSON text (the same serializer, so the same
/// key order), parsed by `JSON.parse` — objects and arrays only, no `Map`, no `undefined`.
/// (Smaller than serde-wasm-bindgen and exact for every JSON value; see BENCHMARKS.md.)
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value).map_err(|e| coded(&format!("cannot build the answer: {e}"), "internal"))?;
    JSON::parse(&text).map_err(|e| coded(&format!("cannot build the answer: {}", js_message(&e)), "internal"))
}

/// An `Error` with `message` and a `code` property.
fn coded(message: &str, code: &str) -> Error {
    let e = Error::new(message);
    let _ = Reflect::set(&e, &"code".into(), &code.into());
    e
}

/// The `Error` for a bad pack: message, `code`/`path` of the first mistake, and `errors`.
fn pack_error(errors: &PackErrors) -> Error {
    let first = errors.0.first();
    let e = coded(&errors.to_string(), first.map_or("pack.syntax", |p| p.kind.code()));
    let _ = Reflect::set(&e, &"path".into(), &first.map_or(String::new(), |p| p.path.clone()).into());
    let all = Array::new();
    for p in &errors.0 {
        let o = Object::new();
        let _ = Reflect::set(&o, &"path".into(), &p.path.as_str().into());
        let _ = Reflect::set(&o, &"code".into(), &p.kind.code().into());
        let _ = Reflect::set(&o, &"message".into(), &p.message.as_str().into());
        all.push(&o);
    }
    let _ = Reflect::set(&e, &"errors".into(), &all);
    e
}

/// The first line of a thrown JS value's message, first letter lower-cased.
fn js_message(e: &JsValue) -> String {
    let text = match e.dyn_ref::<Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| js_type(e)),
    };
    let line = text.lines().next().unwrap_or_default().trim();
    let mut chars = line.chars();
    match chars.next() {
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => "unknown error".to_owned(),
    }
}

/// A short name of a JS value's type for messages: `undefined`, `null`, `an array` …
fn js_type(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else if Array::is_array(v) {
        "an array".to_owned()
    } else {
        match v.js_typeof().as_string().as_deref() {
            Some("undefined") => "undefined".to_owned(),
            Some("object") => "an object".to_owned(),
            Some(t) => format!("a {t}"),
            None => "a value".to_owned(),
        }
    }
}
