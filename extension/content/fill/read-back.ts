import type { FormValue } from '../../../shared/form/form-values.ts';
import { agrees, describeMeant } from '../../../shared/form/same-meaning.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { readControl, shownAsText } from './read-control.ts';
import { readValidation } from '../fillers/read-validation.ts';

export interface ReadBackVerdict {
  status: 'filled' | 'rejected' | 'to-check';
  message?: string;
}

/**
 * The verdict on one field from the live page, not from what the filler did: `rejected` with the
 * page's own message when it marks the field invalid, `filled` when the control shows what was
 * meant (by meaning: dates, phones, options by text or value), else `to-check` — with the filler's
 * explanation when it had one ("no option …"), or what the page shows instead.
 */
export function readBack(element: Element, meant: FormValue, uiLanguage: Language, fillerMessage?: string): ReadBackVerdict {
  const error = readValidation(element, uiLanguage);
  if (error !== null) return { status: 'rejected', message: error };
  const shown = readControl(element);
  if (agrees(meant, shown)) return { status: 'filled' };
  return { status: 'to-check', message: fillerMessage ?? FILL_TEXTS.pageShowsOther(shownAsText(shown), describeMeant(meant))[uiLanguage] };
}
