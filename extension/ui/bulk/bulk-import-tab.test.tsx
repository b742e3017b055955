// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { BulkImportTab } from './bulk-import-tab.tsx';
import { currentSettings } from '../state/settings-state.ts';
import { captureUploads, formField } from '../../../test/support/ui/capture-uploads.ts';

const CSV = [
  'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email,CRM id',
  'Contoso,contoso,US,1 Microsoft Way,Redmond,WA,98052,Ana,Lopez,ana@contoso.com,C-1',
  'Fabrikam,fabrikam.com,US,2 Main St,Seattle,WA,98101,Bo,Li,bo@fabrikam.com,C-2',
  '',
  'Litware,litware,US,3 Pine St,Seattle,WA,98101,Cy,Ng,not-an-email,C-3',
].join('\r\n');

function chooseFile(content: string | Uint8Array<ArrayBuffer>, name = 'customers.csv') {
  const file = new File([content], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Choose a CSV file'), { target: { files: [file] } });
}

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('BulkImportTab before queueing', () => {
  it('should read the file in the panel, auto-map its columns and list the rows to fix', async () => {
    render(<BulkImportTab />);
    chooseFile(CSV);
    expect(await screen.findByText(/customers\.csv: 3 rows, utf-8, comma-separated\. Blank lines skipped: 1\./)).toBeTruthy();
    expect((screen.getByLabelText('Company name') as HTMLSelectElement).value).toBe('company_name');
    expect((screen.getByLabelText('CRM id') as HTMLSelectElement).value).toBe('');
    const errors = within(screen.getByRole('table', { name: 'Rows to fix (2)' }));
    const cells = errors.getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent));
    // Row 3 starts on line 5: the blank line before it takes no row number (docs/contracts/csv.md §1).
    expect(cells).toEqual([['2line 3', 'Domain'], ['3line 5', 'Email']]);
    expect(screen.getByRole('button', { name: 'Queue 1 row' })).toBeTruthy();
  });

  it('should say a header-only file has no data rows and offer nothing to queue', async () => {
    render(<BulkImportTab />);
    chooseFile(`${CSV.split('\r\n')[0]}\r\n`, 'header-only.csv');
    expect(await screen.findByText(/This file has a header line but no data rows/)).toBeTruthy();
    expect(screen.queryByText('Every row is valid.')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Queue/ })).toBeNull();
    expect((screen.getByRole('button', { name: 'No rows to queue' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('should re-read the rows when a column is mapped by hand', async () => {
    render(<BulkImportTab />);
    chooseFile(CSV);
    await screen.findByRole('heading', { name: 'Rows to fix (2)' });
    // The CRM id column as the email: row 3's bad address is gone, rows 1 and 3 now fail on "C-1" / "C-3".
    fireEvent.change(screen.getByLabelText('CRM id'), { target: { value: 'contact_email' } });
    expect(await screen.findByRole('heading', { name: 'Rows to fix (3)' })).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLSelectElement).value).toBe('');
  });

  it('should let a file with an unrecognised required column be mapped by hand', async () => {
    render(<BulkImportTab />);
    chooseFile(CSV.replace('Domain,', 'Tenant,'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent).join(' ')).toMatch(/domain/i);
    fireEvent.change(screen.getByLabelText('Tenant'), { target: { value: 'domain' } });
    expect(await screen.findByRole('heading', { name: 'Rows to fix (2)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Queue 1 row' })).toBeTruthy();
  });

  it('should decode with the encoding chosen in the drop-down', async () => {
    render(<BulkImportTab />);
    // "Zürich" in Windows-1252 (ü = 0xFC), which the detector may also pick by itself.
    const bytes = new Uint8Array([...new TextEncoder().encode('Company name,Domain,Country,Address line 1,City,Postal code,First name,Last name,Email\r\nZ'), 0xfc, ...new TextEncoder().encode('rich AG,zurich,CH,Bahnhofstrasse 1,Zurich,8001,Eva,Muster,eva@zurich.ch\r\n')]);
    fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'windows-1252' } });
    chooseFile(bytes, 'ch.csv');
    expect(await screen.findByText(/ch\.csv: 1 row, windows-1252/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Zürich AG')).toBeTruthy());
  });
});

