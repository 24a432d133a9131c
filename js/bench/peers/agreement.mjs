// The peers of `make bench` (js/bench/peers.mjs) against fangkong, before any is timed: on every
// filing each must reach fangkong's decision and fire the same rules, or the ratios compare
// engines that judge differently. Also run by `make test` (js/test/peers.test.mjs), so a rule
// changed in the pack and not in the peers fails the tests, not only the next `make bench`.
import { loadFilings, factory, NOW, TODAY } from './filings.mjs';
import { isoDay } from './ids.mjs';
import * as plain from './plain-js.mjs';
import * as logic from './json-logic.mjs';
import * as rulesEngine from './rules-engine.mjs';

export const PEERS = [
  { key: 'plain_js', label: 'hand-written plain JS', decide: plain.decide },
  { key: 'json_logic_js', label: 'json-logic-js 2.0.5 (+ ajv 8 / ajv-formats for the shape)', decide: logic.decide },
  { key: 'json_rules_engine', label: 'json-rules-engine 7.3.1', decide: rulesEngine.decide, async: true },
];

/** The rules an answer fired (its diagnostics that ask for nothing), sorted, as one string. */
const fired = (answer) => [...new Set(answer.diagnostics.filter((d) => !d.missing).map((d) => d.ruleId))].sort().join(' ');

/**
 * Every disagreement between `fangkong` (a default engine) and the peers on the bench's filings
 * and the 1,000-person factory, and the mix of fangkong's decisions.
 * @returns {Promise<{ problems: string[], tally: Record<string, number>, filings: number }>}
 */
export async function agreement(fangkong) {
  const opts = { now: NOW };
  const today = isoDay(TODAY);
  const filings = loadFilings();
  const big = factory();
  // The handle for many checks with the same options (issue 9, point 2: options parsed once).
  const check = fangkong.checker(opts);
  const problems = [];
  const tally = {};
  for (const { name, filing } of [...filings, big]) {
    const ref = fangkong.checkFiling(filing, opts);
    const text = fangkong.checkFiling(JSON.stringify(filing), opts);
    if (JSON.stringify(check.checkFiling(JSON.stringify(filing))) !== JSON.stringify(text)) problems.push(`${name}: fangkong's checker answers otherwise than checkFiling`);
    if (ref.pack.version !== '2020-02-10') problems.push(`${name}: judged by version ${ref.pack.version}, not 2020-02-10`);
    if (text.decision !== ref.decision) problems.push(`${name}: fangkong (JSON text) ${text.decision}, fangkong (object) ${ref.decision}`);
    if (name !== big.name) tally[ref.decision] = (tally[ref.decision] ?? 0) + 1;
    for (const p of PEERS) {
      const got = await p.decide(filing, today);
      if (got.decision !== ref.decision) problems.push(`${name}: ${p.label} decides ${got.decision}, fangkong ${ref.decision}`);
      else if ([...got.fired].sort().join(' ') !== fired(ref)) {
        problems.push(`${name}: ${p.label} fires [${[...got.fired].sort().join(' ')}], fangkong [${fired(ref)}]`);
      }
    }
  }
  check.free();
  return { problems, tally, filings: filings.length };
}
