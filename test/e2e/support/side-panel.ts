import type { BrowserContext, Page } from 'playwright-core';

// The extension APIs, inside page.evaluate() callbacks.
declare const chrome: any;

/**
 * The side panel page (opened as a tab, 400 px wide like the panel) with a customer draft and
 * settings already in storage; typing into the form is covered by the bulk and fill e2e tests.
 */
export async function openPanelWithDraft(
  context: BrowserContext,
  extensionId: string,
  draft: Record<string, string>,
  settings: { language: 'en' | 'ja'; cloud?: string },
): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.evaluate(async ([draft, settings]) => {
    await chrome.storage.local.set({ customerDraft: draft, settings: { workerUrl: 'http://127.0.0.1:8787', token: '', ...settings } });
  }, [draft, settings] as const);
  await panel.reload();
  return panel;
}
