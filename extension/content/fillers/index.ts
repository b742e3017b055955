import type { ControlKind } from '../../../shared/form/field-map.ts';
import { fillCheckbox } from './checkbox.ts';
import { fillComboboxV9 } from './combobox-v9.ts';
import { fillDateInput } from './date-input.ts';
import { fillDropdownV8 } from './dropdown-v8.ts';
import type { Filler } from './fill-result.ts';
import { CHECKBOX_SELECTOR } from '../dom/field-names.ts';
import { fillNativeSelect } from './native-select.ts';
import { fillRadioGroup } from './radio-group.ts';
import { fillTextInput } from './text-input.ts';

/** One filler per control kind. A meta-test checks that every kind has one. */
export const FILLERS: Record<ControlKind, Filler> = {
  text: fillTextInput,
  checkbox: fillCheckbox,
  select: fillNativeSelect,
  'dropdown-v8': fillDropdownV8,
  'combobox-v9': fillComboboxV9,
  date: fillDateInput,
  'radio-group': fillRadioGroup,
};

/**
 * The kind of control `element` really is. The field map says what the page is documented to
 * use, but a field may differ (State is a list in some countries, free text in others).
 */
export function detectControlKind(element: Element, expected: ControlKind): ControlKind {
  if (element.matches(CHECKBOX_SELECTOR)) return 'checkbox';
  if (element.matches('[role=radiogroup], fieldset')) return 'radio-group';
  if (element.matches('select')) return 'select';
  if (element.matches('input[type=date]')) return 'date';
  // A Fluent v8 DatePicker's text box carries role=combobox for its calendar popup: it is still typed into.
  if (expected === 'date' && element.matches('input, textarea')) return 'date';
  if (element.matches('[role=combobox], [role=listbox]')) return element.matches('input, button') ? 'combobox-v9' : 'dropdown-v8';
  if (expected === 'date') return 'date';
  return 'text';
}
