// What `make bench` measured, kept for js/bench/report.mjs, which writes issue 9's targets into
// BENCHMARKS.md with the run's date, machine and commit. Each bench script calls `record` for the
// rows a target is judged on; they are appended, one JSON line each, to $FANGKONG_BENCH_RESULTS
// (`make bench` sets it). Run alone, or on another build (FANGKONG_PKG, FANGKONG_BASELINE), a
// bench records nothing: its table is printed as before, and BENCHMARKS.md is left as it is.
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const FILE = process.env.FANGKONG_BENCH_RESULTS;

/** Whether this run's numbers are this tree's `pkg/` (not another build's). */
export const recording = Boolean(FILE) && !process.env.FANGKONG_PKG;

/**
 * Records one measurement: `id` names the row (js/bench/report.mjs knows the targets by it),
 * `value` is in `unit` (`ms`, `µs`, `B`, `×`, `per s`), `command` reproduces it.
 * @param {string} id @param {number} value @param {string} unit @param {string} command
 */
export function record(id, value, unit, command) {
  if (!recording) return;
  if (!Number.isFinite(value)) throw new Error(`bench result ${id}: ${value} is not a number`);
  appendFileSync(FILE, `${JSON.stringify({ id, value, unit, command, at: new Date().toISOString(), load: loadavg()[0] })}\n`);
}
