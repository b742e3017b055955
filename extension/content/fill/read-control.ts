import type { ShownValue } from '../../../shared/form/same-meaning.ts';
import { CHECKBOX_SELECTOR, textOf } from '../dom/field-names.ts';
import { isChecked } from '../fillers/checkbox.ts';
import { checkedRadio } from '../fillers/radio-group.ts';
import { selectedText } from '../fillers/dropdown-v8.ts';

/**
 * What a control shows right now, as a person reads it: a checkbox's state, a text box's value,
 * a list's chosen option (its text and, for a native select or a radio group, its value), a Fluent
 * dropdown's title.
 */
export function readControl(element: Element): ShownValue {
  if (element.matches(CHECKBOX_SELECTOR)) return { kind: 'checkbox', checked: isChecked(element) };
  // A radio group shows the button that is checked now, not the one that was clicked.
  if (element.matches('[role=radiogroup], fieldset')) return { kind: 'text', text: '', ...checkedRadio(element) };
  const view = element.ownerDocument.defaultView ?? globalThis;
  if (element instanceof view.HTMLSelectElement) return { kind: 'text', text: element.selectedOptions[0]?.text ?? '', value: element.value };
  if (element instanceof view.HTMLInputElement || element instanceof view.HTMLTextAreaElement) return { kind: 'text', text: element.value };
  if (element.matches('[role=combobox], [role=listbox]') && !element.matches('button')) return { kind: 'text', text: selectedText(element) };
  return { kind: 'text', text: textOf(element) };
}

/** The shown value as text, for a message. */
export function shownAsText(shown: ShownValue): string {
  return shown.kind === 'checkbox' ? (shown.checked ? '☑' : '☐') : shown.text;
}
