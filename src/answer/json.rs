//! A filing's answer written straight as JSON text (issue 9, point 1): the same bytes as
//! `serde_json::to_string` of it (`tests/clean_reader.rs` compares both on every golden filing
//! and on edits of them), with the keys written as they are and no serializer in between.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Decision, Diagnostic, FilingAnswer};

impl FilingAnswer {
    /// Append the answer's JSON text to `out`: what `serde_json::to_string(self)` gives.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"pack\":{\"id\":");
        string(out, &self.pack.id);
        out.push_str(",\"version\":");
        string(out, &self.pack.version);
        out.push_str(",\"hash\":");
        string(out, &self.pack.hash);
        out.push_str("},\"decision\":\"");
        out.push_str(match self.decision {
            Decision::Approved => "approved",
            Decision::Conditional => "conditional",
            Decision::Deferred => "deferred",
            Decision::Incomplete => "incomplete",
        });
        out.push_str("\",\"today\":");
        string(out, &self.today);
        out.push_str(",\"locale\":");
        string(out, self.locale.tag());
        out.push_str(",\"pending\":");
        out.push_str(itoa::Buffer::new().format(self.pending as u64));
        out.push_str(",\"diagnostics\":[");
        for (i, d) in self.diagnostics.iter().enumerate() {
            comma(out, i);
            diagnostic(out, d);
        }
        out.push_str("],\"gates\":[");
        for (i, g) in self.gates.iter().enumerate() {
            comma(out, i);
            out.push_str("{\"id\":");
            string(out, &g.id);
            out.push_str(match g.passed {
                Some(true) => ",\"passed\":true,\"causes\":[",
                Some(false) => ",\"passed\":false,\"causes\":[",
                None => ",\"passed\":null,\"causes\":[",
            });
            for (k, c) in g.causes.iter().enumerate() {
                comma(out, k);
                out.push_str("{\"ruleId\":");
                string(out, &c.rule_id);
                out.push_str(",\"code\":");
                string(out, &c.code);
                out.push_str(",\"path\":");
                string(out, &c.path);
                out.push('}');
            }
            out.push_str("]}");
        }
        out.push_str("],\"earliestStart\":[");
        for (i, e) in self.earliest_start.iter().enumerate() {
            comma(out, i);
            out.push_str("{\"path\":");
            string(out, &e.path);
            out.push_str(",\"index\":");
            out.push_str(itoa::Buffer::new().format(e.index as u64));
            out.push_str(",\"earliestStart\":");
            string(out, &e.earliest_start);
            out.push('}');
        }
        out.push_str("],\"normalized\":[");
        for (i, n) in self.normalized.iter().enumerate() {
            comma(out, i);
            out.push_str("{\"path\":");
            string(out, &n.path);
            out.push_str(",\"value\":");
            value(out, &n.value);
            out.push('}');
        }
        out.push_str("]}");
    }
}

fn comma(out: &mut String, i: usize) {
    if i > 0 {
        out.push(',');
    }
}

pub(super) fn diagnostic(out: &mut String, d: &Diagnostic) {
    out.push_str("{\"code\":");
    string(out, &d.code);
    out.push_str(",\"severity\":\"");
    out.push_str(d.severity.name());
    out.push_str("\",\"path\":");
    string(out, &d.path);
    out.push_str(",\"ruleId\":");
    string(out, &d.rule_id);
    out.push_str(",\"message\":");
    string(out, &d.message);
    out.push_str(",\"params\":");
    value(out, &d.params);
    if let Some(h) = &d.help {
        out.push_str(",\"help\":");
        string(out, h);
    }
    out.push_str(if d.missing { ",\"missing\":true}" } else { ",\"missing\":false}" });
}

/// A JSON value: an empty object or a string here, anything else by `cold::value`.
fn value(out: &mut String, v: &Value) {
    match v {
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::String(s) => string(out, s),
        other => super::cold::value(out, other),
    }
}

/// A JSON string as `serde_json` escapes it: `"` and `\`, and control characters (`\b`, `\t`,
/// `\n`, `\f`, `\r`, else `\u00XX` in lower-case hex); everything else as it is.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    let b = s.as_bytes();
    let mut from = 0;
    loop {
        // Eight bytes at a time up to the next byte to escape (the last ones as one word).
        let i = crate::swar::first_special(b, from);
        let Some(&c) = b.get(i) else { break };
        let escape = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => "",
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{c:04x}");
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("某\u{2028}\u{FEFF}😀\"\\/");
        for s in [all.as_str(), "", "a", "\u{1}", "plain text", "\"\\"] {
            let mut out = String::new();
            super::string(&mut out, s);
            assert_eq!(Some(out), serde_json::to_string(s).ok(), "{s:?}");
        }
    }
}
