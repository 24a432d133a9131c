// node check.mjs FILING.json: check a filing in zh-CN, as a server or a script would.
import { readFileSync } from 'node:fs';
import { Engine } from 'fangkong'; // Node: ready to use, no init()

const engine = Engine.withDefaultPack(); // once, at start-up
const answer = engine.checkFiling(readFileSync(process.argv[2], 'utf8'), { now: '2020-02-04T10:00:00+08:00' });
console.log(answer.decision, answer.pack.id, answer.pack.version);
for (const d of answer.diagnostics) {
  console.log(`${d.severity} ${d.ruleId} ${d.path}: ${d.message}${d.help ? ` → ${d.help}` : ''}`);
}
for (const g of answer.gates) if (g.passed !== true) console.log(`gate ${g.id}: ${g.passed}`);
