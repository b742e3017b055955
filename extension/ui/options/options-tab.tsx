import { useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';
import { currentSettings, saveSettings } from '../state/settings-state.ts';
import type { UiLanguageSetting } from '../i18n/ui-language.ts';
import { normalizeWorkerUrl } from '../state/settings.ts';
import { checkWorkerConnection, type ConnectionCheckResult } from './test-connection.ts';
import { describeWorkerError } from '../components/worker-error-message.ts';
import { CLOUD_NAMES, type CloudName, type LiveCloudName } from '../../../shared/partner-center/clouds.ts';

/** Worker URL and token, "Test connection", the UI language and the Partner Center cloud. */
export function OptionsTab() {
  const [workerUrl, setWorkerUrl] = useState(currentSettings.value.workerUrl);
  const [token, setToken] = useState(currentSettings.value.token);
  const [language, setLanguage] = useState<UiLanguageSetting>(currentSettings.value.language);
  // Germany is listed so that a person looking for it learns why it is gone; it is never saved.
  const [cloud, setCloud] = useState<CloudName>(currentSettings.value.cloud);
  const [saved, setSaved] = useState(false);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<ConnectionCheckResult | undefined>();

  async function save(event: Event) {
    event.preventDefault();
    if (cloud === 'germany') return;
    await saveSettings({ workerUrl, token, language, cloud: cloud as LiveCloudName });
    setSaved(true);
  }

  async function testConnection() {
    setChecking(true);
    setCheck(undefined);
    try {
      setCheck(await checkWorkerConnection(workerUrl.trim(), token.trim()));
    } finally {
      setChecking(false);
    }
  }

  const stored = currentSettings.value;
  const unsaved = normalizeWorkerUrl(workerUrl) !== stored.workerUrl || token.trim() !== stored.token;

  return (
    <form class="stack" onSubmit={save} aria-labelledby="options-heading">
      <h2 id="options-heading">{t('optionsHeading')}</h2>
      <div class="field">
        <label for="option-worker-url">{t('optionWorkerUrl')}</label>
        <input id="option-worker-url" type="url" value={workerUrl} required autoComplete="off"
          onInput={(e) => { setWorkerUrl(e.currentTarget.value); setSaved(false); }} />
      </div>
      <div class="field">
        <label for="option-token">{t('optionToken')}</label>
        <input id="option-token" type="password" value={token} autoComplete="off" aria-describedby="option-token-hint"
          onInput={(e) => { setToken(e.currentTarget.value); setSaved(false); }} />
        <p class="hint" id="option-token-hint">{t('optionTokenHint')}</p>
      </div>
      <div class="field">
        <label for="option-language">{t('optionLanguage')}</label>
        <select id="option-language" value={language}
          onChange={(e) => { setLanguage(e.currentTarget.value as UiLanguageSetting); setSaved(false); }}>
          <option value="auto">{t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="ja">日本語</option>
        </select>
      </div>
      <div class="field">
        <label for="option-cloud">{t('optionCloud')}</label>
        <select id="option-cloud" value={cloud} aria-describedby="option-cloud-hint"
          onChange={(e) => { setCloud(e.currentTarget.value as CloudName); setSaved(false); }}>
          {CLOUD_NAMES.map((name) => <option key={name} value={name}>{t(`cloud_${name}`)}</option>)}
        </select>
        <p class="hint" id="option-cloud-hint">{t('optionCloudHint')}</p>
        {cloud === 'germany' && <p class="notice error" role="alert">{t('cloudGermanyClosed')}</p>}
      </div>
      <div class="actions">
        <button type="submit" class="primary">{t('save')}</button>
        <button type="button" onClick={testConnection} disabled={checking}>{t('testConnection')}</button>
      </div>
      <div role="status" aria-live="polite" class="status-area">
        {saved && <p class="notice success">{t('settingsSaved')}</p>}
        {checking && <p class="notice">{t('checkingConnection')}</p>}
        {check?.ok === true && <p class="notice success">{t('connectionOk', check.imports)}</p>}
        {/* Test connection uses what is typed; say so when that is not what the panel will use. */}
        {check?.ok === true && unsaved && <p class="notice">{t('connectionOkUnsaved')}</p>}
        {check?.ok === false && <p class="notice error">{describeWorkerError(check.kind, check.detail)}</p>}
      </div>
    </form>
  );
}
