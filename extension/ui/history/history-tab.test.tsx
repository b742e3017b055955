// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
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
  total: 6,
  blankLines: 0,
  counts: { created: 3, exists: 0, invalid: 2, failed: 1, skipped: 0, ready: 0, ordered: 0, pending: 0 },
};

/** Imports this browser queued, as History keeps them; the worker is not reachable here (port 1). */
async function remember(imports: ImportSummary[]) {
  for (const summary of [...imports].reverse()) await rememberImport(summary, 'http://127.0.0.1:1');
}

beforeEach(async () => {
  setupUiTest('en');
  // Port 1: nothing listens there; the list comes from this browser's own history.
  currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1', token: 'some-token' };
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

  it('should greet a new user with what to set up, not with a refused token', async () => {
    currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1', token: '' };
    let optionsOpened = false;
    render(<HistoryTab onOpenOptions={() => (optionsOpened = true)} />);
    const notice = await screen.findByText(/Set the worker URL and API token in Options first/);
    expect(notice.textContent).toContain('pc-onboard serve');
    expect(screen.queryByText(/refused/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(optionsOpened).toBe(true);
  });

  it('should show each import\'s created, invalid and failed counts and who queued it', async () => {
    await remember([{ ...SUMMARY, id: 'imp-remote', fileName: 'remote.csv', queuedBy: 'alice', createdAt: '2026-11-26T10:00:00.000Z' } as ImportSummary]);
    render(<HistoryTab />);
    const card = within((await screen.findByRole('button', { name: 'Show rows: remote.csv' })).closest('li')!);
    const counts = card.getByRole('list', { name: 'Rows per status' });
    expect([...counts.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['Created: 3', 'Invalid: 2', 'Failed: 1']);
    expect(card.getByText(/queued by alice/)).toBeTruthy();
    // An older worker sends no queuedBy: nothing is made up.
    const local = within(screen.getByRole('button', { name: 'Show rows: focus.csv' }).closest('li')!);
    expect(local.queryByText(/queued by/)).toBeNull();
  });

  it('should show the latest 20 imports and older ones on demand', async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      ...SUMMARY,
      id: `imp-${index}`,
      fileName: `file-${String(index).padStart(2, '0')}.csv`,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
    }));
    await remember(many);
    render(<HistoryTab />);
    await screen.findByRole('button', { name: 'Show rows: file-24.csv' });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Show rows:/ })).toHaveLength(20));
    // Newest first: the oldest ones wait behind the button.
    expect(screen.queryByRole('button', { name: 'Show rows: file-04.csv' })).toBeNull();
    expect(screen.getByText('Showing the latest 20 imports.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Show older imports/ }));
    // 25 and focus.csv, the oldest.
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Show rows:/ })).toHaveLength(26));
    expect(screen.queryByRole('button', { name: /^Show older imports/ })).toBeNull();
  });

  it('should say a paused import waits for a new sign-in', async () => {
    // As the worker sends it while the Partner Center sign-in is to be renewed.
    const paused = { reason: 'sign_in_required', en: 'Sign in again: pc-onboard login', ja: 'もう一度サインインしてください: pc-onboard login' };
    await remember([{ ...SUMMARY, id: 'imp-paused', fileName: 'paused.csv', state: 'running', counts: { ...SUMMARY.counts, pending: 2 }, paused } as ImportSummary]);
    render(<HistoryTab />);
    const card = within((await screen.findByRole('button', { name: 'Show rows: paused.csv' })).closest('li')!);
    expect(card.getByText(/Sign in again: pc-onboard login/)).toBeTruthy();
  });
});
