import { browser, type Browser } from 'wxt/browser';
import { DASHBOARD_MATCHES } from '../../shared/partner-center/dashboard-hosts.ts';

/**
 * The Partner Center dashboard tab to act on: the active one of the focused window when there is
 * one, else the most recently used. Queried by URL, because `active: true` would match the panel
 * itself when it is opened as a tab (as the end-to-end tests do).
 */
export async function findPartnerCenterTab(): Promise<Browser.tabs.Tab | undefined> {
  const tabs = await browser.tabs.query({ url: [...DASHBOARD_MATCHES] });
  if (tabs.length === 0) return undefined;
  const active = tabs.find((tab: Browser.tabs.Tab) => tab.active);
  if (active) return active;
  return [...tabs].sort((a: Browser.tabs.Tab, b: Browser.tabs.Tab) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
