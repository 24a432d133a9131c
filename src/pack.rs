//! Rule packs: JSON documents holding parameters, rules and messages, statically
//! checked and compiled once into a [`Pack`].
//!
//! A pack error names the JSON Pointer of the mistake inside the pack, e.g.
//! `/rules/7/checks/0/assert: unknown field `staff.returing` (column 1)`.

pub mod compact;
pub mod doc;
mod messages;

// The compiler: JSON packs to [`Pack`] (not in the npm package's runtime module, which loads
// the packs build.rs precompiled: `compact`).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
mod compile;
mod error;
mod family;
mod lazy;
#[cfg(test)]
mod pack_zh_tests;
mod params;
mod read;
mod shape;
pub mod work;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use sha2::{Digest, Sha256};

pub use crate::answer::ScreenOutcome;
use crate::answer::{PackStamp, Severity};
use crate::expr::{Expr, ParamValue};
pub use crate::locale::Locale;
use crate::schema::{Subject, Ty};
use doc::{FieldCheckKind, RuleKind};
#[cfg(test)]
pub(crate) use error::told as error_told;
pub use error::{PackError, PackErrorKind, PackErrors};
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
use error::{json_error_zh, pe, shape_messages};
pub use family::{FamilyNames, RuleOrigins, merge_patch, resolve_extends, resolve_in_family};
pub use lazy::Rules;
pub use messages::Catalogue;
pub(crate) use messages::{entry_label, unit_label};
pub use params::ParamMap;
pub use shape::PACK;
pub use work::{DIAGNOSTIC_STEPS, WORK_BUDGET, WorkBounds};

/// Largest pack accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// Largest pack version once `extends` is resolved (its parents merged in), as canonical JSON:
/// the same as a pack given, so a chain of versions cannot make one larger than that.
pub const MAX_RESOLVED_BYTES: usize = MAX_PACK_BYTES;

/// A field named in a pack (`roster[].phone`), resolved against the input shape.
#[derive(Debug, Clone, Serialize)]
pub struct FieldPath {
    /// Segments; `Each` iterates an array.
    pub segs: Vec<Seg>,
    /// Leaf type.
    #[serde(with = "crate::expr::stored::ty")]
    pub ty: Ty,
    /// Its segments' positions in slot documents, found on first read (not stored).
    #[serde(skip)]
    pub slots: crate::schema::SlotPath,
}

impl FieldPath {
    /// The field's id as packs write it: `enterprise.name`, `roster[].phone`.
    pub fn id(&self) -> String {
        let parts: Vec<String> = self
            .segs
            .iter()
            .map(|s| match s {
                Seg::Key(k) => k.clone(),
                Seg::Each(k) => format!("{k}[]"),
            })
            .collect();
        parts.join(".")
    }
}

/// One segment of a [`FieldPath`].
#[derive(Debug, Clone, Serialize)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// Every element of the array at this member.
    Each(String),
}

/// A compiled field check.
#[derive(Debug, Clone, Serialize)]
pub struct FieldCheck {
    /// Which check.
    pub check: FieldCheckKind,
    /// Fields it applies to.
    pub fields: Vec<FieldPath>,
    /// Fields that must be present.
    pub required: Vec<FieldPath>,
    /// Accepted codes (districtCode).
    pub allowed: Option<Vec<String>>,
    /// Severity of a wrong check character.
    pub checksum_severity: Severity,
    /// Severity of every other failure.
    pub severity: Severity,
}

/// A compiled assertion.
#[derive(Debug, Clone, Serialize)]
pub struct AssertCheck {
    /// Must hold (a check of `required` fields alone has none).
    pub assert: Option<Expr>,
    /// Fields that must be given when the check applies (relative to the element with `each`).
    pub required: Vec<Vec<String>>,
    /// The positions of `required`'s keys in slot documents, found on first read (not stored).
    #[serde(skip)]
    pub required_slots: crate::schema::SlotPaths,
    /// Judged only when this holds.
    pub when: Option<Expr>,
    /// Judged per element of this array.
    pub each: Option<Vec<String>>,
    /// Where the diagnostic points (relative to the element with `each`).
    pub path: Vec<String>,
    /// Diagnostic code.
    pub code: String,
    /// Diagnostic parameters.
    pub params: Vec<(String, Expr)>,
    /// Severity.
    pub severity: Severity,
}

