import type { BrowserContext, Page } from 'playwright-core';

// The extension APIs, inside page.evaluate() callbacks.
declare const chrome: any;

/**
 * The side panel opened as a tab, with `draft` already in storage and the UI in `language`
 * (typing into the form is covered by the fill and bulk e2e tests).
 */
export async function openPanelWithDraft(context: BrowserContext, extensionId: string, language: 'en' | 'ja', draft: Record<string, string>): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.evaluate(async ([stored, lang]) => {
    await chrome.storage.local.set({ customerDraft: stored, settings: { workerUrl: 'http://127.0.0.1:8787', token: '', language: lang } });
  }, [draft, language] as const);
  await panel.reload();
  return panel;
}
