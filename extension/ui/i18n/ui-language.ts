import type { Language } from '../../../shared/i18n/localized-message.ts';

/** The languages the side panel speaks; `auto` follows the browser's UI language. */
export type UiLanguageSetting = Language | 'auto';

/** Picks `ja` for a Japanese browser UI, else `en` (the only two catalogs shipped). */
export function resolveUiLanguage(setting: UiLanguageSetting, browserLanguage: string | undefined): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