/// A compiled isolation rule (RTW-T3).
#[derive(Debug, Clone, Serialize)]
pub struct IsolationRule {
    /// The array of people.
    pub each: Vec<String>,
    /// Who must isolate.
    pub when: Expr,
    /// Isolation start.
    pub start: Expr,
    /// Isolation days.
    pub days: Expr,
    /// The day they should be on site.
    pub by: Expr,
    /// Code when they cannot be.
    pub code: String,
    /// Field of the element the diagnostic points at.
    pub path: Vec<String>,
    /// Severity.
    pub severity: Severity,
}

/// What a compiled rule does.
#[derive(Debug, Clone, Serialize)]
pub enum RuleBody {
    /// Field checks.
    Field(Vec<FieldCheck>),
    /// Assertions.
    Assert(Vec<AssertCheck>),
    /// Per-person isolation.
    Isolation(Box<IsolationRule>),
    /// A gate: causes and own checks.
    Gate {
        /// Rules whose diagnostics close the gate.
        causes: Vec<String>,
        /// The gate's own conditions.
        checks: Vec<AssertCheck>,
    },
    /// An inspection section.
    Section,
    /// An inspection item.
    Item {
        /// Its section.
        section: String,
        /// Its weight.
        weight: f64,
        /// 一票否决.
        veto: bool,
        /// Not applicable without an answer when this holds.
        na_when: Option<Expr>,
    },
    /// A fact an inspection must record.
    Fact {
        /// The field.
        path: Vec<String>,
    },
    /// A community indicator.
    Indicator {
        /// Count of complying units.
        numerator: String,
        /// Count of all units.
        denominator: String,
        /// Code of the shortfall diagnostic.
        code: String,
    },
    /// An item of the 十个一律 checklist.
    ChecklistItem,
    /// A screening outcome rule.
    Screen(Box<ScreenRule>),
}

/// The code a screen rule's outcome is told with while the start of its period is not known:
/// `<code>_undated` (its message states the number of days, not an end date).
pub fn undated_code(code: &str) -> String {
    format!("{code}_undated")
}

/// A compiled screening rule.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenRule {
    /// When it applies.
    pub when: Expr,
    /// What follows.
    pub outcome: ScreenOutcome,
    /// The date observation counts from.
    pub from: Option<Expr>,
    /// Observation days.
    pub days: Option<Expr>,
    /// Diagnostic code.
    pub code: String,
    /// Field the diagnostic points at.
    pub path: Vec<String>,
}

/// The code of a veto item answered `na` where its `naWhen` does not hold (INS-S3-3 with
/// key-area staff returned): needed only by packs with such an item.
pub const NA_NOT_ALLOWED: &str = "inspection.na_not_allowed";

/// Codes an inspection item may emit.
pub const ITEM_CODES: &[&str] = &[
    "inspection.item_failed",
    "inspection.item_partial",
    "inspection.veto_failed",
    "inspection.veto_partial",
    "field.required",
    "inspection.veto_not_applicable",
    "inspection.answer_not_applicable",
    "inspection.invalid_answer",
    "inspection.unknown_item",
    "inspection.rectification_overdue",
    "inspection.knowledge_inconsistent",
    "inspection.nothing_applicable",
];
/// Codes the indicators may emit.
pub const INDICATOR_CODES: &[&str] = &[
    "indicators.numerator_exceeds_denominator",
    "field.required",
    "indicators.count_invalid",
    "indicators.count_too_large",
    "indicators.unknown_count",
    "indicators.missing_report",
    "indicators.unknown_parent",
    "indicators.duplicate_unit",
    "indicators.cycle",
    "indicators.bad_level",
    "indicators.level_order",
];
/// Codes the checklist may emit.
pub const CHECKLIST_CODES: &[&str] = &[
    "checklist.failed",
    "checklist.partial",
    "checklist.invalid_answer",
    "checklist.unknown_item",
    "checklist.not_in_pack",
];

