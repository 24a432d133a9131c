import init, { Engine } from '/pkg/fangkong.js';
import { formToFiling } from './form-to-filing.js';
await init();
const engine = Engine.withDefaultPack();
const form = document.querySelector('form');
const visited = new Set(); // JSON Pointers of the inputs the person has left
function check() {
  const answer = engine.checkFiling(formToFiling(form), { now: new Date(), locale: 'zh-CN', scope: [...visited] });
  for (const old of form.querySelectorAll('.message')) old.remove();
  for (const d of answer.diagnostics) {
    const p = Object.assign(document.createElement('p'), { className: 'message', textContent: d.message });
    (form.elements.namedItem(d.path) ?? form.elements.decision).after(p);
  }
  form.elements.decision.value = answer.decision;
  form.elements.pending.value = answer.pending; // missing values not reached yet
}
form.addEventListener('focusout', (e) => { if (e.target.name?.startsWith('/')) visited.add(e.target.name); check(); });
form.addEventListener('input', check);
check(); // nothing reached yet: no message, everything pending
