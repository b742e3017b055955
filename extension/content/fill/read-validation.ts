import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { composedParent, getByIdInTree } from '../dom/walk-deep.ts';

const CONTROL_SELECTOR = 'input:not([type=hidden]), textarea, select, [role=combobox], [role=checkbox], [role=listbox]';

/**
 * The page's verdict on a field after its fill and blur (dashboard-form.md "What a fill reports"):
 * `aria-invalid="true"`, an error text tied by `aria-errormessage` or `aria-describedby`, or a
 * `role="alert"` in the field's container. Returns the error text, or null when the field looks valid.
 */
export function readValidation(control: Element): string | null {
  const invalid = control.getAttribute('aria-invalid') === 'true';
  const texts: string[] = [];
  const errorMessageId = control.getAttribute('aria-errormessage');
  if (errorMessageId) texts.push(...referencedTexts(control, errorMessageId, () => true));
  const describedBy = control.getAttribute('aria-describedby');
  // aria-describedby also carries help text: count it as an error only when it reads like one.
  if (describedBy) texts.push(...referencedTexts(control, describedBy, (element) => invalid || looksLikeError(element)));
  const container = fieldContainer(control);
  if (container) {
    for (const alert of container.querySelectorAll('[role=alert]')) {
      if (isVisible(alert) && textOf(alert)) texts.push(textOf(alert));
    }
  }
  const unique = [...new Set(texts)];
  if (unique.length > 0) return unique.join(' ');
  return invalid ? 'The page marked this field invalid.' : null;
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
