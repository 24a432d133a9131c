// A portal's back end re-validates a filing that the browser already checked:
//   node portal-check.mjs FILING.json BROWSER_PACK_HASH [NOW]
// Exit 0: accepted (approved or conditional), 1: not accepted (deferred, or incomplete: values
// missing), 3: the browser used other rules.
import { readFileSync } from 'node:fs';
import { Engine } from 'fangkong';

const [file, browserHash, now = new Date().toISOString()] = process.argv.slice(2);
const engine = Engine.withDefaultPack();
const answer = engine.checkFiling(readFileSync(file, 'utf8'), { now, locale: 'zh-CN' });

if (answer.pack.hash !== browserHash) {
  console.error(`pack mismatch: browser ${browserHash}, server ${answer.pack.hash}`);
  process.exit(3);
}
console.log(`${answer.decision} (${answer.pack.id} ${answer.pack.version}, today ${answer.today})`);
for (const d of answer.diagnostics) {
  console.log(`  ${d.severity} ${d.ruleId} ${d.path || '/'}: ${d.message}`);
}
process.exit(answer.decision === 'approved' || answer.decision === 'conditional' ? 0 : 1);
