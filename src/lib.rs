//! # fangkong 防控
//!
//! A rules engine for the 2020 epidemic-prevention campaign in China's community and
//! enterprise work: return-to-work filings (复工备案) with the gate 六个坚决不放手,
//! for Rust, the command line and (as WebAssembly) the browser.
//!
//! Rules live in a **rule pack** (JSON: parameters, rules, messages), checked and
//! compiled once into an [`Engine`]; submissions are then judged many times. Every
//! entry point takes an explicit `now`; "today" is the calendar day in China Standard
//! Time. Every answer is one JSON shape (domain.md §7).
//!
//! ```
//! use fangkong::{Engine, Options, time::parse_now};
//!
//! let engine = Engine::with_default_pack().map_err(|e| e.to_string())?;
//! let now = parse_now("2020-02-04T10:00:00+08:00")?;
//! let answer = engine.check_filing_json(r#"{"filedOn": "2020-02-04"}"#, &Options::at(now));
//! // A half-filled filing is `incomplete`: each missing value is `field.required` at its path.
//! assert_eq!(answer.decision, fangkong::Decision::Incomplete);
//! let d = answer.diagnostics.iter().find(|d| d.path == "/enterprise/creditCode").ok_or("no diagnostic")?;
//! assert!(d.missing && d.code == "field.required" && d.message == "请填写：统一社会信用代码");
//!
//! // With `scope` (the fields reached so far), missing values elsewhere wait in `pending`.
//! let typing = engine.check_filing_json(r#"{"filedOn": "2020-02-04"}"#, &Options::at(now).scope(["/filedOn"]));
//! assert!(typing.diagnostics.is_empty() && typing.pending > 0);
//! # Ok::<(), String>(())
//! ```
//!
//! ## Glossary
//!
//! - **pack** — a versioned set of rules, parameters and messages (`packs/shenzhen-2020.json`).
//! - **rule** — has a stable id from domain.md (`RTW-C1`); kinds: `field`, `assert`,
//!   `isolation`, `gate`.
//! - **diagnostic** — one problem at one field: `{code, severity, path, ruleId, message, params, help, missing}`.
//! - **missing** — a value absent, `null` or blank that a rule needs: `field.required`, never a fact.
//! - **scope** — the fields a person has reached; missing values elsewhere are `pending`.
//! - **label** — a field's, rule's or value's name in the pack's `labels`, per locale; `describe` gives them to pages.
//! - **gate** — one of the six 坚决不放手 conditions; closed by its causes.
//! - **earliest start** — first working day of a key-area employee after isolation.
//! - **normalised value** — what full-width digits, `2020/2/4` or `+86 138…` become.

#[macro_use]
mod words;
mod swar;
// Postcard read by hand (the compact form of packs).
mod wire;

pub mod answer;
pub mod budget;
pub mod describe;
pub mod draft;
pub mod engine;
pub mod expr;
pub mod filing;
pub mod ids;
pub mod indicators;
pub mod inspection;
pub mod json_schema;
pub mod locale;
pub mod num;
pub mod pack;
pub mod pointer;
pub mod rules;
pub mod schema;
pub mod screening;
pub mod time;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use answer::{
    Decision, Diagnostic, FilingAnswer, GateResult, IndicatorsAnswer, InspectionAnswer, PackStamp, ScreeningAnswer,
    Severity,
};
pub use engine::{DEFAULT_PACK, Engine, Options};
pub use filing::Filing;
pub use pack::{Locale, PackError, PackErrors};

/// The chrono the API takes (`Options::at`, `NaiveDate`), so that a caller need not match its
/// version (audit).
pub use chrono;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
