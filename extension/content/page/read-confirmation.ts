import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import { textOf } from '../dom/field-names.ts';
import { walkDeep } from '../dom/walk-deep.ts';

/** A sign-in name of a new tenant: `someone@prefix.onmicrosoft.com` (or the 21Vianet suffix). */
const SIGN_IN_NAME = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.(?:onmicrosoft\.com|partner\.onmschina\.cn))/;

export interface ConfirmationDetails {
  adminUserName: string;
  domain: string;
}

/**
 * Reads the admin user name from the Confirmation page: the sign-in name shown next to an
 * "Admin user" label, else the first initial-domain sign-in name on the page. The password is
 * never read: only texts matching a sign-in name are looked at.
 */
export function readConfirmation(document: Document): ConfirmationDetails | null {
  const labels = [...WIZARD_WORDS.adminUser.en, ...WIZARD_WORDS.adminUser.ja];
  let fallback: ConfirmationDetails | null = null;
  for (const element of walkDeep(document)) {
    const value = element.matches('input, textarea') ? (element as HTMLInputElement).value : element.children.length === 0 ? textOf(element) : '';
    const match = SIGN_IN_NAME.exec(value);
    if (!match) continue;
    const details = { adminUserName: match[0], domain: match[1]! };
    const label = element.getAttribute('aria-label') ?? textOf(element.previousElementSibling ?? element.parentElement?.previousElementSibling ?? element);
    if (matchesLabel(label, labels)) return details;
    fallback ??= details;
  }
  return fallback;
}