/// A compiled rule.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What it says, for people (its `title` in the pack).
    pub title: Option<String>,
    /// What it judges.
    pub subject: Subject,
    /// Severity of its diagnostics.
    pub severity: Severity,
    /// What it does.
    pub body: RuleBody,
}

impl RuleBody {
    /// The kind of rule it was compiled from.
    pub fn kind(&self) -> RuleKind {
        match self {
            RuleBody::Field(_) => RuleKind::Field,
            RuleBody::Assert(_) => RuleKind::Assert,
            RuleBody::Isolation(_) => RuleKind::Isolation,
            RuleBody::Gate { .. } => RuleKind::Gate,
            RuleBody::Section => RuleKind::Section,
            RuleBody::Item { .. } => RuleKind::Item,
            RuleBody::Fact { .. } => RuleKind::Fact,
            RuleBody::Indicator { .. } => RuleKind::Indicator,
            RuleBody::ChecklistItem => RuleKind::ChecklistItem,
            RuleBody::Screen(_) => RuleKind::Screen,
        }
    }
}

impl Rule {
    /// The kind's name in packs (`assert`, `item`, …).
    pub fn kind_name(&self) -> &'static str {
        self.body.kind().name()
    }
}

/// A checked and compiled rule pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Identity and hash (shared with every answer of this version).
    pub stamp: Arc<PackStamp>,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Rules in evaluation order (a slice; in a pack loaded precompiled, decoded when first used).
    pub rules: Rules,
    /// Messages.
    pub messages: Catalogue,
    /// Labels and hints of fields, rules and values (`labels`).
    pub labels: Catalogue,
    /// Parameter values.
    pub params: ParamMap,
    /// The (resolved) pack document as JSON, as hashed; `Null` in a pack loaded precompiled
    /// ([`Engine::precompiled`](crate::Engine::precompiled)), which needs only what is above.
    pub json: Value,
    /// How long an array may be with the work of these rules certainly within the budget.
    pub work_bounds: WorkBounds,
}

/// Parameters the engine reads directly when a pack has inspection items.
pub const INSPECTION_PARAMS: &[&str] =
    &["approvedScore", "conditionalScore", "rectifyDays", "vetoRectifyDays", "partialCredit"];

/// Codes the engine itself may emit, whatever the pack's rules: every pack needs their messages.
pub const ENGINE_CODES: &[&str] = &[
    "field.required",
    "input.not_json",
    "input.duplicate_key",
    "input.not_utf8",
    "input.too_large",
    "input.invalid_type",
    "input.unknown_field",
    "input.unknown_fields",
    "input.lookalike",
    "input.lookalike_case",
    "input.lookalike_space",
    "answer.truncated",
    "engine.budget_exhausted",
    "input.too_long",
    "input.too_many",
    "input.unknown_pack_version",
];

/// Codes added after packs were written, with words of the engine's own
/// ([`Catalogue::render`](messages::Catalogue::render) falls back to them): a pack may give its
/// own, and one written before them still loads (`lint-pack` does not ask for them).
pub const LATER_CODES: &[&str] = &["count.too_large", "amount.too_large", "answer.too_many"];

/// The codes a field check may emit (besides [`LATER_CODES`]), each needing a message.
pub fn field_check_codes(k: FieldCheckKind) -> &'static [&'static str] {
    match k {
        FieldCheckKind::CreditCode => {
            &["field.required", "credit_code.length", "credit_code.charset", "credit_code.checksum"]
        }
        FieldCheckKind::DistrictCode => {
            &["field.required", "district_code.format", "district_code.province", "district_code.not_allowed"]
        }
        FieldCheckKind::Phone => &["field.required", "phone.format"],
        FieldCheckKind::IdNumber => &[
            "field.required",
            "id_number.length",
            "id_number.charset",
            "id_number.province",
            "id_number.birth_date",
            "id_number.checksum",
        ],
        FieldCheckKind::Date => &["field.required", "date.format", "date.impossible"],
        FieldCheckKind::Count => &["field.required", "count.negative", "count.fraction"],
        FieldCheckKind::Amount => &["field.required", "amount.negative"],
        FieldCheckKind::Text => &["field.required"],
    }
}

