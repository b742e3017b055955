import { REWORDED_CONFIRMATION, SHOW_WORD } from './confirmation-wording.ts';
import { h } from './dom.ts';
import { SWITCHES } from './page-switches.ts';
import { state, strings } from './store.ts';

/**
 * Step 4 — Confirmation: the new admin user and password, each with a copy button, then Done.
 * `?confirmation=…` rewords it, masks the user name until "Show", or leaves the user name out.
 */
export function confirmationStep(done: () => void): HTMLElement {
  const s = strings();
  const mode = SWITCHES.confirmation;
  const words = mode === 'reworded' ? REWORDED_CONFIRMATION[state.lang] : { intro: s.confirmationText, adminUser: s.adminUser, password: s.password, close: s.done };
  const created = state.created;
  const credential = (label: string, value: string, masked = false): HTMLElement => {
    const copy = h('button', { type: 'button' }, s.copy);
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(value).catch(() => undefined);
      copy.textContent = s.copied;
    });
    const shown = h('span', { class: 'secret' }, masked ? '••••••••' : value);
    const show = masked ? h('button', { type: 'button' }, SHOW_WORD[state.lang]) : null;
    show?.addEventListener('click', () => {
      shown.textContent = value;
      show.remove();
    });
    return h('div', { class: 'credential' }, h('span', { class: 'ms-Label' }, label), shown, show, copy);
  };
  return h(
    'div',
    { class: 'wizard-form' },
    h('p', {}, words.intro),
    created && mode !== 'user-absent' ? credential(words.adminUser, created.adminUser, mode === 'user-hidden') : null,
    created ? credential(words.password, created.password) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: done }, words.close)),
  );
}

/** The Confirmation's own heading, and no stepper, when it is reworded; null for the documented page. */
export function rewordedConfirmationHeading(): string | null {
  return SWITCHES.confirmation === 'reworded' ? REWORDED_CONFIRMATION[state.lang].heading : null;
}
