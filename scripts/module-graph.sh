#!/usr/bin/env bash
# Print the `crate::` graph between the library's top-level modules, lowest layer first
# ("a -> b, c": a names b and c), and fail on an import circle or a file in src/ over 600
# lines. The checks themselves are tests/architecture.rs (run by `cargo test` too).
set -euo pipefail
cd "$(dirname "$0")/.."
# (`sed`: the test harness's progress dots can land at the start of the first line printed.)
cargo test --quiet --test architecture -- --nocapture --test-threads 1 2>&1 | sed 's/^\.*//' |
  grep -E '^[a-z_]+ -> |panicked|import circle|over 600 lines|^test result' || true
cargo test --quiet --test architecture >/dev/null 2>&1
