import { describe, expect, it } from 'vitest';
import { bundleSizes, SIDE_PANEL_GOAL_BYTES } from '../../bench/bundle-sizes.ts';

/**
 * The built side panel (`npm run build:chrome` first) stays within its size goal as it opens, and
 * the bytes it loads later are counted too (`npm run bench -- extension` prints both).
 */
describe('the built side panel', () => {
  it('should open with at most 80 KB gzip of page, scripts and style', () => {
    const sizes = bundleSizes();
    expect(sizes.sidePanelFiles.some((file) => file.startsWith('chunks/sidepanel-'))).toBe(true);
    expect(sizes.sidePanel).toBeLessThanOrEqual(SIDE_PANEL_GOAL_BYTES);
  });

  it('should load the other tabs, the CSV reader and the message schemas only when they are used', () => {
    const sizes = bundleSizes();
    const later = sizes.sidePanelAllFiles.filter((file) => !sizes.sidePanelFiles.includes(file));
    for (const name of ['bulk-import-tab', 'history-tab', 'options-tab', 'read-csv-file', 'fill-messages']) {
      expect(later.some((file) => file.startsWith(`chunks/${name}-`)), name).toBe(true);
    }
    expect(sizes.sidePanelAll).toBeGreaterThan(sizes.sidePanel);
  });
});
