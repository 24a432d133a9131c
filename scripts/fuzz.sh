#!/usr/bin/env bash
# `make fuzz`: every fuzz target of fuzz/ (cargo-fuzz layout, libFuzzer) for FUZZ_SECONDS
# each, FUZZ_JOBS targets at a time, on stable Rust: cargo-fuzz builds with
# `--sanitizer none` (no nightly needed; RUSTC_BOOTSTRAP=1 lets it pass its flags to the
# stable compiler), so a finding is a panic (a failed invariant, an index out of bounds),
# an abort (allocation failure), a timeout (FUZZ_TIMEOUT s for one input) or more than
# FUZZ_RSS_MB of memory. Seeds come from the golden cases and the packs
# (scripts/fuzz-corpus.sh); what the fuzzer learns stays in fuzz/corpus/ (not committed).
# Prints executions per target, the total and the time; exits 1 if anything was found,
# with the inputs in fuzz/artifacts/<target>/ (reproduce: fuzz/target/*/release/<target> FILE).
# Inputs that once failed are kept in fuzz/regressions/<target>/ and run first every time.
#   FUZZ_SECONDS=160 FUZZ_JOBS=2 FUZZ_TARGETS="check_filing expr" scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh fuzz

SECONDS_EACH=${FUZZ_SECONDS:-160}
JOBS=${FUZZ_JOBS:-2}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
export RUSTC_BOOTSTRAP=1

cd fuzz
cargo fuzz build --sanitizer none -O
TARGETS=${FUZZ_TARGETS:-$(cargo fuzz list)}
triple=$(rustc -vV | sed -n 's/^host: //p')
bin=target/$triple/release
cd ..
scripts/fuzz-corpus.sh fuzz/corpus >/dev/null
logs=$(mktemp -d)
start=$(date +%s)
echo "fuzzing $(echo $TARGETS | wc -w) targets for ${SECONDS_EACH} s each, $JOBS at a time (timeout ${TIMEOUT} s, rss ${RSS_MB} MB)"
run_one() {
  local t=$1
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  # fuzz/regressions/<target>/ (committed): every input that once failed, run first.
  local extra=""
  [ -d "fuzz/regressions/$t" ] && extra="fuzz/regressions/$t"
  "fuzz/$bin/$t" "fuzz/corpus/$t" $extra -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
    -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 >"$logs/$t.log" 2>&1 && echo ok >"$logs/$t.rc" || echo "exit $?" >"$logs/$t.rc"
}
export -f run_one
export SECONDS_EACH TIMEOUT RSS_MB logs bin
printf '%s\n' $TARGETS | xargs -P "$JOBS" -I{} bash -c 'run_one {}'
elapsed=$(( $(date +%s) - start ))
total=0
found=0
printf '%-22s %12s %9s %8s  %s\n' target executions exec/s corpus result
for t in $TARGETS; do
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$t.log" | tail -1)
  corpus=$(ls "fuzz/corpus/$t" | wc -l)
  result=$(cat "$logs/$t.rc")
  if [ "$result" != ok ]; then
    found=$((found + 1))
    result="FOUND ($result): $(grep -m1 -E 'panicked|ERROR: libFuzzer|SUMMARY' "$logs/$t.log" || true); log $logs/$t.log"
  fi
  total=$((total + ${runs:-0}))
  printf '%-22s %12s %9s %8s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "$corpus" "$result"
done
printf '%-22s %12s\n' total "$total"
echo "time: ${elapsed} s ($(nproc) cores), findings: $found"
[ "$found" = 0 ]
