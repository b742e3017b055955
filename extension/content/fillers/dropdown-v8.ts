import { textOf } from '../dom/field-names.ts';
import { pressWithMouse } from './dom-events.ts';
import { findOption, optionTexts, pressOption, showsValue, waitForOpenListbox } from './choose-option.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';

/**
 * Fluent UI v8 Dropdown: a `div` with role combobox (or listbox) whose options live in a popup
 * layer appended to the body. Opened with mousedown + click like a pointer does; never focused
 * first, because focusing it without a mousedown selects the first option.
 * https://github.com/microsoft/fluentui/blob/7.0/packages/office-ui-fabric-react/src/components/Dropdown/Dropdown.base.tsx
 */
export const fillDropdownV8: Filler = async (element, value, { signal }) => {
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const matches = value.type === 'text' ? value.matches : [value.text, value.iso];
  if (showsValue(selectedText(element), matches)) return FILLED;

  pressWithMouse(element);
  const opened = await waitForOpenListbox(element, signal);
  if (!opened.ok) return opened.result;
  const option = findOption([...opened.listbox.querySelectorAll('[role=option]')], matches);
  return pressOption(element, option, { matches, available: optionTexts(opened.listbox), shownText: () => selectedText(element), signal });
};

/** The selected option's text: the dropdown's title, without its label. */
export function selectedText(element: Element): string {
  const title = element.querySelector('[id$="-option"], .ms-Dropdown-title, [data-selected-text]');
  return textOf(title ?? element);
}
