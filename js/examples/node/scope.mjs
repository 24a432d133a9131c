import { Engine } from 'fangkong';

const engine = Engine.withDefaultPack();
const now = '2020-02-04T10:00:00+08:00';
// The person has typed the enterprise's name and a credit code, and left both fields.
const filing = { enterprise: { name: '深圳市光明某某电子有限公司', creditCode: '91440311MA5G0K3P1X' } };
const scope = ['/enterprise/name', '/enterprise/creditCode'];

for (const locale of ['zh-CN', 'en']) {
  const answer = engine.checkFiling(filing, { now, locale, scope });
  console.log(`${answer.locale}: ${answer.decision}, ${answer.diagnostics.length} shown, ${answer.pending} pending`);
  for (const d of answer.diagnostics) console.log(`  ${d.path} ${d.code}: ${d.message}`);
}
// Leaving the credit code field empty instead: it is missing, and named by its label.
const empty = engine.checkFiling({ enterprise: { name: '深圳市光明某某电子有限公司' } }, { now, scope });
for (const d of empty.diagnostics) console.log(`  ${d.path} ${d.code} ${JSON.stringify(d.params)}: ${d.message}`);
