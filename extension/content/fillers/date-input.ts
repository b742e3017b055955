import { FILL_TEXTS } from '../fill/fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';
import { fillTextInput } from './text-input.ts';

/**
 * A date picker: typed in the page's locale format (`M/D/YYYY` on en-US, `YYYY/MM/DD` on ja-JP),
 * or `YYYY-MM-DD` when the input is `type=date`, then blurred (docs/contracts/wizard-form.md).
 */
export const fillDateInput: Filler = async (element, value, options) => {
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const isNativeDate = element.matches('input[type=date]');
  const text = value.type === 'date' ? (isNativeDate ? value.iso : value.text) : value.text;
  const result = await fillTextInput(element, { type: 'text', text, matches: [text] }, options);
  return result.ok ? FILLED : result;
};
