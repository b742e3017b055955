import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { WIZARD_URL } from './replica-routing.ts';

// The extension APIs, inside serviceWorker.evaluate() callbacks.
declare const chrome: any;

/** A fixed past date: the agreement date may not be in the future. */
export const AGREED = '2026-03-05';

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

/** A valid US record with every Account info field but the indirect reseller and registration ID. */
export const BASE_RECORD: CustomerRecord = {
  company_name: 'Contoso Fill Ltd',
  domain: 'contosofill1',
  country: 'US',
  address_line1: '1 Microsoft Way',
  address_line2: 'Building 92',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Lopez',
  contact_email: 'ana@contoso.example',
  contact_phone: '+14255550101',
  culture: 'en-US',
  language: 'en',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: false,
  mca: { date: AGREED, first_name: 'Bo', last_name: 'Li', email: 'bo@contoso.example', phone: '+14255550102' },
};
