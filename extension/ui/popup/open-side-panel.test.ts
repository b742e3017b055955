import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel } from './open-side-panel.ts';

// The fake browser has neither side-panel API; each test gives it the one a real browser has.
// Firefox cannot run here (Playwright drives only Chromium), so its sidebar path is checked this way.
const browserApis = fakeBrowser as unknown as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  delete browserApis.sidePanel;
  delete browserApis.sidebarAction;
});

describe('openSidePanel', () => {
  it('should open Chrome\'s side panel in the popup\'s window', async () => {
    const opened: unknown[] = [];
    browserApis.sidePanel = { open: async (options: unknown) => { opened.push(options); } };
    await openSidePanel(7);
    expect(opened).toEqual([{ windowId: 7 }]);
  });

  it('should open Firefox\'s sidebar, which needs no window id', async () => {
    let opened = 0;
    browserApis.sidebarAction = { open: async () => { opened++; } };
    await openSidePanel(undefined);
    expect(opened).toBe(1);
  });

  it('should open the panel page in a tab when the browser has neither', async () => {
    await openSidePanel(undefined);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab: { url?: string }) => tab.url)).toContain(fakeBrowser.runtime.getURL('/sidepanel.html'));
  });
});
