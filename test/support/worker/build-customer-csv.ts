/** The columns of the worker's test files (an unknown `CRM id` column is carried through). */
export const TEST_COLUMNS = [
  'CRM id',
  'Company name',
  'Domain',
  'Country',
  'Address line 1',
  'City',
  'State',
  'Postal code',
  'First name',
  'Last name',
  'Email',
  'Offers',
  'Term',
  'Billing cycle',
  'MCA accepted',
  'MCA date',
] as const;

export type TestRow = Partial<Record<(typeof TEST_COLUMNS)[number], string>>;

/** A valid US row for `domain` (Redmond, WA 98052 passes the sandbox's address check). */
export function validRow(domain: string, overrides: TestRow = {}): TestRow {
  return {
    'CRM id': `crm-${domain}`,
    'Company name': `Company ${domain}`,
    Domain: domain,
    Country: 'US',
    'Address line 1': '1 Microsoft Way',
    City: 'Redmond',
    State: 'WA',
    'Postal code': '98052',
    'First name': 'Ana',
    'Last name': 'Diaz',
    Email: `it@${domain}.example.com`,
    ...overrides,
  };
}

/** CSV text (comma, CRLF, quoted where needed) with the test columns. */
export function buildCustomerCsv(rows: readonly TestRow[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [TEST_COLUMNS.join(','), ...rows.map((row) => TEST_COLUMNS.map((column) => quote(row[column] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses a results file written by the shared writer (BOM, CRLF, quoted cells) into records by header. */
export function parseResultsCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...data] = rows;
  return data.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ''])));
}
