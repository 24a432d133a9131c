//! Drafts: a filing typed one field at a time (issue 9, point 3) — `engine.draft` and the JS
//! class `Draft`.

use std::rc::Rc;

use js_sys::{Array, Error};
use wasm_bindgen::prelude::*;

use super::convert::{answer_to_js as to_js, coded, input_text, js_type};
use super::{WasmEngine, kind_arg};
use crate::Engine;
use crate::engine::MAX_INPUT_BYTES;

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// A draft of a submission being typed (filings only): `set(pointer, value)` re-judges only
    /// what the change reaches and returns what changed; `answer()` gives the whole answer,
    /// equal to `checkFiling` of `value()`. `filing` (an object or JSON text) starts it; it
    /// starts empty without. Options are read once, as for `checker`. Throws `options.invalid`
    /// for bad options or another kind.
    #[wasm_bindgen(js_name = draft)]
    pub fn draft(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Kind")] kind: &str,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Filing | string")] filing: Option<JsValue>,
    ) -> Result<WasmDraft, Error> {
        let subject = kind_arg(kind)?;
        let opts = self.options(&options)?;
        let mut inner = crate::draft::Draft::new(Rc::clone(&self.inner), subject, opts).map_err(|e| draft_error(&e))?;
        if let Some(filing) = filing.filter(|f| !f.is_undefined()) {
            let text = input_text(&filing, "filing")?;
            let value = crate::engine::parse_input(&text)
                .map_err(|(code, _)| coded(&format!("the filing is not usable JSON ({code})"), code))?;
            inner.set("", value).map_err(|e| draft_error(&e))?;
        }
        Ok(WasmDraft { inner })
    }
}

/// A filing being typed (`engine.draft('filing', options)`). Each edit returns only what
/// changed — `{ added, removed, gates, decision }` — so a keystroke does not pay for the
/// whole answer; `answer()` builds it when asked. Free it with `free()` (or `using`).
///
/// ```js
/// const draft = engine.draft('filing', { now: '2020-02-04T10:00:00+08:00' }, filing);
/// const { added, removed } = draft.set('/roster/7/phone', '1380013800');
/// draft.answer(); // the same as engine.checkFiling(draft.value(), options)
/// ```
#[wasm_bindgen(js_name = Draft)]
pub struct WasmDraft {
    inner: crate::draft::Draft<Rc<Engine>>,
}

#[wasm_bindgen(js_class = Draft)]
impl WasmDraft {
    /// Set the value at a JSON Pointer (`/staff/total`, `/roster/3/phone`; `/roster/-`
    /// appends; `""` replaces the whole filing), making the objects and arrays on the way.
    /// Text, numbers, booleans and `null` cross as they are; objects and arrays as JSON;
    /// `undefined` removes. Returns what changed in the answer. Throws `pointer.invalid` or
    /// `pointer.out_of_range` for a bad pointer (the draft is then unchanged).
    #[wasm_bindgen(js_name = set, unchecked_return_type = "DraftChanges")]
    pub fn set(
        &mut self,
        pointer: &str,
        #[wasm_bindgen(unchecked_param_type = "JsonValue | undefined")] value: JsValue,
    ) -> Result<JsValue, Error> {
        if value.is_undefined() {
            return self.remove(pointer);
        }
        let changes = self.inner.set(pointer, json_value(&value)?).map_err(|e| draft_error(&e))?;
        to_js(&changes)
    }

    /// Remove the value at a JSON Pointer: a member, or an array element (the later ones move
    /// up). Nothing there is no change. Returns what changed in the answer.
    #[wasm_bindgen(js_name = remove, unchecked_return_type = "DraftChanges")]
    pub fn remove(&mut self, pointer: &str) -> Result<JsValue, Error> {
        let changes = self.inner.remove(pointer).map_err(|e| draft_error(&e))?;
        to_js(&changes)
    }

    /// Change the scope (JSON Pointers of the fields reached; `null`: everything), as a form
    /// does when a person reaches another field. Nothing is judged again; returns what changed
    /// in the answer (missing values now shown or held back).
    #[wasm_bindgen(js_name = setScope, unchecked_return_type = "DraftChanges")]
    pub fn set_scope(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[] | null")] scope: JsValue,
    ) -> Result<JsValue, Error> {
        let scope = if scope.is_undefined() || scope.is_null() {
            None
        } else if Array::is_array(&scope) {
            let items: &Array = scope.unchecked_ref();
            let mut out = Vec::with_capacity(usize::try_from(items.length()).unwrap_or_default());
            for item in items.iter() {
                match item.as_string() {
                    Some(p) if p.is_empty() || p.starts_with('/') => out.push(p),
                    _ => {
                        let got = item.as_string().map_or_else(|| js_type(&item), |s| format!("`{s}`"));
                        return Err(coded(&format!("scope must hold JSON Pointers, got {got}"), "options.invalid"));
                    }
                }
            }
            Some(out)
        } else {
            return Err(coded(
                &format!("scope must be an array of JSON Pointers, got {}", js_type(&scope)),
                "options.invalid",
            ));
        };
        to_js(&self.inner.set_scope(scope))
    }

    /// The whole answer, the same JSON as `engine.checkFiling(draft.value(), options)`.
    #[wasm_bindgen(js_name = answer, unchecked_return_type = "FilingAnswer")]
    pub fn answer(&self) -> Result<JsValue, Error> {
        to_js(&self.inner.answer())
    }

    /// The filing as typed so far.
    #[wasm_bindgen(js_name = value, unchecked_return_type = "Filing")]
    pub fn value(&self) -> Result<JsValue, Error> {
        to_js(self.inner.value())
    }
}

/// A value given to `set`: scalars as they are (a number as `JSON.stringify` writes it, so
/// `12` is the integer 12), objects and arrays through JSON text; at most the input limit
/// (`input.too_large`), its memory reserved first (`engine.out_of_memory`).
fn json_value(value: &JsValue) -> Result<serde_json::Value, Error> {
    use serde_json::Value;
    let too_large = || coded(&format!("a value holds at most {MAX_INPUT_BYTES} bytes of JSON"), "input.too_large");
    if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
        // Measured before it is copied in: UTF-8 never has fewer bytes than UTF-16 code units.
        let units = usize::try_from(s.length()).unwrap_or(usize::MAX);
        if units > MAX_INPUT_BYTES {
            return Err(too_large());
        }
        super::memory::reserve(units.saturating_mul(super::memory::WORK_PER_INPUT_BYTE), "this value")?;
        return Ok(Value::String(String::from(s)));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(x) = value.as_f64() {
        // Integers below 2^53 as JSON text would give them; anything else through the text.
        #[allow(clippy::cast_possible_truncation)] // whole and below 2^53: exact
        if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
            return Ok(Value::from(x as i64));
        }
    }
    let text = super::convert::json_text(value, "value", "a JSON value")?;
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    crate::num::parse_json(&text).map_err(|e| coded(&format!("the value is not JSON: {e}"), "input.unconvertible"))
}

/// The `Error` of a refused draft edit: the message and its `code`.
fn draft_error(e: &crate::draft::DraftError) -> Error {
    coded(&e.to_string(), e.code())
}
