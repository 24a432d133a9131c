// The JavaScript peers `make bench` times fangkong against (js/bench/peers/) must judge as the
// default pack does — the same decision and the same rules fired on every bench filing — or the
// ratios in BENCHMARKS.md compare engines that do different work. A rule changed in the pack and
// not in the peers fails here, not first in `make bench` (twenty-fourth session: RTW-P9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'fangkong';
import { agreement, PEERS } from '../bench/peers/agreement.mjs';

test('the bench peers reach fangkong\'s decision and fire its rules on every bench filing', async () => {
  const engine = Engine.withDefaultPack();
  const { problems, tally, filings } = await agreement(engine);
  assert.deepEqual(problems, []);
  assert.ok(filings >= 150, `${filings} filings`);
  for (const d of ['approved', 'conditional', 'deferred', 'incomplete']) assert.ok((tally[d] ?? 0) > 0, `no ${d} filing among the bench's`);
  assert.equal(PEERS.length, 3);
  engine.free();
});