impl Pack {
    /// A number parameter (checked at load for the parameters the engine reads).
    pub fn num(&self, name: &str) -> f64 {
        match self.params.get(name) {
            Some(ParamValue::Num(x)) => *x,
            _ => 0.0,
        }
    }
}

/// A pack's text over [`MAX_PACK_BYTES`] (its BOM not counted): `pack.syntax`, from the library,
/// the compiler module and the CLI alike (which stops reading past it).
pub fn too_large() -> PackErrors {
    let zh = format!("规则包大于 {MAX_PACK_BYTES} 字节");
    PackErrors(vec![error::pe("", PackErrorKind::Syntax, zh, format!("pack larger than {MAX_PACK_BYTES} bytes"))])
}

/// A pack's JSON text (one pack, or an array of versions) to a `Value`, read the same way by
/// the library, the compiler module and the CLI: a byte-order mark at the start is skipped (as
/// at the start of a submission's text), at most [`MAX_PACK_BYTES`], a lone surrogate escape
/// is U+FFFD (as `JSON.parse` reads it), and a key given twice in one object is `pack.syntax`
/// at the pointer of that object, never merged (the last would win, unseen, with the same
/// `pack.hash` as the pack without the first: audit 3, F3).
#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
pub fn read_json(text: &str) -> Result<Value, PackErrors> {
    let text = text.trim_start_matches('\u{feff}');
    if text.len() > MAX_PACK_BYTES {
        return Err(too_large());
    }
    crate::num::read_pack(&crate::num::lone_surrogates_replaced(text)).map_err(|(e, twice)| {
        PackErrors(vec![match twice {
            Some(d) => pe(
                d.object,
                PackErrorKind::Syntax,
                format!(
                    "此对象中键 `{}` 出现了两次（第 {} 行，第 {} 列）：规则包中每个键只能出现一次",
                    d.key,
                    e.line(),
                    e.column()
                ),
                format!(
                    "key `{}` is given twice in this object (line {}, column {}): a pack gives each key once",
                    d.key,
                    e.line(),
                    e.column()
                ),
            ),
            None => pe(
                "",
                PackErrorKind::Syntax,
                format!("不是有效的 JSON：{}", json_error_zh(&e)),
                format!("not valid JSON: {e}"),
            ),
        }])
    })
}

#[cfg(any(feature = "compiler", not(target_arch = "wasm32")))]
impl Pack {
    /// Parse, check and compile a pack against the input shape it judges.
    pub fn from_json(text: &str) -> Result<Pack, PackErrors> {
        Self::from_value(read_json(text)?)
    }

    /// Check and compile a pack given as a JSON value.
    pub fn from_value(mut value: Value) -> Result<Pack, PackErrors> {
        // One number, one spelling: `3.0` and `3`, `-0` and `0` are the same number, so the same
        // hash whether the pack was read as text or came as a JS object (packs audit: a page that
        // fetched it with `.json()` and a server that read the file had different hashes).
        crate::num::whole_numbers(&mut value);
        let canonical = serde_json::to_string(&value).unwrap_or_default();
        // A version as resolved (its parents' rules, messages and labels merged in) is bounded
        // too, not only the text given: an `extends` chain cannot grow a pack without limit.
        if canonical.len() > MAX_RESOLVED_BYTES {
            let n = canonical.len();
            return Err(PackErrors(vec![pe(
                "",
                PackErrorKind::Unbounded,
                format!("合并父规则包后，规则包共 {n} 字节：最多 {MAX_RESOLVED_BYTES} 字节"),
                format!("a pack of {n} bytes once its parents are merged in: at most {MAX_RESOLVED_BYTES}"),
            )]));
        }
        let doc = doc::PackDoc::read(&value).map_err(|problems| {
            PackErrors(
                problems
                    .into_iter()
                    .map(|d| {
                        let (zh, en) = shape_messages(&d.code, &d.params);
                        pe(d.path, PackErrorKind::Syntax, zh, en)
                    })
                    .collect(),
            )
        })?;
        let hash = format!("sha256:{}", compile::hex(&Sha256::digest(canonical.as_bytes())));
        compile::compile(doc, hash, value)
    }
}
