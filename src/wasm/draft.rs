//! Drafts: a submission typed one field at a time (issue 9, point 3) — `engine.draft` and the JS
//! class `Draft`, whose public methods are JavaScript (src/wasm/api.js) over these raw ones.

use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::WasmEngine;
use super::convert::{Thrown, answer_text as to_text, coded, out};
use crate::Engine;
use crate::draft::{AnyDraft, Changes};
use crate::engine::MAX_INPUT_BYTES;

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// `engine.draft(kind, options)` of a kind number (`_kind`), options as the JS layer wrote
    /// them: the draft, empty, or `None` and the error (`options.invalid`, another kind).
    #[wasm_bindgen(js_name = "_draft", skip_typescript)]
    pub fn draft(&self, kind: u32, options: &str) -> Option<WasmDraft> {
        let opts = out(self.options(options))?;
        let engine = Rc::clone(&self.inner);
        let inner = AnyDraft::new(engine, super::subject(kind), opts);
        out(inner.map(|inner| WasmDraft { inner }).map_err(|e| draft_error(&e)))
    }
}

/// A submission being typed (`engine.draft(kind, options)`, the JS class `Draft`).
#[wasm_bindgen(js_name = Draft, skip_typescript)]
pub struct WasmDraft {
    /// A filing's draft (re-judging only what an edit reaches), or one judged whole.
    inner: AnyDraft<Rc<Engine>>,
}

#[wasm_bindgen(js_class = Draft)]
impl WasmDraft {
    /// The filing a draft starts with, as JSON text: `true`, or `false` and the error.
    #[wasm_bindgen(js_name = "_start", skip_typescript)]
    pub fn start(&mut self, text: &str) -> bool {
        let started = self.whole(text).and_then(|value| self.inner.set("", value).map_err(|e| draft_error(&e)));
        out(started).is_some()
    }

    /// The whole submission given as text: JSON text, read as the entry points read it, or
    /// the error (`input.not_json`, …).
    fn whole(&self, text: &str) -> Result<Value, Thrown> {
        crate::engine::parse_input(text).map_err(|(code, _)| {
            let kind = match self.inner {
                AnyDraft::Filing(_) => "filing",
                AnyDraft::Whole(_) => "submission",
            };
            coded(&format!("the {kind} is not usable JSON ({code})"), code)
        })
    }

    /// `set(pointer, value)` of a value the JS layer has sorted (src/wasm/api.js): `kind` 0
    /// text (`text`; at the root `""`, the whole submission's JSON text), 1 a boolean (`number` ≠ 0), 2 `null`, 3 a whole number below 2^53
    /// (`number`: as JSON text would give it, so `12` is the integer 12), 4 anything else as
    /// its JSON text (at most the input limit: `input.too_large`). What changed in the answer,
    /// or `None` and the error (`pointer.invalid`, `pointer.out_of_range`: the draft unchanged).
    #[wasm_bindgen(js_name = "_set", skip_typescript)]
    pub fn set(&mut self, pointer: &str, kind: u32, text: &str, number: f64) -> Option<String> {
        let value = match kind {
            // The whole submission as text is its JSON text, as `engine.draft(kind, options,
            // text)` and every entry point read it (forms audit, twenty-fifth session: it was
            // kept as a string, and the draft answered input.invalid_type where
            // `checkFiling(draft.value())` approved).
            0 if pointer.is_empty() => out(self.whole(text))?,
            0 => Value::String(text.to_owned()),
            1 => Value::Bool(number != 0.0),
            2 => Value::Null,
            #[allow(clippy::cast_possible_truncation)] // whole and below 2^53: exact
            3 => Value::from(number as i64),
            _ => out(json_value(text))?,
        };
        out(self.inner.set(pointer, value).map(|changes| changes_text(&changes)).map_err(|e| draft_error(&e)))
    }

    /// `remove(pointer)`: what changed in the answer, or `None` and the error.
    #[wasm_bindgen(js_name = "_remove", skip_typescript)]
    pub fn remove(&mut self, pointer: &str) -> Option<String> {
        out(self.inner.remove(pointer).map(|changes| changes_text(&changes)).map_err(|e| draft_error(&e)))
    }

    /// `setScope(scope)`: the JSON Pointers as a JSON array the JS layer checked, or `None`
    /// for everything. What changed in the answer.
    #[wasm_bindgen(js_name = "_setScope", skip_typescript)]
    pub fn set_scope(&mut self, scope: Option<String>) -> String {
        let scope = scope.map(|text| match crate::num::parse_json(&text) {
            Ok(Value::Array(items)) => items.iter().filter_map(|p| p.as_str().map(str::to_owned)).collect(),
            _ => Vec::new(),
        });
        changes_text(&self.inner.set_scope(scope))
    }

