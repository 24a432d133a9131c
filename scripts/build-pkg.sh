#!/usr/bin/env bash
# Builds the npm package `fangkong` (WebAssembly + JS glue + types) into pkg/ or OUT.
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
export RUSTFLAGS="--remap-path-prefix=$cargo_home/registry/src=/cargo --remap-path-prefix=$root=/fangkong"
cargo build --lib --profile wasm --locked --target wasm32-unknown-unknown -q

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --out-dir "$work" --out-name fangkong \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/fangkong.wasm"

rm -rf "$out"
mkdir -p "$out"
"$WASM_OPT" "$WASM_OPT_LEVEL" --strip-debug --strip-producers "$work/fangkong_bg.wasm" -o "$out/fangkong_bg.wasm"
cp "$work/fangkong.js" "$out/"
# The generated class has `[Symbol.dispose]()`: name its lib so consumers on es2022 type-check
# (TypeScript >= 5.2). Then the default pack's `Code`, `RuleId` and `GateId` unions, which the
# hand-written types (src/types.d.ts) use: generated from the pack, never written by hand.
{
  echo '/// <reference lib="esnext.disposable" />'
  cat "$work/fangkong.d.ts"
  node scripts/gen-types.mjs packs/shenzhen-2020.json
} >"$out/fangkong.d.ts"
cp js/pkg-template/* "$out/"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed -i "s/\"version\": \"0.0.0-template\"/\"version\": \"$version\"/" "$out/package.json"
echo "built $out: $(wc -c <"$out/fangkong_bg.wasm") bytes of wasm, $(gzip -9 -c "$out/fangkong_bg.wasm" | wc -c) gzipped"
