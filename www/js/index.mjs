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
  el('ul', {}, ...kinds.map(([page, kind]) => {
    // The pack's title of the form, where it says more than the page's name: each named once
    // (portal audit, thirty-sixth session: "复工备案 — 复工备案").
    const title = kind ? e.describe(kind, { locale: settings.locale, on }).title : '';
    const same = (a, b) => a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() === b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
    return el('li', {},
      el('a', { href: `/${page}.html${location.search}` }, t(page)),
      title && !same(title, t(page)) ? el('span', { class: 'muted' }, ` — ${title}`) : null);
  })),
  el('p', { role: 'status', id: 'status' }, t('ready')),
);
