import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import type { ConfirmationUnsureReason } from '../../../shared/form/fill-messages.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep, walkDeep } from '../dom/walk-deep.ts';
import { ADMIN_NAME_LABELS } from '../finders/admin-section.ts';

/** A sign-in name of a new tenant: `someone@prefix.onmicrosoft.com` (or the 21Vianet suffix). */
const SIGN_IN_NAME = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.(?:onmicrosoft\.com|partner\.onmschina\.cn))/;

export type ConfirmationReading =
  | { sure: true; adminUserName: string; domain: string }
  /** The page does not show the admin user name where a person reads it: masked behind "Show", or not at all. */
  | { sure: false; reason: ConfirmationUnsureReason };

/**
 * Reads the admin user name from the Confirmation page: a sign-in name shown next to its label
 * ("Admin user account", "Sign-in name"…). Anything less is not a reading: a sign-in name without
 * that label may be the password (a generated password can look like one), so the page is then
 * reported as unsure — the name hidden behind a "Show" button, or not shown — and nothing is kept.
 * The password is never read: only texts matching a sign-in name next to a user-name label are.
 */
export function readConfirmation(document: Document): ConfirmationReading {
  const labels = [...ADMIN_NAME_LABELS.en, ...ADMIN_NAME_LABELS.ja];
  for (const element of walkDeep(document)) {
    const value = element.matches('input, textarea') ? (element as HTMLInputElement).value : element.children.length === 0 ? textOf(element) : '';
    const match = SIGN_IN_NAME.exec(value);
    if (!match) continue;
    const label = element.getAttribute('aria-label') ?? textOf(element.previousElementSibling ?? element.parentElement?.previousElementSibling ?? element);
    if (matchesLabel(label, labels)) return { sure: true, adminUserName: match[0], domain: match[1]! };
  }
  const showLabels = [...WIZARD_WORDS.showHidden.en, ...WIZARD_WORDS.showHidden.ja];
  const masked = queryDeep(document, 'button, [role=button]').some((button) => matchesLabel(button.getAttribute('aria-label') ?? textOf(button), showLabels) && isVisible(button));
  return { sure: false, reason: masked ? 'user-hidden' : 'no-user' };
}