    /// `answer()`: the whole answer, the same JSON as the kind's entry point gives for
    /// `draft.value()` (`engine.checkFiling(draft.value(), options)` for a filing).
    #[wasm_bindgen(js_name = "_answer", skip_typescript)]
    pub fn answer(&self) -> String {
        super::convert::ascii(self.inner.answer_json())
    }

    /// `value()`: the submission as typed so far.
    #[wasm_bindgen(js_name = "_value", skip_typescript)]
    pub fn value(&self) -> String {
        to_text(self.inner.value())
    }
}

/// An edit's changes as the JSON text of one flat array, or `""` when nothing changed (most
/// keystrokes: the JS layer then makes the empty change list itself, with no text written,
/// decoded or parsed). The JS layer (`__fk_changes`, src/wasm/api.js) makes the change list's
/// objects from it, their keys in the order `serde_json` writes [`Changes`]:
///
/// `[A, (code, severity, path, ruleId, message, params, help or null, missing) × A,
///   R, (path, code, ruleId) × R, G, (id, from, to) × G, from, to]`
///
/// (the decision's `from` and `to`, or `null, null`). `JSON.parse` makes an array of strings
/// about twice as fast as the objects they would be in (V8 gives each object its shape as it
/// reads its keys): a keystroke that moves a rule spent a fifth of its time there
/// (BENCHMARKS.md, twenty-ninth session). Written as ASCII, as answers are ([`to_text`]).
fn changes_text(changes: &Changes) -> String {
    use crate::answer::cold::{comma, decision, lit, opt_bool, opt_string, string, value};
    if changes.is_empty() {
        return String::new();
    }
    let mut out = String::from("[");
    out.push_str(itoa::Buffer::new().format(changes.added.len()));
    for d in &changes.added {
        for s in [&d.code, d.severity.name(), &d.path, &d.rule_id, &d.message] {
            out.push(',');
            string(&mut out, s);
        }
        out.push(',');
        value(&mut out, &d.params);
        out.push(',');
        opt_string(&mut out, d.help.as_deref());
        lit(&mut out, if d.missing { ",true" } else { ",false" });
    }
    out.push(',');
    out.push_str(itoa::Buffer::new().format(changes.removed.len()));
    for g in &changes.removed {
        for s in [&g.path, &g.code, &g.rule_id] {
            out.push(',');
            string(&mut out, s);
        }
    }
    out.push(',');
    out.push_str(itoa::Buffer::new().format(changes.gates.len()));
    for g in &changes.gates {
        out.push(',');
        string(&mut out, &g.id);
        out.push(',');
        opt_bool(&mut out, g.from);
        out.push(',');
        opt_bool(&mut out, g.to);
    }
    match changes.decision {
        Some(m) => {
            for (i, d) in [m.from, m.to].into_iter().enumerate() {
                comma(&mut out, i + 1);
                out.push('"');
                out.push_str(decision(d));
                out.push('"');
            }
        }
        None => lit(&mut out, ",null,null"),
    }
    out.push(']');
    super::convert::ascii(out)
}

/// A value given to `set` as its JSON text (`JSON.stringify` of the JS layer): at most the
/// input limit (`input.too_large`).
fn json_value(text: &str) -> Result<Value, Thrown> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(coded(&format!("a value holds at most {MAX_INPUT_BYTES} bytes of JSON"), "input.too_large"));
    }
    // A lone surrogate (half an emoji cut by a `maxlength`) read as the entry points read it,
    // U+FFFD (hostile audit, thirty-second session: `set` of an object holding one threw).
    crate::num::parse_json(&crate::num::lone_surrogates_replaced(text)).map_err(|e| {
        // JSON, but nested past what a submission's text may be: refused as the draft refuses
        // such an edit (api.d.ts; server audit, twenty-sixth session: it was "not JSON").
        if e.too_deep() {
            let too_deep = crate::draft::DraftError::TooDeep(crate::draft::MAX_NESTING);
            return coded(&too_deep.to_string(), too_deep.code());
        }
        coded(&format!("the value is not JSON: {e}"), "input.unconvertible")
    })
}

/// The `Error` of a refused draft edit: the message and its `code`.
fn draft_error(e: &crate::draft::DraftError) -> Thrown {
    coded(&e.to_string(), e.code())
}
