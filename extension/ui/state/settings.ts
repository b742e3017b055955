import { storage } from 'wxt/utils/storage';
import type { UiLanguageSetting } from '../i18n/ui-language.ts';
import type { LiveCloudName } from '../../../shared/partner-center/clouds.ts';

/** What the Options tab stores. The token authorises the worker API; it is not a Partner Center secret. */
export interface ExtensionSettings {
  /** The worker API base URL, without a trailing slash. */
  workerUrl: string;
  /** The worker's API token (sent as `Authorization: Bearer`). */
  token: string;
  language: UiLanguageSetting;
  /**
   * The Partner Center cloud of the dashboard the panel fills (docs/wizard-filling.md "Clouds"):
   * the fallback when the page does not show it. Germany closed, so it cannot be stored.
   */
  cloud: LiveCloudName;
}

/** @default http://127.0.0.1:8787, the port `pc-onboard serve` listens on. */
const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

export const DEFAULT_SETTINGS: ExtensionSettings = Object.freeze({
  workerUrl: DEFAULT_WORKER_URL,
  token: '',
  language: 'auto',
  cloud: 'global',
});

export const settingsItem = storage.defineItem<ExtensionSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

/** Trims the URL the user typed and drops trailing slashes so paths can be appended. */
export function normalizeWorkerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
