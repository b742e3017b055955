import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';
import { currentSettings } from '../state/settings-state.ts';
import { findPartnerCenterTab } from '../partner-center-tabs.ts';
import { currentWindowId, openSidePanel } from './open-side-panel.ts';

/** The toolbar popup: one button that opens the side panel, and where things stand. */
export function PopupApp() {
  const [wizardTab, setWizardTab] = useState<boolean | undefined>();
  const [error, setError] = useState('');
  const [windowId, setWindowId] = useState<number>();

  useEffect(() => {
    findPartnerCenterTab().then((tab) => setWizardTab(Boolean(tab)), () => setWizardTab(false));
    void currentWindowId().then(setWindowId);
  }, []);

  function open() {
    openSidePanel(windowId).then(
      () => window.close(),
      (cause: unknown) => setError(t('popupOpenFailed', cause instanceof Error ? cause.message : String(cause))),
    );
  }

  return (
    <main class="popup stack">
      <h1>pc-onboard</h1>
      {/* Firefox calls the same page its "sidebar". */}
      <button type="button" class="primary" onClick={open}>{import.meta.env.FIREFOX ? t('openSidebar') : t('openSidePanel')}</button>
      <p class="hint" role="status">
        {wizardTab === undefined ? '' : wizardTab ? t('popupPartnerCenterOpen') : t('popupPartnerCenterClosed')}
        {' '}
        {t('popupWorker', currentSettings.value.workerUrl)}
      </p>
      {error && <p class="notice error" role="alert">{error}</p>}
    </main>
  );
}
