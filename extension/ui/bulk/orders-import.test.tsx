// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { startFakeOrdersApi, type FakeOrdersApi } from '../../../test/support/api/fake-orders-api.ts';
import { uiLanguage } from '../i18n/translate.ts';
import { currentSettings } from '../state/settings-state.ts';
import { BulkImportTab } from './bulk-import-tab.tsx';

// The worker's real HTTP layer on a real port (in a thread of its own); behind it the API's test
// double, which lets each test decide how the dry run's rows end.
const TOKEN = 'orders-panel-token-0123456789';
const ORDERS = [
  'Customer,Offers,Term,Billing cycle,Note',
  'contoso,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5,P1Y,annual,first',
  'nosuchcustomer,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*2,P1Y,annual,second',
].join('\r\n');
const RAISE = { en: 'raise Microsoft 365 Business Basic (SUB-1) from 10 to 15', ja: 'Microsoft 365 Business Basic (SUB-1) を 10 から 15 に増やす' };
const NOT_FOUND = { en: 'Customer nosuchcustomer is not among your customers.', ja: '顧客 nosuchcustomer はお客様の顧客にいません。' };

let api: FakeOrdersApi;

beforeEach(async () => {
  setupUiTest('en');
  api = await startFakeOrdersApi(TOKEN, location.origin);
  currentSettings.value = { ...currentSettings.value, workerUrl: api.url, token: TOKEN };
});

afterEach(async () => {
  cleanup();
  await api?.close();
});

