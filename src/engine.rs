//! The [`Engine`]: a compiled pack and the entry points that use it.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};

use crate::answer::{Decision, Diagnostic, FilingAnswer, PackStamp, Severity, decide};
use crate::filing::{Filing, evaluate, merge_normalized};
use crate::pack::{Locale, Pack, PackErrors};
use crate::schema::{FILING, walk};
use crate::time::today_cst;

/// The default pack, `shenzhen-2020`, embedded in the library.
pub const DEFAULT_PACK: &str = include_str!("../packs/shenzhen-2020.json");

/// Largest submission accepted as JSON text, in bytes.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// How to answer: the explicit `now` and the message locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The moment of checking; "today" is its calendar day in China Standard Time.
    pub now: DateTime<FixedOffset>,
    /// Language of messages.
    pub locale: Locale,
}

impl Options {
    /// Options at `now` in the default locale (zh-CN).
    pub fn at(now: DateTime<FixedOffset>) -> Self {
        Self {
            now,
            locale: Locale::ZhCn,
        }
    }

    /// The same options in another locale.
    pub fn locale(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }
}

/// A compiled rule pack, ready to judge many submissions.
#[derive(Debug, Clone)]
pub struct Engine {
    filing: Pack,
}

impl Engine {
    /// The engine with the embedded `shenzhen-2020` pack.
    pub fn with_default_pack() -> Result<Engine, PackErrors> {
        Self::from_pack_json(DEFAULT_PACK)
    }

    /// Load, check and compile a pack from JSON text.
    pub fn from_pack_json(text: &str) -> Result<Engine, PackErrors> {
        Ok(Engine {
            filing: Pack::from_json(text, &FILING)?,
        })
    }

    /// Load, check and compile a pack from a JSON value.
    pub fn from_pack_value(value: Value) -> Result<Engine, PackErrors> {
        Ok(Engine {
            filing: Pack::from_value(value, &FILING)?,
        })
    }

    /// The pack in use.
    pub fn pack(&self) -> &Pack {
        &self.filing
    }

    /// Which pack answers: id, version and hash.
    pub fn pack_info(&self) -> PackStamp {
        self.filing.stamp.clone()
    }

    /// Check a typed filing.
    pub fn check_filing(&self, filing: &Filing, opts: &Options) -> FilingAnswer {
        match serde_json::to_value(filing) {
            Ok(v) => self.check_filing_value(&v, opts),
            Err(_) => self.unusable("input.invalid_type", json!({ "expected": "object" }), opts),
        }
    }

    /// Check a filing given as JSON text (anything: not JSON and oversized input are
    /// answered with a diagnostic, never an error).
    pub fn check_filing_json(&self, text: &str, opts: &Options) -> FilingAnswer {
        if text.len() > MAX_INPUT_BYTES {
            return self.unusable(
                "input.too_large",
                json!({ "maxBytes": MAX_INPUT_BYTES }),
                opts,
            );
        }
        match serde_json::from_str::<Value>(text) {
            Ok(v) => self.check_filing_value(&v, opts),
            Err(e) => self.unusable(
                "input.not_json",
                json!({ "line": e.line(), "column": e.column() }),
                opts,
            ),
        }
    }

    /// Check a filing given as a JSON value.
    pub fn check_filing_value(&self, input: &Value, opts: &Options) -> FilingAnswer {
        let today = today_cst(&opts.now);
        let walked = walk(input, &FILING);
        let shape_errors: BTreeSet<String> =
            walked.diagnostics.iter().map(|d| d.path.clone()).collect();
        let outcome = evaluate(&self.filing, &walked.doc, today, &shape_errors);
        let mut diagnostics = walked.diagnostics;
        diagnostics.extend(outcome.diagnostics);
        self.render(&mut diagnostics, opts);
        let any_gate_failed = outcome.gates.iter().any(|g| !g.passed);
        FilingAnswer {
            pack: self.pack_info(),
            decision: decide(&diagnostics, any_gate_failed),
            today: today.format("%Y-%m-%d").to_string(),
            diagnostics,
            gates: outcome.gates,
            earliest_start: outcome.earliest_start,
            normalized: merge_normalized(walked.normalized.into_iter().chain(outcome.normalized)),
        }
    }

    fn unusable(&self, code: &str, params: Value, opts: &Options) -> FilingAnswer {
        let mut diagnostics = vec![Diagnostic::engine(
            code,
            Severity::Error,
            String::new(),
            params,
        )];
        self.render(&mut diagnostics, opts);
        FilingAnswer {
            pack: self.pack_info(),
            decision: Decision::Deferred,
            today: today_cst(&opts.now).format("%Y-%m-%d").to_string(),
            diagnostics,
            gates: Vec::new(),
            earliest_start: Vec::new(),
            normalized: Vec::new(),
        }
    }

    fn render(&self, diagnostics: &mut [Diagnostic], opts: &Options) {
        for d in diagnostics {
            let (message, help) = self.filing.messages.render(opts.locale, &d.code, &d.params);
            d.message = message;
            d.help = help;
        }
    }
}
