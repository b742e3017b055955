import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { resolveUiLanguage } from '../i18n/ui-language.ts';
import { setUiLanguage } from '../i18n/translate.ts';
import { DEFAULT_SETTINGS, normalizeWorkerUrl, settingsItem, type ExtensionSettings } from './settings.ts';
import { createWorkerClient, type WorkerClient } from '../worker/worker-client.ts';

/** The settings the side panel runs with; loaded once at start, replaced on save. */
export const currentSettings = signal<ExtensionSettings>(DEFAULT_SETTINGS);

function browserUiLanguage(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}

async function applyLanguage(settings: ExtensionSettings): Promise<void> {
  await setUiLanguage(resolveUiLanguage(settings.language, browserUiLanguage()));
}

let watching = false;

/**
 * Reads the stored settings and switches the UI to their language; then follows changes saved
 * elsewhere (the browser's Extension options page while the panel is open) the same way.
 */
export async function loadSettings(): Promise<ExtensionSettings> {
  const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  currentSettings.value = settings;
  await applyLanguage(settings);
  if (!watching) {
    watching = true;
    settingsItem.watch((stored) => {
      const next = { ...DEFAULT_SETTINGS, ...stored };
      currentSettings.value = next;
      void applyLanguage(next);
    });
  }
  return settings;
}

export async function saveSettings(settings: ExtensionSettings): Promise<void> {
  const normalized = { ...settings, workerUrl: normalizeWorkerUrl(settings.workerUrl), token: settings.token.trim() };
  await settingsItem.setValue(normalized);
  currentSettings.value = normalized;
  await applyLanguage(normalized);
}

/** A worker client for the current settings. */
export function currentWorkerClient(): WorkerClient {
  const { workerUrl, token } = currentSettings.value;
  return createWorkerClient({ baseUrl: workerUrl, token });
}
