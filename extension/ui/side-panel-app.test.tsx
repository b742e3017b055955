// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanelApp } from './side-panel-app.tsx';
import { uiLanguage } from './i18n/translate.ts';
import { confirmedCustomersItem } from './state/confirmed-customers.ts';
import { currentSettings } from './state/settings-state.ts';
import { setupUiTest } from '../../test/support/ui/setup-ui-test.ts';

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('SidePanelApp', () => {
  it('should offer the four tabs as a keyboard-operable tablist', async () => {
    render(<SidePanelApp />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Single customer', 'Bulk import', 'History', 'Options']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Bulk import' }).getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement?.textContent).toBe('Bulk import');
    // The tab's code loads when it is first opened.
    expect(await screen.findByLabelText('Choose a CSV file', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Options' }).getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Single customer' }).getAttribute('aria-selected')).toBe('true'));
    // Only the selected tab is in the Tab order.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Options' }).getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement?.textContent).toBe('Options');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Single customer' }).getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement?.textContent).toBe('Single customer');
    // The selected tab controls the panel that is shown.
    expect(document.activeElement?.getAttribute('aria-controls')).toBe(screen.getByRole('tabpanel').id);
  });

  it('should speak Japanese and set the document language when the UI language is Japanese', async () => {
    uiLanguage.value = 'ja';
    render(<SidePanelApp />);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['顧客の追加', '一括インポート', '履歴', 'オプション']);
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
    expect(await screen.findByRole('button', { name: 'ページに入力' })).toBeTruthy();
  });

  it('should list customers confirmed in the wizard in History, without any password', async () => {
    await confirmedCustomersItem.setValue([
      {
        adminUserName: 'admin@contoso.onmicrosoft.com',
        domain: 'contoso.onmicrosoft.com',
        recordedAt: '2026-11-25T10:00:00.000Z',
        pageUrl: 'https://partner.microsoft.com/dashboard/v2/customers/create',
      },
    ]);
    // Port 1: nothing listens there, even when someone runs a worker on the default port.
    currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1', token: 'a-token' };
    render(<SidePanelApp initialTab="history" />);
    expect(await screen.findByText('admin@contoso.onmicrosoft.com')).toBeTruthy();
    expect(screen.getByText('contoso.onmicrosoft.com')).toBeTruthy();
    // No worker runs here: the imports list says so instead of staying silent.
    expect(await screen.findByText(/does not answer/, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('should keep a tab\'s work when the person looks at another tab and comes back', async () => {
    currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1' };
    render(<SidePanelApp initialTab="bulk" />);
    const csv = 'Company name,Domain,Country,Address line 1,City,Postal code,First name,Last name,Email\nFabrikam,fabrikam,GB,1 High St,London,SW1A 1AA,Jo,Bloggs,jo@fabrikam.co.uk\n';
    fireEvent.change(await screen.findByLabelText('Choose a CSV file', {}, { timeout: 10_000 }), { target: { files: [new File([csv], 'kept.csv')] } });
    expect(await screen.findByText(/kept\.csv: 1 row,/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('panel-history'));
    fireEvent.click(screen.getByRole('tab', { name: 'Bulk import' }));
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('panel-bulk'));
    expect(screen.getByText(/kept\.csv: 1 row,/)).toBeTruthy();
  });

  it('should send a new user from History to Options to set the worker URL and token', async () => {
    render(<SidePanelApp initialTab="history" />);
    expect(await screen.findByText(/Set the worker URL and API token in Options first/)).toBeTruthy();
    expect(screen.queryByText(/refused/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Options' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByLabelText(/API token/)).toBeTruthy();
  });
});
