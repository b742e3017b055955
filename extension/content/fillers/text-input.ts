import { dispatchInputAndChange, focusElement, leaveField } from './dom-events.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';

/**
 * Sets `value` on an input, textarea or select through the prototype's native setter, so that
 * React's value tracker (set by the element's own setter) sees a change and fires onChange.
 * https://github.com/facebook/react/issues/10135#issuecomment-314441175
 */
export function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  let prototype: object | null = Object.getPrototypeOf(element);
  while (prototype) {
    const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    if (setter) {
      setter.call(element, value);
      return;
    }
    prototype = Object.getPrototypeOf(prototype);
  }
  element.value = value;
}

/** Types a value into a text input or textarea: native setter, bubbling `input` and `change`, then blur. */
export const fillTextInput: Filler = async (element, value, { signal }) => {
  if (signal.aborted) return fillFailure('ABORTED', FILL_TEXTS.aborted());
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const text = value.text;
  const input = element as HTMLInputElement | HTMLTextAreaElement;
  focusElement(input);
  setNativeValue(input, text);
  dispatchInputAndChange(input, text);
  leaveField(input);
  // A controlled input re-renders on the next task at the latest: a value the page did not accept is gone by then.
  await Promise.resolve();
  if (input.value !== text) {
    return fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.valueNotKept(text, input.value));
  }
  return FILLED;
};
