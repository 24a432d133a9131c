//! The pack compiler in the npm package: its second module, `fangkong/compiler`, built with the
//! `compiler` feature (scripts/build-pkg.sh). The runtime module (`fangkong`) has none of this:
//! it loads the embedded packs precompiled by build.rs, and a custom pack as `compilePack`
//! made it (`Engine.fromCompiled`).

use std::rc::Rc;

use js_sys::{Error, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::WasmEngine;
use super::convert::{coded, json_text, pack_error, to_js};
use crate::Engine;

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Load, check and compile a rule pack given as JSON text or as a plain object: one pack
    /// document, or an array of versions of one family (`extends` may name an embedded pack).
    /// Throws an `Error` (`code` = `pack.*`, `path` = JSON Pointer of the first mistake in
    /// the pack, `errors` = every mistake as `{ path, code, message }`) for a bad pack.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "string | object")] pack: JsValue) -> Result<WasmEngine, Error> {
        compile(&pack).map(|inner| WasmEngine { inner: Rc::new(inner) })
    }
}

fn compile(pack: &JsValue) -> Result<Engine, Error> {
    let text = json_text(pack, "pack", "a rule pack object or JSON text")?;
    Engine::from_pack_json(&text).map_err(|e| pack_error(&e))
}

/// Compile a rule pack (as `new Engine(pack)` does) into the compact form that the runtime
/// module loads with `Engine.fromCompiled(bytes)`, without the pack compiler. The bytes are
/// for the same package version. Throws like `new Engine(pack)` for a bad pack.
#[wasm_bindgen(js_name = compilePack)]
pub fn compile_pack(
    #[wasm_bindgen(unchecked_param_type = "string | object")] pack: JsValue,
) -> Result<Uint8Array, Error> {
    let bytes = compile(&pack)?.to_compiled().map_err(|e| coded(&e, "pack.syntax"))?;
    Ok(Uint8Array::from(bytes.as_slice()))
}

/// One version of a linted pack.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LintedVersion {
    id: String,
    version: String,
    hash: String,
    rules: usize,
    effective_from: String,
}

/// A field or rule without a label in a locale.
#[derive(Serialize)]
struct MissingLabel {
    version: String,
    locale: &'static str,
    key: String,
}

/// What `lint` finds in a pack that compiles.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Lint {
    ok: bool,
    versions: Vec<LintedVersion>,
    missing_labels: Vec<MissingLabel>,
}

/// The CLI's `lint-pack`: compile the pack (throwing like `new Engine(pack)` for a mistake),
/// then check that every field and rule has a label in each locale. Returns `{ ok, versions:
/// [{ id, version, hash, rules, effectiveFrom }], missingLabels: [{ version, locale, key }] }`;
/// `ok` is false when a label is missing.
#[wasm_bindgen(js_name = lint, unchecked_return_type = "PackLint")]
pub fn lint(#[wasm_bindgen(unchecked_param_type = "string | object")] pack: JsValue) -> Result<JsValue, Error> {
    let engine = compile(&pack)?;
    let mut out = Lint { ok: true, versions: Vec::new(), missing_labels: Vec::new() };
    for p in engine.packs() {
        for (locale, key) in crate::describe::missing_labels(p) {
            out.missing_labels.push(MissingLabel { version: p.stamp.version.clone(), locale: locale.tag(), key });
        }
        out.versions.push(LintedVersion {
            id: p.stamp.id.clone(),
            version: p.stamp.version.clone(),
            hash: p.stamp.hash.clone(),
            rules: p.rules.len(),
            effective_from: crate::time::fmt_date(p.effective_from),
        });
    }
    out.ok = out.missing_labels.is_empty();
    to_js(&out)
}

/// The TypeScript of what only this module has.
#[wasm_bindgen(typescript_custom_section)]
const TS_COMPILER_TYPES: &str = r#"
/** What `lint(pack)` finds in a pack that compiles (the CLI's `lint-pack`). */
export interface PackLint {
  /** False when a field or rule lacks a label in a locale. */
  ok: boolean;
  versions: { id: string; version: string; hash: string; rules: number; effectiveFrom: string }[];
  missingLabels: { version: string; locale: 'zh-CN' | 'zh-TW' | 'en'; key: string }[];
}
"#;
