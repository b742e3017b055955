import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Deterministic, realistic customer CSV for benchmarks: varied countries (a share of Japanese
 * rows with Japanese names, prefectures and full-width digits), optional columns, quoted cells,
 * and about 2 % rows with a data problem, so the validator does the work it does on real files.
 */
export const BENCH_COLUMNS = [
  'company_name', 'domain', 'country', 'address_line1', 'address_line2', 'city', 'state', 'postal_code',
  'contact_first_name', 'contact_last_name', 'contact_email', 'contact_phone', 'culture',
  'organization_registration_number', 'offers', 'term', 'billing_cycle', 'mca_accepted', 'mca_date',
] as const;

type Template = Partial<Record<(typeof BENCH_COLUMNS)[number], string>>;

// One template per country; the row number is mixed into names, domains and streets.
const TEMPLATES: readonly Template[] = [
  { company_name: 'Contoso Ltd', country: 'US', address_line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postal_code: '98052', contact_first_name: 'Ana', contact_last_name: 'Diaz', contact_phone: '+1 425 882 8080' },
  { company_name: 'Northwind Traders, Inc.', country: 'United States', address_line1: '500 Oracle Pkwy', address_line2: 'Suite 200', city: 'Redwood City', state: 'California', postal_code: '94065', contact_first_name: 'Bob', contact_last_name: 'Kelly', offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5', term: 'P1Y', billing_cycle: 'annual' },
  { company_name: '株式会社テスト', country: '日本', address_line1: '千代田区丸の内1-1-1', city: '千代田区', state: '東京都', postal_code: '〒１０００００５', contact_first_name: '太郎', contact_last_name: '山田', contact_phone: '03-1234-5678' },
  { company_name: '有限会社サンプル', country: 'JP', address_line1: '中央区銀座4-6-16', city: '中央区', state: 'Tokyo', postal_code: '104-0061', contact_first_name: '花子', contact_last_name: '佐藤', mca_accepted: 'はい', mca_date: '2026/03/05' },
  { company_name: 'Fabrikam UK Ltd', country: 'GB', address_line1: '2 Kingdom Street', city: 'London', postal_code: 'W2 6BD', contact_first_name: 'Oliver', contact_last_name: 'Smith', contact_phone: '+44 20 7946 0958' },
  { company_name: 'Tailspin GmbH', country: 'DE', address_line1: 'Walter-Gropius-Straße 5', city: 'München', postal_code: '80807', contact_first_name: 'Jürgen', contact_last_name: 'Müller' },
  { company_name: 'Adatum SARL', country: 'FR', address_line1: '39 Quai du Président Roosevelt', city: 'Issy-les-Moulineaux', postal_code: '92130', contact_first_name: 'Chloé', contact_last_name: 'Martin' },
  { company_name: 'Contoso Canada', country: 'CA', address_line1: '1950 Meadowvale Blvd', city: 'Mississauga', state: 'Ontario', postal_code: 'L5N 8L9', contact_first_name: 'Liam', contact_last_name: 'Roy', contact_phone: '(613) 555-0199' },
  { company_name: 'Empresa Ltda', country: 'BR', address_line1: 'Av. Paulista 1000', city: 'São Paulo', state: 'SP', postal_code: '01310-100', contact_first_name: 'João', contact_last_name: 'Silva', organization_registration_number: '11.222.333/0001-81', contact_phone: '+55 11 2345-6789' },
  { company_name: 'Wingtip Pty Ltd', country: 'AU', address_line1: '1 Epping Road', city: 'North Ryde', state: 'NSW', postal_code: '2113', contact_first_name: 'Jack', contact_last_name: 'Brown' },
];

/** The CSV line (no line break) of data row `index` (0-based). */
export function benchRow(index: number): string {
  const template = TEMPLATES[index % TEMPLATES.length]!;
  const cells: Record<string, string> = {
    ...template,
    company_name: `${template.company_name} ${index}`,
    domain: `bench${index.toString(36)}x`,
    contact_email: `it${index}@contoso.example`,
  };
  // About 2 % invalid rows: a bad e-mail address.
  if (index % 53 === 7) cells.contact_email = `not-an-address-${index}`;
  return BENCH_COLUMNS.map((column) => quote(cells[column] ?? '')).join(',');
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function benchHeader(): string {
  return BENCH_COLUMNS.join(',');
}

/** The whole file as text (for files that fit in memory comfortably). */
export function generateCustomerCsvText(rows: number): string {
  const lines = [benchHeader()];
  for (let index = 0; index < rows; index++) lines.push(benchRow(index));
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes a file of `rows` data rows with bounded memory (chunks of 10 000 lines). */
export async function writeCustomerCsvFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${benchHeader()}\r\n`);
  for (let start = 0; start < rows; start += 10_000) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(rows, start + 10_000); index++) lines.push(benchRow(index));
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
