//! The other answers written straight as JSON text — inspection, indicators, screening, a
//! pack's stamp, a draft's changes, any JSON value — the same bytes as `serde_json::to_string`
//! of them (`tests/answer_text.rs` compares both on every golden case), so the runtime `.wasm`
//! holds no serde serializer: its `Serialize` instances of these types and its writer were
//! ~25 KB of code (BENCHMARKS.md, "The runtime, smaller"). The filing's answer is `json.rs`'s.

use std::fmt::Write as _;

use serde_json::Value;

use super::json::diagnostic;
pub(crate) use super::json::string;
use super::{
    Decision, Diagnostic, FilingAnswer, IndicatorsAnswer, InspectionAnswer, Normalized, PackStamp, ScreenOutcome,
    ScreeningAnswer,
};
use crate::locale::Locale;

/// A value the package hands to JS as JSON text, written as `serde_json::to_string` writes it.
pub trait WriteJson {
    /// Append the JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

impl WriteJson for FilingAnswer {
    fn write_json(&self, out: &mut String) {
        FilingAnswer::write_json(self, out);
    }
}

impl WriteJson for Value {
    fn write_json(&self, out: &mut String) {
        value(out, self);
    }
}

impl WriteJson for PackStamp {
    fn write_json(&self, out: &mut String) {
        stamp(out, self);
        out.push('}');
    }
}

/// `out.push_str(s)` out of line: the writers' many keys and brackets are one call each, not an
/// inlined capacity check and copy each (1.x KB of code less).
#[inline(never)]
pub fn lit(out: &mut String, s: &str) {
    out.push_str(s);
}

/// `","` before every item but the first.
pub fn comma(out: &mut String, i: usize) {
    if i > 0 {
        out.push(',');
    }
}

/// Any JSON value: numbers as serde_json prints them (`crate::num::push_number`), objects in
/// their map's order.
pub fn value(out: &mut String, v: &Value) {
    match v {
        Value::Null => lit(out, "null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => crate::num::push_number(out, n),
        Value::String(s) => string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                comma(out, i);
                value(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                comma(out, i);
                string(out, k);
                out.push(':');
                value(out, x);
            }
            out.push('}');
        }
    }
}

/// A value's JSON text: what `Value::to_string` gives (serde's serializer behind `Display`).
pub fn text(v: &Value) -> String {
    let mut out = String::new();
    value(&mut out, v);
    out
}

/// A number as `crate::num::ser` serialises it (whole numbers as integers, `null` when not finite).
fn number(out: &mut String, x: f64) {
    value(out, &crate::num::json(x));
}

fn opt_number(out: &mut String, x: Option<f64>) {
    match x {
        Some(x) => number(out, x),
        None => lit(out, "null"),
    }
}

/// A whole number, or `null` (not known).
fn opt_count(out: &mut String, n: Option<u64>) {
    match n {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => lit(out, "null"),
    }
}

pub fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => lit(out, "null"),
    }
}

pub fn opt_bool(out: &mut String, b: Option<bool>) {
    out.push_str(match b {
        Some(true) => "true",
        Some(false) => "false",
        None => "null",
    });
}

fn bool(out: &mut String, b: bool) {
    out.push_str(if b { "true" } else { "false" });
}

fn strings(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        comma(out, i);
        string(out, s);
    }
    out.push(']');
}

/// A decision's word.
pub fn decision(d: Decision) -> &'static str {
    match d {
        Decision::Approved => "approved",
        Decision::Conditional => "conditional",
        Decision::Deferred => "deferred",
        Decision::Incomplete => "incomplete",
    }
}

/// `{"id":…,"version":…,"hash":…` (the object left open).
fn stamp(out: &mut String, p: &PackStamp) {
    lit(out, "{\"id\":");
    string(out, &p.id);
    lit(out, ",\"version\":");
    string(out, &p.version);
    lit(out, ",\"hash\":");
    string(out, &p.hash);
}

/// What every answer begins with: `{"pack":…,"decision":…,"today":…,"locale":…,"pending":…`.
fn head(out: &mut String, pack: &PackStamp, d: Decision, today: &str, locale: Locale, pending: usize) {
    lit(out, "{\"pack\":");
    stamp(out, pack);
    lit(out, "},\"decision\":\"");
    out.push_str(decision(d));
    lit(out, "\",\"today\":");
    string(out, today);
    lit(out, ",\"locale\":");
    string(out, locale.tag());
    let _ = write!(out, ",\"pending\":{pending}");
}

/// A list of diagnostics, `[…]`.
pub fn diagnostics(out: &mut String, list: &[Diagnostic]) {
    out.push('[');
    for (i, d) in list.iter().enumerate() {
        comma(out, i);
        diagnostic(out, d);
    }
    out.push(']');
}

