import { Engine } from 'fangkong';

const engine = Engine.withDefaultPack();
const form = engine.describe('filing', { locale: 'zh-CN' });
console.log(`${form.title} (${form.pack.id} ${form.pack.version})`);
for (const f of form.fields.filter((field) => field.id.startsWith('enterprise.'))) {
  const limits = [f.required && 'required', f.maxLength && `maxlength ${f.maxLength}`, f.format, f.inputMode && `inputmode ${f.inputMode}`];
  console.log(`  ${f.pointer} ${f.label}: ${f.type}${limits.filter(Boolean).map((l) => `, ${l}`).join('')}`);
}
for (const g of form.gates) console.log(`  ${g.id} ${g.title} ← ${g.rules.join(' ') || '—'}`);
