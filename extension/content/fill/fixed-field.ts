import type { FormValue } from '../../../shared/form/form-values.ts';
import { textOf } from '../dom/field-names.ts';
import { isChecked } from '../fillers/checkbox.ts';
import { showsValue } from '../fillers/choose-option.ts';

/**
 * Whether the page shows a field that a person cannot change: disabled, aria-disabled or
 * read-only (Country/region may be fixed to the partner's market; docs/contracts/wizard-form.md).
 */
export function isFixedField(element: Element): boolean {
  return (
    element.hasAttribute('disabled') ||
    element.getAttribute('aria-disabled') === 'true' ||
    element.hasAttribute('readonly') ||
    element.getAttribute('aria-readonly') === 'true'
  );
}

/** What a fixed field shows, as text. */
export function shownText(element: Element): string {
  if (element instanceof (element.ownerDocument.defaultView ?? globalThis).HTMLSelectElement) return element.selectedOptions[0]?.text ?? '';
  if ('value' in element && typeof element.value === 'string' && element.matches('input, textarea')) return element.value;
  return textOf(element);
}

/** Whether a fixed field already holds the wanted value, so nothing needs filling. */
export function fixedFieldHolds(element: Element, value: FormValue): boolean {
  if (value.type === 'boolean') return isChecked(element) === value.checked;
  const matches = value.type === 'text' ? value.matches : [value.text, value.iso];
  return showsValue(shownText(element), matches);
}
