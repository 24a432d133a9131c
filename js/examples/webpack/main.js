// webpack 5: it finds `new URL('fangkong_bg.wasm', import.meta.url)` in the package and emits the .wasm.
import init, { Engine } from 'fangkong';

await init();
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