/// What every answer ends with: `,"diagnostics":[…],"normalized":[…]}`.
fn tail(out: &mut String, list: &[Diagnostic], normalized: &[Normalized]) {
    lit(out, ",\"diagnostics\":");
    diagnostics(out, list);
    lit(out, ",\"normalized\":[");
    for (i, n) in normalized.iter().enumerate() {
        comma(out, i);
        lit(out, "{\"path\":");
        string(out, &n.path);
        lit(out, ",\"value\":");
        value(out, &n.value);
        out.push('}');
    }
    lit(out, "]}");
}

impl WriteJson for InspectionAnswer {
    fn write_json(&self, out: &mut String) {
        head(out, &self.pack, self.decision, &self.today, self.locale, self.pending);
        lit(out, ",\"score\":");
        opt_number(out, self.score);
        lit(out, ",\"sections\":[");
        for (i, s) in self.sections.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"id\":");
            string(out, &s.id);
            lit(out, ",\"score\":");
            opt_number(out, s.score);
            lit(out, ",\"earned\":");
            number(out, s.earned);
            lit(out, ",\"applicable\":");
            number(out, s.applicable);
            out.push('}');
        }
        lit(out, "],\"rectifications\":[");
        for (i, r) in self.rectifications.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"itemId\":");
            string(out, &r.item_id);
            lit(out, ",\"deadline\":");
            string(out, &r.deadline);
            lit(out, ",\"veto\":");
            bool(out, r.veto);
            out.push('}');
        }
        lit(out, "],\"reinspectBy\":");
        opt_string(out, self.reinspect_by.as_deref());
        lit(out, ",\"dailyReporting\":");
        bool(out, self.daily_reporting);
        lit(out, ",\"support\":");
        strings(out, &self.support);
        lit(out, ",\"reinspection\":[");
        for (i, r) in self.reinspection.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"itemId\":");
            string(out, &r.item_id);
            lit(out, ",\"deadline\":");
            string(out, &r.deadline);
            lit(out, ",\"status\":");
            string(out, &r.status);
            lit(out, ",\"path\":");
            string(out, &r.path);
            out.push('}');
        }
        out.push(']');
        tail(out, &self.diagnostics, &self.normalized);
    }
}

impl WriteJson for IndicatorsAnswer {
    fn write_json(&self, out: &mut String) {
        head(out, &self.pack, self.decision, &self.today, self.locale, self.pending);
        lit(out, ",\"date\":");
        opt_string(out, self.date.as_deref());
        lit(out, ",\"units\":[");
        for (i, u) in self.units.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"id\":");
            string(out, &u.id);
            lit(out, ",\"parent\":");
            opt_string(out, u.parent.as_deref());
            lit(out, ",\"level\":");
            opt_string(out, u.level.as_deref());
            lit(out, ",\"reported\":");
            bool(out, u.reported);
            lit(out, ",\"missing\":");
            strings(out, &u.missing);
            if let Some(n) = u.missing_total {
                let _ = write!(out, ",\"missingTotal\":{n}");
            }
            lit(out, ",\"indicators\":[");
            for (k, r) in u.indicators.iter().enumerate() {
                comma(out, k);
                lit(out, "{\"id\":");
                string(out, &r.id);
                lit(out, ",\"numerator\":");
                opt_count(out, r.numerator);
                lit(out, ",\"denominator\":");
                opt_count(out, r.denominator);
                lit(out, ",\"ratio\":");
                opt_number(out, r.ratio);
                lit(out, ",\"status\":");
                string(out, &r.status);
                match r.shortfall {
                    Some(n) => {
                        let _ = write!(out, ",\"shortfall\":{n}}}");
                    }
                    None => lit(out, ",\"shortfall\":null}"),
                }
            }
            lit(out, "],\"checklist\":");
            match &u.checklist {
                Some(c) => {
                    let _ = write!(out, "{{\"answered\":{},\"passed\":{},\"failed\":", c.answered, c.passed);
                    strings(out, &c.failed);
                    lit(out, ",\"partial\":");
                    strings(out, &c.partial);
                    lit(out, "}}");
                }
                None => lit(out, "null}"),
            }
        }
        lit(out, "],\"missing\":");
        strings(out, &self.missing);
        tail(out, &self.diagnostics, &self.normalized);
    }
}

impl WriteJson for ScreeningAnswer {
    fn write_json(&self, out: &mut String) {
        head(out, &self.pack, self.decision, &self.today, self.locale, self.pending);
        lit(out, ",\"outcome\":");
        opt_string(out, self.outcome.map(ScreenOutcome::name));
        lit(out, ",\"ruleId\":");
        opt_string(out, self.rule_id.as_deref());
        lit(out, ",\"until\":");
        opt_string(out, self.until.as_deref());
        tail(out, &self.diagnostics, &self.normalized);
    }
}
