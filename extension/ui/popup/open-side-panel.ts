import { browser } from 'wxt/browser';

/** The window to open the panel in, looked up before the click (see `openSidePanel`). */
export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

/**
 * Opens the side panel (Chrome/Edge) or the sidebar (Firefox). Both APIs demand a user gesture,
 * which an `await` before the call can lose, so the window id is looked up beforehand and the
 * open call is the first thing the click does.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (sidePanel?.open && windowId !== undefined) return sidePanel.open({ windowId });
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  // Neither API: open the panel page in a tab so the user is never stuck.
  return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).then(() => undefined);
}
