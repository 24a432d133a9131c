#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently. Called by `make setup`.
#   scripts/setup.sh rust     Rust target for wasm32
#   scripts/setup.sh wasm     + wasm-bindgen CLI (pinned to Cargo.toml's wasm-bindgen)
#   scripts/setup.sh node     + npm packages of the JS tests (binaryen, esbuild, typescript, playwright-core)
#   scripts/setup.sh browser  + Debian's chromium and chromium-driver (headless tests of pkg/)
#   scripts/setup.sh fuzz     only cargo-fuzz (`make fuzz`; libFuzzer on stable Rust, no nightly)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-rust}

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ "$want" = fuzz ]; then
  # cargo-fuzz builds libFuzzer from the libfuzzer-sys crate (a C++ compiler: Debian's g++).
  if ! command -v c++ >/dev/null 2>&1; then
    step "apt-get install g++"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq g++ >/dev/null
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    step "cargo install cargo-fuzz (about 1 minute, once)"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  fi
  exit 0
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
[ "$want" = rust ] && exit 0

WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  step "cargo install wasm-bindgen-cli $WB_VERSION (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
[ "$want" = wasm ] && exit 0

if [ -f js/package.json ]; then
  # npm ci from the committed lock; redone when package.json or the lock changes.
  stamp=$(cat js/package.json js/package-lock.json 2>/dev/null | sha256sum | cut -c1-16)
  if [ "$(cat js/node_modules/.fangkong-stamp 2>/dev/null)" != "$stamp" ]; then
    step "npm ci (js/: binaryen, esbuild, typescript, playwright-core)"
    (cd js && npm ci --no-audit --no-fund --loglevel=error)
    echo "$stamp" >js/node_modules/.fangkong-stamp
  fi
  # The tests import the package by name, as its users do: js/node_modules/fangkong -> pkg/.
  [ "$(readlink js/node_modules/fangkong 2>/dev/null)" = ../../pkg ] || ln -sfn ../../pkg js/node_modules/fangkong
fi
[ "$want" = node ] && exit 0

# Chromium for the browser tests; a CJK font so screenshots and the printed notice show
# Chinese; poppler-utils (pdftotext) to read the printed PDF back.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
  || ! fc-list :lang=zh 2>/dev/null | grep -q . || ! command -v pdftotext >/dev/null 2>&1; then
  step "apt-get install chromium chromium-driver fonts-wqy-microhei poppler-utils"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei poppler-utils >/dev/null
fi
