// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvRow } from '../../../shared/csv/csv-row.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { RowErrorsTable } from './row-errors-table.tsx';
import { validateCustomer } from '../../../shared/customer/validate-customer.ts';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';

const COLUMNS = ['Company', 'Domain', 'Country', 'Street', 'City', 'Postcode', 'First name', 'Last name', 'Email'];
const KEYS: CanonicalKey[] = ['company_name', 'domain', 'country', 'address_line1', 'city', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email'];

/** A row classified by the shared validator, as the reader would (its first problem decides). */
function row(number: number, cells: string[]): CsvRow {
  const values = Object.fromEntries(KEYS.map((key, i) => [key, cells[i] ?? '']));
  const result = validateCustomer(values, { now: new Date('2026-11-25T00:00:00Z') });
  return {
    row: number,
    line: number + 1,
    cells,
    outcome: result.ok ? { ok: true, record: result.record } : { ok: false, status: 'invalid', problem: result.problems[0]! },
  };
}

const ROWS = [
  row(1, ['Contoso', 'contoso', 'GB', '1 High St', 'London', 'SW1A 1AA', 'Jo', 'Bloggs', 'jo@contoso.co.uk']),
  row(2, ['Fabrikam', 'fabrikam.com', 'GB', '2 High St', 'London', 'SW1A 2AA', 'Al', 'Smith', 'al@fabrikam.co.uk']),
  row(3, ['Litware', 'litware', 'GB', '3 High St', 'London', 'EC1A 1BB', 'Kim', 'Lee', 'not-an-email']),
];

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('RowErrorsTable', () => {
  it('should list each invalid row with the column as the file names it and what to fix', () => {
    render(<RowErrorsTable rows={ROWS} columns={COLUMNS} keys={KEYS} />);
    expect(screen.getByRole('heading').textContent).toBe('Rows to fix (2)');
    const bodyRows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(bodyRows.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent))).toEqual([
      ['2line 3', 'Domain'],
      ['3line 4', 'Email'],
    ]);
    // The row number first, then the spreadsheet line to find it by.
    expect(bodyRows[0]!.querySelector('.line-number')?.textContent).toBe('line 3');
    expect(bodyRows[0]!.textContent).toContain('onmicrosoft.com');
  });

  it('should show the messages in Japanese when the UI is Japanese', () => {
    setupUiTest('ja');
    render(<RowErrorsTable rows={ROWS} columns={COLUMNS} keys={KEYS} />);
    expect(screen.getByRole('heading').textContent).toBe('修正が必要な行 (2)');
    expect(screen.getByRole('table').textContent).toMatch(/[ぁ-んァ-ン]/);
  });

  it('should say that every row is valid when none has a problem', () => {
    render(<RowErrorsTable rows={[ROWS[0]!]} columns={COLUMNS} keys={KEYS} />);
    expect(screen.getByText('Every row is valid.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