function chooseFile(content: string, name = 'orders.csv') {
  fireEvent.change(document.getElementById('bulk-csv-file')!, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
}

/** Waits until the panel has sent `count` imports in all; returns what the worker received. */
async function received(count: number) {
  await waitFor(async () => expect(await api.created()).toHaveLength(count));
  return api.created();
}

/** Presses "Check the plan", then ends the dry run's rows: row 1 ready with its plan, row 2 invalid. */
async function checkPlan(button = 'Check the plan (dry run)'): Promise<void> {
  const before = (await api.created()).length;
  fireEvent.click(await screen.findByRole('button', { name: button }));
  await received(before + 1);
  const dryRun = await api.latestImport();
  expect(dryRun.dryRun).toBe(true);
  // Rows end once the panel follows the dry run, as a worker's would while it is watched.
  await waitFor(async () => expect(await api.listenerCount(dryRun.id)).toBeGreaterThan(0));
  await api.finishOrderRow(dryRun.id, 1, 'ready', { plan: [RAISE] });
  await api.finishOrderRow(dryRun.id, 2, 'invalid', { error: NOT_FOUND });
}

describe('the bulk tab with an orders file', () => {
  it('should recognise the orders file by its columns and show what each column is read as', async () => {
    render(<BulkImportTab />);
    chooseFile(ORDERS);
    expect(await screen.findByRole('heading', { name: 'Orders file: add licences to existing customers' })).toBeTruthy();
    expect(screen.getByText(/orders\.csv: 2 rows, utf-8, comma-separated/)).toBeTruthy();
    const mapping = within(screen.getByRole('table', { name: 'Orders file: add licences to existing customers' }));
    const readAs = mapping.getAllByRole('row').slice(1).map((tr) => tr.querySelector('td')?.textContent);
    expect(readAs).toEqual(['Customer (tenant ID or domain)', 'Offers (licences to add)', 'Term', 'Billing cycle', '— Not imported —']);
    // A customer file's controls are not offered for it.
    expect(screen.queryByRole('heading', { name: 'Column mapping' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Queue/ })).toBeNull();
    expect(await api.created()).toHaveLength(0);
  });

  it('should say what an orders file lacks, in the panel, before anything is sent', async () => {
    render(<BulkImportTab />);
    chooseFile('Customer,Quantity\r\ncontoso,5');
    expect((await screen.findByRole('alert')).textContent).toMatch(/required column offers .* is missing from the orders file/);
    expect(screen.queryByRole('button', { name: 'Check the plan (dry run)' })).toBeNull();
  });

  it('should read a customer file whose company column has an unknown name as a customer file, to be mapped by hand', async () => {
    render(<BulkImportTab />);
    // "Firma" is no known header; Domain alone would make it look like an orders file.
    chooseFile('Firma,Domain,Country,Address line 1,City,Postal code,First name,Last name,Email\r\nZürich AG,zurich,CH,Bahnhofstrasse 1,Zurich,8001,Eva,Muster,eva@zurich.ch');
    fireEvent.change(await screen.findByLabelText('Firma'), { target: { value: 'company_name' } });
    expect(await screen.findByRole('button', { name: 'Queue 1 row' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Orders file: add licences to existing customers' })).toBeNull();
  });

  it('should run a dry run, show the plan per row and change nothing when the person cancels', async () => {
    render(<BulkImportTab />);
    chooseFile(ORDERS);
    await checkPlan();
    await screen.findByRole('heading', { name: 'Plan: what applying this file changes' });
    const plan = within(screen.getByRole('table', { name: 'Plan: what applying this file changes' }));
    const rows = plan.getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['1', `contoso${RAISE.en}`],
      ['2', `nosuchcustomerInvalid${NOT_FOUND.en}`],
    ]);
    expect(screen.getByText('Apply these changes to 1 customer?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled: nothing was changed.')).toBeTruthy();
    // Only the dry run reached the worker.
    expect((await api.created()).map((input) => input.dryRun)).toEqual([true]);
  });

  it('should queue the real import only after Apply, and show its ordered rows with their subscriptions', async () => {
    render(<BulkImportTab />);
    chooseFile(ORDERS);
    await checkPlan();
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    const applied = (await received(2))[1]!;
    expect(applied).toMatchObject({ dryRun: false, cloud: 'global', fileName: 'orders.csv' });
    expect(applied.again).toBeUndefined();
    const real = await api.latestImport();
    expect(await screen.findByRole('heading', { name: 'Import: orders.csv' })).toBeTruthy();
    await waitFor(async () => expect(await api.listenerCount(real.id)).toBeGreaterThan(0));
    await api.finishOrderRow(real.id, 1, 'ordered', { plan: [RAISE], subscriptions: 'SUB-1:10→15' });
    await api.finishOrderRow(real.id, 2, 'invalid', { error: NOT_FOUND });
    await screen.findByText('Finished: 2 of 2 rows');
    const row1 = screen.getByRole('table', { name: 'Rows and their status' }).querySelector('tr[data-row="1"]')!;
    expect(row1.getAttribute('data-status')).toBe('ordered');
    expect(row1.textContent).toContain('Ordered');
    expect(row1.textContent).toContain('Subscriptions: SUB-1:10→15');
    const counts = within(screen.getByRole('list', { name: 'Rows per status' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(counts).toContain('Ordered: 1');
    expect(counts.some((count) => count?.startsWith('Created'))).toBe(false);
  });

  it('should ask again, naming the earlier import, before applying a file that was applied before', async () => {
    // The same bytes, applied once already by alice.
    const earlier = await api.importFile('orders.csv', ORDERS, 'alice');
    render(<BulkImportTab />);
    chooseFile(ORDERS);
    await checkPlan();
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    const question = await screen.findByText(/^This file was already applied by import orders-1 on .+ \(by alice\)\. Apply it again\?$/);
    expect(earlier.id).toBe('orders-1');
    expect(question.textContent).toContain('2026');
    await waitFor(() => expect(document.activeElement).toBe(question));
    // Still nothing queued beyond the earlier import and this dry run.
    expect(await api.created()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Apply again' }));
    expect((await received(3))[2]).toMatchObject({ dryRun: false, again: true });
    expect(await screen.findByRole('heading', { name: 'Import: orders.csv' })).toBeTruthy();
  });

  it('should ask in Japanese too', async () => {
    uiLanguage.value = 'ja';
    await api.importFile('orders.csv', ORDERS);
    render(<BulkImportTab />);
    chooseFile(ORDERS);
    await checkPlan('計画を確認（ドライラン）');
    expect(await screen.findByText(RAISE.ja)).toBeTruthy();
    expect(screen.getByText('1 件の顧客にこの変更を適用しますか?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '適用' }));
    expect(await screen.findByText(/^このファイルはインポート orders-1 で .+ に適用済みです。もう一度適用しますか\?$/)).toBeTruthy();
  });
});
