//! Compiles the embedded packs (packs/*.json) at build time into the compact form of
//! `src/pack/compact.rs`, written to `$OUT_DIR/packs.bin`, which `Engine::precompiled` (and,
//! in the npm package's runtime module, `Engine::with_pack_id`) loads with no pack compiler.
//!
//! How: a build script cannot depend on its own crate, so this one compiles the crate's
//! modules itself — `src/` is declared below as an inline module, and `use fangkong::*` makes
//! the modules' `crate::…` paths resolve — and calls the same compiler as run time,
//! `Engine::with_pack_id`. One compiler, so the precompiled packs cannot drift from it; a
//! change in src/ rebuilds this script and so recompiles the packs. The cost is that the crate
//! is compiled once more, for the host, when src/ changes.
//!
//! A build script is compiled with the package's features, so a `--no-default-features`
//! build (the wasm runtime) would have no compiler here: the compiler's items are therefore
//! gated by `any(feature = "compiler", not(target_arch = "wasm32"))` — present on every native
//! build (this script included), absent only from the wasm build without the feature.
//!
//! No network, no time, no paths in the output: postcard of `BTreeMap`-ordered data, so a
//! rebuild is byte-identical (scripts/build-pkg.sh --check compares the .wasm).
#![allow(dead_code, unused_imports, unused_macros, unexpected_cfgs)]

#[path = "src"]
mod fangkong {
    // Every module of src/lib.rs except `wasm` (wasm32 only).
    #[macro_use]
    mod words;
    pub(crate) mod swar;
    pub(crate) mod wire;

    pub mod answer;
    pub mod budget;
    pub mod describe;
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

    pub use engine::{Engine, Options};
    pub use pack::{Locale, PackError, PackErrors};
}

use fangkong::*;

/// The embedded pack families, in the order of the blob.
const FAMILIES: [&str; 3] = ["shenzhen-2020", "guangming-2020", "hangzhou-2020"];

fn main() -> Result<(), String> {
    println!("cargo::rerun-if-changed=packs");
    println!("cargo::rustc-check-cfg=cfg(fangkong_precompiled)");
    println!("cargo::rustc-cfg=fangkong_precompiled");
    let mut engines = Vec::new();
    for id in FAMILIES {
        engines.push(Engine::with_pack_id(id).map_err(|e| format!("packs/{id}: {e}"))?);
    }
    let families: Vec<Vec<&pack::Pack>> = engines.iter().map(|e| e.packs().collect()).collect();
    let bytes = pack::compact::encode(&families)?;
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    std::fs::write(std::path::Path::new(&out).join("packs.bin"), bytes).map_err(|e| e.to_string())
}
