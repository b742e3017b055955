import type { Language } from '../../../shared/i18n/localized-message.ts';
import { CONTROL_SELECTOR, textOf } from '../dom/field-names.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { isVisible } from '../dom/is-visible.ts';
import { composedParent, getByIdInTree } from '../dom/walk-deep.ts';


/**
 * The page's verdict on a field after its fill and blur (docs/contracts/wizard-form.md "What a fill reports"):
 * `aria-invalid="true"`, an error text tied by `aria-errormessage` or `aria-describedby`, or a
 * `role="alert"` in the field's container. Returns the error text, or null when the field looks valid.
 */
export function readValidation(control: Element, uiLanguage: Language = 'en'): string | null {
  const invalid = control.getAttribute('aria-invalid') === 'true';
  const errors: string[] = [];
  const errorMessageId = control.getAttribute('aria-errormessage');
  if (errorMessageId) errors.push(...referencedTexts(control, errorMessageId, () => true));
  const describedBy = control.getAttribute('aria-describedby');
  // aria-describedby also carries help text (a domain suffix, a hint): count only what reads as an error.
  if (describedBy) errors.push(...referencedTexts(control, describedBy, looksLikeError));
  const container = fieldContainer(control);
  if (container) {
    for (const alert of container.querySelectorAll('[role=alert]')) {
      if (isVisible(alert) && textOf(alert)) errors.push(textOf(alert));
    }
  }
  if (errors.length > 0) return [...new Set(errors)].join(' ');
  if (!invalid) return null;
  // Invalid without a recognisable error element: the description is the best explanation there is.
  const described = describedBy ? referencedTexts(control, describedBy, () => true) : [];
  return described.length > 0 ? described.join(' ') : FILL_TEXTS.pageMarkedInvalid()[uiLanguage];
}

function referencedTexts(control: Element, ids: string, accept: (element: Element) => boolean): string[] {
  return ids
    .split(/\s+/)
    .map((id) => getByIdInTree(control, id) ?? control.ownerDocument.getElementById(id))
    .filter((element): element is Element => element !== null && isVisible(element) && accept(element))
    .map(textOf)
    .filter((text) => text !== '');
}

function looksLikeError(element: Element): boolean {
  if (element.matches('[role=alert], [aria-live=assertive]')) return true;
  const hints = `${element.id} ${element.getAttribute('class') ?? ''}`.toLowerCase();
  return /error|invalid/.test(hints);
}

/** The largest ancestor (at most four levels up) that holds this control and no other: its field row. */
export function fieldContainer(control: Element): Element | null {
  let container: Element | null = null;
  let current = composedParent(control);
  for (let depth = 0; current && depth < 4; depth++) {
    const controls = current.querySelectorAll(CONTROL_SELECTOR).length;
    if (controls > 1) break;
    container = current;
    current = composedParent(current);
  }
  return container;
}
