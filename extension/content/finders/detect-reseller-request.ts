import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep } from '../dom/walk-deep.ts';

/** The invitation link a customer's admin accepts (docs/contracts/partner-center.md §9). */
export const INVITATION_LINK = /https:\/\/admin\.microsoft\.com\/\S*invType=\w*ResellerRelationship\S*/i;

/**
 * Whether the page is Customers → Request a reseller relationship — what a person does instead of
 * the wizard when the customer already has a tenant: by its heading, else by the invitation link it
 * shows. The heading's wording, else the document's language, tells the page language.
 */
export function detectResellerRequest(document: Document): { language: Language } | null {
  const headings = queryDeep(document, 'h1, h2, h3, [role=heading]').filter(isVisible).map(textOf);
  for (const language of ['en', 'ja'] as const) {
    if (headings.some((heading) => matchesLabel(heading, WIZARD_WORDS.resellerRequest[language]))) return { language };
  }
  if (!invitationTexts(document).some((text) => INVITATION_LINK.test(text))) return null;
  return { language: document.documentElement.lang.toLowerCase().startsWith('ja') ? 'ja' : 'en' };
}

/** The texts a person reads where an invitation may be shown: read-only boxes and links. */
export function invitationTexts(document: Document): string[] {
  return queryDeep(document, 'textarea, input, a[href], pre, code, p')
    .filter(isVisible)
    .map((element) => (element.matches('textarea, input') ? (element as HTMLInputElement).value : element.matches('a') ? (element.getAttribute('href') ?? '') : textOf(element)));
}
