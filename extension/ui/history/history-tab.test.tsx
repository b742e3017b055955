// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { rememberImport } from '../state/import-history.ts';
import { currentSettings } from '../state/settings-state.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { HistoryTab } from './history-tab.tsx';

const SUMMARY: ImportSummary = {
  id: 'imp-history-focus',
  fileName: 'focus.csv',
  // 2026-11-25 10:00 UTC: a fixed past moment.
  createdAt: '2026-11-25T10:00:00.000Z',
  dryRun: false,
  cloud: 'global',
  state: 'done',
  header: { columns: ['Company name'], keys: ['company_name'], encoding: 'utf-8', delimiter: ',' },
  total: 1,
  blankLines: 0,
  counts: { created: 1, exists: 0, invalid: 0, failed: 0, skipped: 0, ready: 0, pending: 0 },
};

beforeEach(async () => {
  setupUiTest('en');
  // Port 1: nothing listens there; the list comes from this browser's own history.
  currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1' };
  await rememberImport(SUMMARY, 'http://127.0.0.1:1');
});
afterEach(cleanup);

describe('HistoryTab', () => {
  it('should move focus to the opened import, and back to its Show rows button afterwards', async () => {
    render(<HistoryTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show rows: focus.csv' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Import: focus.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Back to history' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show rows: focus.csv' })));
  });

  it('should write dates in the UI language', async () => {
    setupUiTest('ja');
    currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1' };
    await rememberImport(SUMMARY, 'http://127.0.0.1:1');
    render(<HistoryTab />);
    const card = (await screen.findByRole('button', { name: '行を表示: focus.csv' })).closest('li')!;
    expect(card.textContent).toMatch(/2026\/11\/25/);
  });
});
