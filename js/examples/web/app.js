// The page's script is a file, not inline: the CSP then needs no 'unsafe-inline'.
import init, { Engine } from '/pkg/fangkong.js';

await init(); // fetches /pkg/fangkong_bg.wasm (already under way: see the preload)
const engine = Engine.withDefaultPack();
const form = document.querySelector('form');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const answer = engine.checkFiling(form.elements.filing.value, { now: new Date(), locale: 'zh-CN' });
  form.elements.decision.value = answer.decision;
  document.querySelector('#messages').replaceChildren(...answer.diagnostics.map((d) => {
    const li = document.createElement('li');
    li.textContent = `${d.path || '/'}：${d.message}`;
    return li;
  }));
});
form.querySelector('button').disabled = false;
