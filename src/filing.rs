//! Return-to-work filings (复工备案): the typed input of domain.md §2. They are judged by
//! the pack's generic rules (`crate::rules`: field checks, assertions, per-employee
//! isolation and the six gates of 六个坚决不放手) and the decision of §2.6 (`Engine::check_filing`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::{Diagnostic, EarliestStart, FilingAnswer, GateResult, Normalized, decide};
use crate::engine::{Engine, MAX_INPUT_BYTES, Options, render};
use crate::pack::Pack;
use crate::schema::{Doc, SlotDoc, Subject, Walked, read_slots, shape_for, walk_input};

/// The field whose date chooses the pack version a filing is judged by (and a draft's: src/draft.rs).
pub(crate) const DATE: &str = "filedOn";

impl Engine {
    /// Check a typed filing.
    pub fn check_filing(&self, filing: &Filing, opts: &Options) -> FilingAnswer {
        match serde_json::to_value(filing) {
            Ok(v) => self.check_filing_input(Cow::Owned(v), opts),
            Err(_) => {
                self.unusable("input.invalid_type", crate::answer::params([("expected", Value::from("object"))]), opts)
            }
        }
    }

    /// Check a filing given as JSON text (anything: not JSON and oversized input are
    /// answered with a diagnostic, never an error).
    pub fn check_filing_json(&self, text: &str, opts: &Options) -> FilingAnswer {
        // A clean filing is read in one pass into slots and judged there; anything else (and
        // what the work budget must count) is parsed, then walked.
        // (A lone surrogate escape is an escape the reader gives up on: the ordinary way
        // replaces it.)
        if text.len() <= MAX_INPUT_BYTES
            && let Some(answer) = read_slots(text, shape_for(Subject::Filing)).and_then(|d| self.check_clean(&d, opts))
        {
            return answer;
        }
        self.judge_json(text, opts, |v| self.check_filing_input(Cow::Owned(v), opts))
    }

    /// Check a filing given as a JSON value.
    pub fn check_filing_value(&self, input: &Value, opts: &Options) -> FilingAnswer {
        self.check_filing_input(Cow::Borrowed(input), opts)
    }

    /// The same, borrowed or owned (JSON text parsed here is taken apart, not copied).
    fn check_filing_input(&self, input: Cow<'_, Value>, opts: &Options) -> FilingAnswer {
        self.check_filing_walked(walk_input(input, shape_for(Subject::Filing)), opts)
    }

    fn check_filing_walked(&self, walked: Walked, opts: &Options) -> FilingAnswer {
        match self.prepare_walked(walked, Subject::Filing, DATE, false, opts) {
            Ok(p) => filing_answer(p.pack, p.today, p.diagnostics, p.gates, p.earliest_start, p.normalized, opts),
            Err(unusable) => unusable,
        }
    }

    /// A clean filing read into slots ([`read_slots`]): what [`Self::prepare_walked`] does,
    /// with no walk and nothing from the shape to report. `None` when it must go the ordinary
    /// way: an unknown pack version (the unusable answer), or work the budget must count.
    fn check_clean(&self, doc: &SlotDoc<'_>, opts: &Options) -> Option<FilingAnswer> {
        let today = crate::time::today_cst(&opts.now);
        let date = doc.root().member("filedOn").and_then(Doc::text).and_then(crate::time::parse_iso_date);
        let pack = self.pack_for(date.unwrap_or(today), opts.pack_version.as_deref()).ok()?;
        if opts.budget < crate::budget::WORK_BUDGET
            || doc.longest_array.max(1) > pack.work_bounds.longest(Subject::Filing)
        {
            return None;
        }
        let outcome = crate::rules::evaluate(pack, Subject::Filing, doc.root(), today, &Default::default());
        let shape = shape_for(Subject::Filing);
        let mut normalized = outcome.normalized;
        normalized.retain(|n| opts.personal || !crate::schema::is_personal(shape, &n.path));
        let normalized = crate::rules::merge_normalized(normalized);
        Some(filing_answer(pack, today, outcome.diagnostics, outcome.gates, outcome.earliest_start, normalized, opts))
    }
}

/// The answer once the rules have run: the decision, then messages in the locale.
fn filing_answer(
    pack: &Pack,
    today: chrono::NaiveDate,
    mut diagnostics: Vec<Diagnostic>,
    gates: Vec<GateResult>,
    earliest_start: Vec<EarliestStart>,
    normalized: Vec<Normalized>,
    opts: &Options,
) -> FilingAnswer {
    let any_gate_failed = gates.iter().any(|g| g.passed == Some(false));
    let decision = decide(&diagnostics, any_gate_failed);
    let pending = render(pack, &mut diagnostics, opts);
    FilingAnswer {
        pack: pack.stamp.clone(),
        decision,
        today: crate::time::fmt_date(today),
        locale: opts.locale,
        pending,
        diagnostics,
        gates,
        earliest_start,
        normalized,
    }
}

