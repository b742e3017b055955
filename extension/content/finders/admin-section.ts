import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { composedParent, walkDeep } from '../dom/walk-deep.ts';

/** How far above the password label the section holding the admin's sign-in name label may start. */
const SECTION_LEVELS = 4;

/** The labels of the new admin's sign-in name, per language (the Confirmation reads the name next to them). */
export const ADMIN_NAME_LABELS: Record<Language, readonly string[]> = {
  en: [...WIZARD_WORDS.adminUser.en, ...WIZARD_WORDS.adminSignIn.en],
  ja: [...WIZARD_WORDS.adminUser.ja, ...WIZARD_WORDS.adminSignIn.ja],
};

/** Any user form has "User name" and "Password": the section is recognised only by the admin's own words. */
const GENERIC_NAME_LABELS: readonly string[] = [...WIZARD_WORDS.genericUser.en, ...WIZARD_WORDS.genericUser.ja];
const SECTION_NAME_LABELS: Record<Language, readonly string[]> = {
  en: ADMIN_NAME_LABELS.en.filter((label) => !GENERIC_NAME_LABELS.includes(label)),
  ja: ADMIN_NAME_LABELS.ja.filter((label) => !GENERIC_NAME_LABELS.includes(label)),
};

export interface AdminSection {
  element: Element;
  language: Language;
}

/** A visible label under `root` (a leaf element or a `<label>`) reading as one of `labels`. */
function findLabel(root: Document | Element, labels: (text: string) => boolean): Element | null {
  for (const element of walkDeep(root)) {
    if (element.children.length > 0 && element.localName !== 'label') continue;
    const text = textOf(element);
    // Visibility last: this runs on every dashboard page that shows no wizard button.
    if (text !== '' && text.length <= 60 && labels(text) && isVisible(element)) return element;
  }
  return null;
}

/**
 * The Confirmation page's account section, found the way a person finds it whatever the page's
 * heading or buttons say: a visible password label with, just above it, the label of the new
 * admin's sign-in name ("Admin user account", "Sign-in name" — not a bare "User name"). Its
 * wording tells the page's language. Null on any other page.
 */
export function findAdminSection(document: Document): AdminSection | null {
  for (const language of ['en', 'ja'] as const) {
    const password = findLabel(document, (text) => matchesLabel(text, WIZARD_WORDS.adminPassword[language]));
    const isName = (text: string): boolean => matchesLabel(text, SECTION_NAME_LABELS[language]);
    let container = password && composedParent(password);
    for (let level = 0; password && container && level < SECTION_LEVELS; level++) {
      const name = findLabel(container, isName);
      // Just above: the name label comes before the password label in the page.
      if (name && name.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING) return { element: container, language };
      container = composedParent(container);
    }
  }
  return null;
}
