import { browser } from 'wxt/browser';

/** Opens the side panel (Chrome/Edge) or the sidebar (Firefox) for the current window. */
export async function openSidePanel(): Promise<void> {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (sidePanel?.open) {
    const window = await browser.windows.getCurrent();
    await sidePanel.open({ windowId: window.id! });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) {
    await sidebar.open();
    return;
  }
  // Neither API: open the panel page in a tab so the user is never stuck.
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
