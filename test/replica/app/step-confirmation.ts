import { h } from './dom.ts';
import { state, strings } from './store.ts';

/** Step 4 — Confirmation: the new admin user and password, each with a copy button, then Done. */
export function confirmationStep(done: () => void): HTMLElement {
  const s = strings();
  const created = state.created;
  const credential = (label: string, value: string): HTMLElement => {
    const copy = h('button', { type: 'button' }, s.copy);
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(value).catch(() => undefined);
      copy.textContent = s.copied;
    });
    return h('div', { class: 'credential' }, h('span', { class: 'ms-Label' }, label), h('span', { class: 'secret' }, value), copy);
  };
  return h(
    'div',
    { class: 'wizard-form' },
    h('p', {}, s.confirmationText),
    created ? credential(s.adminUser, created.adminUser) : null,
    created ? credential(s.password, created.password) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: done }, s.done)),
  );
}
