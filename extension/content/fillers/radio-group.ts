import { normalizeLabel } from '../../../shared/form/normalize-label.ts';
import { fieldNames, RADIO_SELECTOR, textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep } from '../dom/walk-deep.ts';
import { pressWithMouse } from './dom-events.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';

/** The visible buttons of a group, in order. */
function radiosOf(group: Element): Element[] {
  return queryDeep(group, RADIO_SELECTOR).filter(isVisible);
}

function isRadioChecked(radio: Element): boolean {
  if (radio instanceof (radio.ownerDocument.defaultView ?? globalThis).HTMLInputElement) return radio.checked;
  return radio.getAttribute('aria-checked') === 'true';
}

/** What a person reads for one button: its label, else its own text. */
function radioText(radio: Element): string {
  return fieldNames(radio)[0] ?? textOf(radio);
}

/** The button the page shows checked now — what counts, whatever was clicked. */
export function checkedRadio(group: Element): { text: string; value: string } | null {
  const radio = radiosOf(group).find(isRadioChecked);
  return radio ? { text: radioText(radio), value: radio.getAttribute('value') ?? '' } : null;
}

/**
 * Picks the button whose label or value matches, by a click as a person gives it. Whether the page
 * kept it is not judged here: the read-back reads which button is checked once the page is still.
 */
export const fillRadioGroup: Filler = async (group, value, { signal }) => {
  if (signal.aborted) return fillFailure('ABORTED', FILL_TEXTS.aborted());
  if (value.type !== 'text') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const radios = radiosOf(group);
  const wanted = new Set(value.matches.map(normalizeLabel));
  const radio = radios.find((candidate) => [radioText(candidate), candidate.getAttribute('value') ?? ''].some((name) => wanted.has(normalizeLabel(name))));
  if (!radio) return fillFailure('OPTION_NOT_FOUND', FILL_TEXTS.optionNotFound(value.text, radios.map(radioText).join(', ')));
  if (!isRadioChecked(radio)) {
    if (radio.matches('input')) (radio as HTMLInputElement).click();
    else pressWithMouse(radio);
  }
  return FILLED;
};