describe('BulkImportTab queueing', () => {
  it('should upload the file itself with the preview\'s encoding and the mapping chosen by hand', async () => {
    // The worker's own parsing of the upload is tested in the API's tests; here, what the panel sends.
    const worker = await captureUploads();
    try {
      currentSettings.value = { ...currentSettings.value, workerUrl: worker.url, token: 'y'.repeat(20) };
      render(<BulkImportTab />);
      // "Zürich" in Windows-1252, under a "Tenant" column the reader does not know.
      const text = CSV.replace('Domain,', 'Tenant,').replace('Contoso,', 'Z\u00fcrich AG,');
      const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
      fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'windows-1252' } });
      chooseFile(bytes, 'tenants.csv');
      await screen.findAllByRole('alert');
      fireEvent.change(screen.getByLabelText('Tenant'), { target: { value: 'domain' } });
      fireEvent.click(await screen.findByRole('button', { name: 'Queue 1 row' }));
      await waitFor(() => expect(worker.uploads).toHaveLength(1));
      const upload = worker.uploads[0]!;
      expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
      // The file's own bytes (not rows split by the panel), with the preview's encoding and mapping.
      expect(upload.body.includes(Buffer.from(bytes))).toBe(true);
      expect(upload.body.includes('filename="tenants.csv"')).toBe(true);
      expect(formField(upload.body, 'encoding')).toBe('windows-1252');
      expect(JSON.parse(formField(upload.body, 'keys') ?? 'null').slice(0, 3)).toEqual(['company_name', 'domain', 'country']);
    } finally {
      cleanup();
      await worker.close();
    }
  });

  it('should ask for the worker URL and token, and offer Options, when no token is set yet', async () => {
    let optionsOpened = false;
    render(<BulkImportTab onOpenOptions={() => (optionsOpened = true)} />);
    chooseFile(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Queue 1 row' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Set the worker URL and API token in Options first/);
    expect(alert.textContent).not.toMatch(/refused/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Open Options' }));
    expect(optionsOpened).toBe(true);
  });

  it('should say clearly that the worker does not answer, and keep the file ready to queue again', async () => {
    // Port 1: nothing listens there.
    currentSettings.value = { ...currentSettings.value, workerUrl: 'http://127.0.0.1:1', token: 'x'.repeat(20) };
    render(<BulkImportTab />);
    chooseFile(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Queue 1 row' }));
    expect(await screen.findByText(/The worker does not answer at this URL/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Queue 1 row' })).toBeTruthy();
    expect(screen.getByText(/Rows to fix \(2\) are not queued/)).toBeTruthy();
  });
});

describe('BulkImportTab drop zone', () => {
  it('should read a file dropped on the zone like a chosen one', async () => {
    render(<BulkImportTab />);
    const zone = screen.getByLabelText('Choose a CSV file').closest('.drop-zone')!;
    const file = new File([CSV], 'dropped.csv', { type: 'text/csv' });
    // testing-library's DragEvent does not dispatch under happy-dom; a plain event with the same payload does.
    const drag = (type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
      zone.dispatchEvent(event);
      return event;
    };
    expect(drag('dragover').defaultPrevented).toBe(true);
    await waitFor(() => expect(zone.classList.contains('over')).toBe(true));
    expect(drag('drop').defaultPrevented).toBe(true);
    expect(await screen.findByText(/dropped\.csv: 3 rows/)).toBeTruthy();
    expect(zone.classList.contains('over')).toBe(false);
  });
});

describe('BulkImportTab with a large file', () => {
  it('should read 5,000 rows and list only the first 500 problems, saying so', async () => {
    const header = 'Company name,Domain,Country,Address line 1,City,Postal code,First name,Last name,Email';
    const lines = Array.from({ length: 5000 }, (_, i) => `Company ${i},co${i},GB,${i} High St,London,SW1A 1AA,Jo,Bloggs,${i % 2 ? `jo${i}@example.com` : 'bad'}`);
    render(<BulkImportTab />);
    const started = performance.now();
    chooseFile([header, ...lines].join('\n'), 'big.csv');
    expect(await screen.findByText(/big\.csv: 5000 rows/, {}, { timeout: 20_000 })).toBeTruthy();
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(screen.getByRole('heading', { name: 'Rows to fix (2500)' })).toBeTruthy();
    expect(screen.getByText('Showing the first 500 of 2500 rows to fix; after the import, the failed-rows file lists them all.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Rows to fix (2500)' })).getAllByRole('row')).toHaveLength(501);
    expect(screen.getByRole('button', { name: 'Queue 2500 rows' })).toBeTruthy();
  }, 40_000);
});
