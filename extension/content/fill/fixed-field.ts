import type { FormValue } from '../../../shared/form/form-values.ts';
import { agrees, describeMeant } from '../../../shared/form/same-meaning.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { readControl, shownAsText } from './read-control.ts';

/**
 * Whether the page shows a field that a person cannot change: disabled, aria-disabled or
 * read-only (Country/region may be fixed to the partner's market; docs/contracts/wizard-form.md).
 */
export function isFixedField(element: Element): boolean {
  return (
    element.hasAttribute('disabled') ||
    element.getAttribute('aria-disabled') === 'true' ||
    element.hasAttribute('readonly') ||
    element.getAttribute('aria-readonly') === 'true'
  );
}

export interface FixedFieldVerdict {
  status: 'filled' | 'to-check';
  message: string;
}

/**
 * A fixed field is judged by the value it shows, the way every read-back judges (by meaning):
 * `filled` when it already shows what was meant, else `to-check` — never filled by us. A read-only
 * date picker that is not disabled still opens its calendar: a person picks the date there.
 */
export function judgeFixedField(element: Element, meant: FormValue, uiLanguage: Language): FixedFieldVerdict {
  const shown = readControl(element);
  if (agrees(meant, shown)) return { status: 'filled', message: FILL_TEXTS.fixedHolds()[uiLanguage] };
  if (meant.type === 'date' && !isDisabled(element)) return { status: 'to-check', message: FILL_TEXTS.pickDateByHand(meant.text)[uiLanguage] };
  return { status: 'to-check', message: FILL_TEXTS.fixedShowsOther(shownAsText(shown), describeMeant(meant))[uiLanguage] };
}

function isDisabled(element: Element): boolean {
  return element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';
}
