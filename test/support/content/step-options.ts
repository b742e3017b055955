import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { FillStepOptions } from '../../../extension/content/fill/fill-account-info.ts';

/** Options for filling a step of the test's `document`: page and report in one language, no remembered picks. */
export function stepOptions(language: Language = 'en', signal: AbortSignal = new AbortController().signal): FillStepOptions {
  return { document, signal, pageLanguage: language, uiLanguage: language, hints: new Map() };
}
