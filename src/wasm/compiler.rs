//! The pack compiler in the npm package: its second module, `fangkong/compiler`, built with the
//! `compiler` feature (scripts/build-pkg.sh). The runtime module (`fangkong`) has none of this:
//! it loads the embedded packs precompiled by build.rs, and a custom pack as `compilePack`
//! made it (`Engine.fromCompiled`). The public `new Engine(pack)`, `compilePack` and `lint`
//! are JavaScript (src/wasm/api.js), which gives these the pack's JSON text.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::convert::{Thrown, out, pack_error, to_json};
use super::{WasmEngine, made};
use crate::Engine;

/// `new Engine(pack)`: load, check and compile a rule pack given as JSON text (one pack
/// document, or an array of versions of one family; `extends` may name an embedded pack). The
/// engine, or `None` and the error (`code` = `pack.*`, `path` = JSON Pointer of the first
/// mistake, `errors` = every mistake as `{ path, code, message }`).
#[wasm_bindgen(js_name = "_engineNew", skip_typescript)]
pub fn engine_new(pack: &str) -> Option<WasmEngine> {
    made(Engine::from_pack_json(pack))
}

fn compile(pack: &str) -> Result<Engine, Thrown> {
    Engine::from_pack_json(pack).map_err(|e| pack_error(&e))
}

/// `compilePack(pack)`: the compact form that the runtime module loads with
/// `Engine.fromCompiled(bytes)`, or `None` and the error.
#[wasm_bindgen(js_name = "_compilePack", skip_typescript)]
pub fn compile_pack(pack: &str) -> Option<Vec<u8>> {
    out(compile(pack).and_then(|e| e.to_compiled().map_err(|e| pack_error(&e))))
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
    unknown_labels: Vec<UnknownLabel>,
    unknown_messages: Vec<UnknownMessage>,
}

/// A message for a code no rule of any version of the pack reports (a typo in the code).
#[derive(Serialize)]
struct UnknownMessage {
    locale: &'static str,
    code: String,
}

/// A label for no field, rule or kind of any version of the pack.
#[derive(Serialize)]
struct UnknownLabel {
    locale: &'static str,
    key: String,
}

/// `lint(pack)`, the CLI's `lint-pack`: compile the pack, then check that every field and rule
/// has a label in each locale. `{ ok, versions, missingLabels }` as JSON text, or `None` and
/// the error.
#[wasm_bindgen(js_name = "_lint", skip_typescript)]
pub fn lint(pack: &str) -> Option<String> {
    out(compile(pack).and_then(|engine| {
        let mut lint = Lint {
            ok: true,
            versions: Vec::new(),
            missing_labels: Vec::new(),
            unknown_labels: Vec::new(),
            unknown_messages: Vec::new(),
        };
        for p in engine.packs() {
            for (locale, key) in crate::describe::missing_labels(p) {
                lint.missing_labels.push(MissingLabel { version: p.stamp.version.clone(), locale: locale.tag(), key });
            }
            lint.versions.push(LintedVersion {
                id: p.stamp.id.clone(),
                version: p.stamp.version.clone(),
                hash: p.stamp.hash.clone(),
                rules: p.rules.len(),
                effective_from: crate::time::fmt_date(p.effective_from),
            });
        }
        let raw = serde_json::from_str(pack.trim_start_matches('\u{feff}')).unwrap_or_default();
        for (locale, key) in crate::describe::unknown_labels(engine.packs(), &raw) {
            lint.unknown_labels.push(UnknownLabel { locale: locale.tag(), key });
        }
        for (locale, code) in crate::describe::unknown_messages(engine.packs(), &raw) {
            lint.unknown_messages.push(UnknownMessage { locale: locale.tag(), code });
        }
        lint.ok = lint.missing_labels.is_empty() && lint.unknown_labels.is_empty() && lint.unknown_messages.is_empty();
        to_json(&lint)
    }))
}

/// The TypeScript of what only this module has.
#[wasm_bindgen(typescript_custom_section)]
const TS_COMPILER_TYPES: &str = r#"
/** What `lint(pack)` finds in a pack that compiles (the CLI's `lint-pack`). */
export interface PackLint {
  /** False when a field or rule lacks a label in a locale, or a label or a message is for nothing. */
  ok: boolean;
  versions: { id: string; version: string; hash: string; rules: number; effectiveFrom: string }[];
  missingLabels: { version: string; locale: 'zh-CN' | 'zh-TW' | 'en'; key: string }[];
  /** Labels for no field, rule or kind the pack has (a typo: `filing:supplies.mask`): they change nothing. */
  unknownLabels: { locale: 'zh-CN' | 'zh-TW' | 'en'; key: string }[];
  /** Messages for a code no rule of the pack reports (a typo: `filing.lead_tme`): they change nothing. */
  unknownMessages: { locale: 'zh-CN' | 'zh-TW' | 'en'; code: string }[];
}
"#;
