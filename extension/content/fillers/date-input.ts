import { showsDate } from '../../../shared/form/same-date.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { readValidation } from './read-validation.ts';
import { FILLED, fillFailure, type Filler } from './fill-result.ts';
import { fillTextInput } from './text-input.ts';

/**
 * A date picker: typed in the format its placeholder shows (`DD.MM.YYYY`), else the page's locale
 * format (`M/D/YYYY` on en-US, `YYYY/MM/DD` on ja-JP), else ISO — the next one only when the page
 * refused the last — or `YYYY-MM-DD` when the input is `type=date`; then blurred. Kept when the
 * page shows that day in any form (a picker may show `Thu Mar 05 2026` after blur;
 * docs/contracts/wizard-form.md).
 */
export const fillDateInput: Filler = async (element, value, options) => {
  if (value.type === 'boolean') return fillFailure('WRONG_VALUE_TYPE', FILL_TEXTS.wrongValueType());
  if (value.type === 'text') return fillTextInput(element, value, options);
  const input = element as HTMLInputElement;
  const formats = input.matches('input[type=date]') ? [value.iso] : [...new Set([formatFromPlaceholder(input.getAttribute('placeholder'), value.iso), value.text, value.iso])];
  for (const text of formats) {
    if (!text) continue;
    const typed = await fillTextInput(input, { type: 'text', text, matches: [text] }, options);
    if (!typed.ok && typed.code === 'ABORTED') return typed;
    // A picker that re-renders itself on commit is judged by the read-back on the control that replaced it.
    if (!input.isConnected) return FILLED;
    if (showsDate(input.value, value.iso) && readValidation(input) === null) return FILLED;
  }
  return fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.valueNotKept(value.text, input.value));
};

/** `YYYY-MM-DD` written the way a placeholder such as `M/D/YYYY`, `DD.MM.YYYY` or `yyyy/mm/dd` asks; null for other placeholders. */
function formatFromPlaceholder(placeholder: string | null, isoDate: string): string | null {
  const match = /^\s*(y{4}|m{1,2}|d{1,2})([/.-])(y{4}|m{1,2}|d{1,2})\2(y{4}|m{1,2}|d{1,2})\s*$/i.exec(placeholder ?? '');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || !date) return null;
  const parts = [match[1]!, match[3]!, match[4]!].map((part) => part.toLowerCase());
  if (new Set(parts.map((part) => part[0])).size !== 3) return null;
  const write = (part: string): string => {
    if (part === 'yyyy') return date[1]!;
    const number = part[0] === 'm' ? date[2]! : date[3]!;
    return part.length === 2 ? number : String(Number(number));
  };
  return parts.map(write).join(match[2]);
}
