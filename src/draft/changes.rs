//! What changed in a draft's answer since the previous one: the change list each edit returns.

use serde::Serialize;

use crate::answer::{Decision, Diagnostic};

/// A diagnostic that went away: its place, code and rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gone {
    /// JSON Pointer.
    pub path: String,
    /// Code.
    pub code: String,
    /// Rule.
    pub rule_id: String,
}

/// A gate whose result moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateMove {
    /// `RTW-G1` … `RTW-G6`.
    pub id: String,
    /// Before (`null`: undetermined, or the gate was not there).
    pub from: Option<bool>,
    /// Now.
    pub to: Option<bool>,
}

/// The decision, before and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DecisionMove {
    /// Before.
    pub from: Decision,
    /// Now.
    pub to: Decision,
}

/// What changed in the answer since the previous one. A diagnostic whose params changed
/// (the same code at the same place) is both removed and added.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// Diagnostics now in the answer that were not (messages in the draft's locale).
    pub added: Vec<Diagnostic>,
    /// Diagnostics no longer in the answer.
    pub removed: Vec<Gone>,
    /// Gates whose `passed` moved.
    pub gates: Vec<GateMove>,
    /// The decision, when it moved.
    pub decision: Option<DecisionMove>,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.gates.is_empty() && self.decision.is_none()
    }
}

impl crate::answer::cold::WriteJson for Changes {
    /// `{"added":[…],"removed":[…],"gates":[…],"decision":…}`: `serde_json::to_string`'s bytes.
    fn write_json(&self, out: &mut String) {
        use crate::answer::cold::{comma, decision, diagnostics, lit, opt_bool, string};
        lit(out, "{\"added\":");
        diagnostics(out, &self.added);
        lit(out, ",\"removed\":[");
        for (i, g) in self.removed.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"path\":");
            string(out, &g.path);
            lit(out, ",\"code\":");
            string(out, &g.code);
            lit(out, ",\"ruleId\":");
            string(out, &g.rule_id);
            out.push('}');
        }
        lit(out, "],\"gates\":[");
        for (i, g) in self.gates.iter().enumerate() {
            comma(out, i);
            lit(out, "{\"id\":");
            string(out, &g.id);
            lit(out, ",\"from\":");
            opt_bool(out, g.from);
            lit(out, ",\"to\":");
            opt_bool(out, g.to);
            out.push('}');
        }
        lit(out, "],\"decision\":");
        match self.decision {
            Some(d) => {
                lit(out, "{\"from\":\"");
                out.push_str(decision(d.from));
                lit(out, "\",\"to\":\"");
                out.push_str(decision(d.to));
                lit(out, "\"}}");
            }
            None => lit(out, "null}"),
        }
    }
}
