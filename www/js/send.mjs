// 提交: sending a submission to the district's back end, as every form page of the portal does
// it (the filing, the inspector's checklist). One panel: the 提交 button, what became of the
// last one sent (the district's verdict, said again after a reload while the form still holds
// it), the submissions of this kind waiting in the outbox (sent when back online, or with "send
// now"), those the district refused with its reason, and those the outbox sent later.
// Nothing personal is kept for it: the record of what was sent is a digest, not the submission.
import { chinaDay, el, flush, lastFlush, outbox, refusalOf, settings, submit, t } from './app.mjs';

const tt = (key, vars = {}) => t(key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

/** A digest of a submission's JSON text (cyrb53: 53 bits, enough to tell an edit; nothing of the text can be read back). */
export function digest(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The 提交 panel of a page sending submissions of `kind`:
 * - `current()`: the submission the form holds now;
 * - `prepare()`: shows every missing value in the form and resolves to the page's answer, or to
 *   `{ stop }`, words saying why it is not sent (values to fill in, marked in the form);
 * - `decisionLabel(decision)`: the decision in the person's words;
 * - `nameOf(submission)`: what names it in a list (the enterprise's name).
 *
 * Returns `{ nodes, start, changed, restore, forget }`: the panel's elements, and what to call
 * once the page is ready, on every change (a form no longer holding what was sent is no longer
 * said to be sent), after restoring a draft (said again, with when), and on 清空 (the record
 * forgotten). Element ids: `submit`,
 * `send-status`, `outbox`, `outbox-send`, `sent-later`, `refused`.
 */
export function sendPanel({ kind, current, prepare, decisionLabel, nameOf }) {
  // A submission's name, then what is said of it; without a name, only that (portal audit,
  // thirty-seventh session: " · accepted by the district" began with an empty name).
  const named = (submission, said) => [nameOf(submission), said].filter(Boolean).join(' · ');
  const key = `fangkong.sent.${kind}`;
  const sendEl = el('p', { id: 'send-status', role: 'status' });
  // Why the district did not accept it: its own diagnostics (portal audit, thirty-fifth session,
  // F3: the panel said 区里未受理（结论：暂缓复工） while the page said 准予复工, and never why).
  const reasonsList = el('ul', { id: 'send-reasons', class: 'send-reasons' });
  const reasonsEl = el('div', { id: 'send-why', class: 'send-why', hidden: true }, el('p', {}, t('sendReasons')), reasonsList);
  const outboxEl = el('p', { id: 'outbox', class: 'muted' });
  const sentLaterEl = el('p', { id: 'sent-later', role: 'status' });
  const refusedList = el('ul', { id: 'refused', class: 'refused' });
  const sendNowButton = el('button', { type: 'button', id: 'outbox-send', class: 'secondary', hidden: true, 'on:click': () => flush() }, t('obSendNow'));
  const submitButton = el('button', { type: 'button', id: 'submit', 'on:click': send }, t(kind === 'filing' ? 'submit' : `${kind.slice(0, 3)}.submit`));
  let shown = null;
  const verdict = (response) => (response?.accepted ? t('flAccepted') : tt('flNotAccepted', { decision: decisionLabel(response?.answer?.decision ?? 'incomplete') }));

  /** `{ at, accepted, decision, digest }` of the last one sent, or null. */
  function sentRecord() {
    try {
      const record = JSON.parse(localStorage.getItem(key) || 'null');
      // A record an earlier portal wrote holds the submission itself: kept as its digest from now on.
      if (record && typeof record.value === 'string') {
        const { value, ...rest } = record;
        const kept = { ...rest, digest: digest(value) };
        localStorage.setItem(key, JSON.stringify(kept));
        return kept;
      }
      return record;
    } catch {
      return null;
    }
  }
  function recordSent(text, response) {
    const record = { at: new Date().toISOString(), accepted: !!response?.accepted, decision: response?.answer?.decision ?? 'incomplete', digest: digest(text) };
    try {
      localStorage.setItem(key, JSON.stringify(record));
    } catch {
      // storage full or refused: the verdict is still shown now
    }
    return record;
  }
  /**
   * The district's reasons for not accepting it (`response`: its answer, just had): what decided
   * its decision — a deferred filing's errors, an incomplete one's missing values — each with its
   * help. Not kept: a diagnostic may quote the submission, and the record keeps nothing of it.
   */
  function showReasons(response) {
    const answer = response?.accepted === false ? response.answer : null;
    const all = Array.isArray(answer?.diagnostics) ? answer.diagnostics : [];
    const errors = all.filter((x) => x?.severity === 'error');
    const list = errors.length ? errors : all.filter((x) => x?.severity === 'warning');
    reasonsEl.hidden = list.length === 0;
    reasonsList.replaceChildren(...list.slice(0, 20).map((x) => el('li', { class: x.severity, 'data-code': x.code ?? '' },
      String(x.message ?? x.code ?? ''), x.help ? el('span', { class: 'help' }, ` ${x.help}`) : null)),
    ...(list.length > 20 ? [el('li', { class: 'muted' }, tt('flMore', { n: list.length - 20 }))] : []));
  }
  /**
   * "已提交 · 区里已受理" when just sent; restored later, "已于 2020-02-04 10:00 提交 · 区里已受理"
   * (China time): said while the form holds what was sent.
   */
  function showRecord(record, { restored = false, response = null } = {}) {
    const ms = new Date(record.at).getTime();
    const when = Number.isFinite(ms) ? new Date(ms + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ') : '';
    // Sent, but not accepted (暂缓复工, 待补充): said as a refusal is, not in success's green (tablet QA F2).
    sendEl.className = record.accepted ? 'sent' : 'not-accepted';
    sendEl.textContent = `${restored ? tt('flSentOn', { when }) : t('submitted')} · ${verdict({ accepted: record.accepted, answer: { decision: record.decision } })}`;
    showReasons(response);
    shown = record.digest;
  }
  const holds = () => digest(JSON.stringify(current()));

  /** What waits in the outbox, and what the district refused, each with its reason. */
  function showOutbox() {
    const mine = outbox.list().filter((x) => x.kind === kind);
    const waiting = mine.filter((x) => x.status !== 'refused').length;
    outboxEl.textContent = waiting ? tt('flOutbox', { n: waiting }) : '';
    sendNowButton.hidden = waiting === 0;
    refusedList.replaceChildren(...mine.filter((x) => x.status === 'refused').map((x) => el('li', { class: 'failed', 'data-id': x.id },
      // The day in China time, as the page says it (portal audit, thirty-fifth session, F5: the
      // UTC day of the device clock, 2026-12-04, beside 检查时间 2026-12-05).
      el('span', { class: 'refused-what' }, named(x.submission, tt('obWhen', { when: x.now ? chinaDay(x.now) : '' }))),
      ' ',
      el('span', { class: 'refused-reason' }, tt('obRefused', { reason: refusalOf(x) })),
      ' ',
      el('button', { type: 'button', class: 'secondary remove-refused', 'on:click': () => outbox.remove(x.id) }, t('obRemove')))));
  }
  addEventListener('fangkong:outbox', showOutbox);
  addEventListener('storage', (ev) => { if (ev.key === 'fangkong.outbox') showOutbox(); });

  /** The district's verdict on submissions sent from the outbox (now, or by this page's load before it was ready). */
  function showSent(result) {
    const sent = (result?.sent ?? []).filter((x) => x.item.kind === kind);
    if (!sent.length) return;
    // The one the form holds, sent from the outbox: "sent" as a direct 提交 says it, kept for a
    // reload too (portal audit: it still said 未发送 after the outbox had sent it).
    const last = sent.at(-1);
    const record = recordSent(JSON.stringify(last.item.submission), last.response);
    if (record.digest === holds()) showRecord(record, { response: last.response });
    sentLaterEl.className = sent.every(({ response }) => response?.accepted) ? 'sent' : 'not-accepted';
    sentLaterEl.textContent = `${tt('obSentLater', { n: sent.length })}${sent.map(({ item, response }) => named(item.submission, verdict(response))).join(t('obSep'))}`;
  }
  addEventListener('fangkong:sent', (ev) => showSent(ev.detail));

  async function send() {
    submitButton.disabled = true;
    shown = null;
    sendEl.className = '';
    sendEl.textContent = t('sending');
    showReasons(null);
    try {
      const a = await prepare();
      if (a.stop !== undefined) {
        sendEl.className = 'not-sent';
        sendEl.textContent = a.stop;
        return;
      }
      const value = current();
      const r = await submit(kind, value, a.pack.hash, settings.now());
      if (r.status === 'sent') {
        showRecord(recordSent(JSON.stringify(value), r.response), { response: r.response });
      } else {
        sendEl.className = 'not-sent';
        sendEl.textContent = r.status === 'refused' ? tt('obRefused', { reason: refusalOf(r) }) : r.status === 'notKept' ? t('notKept') : navigator.onLine ? t('notSentOnline') : t('notSent');
      }
    } finally {
      submitButton.disabled = false;
      showOutbox();
    }
  }

  return {
    nodes: [submitButton, sendEl, reasonsEl, outboxEl, sendNowButton, sentLaterEl, refusedList],
    /** Once the page can say what its form holds: the outbox, and what it sent before the page was ready. */
    start() {
      showSent(lastFlush());
      showOutbox();
    },
    /** Once the form no longer holds what was sent, "sent" is no longer said of it. */
    changed() {
      if (shown === null || holds() === shown) return;
      shown = null;
      sendEl.className = '';
      sendEl.textContent = '';
      showReasons(null);
    },
    /** After a draft is restored: sent as it is now, said so with when and the district's verdict. */
    restore() {
      const record = sentRecord();
      if (record && record.digest === holds()) showRecord(record, { restored: true });
    },
    /** 清空: the record of what was sent is forgotten. */
    forget() {
      try {
        localStorage.removeItem(key);
      } catch {
        // storage refused: nothing was kept
      }
      shown = null;
      sendEl.className = '';
      sendEl.textContent = '';
      showReasons(null);
    },
  };
}
