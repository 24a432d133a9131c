#!/usr/bin/env bash
# Builds the npm package `fangkong` (WebAssembly + JS glue + types) into pkg/ or OUT.
# Two modules from the same crate (issue 9, point 5; BENCHMARKS.md, "Two modules"):
#   fangkong_bg.wasm + fangkong.js: the runtime (`--no-default-features`): the embedded packs
#     precompiled by build.rs, no pack compiler. What `fangkong`, `fangkong/web` and
#     `fangkong/form` load.
#   fangkong_compiler_bg.wasm + fangkong_compiler.js: the same with the pack compiler
#     (`--features compiler`): `new Engine(pack)`, `lint`, `compilePack`. `fangkong/compiler`.
#   scripts/build-pkg.sh [OUT]      build into OUT (default pkg/)
#   scripts/build-pkg.sh --check    build into a temp dir and fail if pkg/ differs from it
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli pinned to Cargo.toml's
# wasm-bindgen, and js/node_modules (npm's binaryen for wasm-opt): `scripts/setup.sh node`.
# The build is reproducible: no timestamps, and paths of the cargo registry and of this
# checkout are remapped, so a rebuild on another machine or directory is byte-identical.
# Optimisation: cargo's `wasm` profile (Cargo.toml; native builds use `release`), then wasm-opt
# at $WASM_OPT_LEVEL below. Both were chosen by measurement: BENCHMARKS.md, "Build profiles".
# To measure another trade (never for pkg/, which `--check` compares against the defaults):
#   CARGO_PROFILE_WASM_OPT_LEVEL=3 FANGKONG_WASM_OPT=-O3 scripts/build-pkg.sh /tmp/pkg-3-O3
#   CARGO_PROFILE_WASM_RUNTIME_OPT_LEVEL=z scripts/build-pkg.sh /tmp/pkg-runtime-z
set -euo pipefail
case "${1:-}" in
  ""|--check) ;;
  /*) ;;
  *) set -- "$PWD/$1" ;;
esac
cd "$(dirname "$0")/.."
root=$PWD

if [ "${1:-}" = --check ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$0" "$tmp/pkg" >/dev/null
  if ! diff -r pkg "$tmp/pkg" >"$tmp/diff" 2>&1; then
    echo "pkg/ is stale: it differs from a fresh build (run \`make pkg\` and commit pkg/):" >&2
    head -40 "$tmp/diff" >&2
    exit 1
  fi
  echo "pkg/ is fresh: identical to a rebuild ($(ls pkg | wc -l) files)"
  exit 0
fi
out=${1:-pkg}

# wasm-opt from npm's binaryen only: Debian's binaryen 108 silently breaks wasm-bindgen output.
WASM_OPT=$root/js/node_modules/.bin/wasm-opt
[ -x "$WASM_OPT" ] || { echo "build-pkg: $WASM_OPT missing; run scripts/setup.sh node" >&2; exit 1; }
opt_version=$("$WASM_OPT" --version | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p')
if [ -z "$opt_version" ] || [ "$opt_version" -lt 116 ]; then
  echo "build-pkg: wasm-opt version ${opt_version:-unknown} is too old (need >= 116)" >&2
  exit 1
fi
WASM_OPT_LEVEL=${FANGKONG_WASM_OPT:--O2}
case "$WASM_OPT_LEVEL" in
  -O|-O[0-4]|-Os|-Oz) ;;
  *) echo "build-pkg: FANGKONG_WASM_OPT must be one of -O0..-O4, -Os, -Oz" >&2; exit 1 ;;
esac
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version | grep -q " $WB_VERSION\$"; then
  echo "build-pkg: wasm-bindgen-cli $WB_VERSION needed (scripts/setup.sh wasm)" >&2
  exit 1
fi

# Own target dir: the remapping flags would otherwise force rebuilds of the lint's wasm build.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
export CARGO_TARGET_DIR=$root/target/pkg-build
# No loop unrolling: 19.7 KB less code in the runtime (3.9 KB gzipped) at no measurable cost in
# speed (BENCHMARKS.md, "The runtime, smaller: second pass").
export RUSTFLAGS="--remap-path-prefix=$cargo_home/registry/src=/cargo --remap-path-prefix=$root=/fangkong -C llvm-args=-unroll-threshold=0 -C llvm-args=-unroll-runtime=false"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

# module NAME PROFILE CARGO-FEATURE-FLAGS...: build, bind and optimise one module into $out.
module() {
  local name=$1 profile=$2
  shift 2
  cargo build --lib --profile "$profile" --locked --target wasm32-unknown-unknown -q "$@"
  # Exports keep the return-pointer ABI: Node 20 compiles no wrapper for them (the script's header).
  node scripts/retptr-abi.mjs "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/fangkong.wasm" "$work/$name.wasm"
  wasm-bindgen --target web --out-dir "$work" --out-name "$name" "$work/$name.wasm"
  # A panic traps at once: its message is never formatted (no one could read it), and wasm-opt
  # drops the formatting it reached (scripts/panic-abort.mjs: the runtime 3.1 KB less gzipped).
  # Here, while wasm-bindgen's name section is still there (no-imports.mjs drops it).
  node scripts/panic-abort.mjs "$work/${name}_bg.wasm" >/dev/null
  node scripts/start-export.mjs "$work/$name.js" "$work/${name}_bg.wasm"
  # No import at all: Node 20 compiles no wasm-to-JS wrapper (its header; the Rust side calls no JS).
  node scripts/no-imports.mjs "$work/$name.js" "$work/${name}_bg.wasm" >/dev/null
  # The public classes' methods (src/wasm/api.js) and declarations (src/wasm/api.d.ts) over the raw exports.
  node scripts/bare-glue.mjs "$work/$name.js"
  # Functions with one caller are inlined only when small (binaryen's default: any size): 4.5 KB
  # less of the runtime gzipped, speed within the noise (BENCHMARKS.md, same section). The passes
  # run again until the module stops shrinking (`--converge`: 0.6 KB less gzipped, "fifth pass").
  "$WASM_OPT" "$WASM_OPT_LEVEL" --converge --one-caller-inline-max-function-size=50 --strip-debug --strip-producers \
    "$work/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  # The runtime's default engine loaded at build time, into the module's data: the page's first
  # `withDefaultPack()` compiles and runs no loader (scripts/preinit.mjs). Not the compiler
  # module, whose default engine is compiled from JSON (a large heap, for pages that load it rarely).
  if [ "$name" = fangkong ]; then node scripts/preinit.mjs "$out/${name}_bg.wasm" >/dev/null; fi
  # The panic Location records and paths nothing references any more, zeroed (scripts/panic-data.mjs:
  # 0.8 KB less gzipped). After preinit.mjs, so that the default engine's heap is searched too.
  node scripts/panic-data.mjs "$out/${name}_bg.wasm" >/dev/null
  cp "$work/$name.js" "$out/"
  # A trap must not poison the module: the glue re-instantiates it (scripts/recover-glue.mjs).
  node scripts/recover-glue.mjs "$out/$name.js"
  # The Node entries (node.js, node.cjs; compiler-node.*): the same glue, initialised when loaded.
  node scripts/node-entry.mjs "$out/$name.js"
  # The generated class has `[Symbol.dispose]()`: name its lib so consumers on es2022 type-check
  # (TypeScript >= 5.2). Then the default pack's `Code`, `RuleId` and `GateId` unions, which the
  # hand-written types (src/types.d.ts) use: generated from the pack, never written by hand.
  {
    echo '/// <reference lib="esnext.disposable" />'
    cat "$work/$name.d.ts"
    node scripts/gen-types.mjs packs/shenzhen-2020.json
  } >"$out/$name.d.ts"
}
# The runtime in its own profile (Cargo.toml's `wasm-runtime`: its opt-level is the size/speed
# trade BENCHMARKS.md records); the compiler module in the `wasm` profile.
module fangkong wasm-runtime --no-default-features
module fangkong_compiler wasm --features compiler
# The Node entries and the browser glue minified: a script is parsed whole before it runs
# (scripts/minify-entries.mjs). The glue is minified last: node-entry.mjs reads it as written.
node scripts/minify-entries.mjs "$out/node.js" "$out/node.cjs" "$out/compiler-node.js" "$out/compiler-node.cjs" \
  "$out/fangkong.js" "$out/fangkong_compiler.js"
cp js/pkg-template/* "$out/"
# The licence texts the package says it is under (`"license"` in package.json).
cp LICENSE-MIT LICENSE-APACHE "$out/"
# The CommonJS entries' types: the browser entries' declarations, as CommonJS (scripts/node-entry.mjs).
cp "$out/fangkong.d.ts" "$out/node.d.cts"
cp "$out/fangkong_compiler.d.ts" "$out/compiler-node.d.cts"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed -i "s/\"version\": \"0.0.0-template\"/\"version\": \"$version\"/" "$out/package.json"
for w in fangkong_bg fangkong_compiler_bg; do
  echo "built $out/$w.wasm: $(wc -c <"$out/$w.wasm") bytes, $(gzip -9 -c "$out/$w.wasm" | wc -c) gzipped"
done
