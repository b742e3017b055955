import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import en from '../../../extension/public/_locales/en/messages.json' with { type: 'json' };
import ja from '../../../extension/public/_locales/ja/messages.json' with { type: 'json' };
import { installCatalog, uiLanguage } from '../../../extension/ui/i18n/translate.ts';
import { currentSettings } from '../../../extension/ui/state/settings-state.ts';
import { DEFAULT_SETTINGS } from '../../../extension/ui/state/settings.ts';

/**
 * Fresh extension state for a component test: an empty fake browser (storage, tabs), both message
 * catalogs loaded as the panel would load them, and the UI language set.
 */
export function setupUiTest(language: Language = 'en'): void {
  fakeBrowser.reset();
  installCatalog('en', en);
  installCatalog('ja', ja);
  uiLanguage.value = language;
  currentSettings.value = DEFAULT_SETTINGS;
}