/// A return-to-work filing. Every field is optional so that a half-filled form can be
/// checked as it is typed; what is missing is reported by the rules. Dates are text
/// (`2020-02-04`, `2020/2/4` or `2020年2月4日`); counts are numbers so that a negative
/// or fractional count can be reported rather than refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filing {
    /// Date of filing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_on: Option<String>,
    /// Planned date of resumption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_resumption: Option<String>,
    /// The enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<Enterprise>,
    /// 第一责任人 and 健康联络员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Contacts>,
    /// Headcounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<Staff>,
    /// Employees, one by one (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<Vec<RosterEntry>>,
    /// Prevention supplies in stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplies: Option<Supplies>,
    /// Prevention measures in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Measures>,
    /// Rectifications from this firm's inspections that are still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_rectifications: Option<Vec<OpenRectification>>,
}

/// The enterprise that files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Enterprise {
    /// Registered name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 统一社会信用代码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<String>,
    /// GB/T 2260 district code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_code: Option<String>,
    /// 街道.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// 社区.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<String>,
    /// Site address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 保障类 (city running, epidemic control, daily necessities): exempt from the province's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelisted: Option<bool>,
}

/// A named person with a phone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Mobile or landline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 居民身份证号码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
}

/// Responsible people.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contacts {
    /// 第一责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_responsible: Option<Person>,
    /// 健康联络员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_liaison: Option<Person>,
}

/// Headcounts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Staff {
    /// All employees.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub total: Option<f64>,
    /// Employees returning to work.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub returning: Option<f64>,
    /// Returning employees who stayed locally.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub local: Option<f64>,
    /// Returning employees coming from outside.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub from_outside: Option<f64>,
    /// Employees with key-area (重点疫区) history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_area: Option<KeyArea>,
}

/// Key-area employees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyArea {
    /// Returned from a key area.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub returned: Option<f64>,
    /// Of those, isolation completed.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub isolation_complete: Option<f64>,
    /// Still in the key area.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub still_there: Option<f64>,
    /// Of those, unreachable.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub unreachable: Option<f64>,
}

/// One employee.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RosterEntry {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 居民身份证号码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Returning to work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returning: Option<bool>,
    /// Has been in a key area within 14 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_area_history: Option<bool>,
    /// Close contact of a confirmed case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_contact: Option<bool>,
    /// Date of arrival in the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<String>,
}

/// Supplies in stock.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Supplies {
    /// Masks.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub masks: Option<f64>,
    /// Thermometers.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub thermometers: Option<f64>,
    /// Disinfectant, litres.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub disinfectant_liters: Option<f64>,
    /// Gloves.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub gloves: Option<f64>,
}

/// Canteen arrangements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Canteen {
    /// There is a canteen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// 错峰 staggered meal times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staggered: Option<bool>,
    /// Boxed meals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boxed_meals: Option<bool>,
    /// Dispersed dining (分散就餐).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispersed_dining: Option<bool>,
}

/// Dormitory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dormitory {
    /// Rooms.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub rooms: Option<f64>,
    /// Residents.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub residents: Option<f64>,
    /// Floor area, m².
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::num::ser_opt",
        rename = "areaM2"
    )]
    pub area_m2: Option<f64>,
}

/// Prevention measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measures {
    /// 防疫小组 size.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub prevention_team_size: Option<f64>,
    /// Team trained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_trained: Option<bool>,
    /// 应急处置预案.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_plan: Option<bool>,
    /// Isolation rooms.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub isolation_rooms: Option<f64>,
    /// 单人单间.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_room_isolation: Option<bool>,
    /// Closed management of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_management: Option<bool>,
    /// Temperature checks a day.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::num::ser_opt")]
    pub temperature_checks_per_day: Option<f64>,
    /// Fingerprint time clock suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint_clock_suspended: Option<bool>,
    /// Canteen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canteen: Option<Canteen>,
    /// Dormitory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dormitory: Option<Dormitory>,
    /// Daily disinfection log kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disinfection_log: Option<bool>,
    /// Commitment letter signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment_signed: Option<bool>,
}

/// An open rectification from an inspection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenRectification {
    /// Inspection item (`INS-S4-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Resolved by a passing re-inspection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<bool>,
    /// A veto item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<bool>,
}
