// esbuild: the `file` loader copies the .wasm into the outdir and gives its URL, made absolute by --public-path.
import init, { Engine } from 'fangkong';
import wasmUrl from 'fangkong/fangkong_bg.wasm';

await init({ module_or_path: wasmUrl });
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
