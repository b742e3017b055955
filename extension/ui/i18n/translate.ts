import { effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Language } from '../../../shared/i18n/localized-message.ts';

/** One locale file as browsers read it: `{ key: { message } }`. */
export type MessageCatalog = Record<string, { message: string; description?: string }>;

/** The UI language chosen in Options (resolved, never `auto`). */
export const uiLanguage = signal<Language>('en');

// Every page (panel, popup, options) tells the browser and screen readers which language it speaks.
effect(() => {
  if (typeof document !== 'undefined') document.documentElement.lang = uiLanguage.value;
});

// Loaded catalogs by language; `browser.i18n` can't switch language at runtime, so the chosen
// locale's messages.json is read from the extension bundle instead.
const catalogs = signal<Partial<Record<Language, MessageCatalog>>>({});

/** Makes a catalog available without fetching it (tests, and catalogs loaded elsewhere). */
export function installCatalog(language: Language, catalog: MessageCatalog): void {
  catalogs.value = { ...catalogs.value, [language]: catalog };
}

/** Reads `_locales/<language>/messages.json` from the extension; keeps the browser's i18n as fallback on failure. */
async function loadCatalog(language: Language): Promise<void> {
  if (catalogs.value[language]) return;
  try {
    const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/_locales/en/messages.json');
    const response = await fetch(url);
    if (!response.ok) return;
    installCatalog(language, (await response.json()) as MessageCatalog);
  } catch {
    // Fall back to browser.i18n.getMessage, which speaks the browser's language.
  }
}

/** Switches the UI language and loads its catalog. */
export async function setUiLanguage(language: Language): Promise<void> {
  await loadCatalog(language);
  uiLanguage.value = language;
}

/**
 * The UI string `key` in the current language, with `$1`…`$9` replaced by `substitutions`.
 * Reading it inside a component subscribes the component to language changes.
 *
 * @example t('queueRows', 12) // "Queue 12 rows"
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  const language = uiLanguage.value;
  const template = catalogs.value[language]?.[key]?.message ?? browserMessage(key) ?? key;
  return template.replace(/\$(\d)/g, (match, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? match : String(value);
  });
}

function browserMessage(key: string): string | undefined {
  try {
    const message = browser.i18n?.getMessage(key as 'extensionDescription');
    return message || undefined;
  } catch {
    return undefined;
  }
}
