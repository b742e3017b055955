import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { WIZARD_URL } from './replica-routing.ts';

// The extension APIs, inside serviceWorker.evaluate() callbacks.
declare const chrome: any;

export { AGREED } from '../../support/form/us-customer-record.ts';

/**
 * Opens the replica at the production wizard URL (`variant` adds replica query options), closing
 * any other dashboard tab first, and waits until it is ready.
 */
export async function openWizard(context: BrowserContext, lang: 'en' | 'ja', variant = ''): Promise<Page> {
  // One dashboard tab at a time, so a message to "the Partner Center tab" reaches this one even after a failed test.
  for (const open of context.pages()) if (open.url().startsWith('https://partner.microsoft.com/')) await open.close();
  const page = await context.newPage();
  const query = new URLSearchParams(variant);
  if (lang === 'ja') query.set('lang', 'ja');
  await page.goto(query.size > 0 ? `${WIZARD_URL}?${query}` : WIZARD_URL);
  await page.locator('html[data-replica-ready]').waitFor({ timeout: 15_000 });
  return page;
}

/** Sends a content-script message from the extension's service worker to the dashboard tab, as the side panel does, and returns the reply. */
export async function sendFromServiceWorker(serviceWorker: Worker, message: unknown): Promise<any> {
  return serviceWorker.evaluate(async (sent) => {
    const [tab] = await chrome.tabs.query({ url: 'https://partner.microsoft.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, sent);
  }, message);
}

/** Sends `fill` with a record and returns the content script's report. */
export async function fillFromServiceWorker(serviceWorker: Worker, record: CustomerRecord): Promise<FillReport> {
  return sendFromServiceWorker(serviceWorker, { type: 'fill', record, language: 'en' });
}
