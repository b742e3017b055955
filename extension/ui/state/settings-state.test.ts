// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { uiLanguage } from '../i18n/translate.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { currentSettings, loadSettings } from './settings-state.ts';
import { settingsItem } from './settings.ts';

beforeEach(() => setupUiTest('en'));

describe('loadSettings', () => {
  it('should follow settings saved on another page (the Extension options page) while the panel is open', async () => {
    await settingsItem.setValue({ workerUrl: 'http://127.0.0.1:8787', token: '', language: 'en', cloud: 'global' });
    await loadSettings();
    expect(uiLanguage.value).toBe('en');
    await settingsItem.setValue({ workerUrl: 'http://worker.example:9000', token: 'token-from-options-page', language: 'ja', cloud: 'china' });
    await waitFor(() => expect(uiLanguage.value).toBe('ja'));
    expect(currentSettings.value.workerUrl).toBe('http://worker.example:9000');
    expect(currentSettings.value.cloud).toBe('china');
    // Every page declares the language it now speaks.
    expect(document.documentElement.lang).toBe('ja');
  });
});
