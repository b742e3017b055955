import { waitFor } from '../dom/wait-for.ts';
import { textOf } from '../dom/field-names.ts';
import { pressEscape, pressWithMouse } from './dom-events.ts';
import { findOpenListbox, findOption, optionTexts, showsValue } from './choose-option.ts';
import { FILL_TEXTS } from '../fill/fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';

const LIST_TIMEOUT_MS = 1000;

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
  const opened = await waitFor(() => findOpenListbox(element), { signal, timeoutMs: LIST_TIMEOUT_MS });
  if (!opened.ok) {
    return opened.reason === 'aborted' ? fillFailure('ABORTED', FILL_TEXTS.aborted()) : fillFailure('LIST_NOT_OPENED', FILL_TEXTS.listNotOpened());
  }
  const options = [...opened.value.querySelectorAll('[role=option]')];
  const option = findOption(options, matches);
  if (!option) {
    const available = optionTexts(opened.value);
    pressEscape(element);
    return fillFailure('OPTION_NOT_FOUND', FILL_TEXTS.optionNotFound(matches[0] ?? '', available));
  }
  pressWithMouse(option);
  const chosen = await waitFor(() => (showsValue(selectedText(element), matches) ? true : null), { signal, timeoutMs: LIST_TIMEOUT_MS });
  if (!chosen.ok) return fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.optionNotKept(textOf(option)));
  return FILLED;
};

/** The selected option's text: the dropdown's title, without its label. */
function selectedText(element: Element): string {
  const title = element.querySelector('[id$="-option"], .ms-Dropdown-title, [data-selected-text]');
  return textOf(title ?? element);
}
