import { pressWithMouse } from './dom-events.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';

/** Whether a native or ARIA checkbox is checked. */
export function isChecked(element: Element): boolean {
  if (element instanceof (element.ownerDocument.defaultView ?? globalThis).HTMLInputElement) return element.checked;
  return element.getAttribute('aria-checked') === 'true';
}

/** Ticks or clears a checkbox by clicking it (never by setting `.checked`, which the page's state would miss). */
export const fillCheckbox: Filler = async (element, value, { signal }) => {
  if (signal.aborted) return fillFailure('ABORTED', FILL_TEXTS.aborted());
  if (value.type !== 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  if (isChecked(element) !== value.checked) {
    if ('click' in element && typeof element.click === 'function' && element.matches('input')) (element as HTMLElement).click();
    else pressWithMouse(element);
  }
  await Promise.resolve();
  if (isChecked(element) !== value.checked) {
    return fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.checkboxNotKept(isChecked(element)));
  }
  return FILLED;
};
