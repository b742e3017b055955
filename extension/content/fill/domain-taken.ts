import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { normalizeLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { initialDomain, type LiveCloudName } from '../../../shared/partner-center/clouds.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { getByIdInTree, queryDeep } from '../dom/walk-deep.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { fieldContainer } from '../fillers/read-validation.ts';
import type { ReadBackVerdict } from './read-back.ts';

const TAKEN_WORDS = [...WIZARD_WORDS.domainTaken.en, ...WIZARD_WORDS.domainTaken.ja].map(normalizeLabel);
/** Where a page puts a status that is not an error text: icons named by `aria-label`, status lines, live regions. */
const STATUS_SELECTOR = '[role=img], [role=status], [aria-live], [aria-label], svg[aria-label], img[alt]';

/** What a person reads (or hears) for a status element: its accessible name, else its text. */
function statusName(element: Element): string {
  return element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? textOf(element);
}

/**
 * What the page says about the domain box when it calls the name taken without an error text: a
 * status icon's accessible name or a status line ("Not available", "使用できません"), tied to the box
 * by `aria-describedby` or inside its field container. Null when nothing there says "taken".
 */
export function readDomainTaken(control: Element): string | null {
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => getByIdInTree(control, id));
  const container = fieldContainer(control);
  const candidates = [...described, ...(container ? queryDeep(container, STATUS_SELECTOR) : [])];
  for (const element of candidates) {
    if (!element || element === control || !isVisible(element)) continue;
    for (const part of [element, ...queryDeep(element, STATUS_SELECTOR)]) {
      const name = statusName(part);
      const normalized = normalizeLabel(name);
      if (normalized !== '' && TAKEN_WORDS.some((word) => normalized.includes(word))) return name.trim();
    }
  }
  return null;
}

/**
 * The domain's verdict when the page signals it taken only by a status (docs/wizard-filling.md):
 * `rejected`, saying so and what to do. Null when the page says nothing of the kind, or already
 * refused the field with its own message (which is passed on as it is). The domain is named with
 * the suffix of `cloud`.
 */
export function domainTakenVerdict(control: Element, verdict: ReadBackVerdict, uiLanguage: Language, cloud: LiveCloudName): ReadBackVerdict | null {
  if (verdict.status === 'rejected') return null;
  const signal = readDomainTaken(control);
  if (!signal) return null;
  const prefix = 'value' in control ? String(control.value).trim() : '';
  return { status: 'rejected', message: FILL_TEXTS.domainTaken(initialDomain(prefix, cloud), signal)[uiLanguage] };
}
