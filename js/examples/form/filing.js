import init, { Engine } from '/pkg/fangkong.js';
import { bindForm } from '/pkg/form.js';
await init();
const form = document.querySelector('form');
const binding = bindForm(form, Engine.withDefaultPack(), { kind: 'filing', now: () => new Date(), locale: 'zh-CN',
  onAnswer(answer, { value, unplaced }) {
    form.elements.decision.value = answer.decision;
    form.querySelector('#other').replaceChildren(...unplaced.map((d) => Object.assign(document.createElement('li'), { textContent: d.message })));
    localStorage.setItem('filing', JSON.stringify(value)); // the draft, restored after a reload
  },
});
binding.setValue(JSON.parse(localStorage.getItem('filing') ?? '{}'));
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  binding.visit(''); // everything: missing values too
  const answer = await binding.check();
  form.reportValidity(); // the first error, in the browser's bubble too; the server judges again by the same pack hash
  if (['approved', 'conditional'].includes(answer.decision)) {
    await fetch('/api/submissions', { // the demo server's (www/serve.mjs); your back end's own
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'filing', submission: binding.value(), packHash: answer.pack.hash }),
    });
  }
});
