import { dispatchInputAndChange } from './dom-events.ts';
import { findOption } from './choose-option.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';
import { setNativeValue } from './text-input.ts';

/** A native `<select>`: the option is matched by text or value, set through the native setter, then `input` + `change`. */
export const fillNativeSelect: Filler = async (element, value, { signal }) => {
  if (signal.aborted) return fillFailure('ABORTED', FILL_TEXTS.aborted());
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  const select = element as HTMLSelectElement;
  const matches = value.type === 'text' ? value.matches : [value.text, value.iso];
  const option = findOption([...select.options], matches);
  if (!option) return fillFailure('OPTION_NOT_FOUND', FILL_TEXTS.optionNotFound(matches[0] ?? '', ''));
  setNativeValue(select, option.value);
  dispatchInputAndChange(select, option.value);
  await Promise.resolve();
  if (select.value !== option.value) return fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.optionNotKept(option.text));
  return FILLED;
};
