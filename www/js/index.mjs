// The landing page: the five pages, each with the title the pack gives its form.
import { chinaDay, el, engine, header, settings, t } from './app.mjs';

header('home');
const main = document.getElementById('main');
const status = document.getElementById('status');
status.textContent = t('loading');
const e = await engine();
// The version in force on the day of "now", as the pages judge with (portal audit: the latest
// was named, 2020-04-07, while the filing page used 2020-02-10 on 2020-02-04), in China time.
const on = chinaDay();
const info = e.packInfo({ on });
const kinds = [['filing', 'filing'], ['inspection', 'inspection'], ['screening', 'screening'], ['dashboard', 'indicators'], ['workbench', null]];
main.replaceChildren(
  el('h1', {}, t('portal')),
  el('p', { class: 'muted' }, `${info.id} ${info.version}`),
  el('ul', {}, ...kinds.map(([page, kind]) => el('li', {},
    el('a', { href: `/${page}.html${location.search}` }, t(page)),
    kind ? el('span', { class: 'muted' }, ` — ${e.describe(kind, { locale: settings.locale, on }).title}`) : null))),
  el('p', { role: 'status', id: 'status' }, t('ready')),
);
