import { waitFor } from '../dom/wait-for.ts';
import { textOf } from '../dom/field-names.ts';
import { dispatchInputAndChange, pressWithMouse } from './dom-events.ts';
import { findOpenListbox, findOption, LIST_TIMEOUT_MS, optionTexts, pressOption, showsValue, waitForOpenListbox } from './choose-option.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';
import { setNativeValue } from './text-input.ts';

/**
 * Fluent UI v9 Combobox (`input role=combobox`) and Dropdown (`button role=combobox`): the option
 * list is found through `aria-controls` once open; an editable combobox is typed into to filter
 * when the option is not in the first list shown.
 * https://react.fluentui.dev/?path=/docs/components-combobox--docs
 */
export const fillComboboxV9: Filler = async (element, value, { signal }) => {
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const matches = value.type === 'text' ? value.matches : [value.text, value.iso];
  const text = value.text;
  if (showsValue(currentText(element), matches)) return FILLED;

  if (element.getAttribute('aria-expanded') !== 'true') pressWithMouse(element);
  const opened = await waitForOpenListbox(element, signal);
  if (!opened.ok) return opened.result;
  const available = optionTexts(opened.listbox);
  let option = findOption([...opened.listbox.querySelectorAll('[role=option]')], matches);
  const isInput = element instanceof (element.ownerDocument.defaultView ?? globalThis).HTMLInputElement;
  if (!option && isInput) {
    // Typing filters the list, as a person would to reach an option far down.
    const before = element.value;
    setNativeValue(element, text);
    dispatchInputAndChange(element, text);
    const filtered = await waitFor(
      () => {
        const open = findOpenListbox(element);
        return open ? findOption([...open.querySelectorAll('[role=option]')], matches) : null;
      },
      { signal, timeoutMs: LIST_TIMEOUT_MS },
    );
    option = filtered.ok ? filtered.value : undefined;
    if (!option) {
      // Leave the box as it was rather than holding a filter text that is no option.
      setNativeValue(element, before);
      dispatchInputAndChange(element, before);
    }
  }
  if (signal.aborted) return fillFailure('ABORTED', FILL_TEXTS.aborted());
  return pressOption(element, option, { matches, available, shownText: () => currentText(element), signal });
};

function currentText(element: Element): string {
  if (element instanceof (element.ownerDocument.defaultView ?? globalThis).HTMLInputElement) return element.value;
  return textOf(element);
}
