import { h } from './dom.ts';
import { SWITCHES } from './page-switches.ts';
import { state, strings } from './store.ts';

/** The accessible name of the "taken" icon (`?taken=status-only`). */
const TAKEN_ICON_LABEL = { en: 'Not available', ja: '使用できません' } as const;

/**
 * Brings the domain's status line in line with the availability check: "Checking…", "available",
 * or — with `?taken=status-only` — an icon whose only words are its accessible name.
 */
export function renderDomainStatus(status: HTMLElement): void {
  const s = strings();
  if (state.domainStatus === 'taken' && SWITCHES.taken === 'status-only') {
    if (!status.querySelector('[role=img]')) status.replaceChildren(h('span', { role: 'img', class: 'status-icon', 'aria-label': TAKEN_ICON_LABEL[state.lang] }, '⛔'));
    return;
  }
  const text = state.domainStatus === 'checking' ? s.checking : state.domainStatus === 'available' ? s.available : '';
  if (status.textContent !== text) status.textContent = text;
}
