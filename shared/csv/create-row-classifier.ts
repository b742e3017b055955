import type { CanonicalKey } from '../customer/canonical-keys.ts';
import { rowProblem } from '../customer/row-problem.ts';
import { validateCustomer, type CustomerValues } from '../customer/validate-customer.ts';
import type { CsvRow } from './csv-row.ts';

export interface RowClassifierHeader {
  columns: readonly string[];
  keys: readonly (CanonicalKey | null)[];
}

export interface RowClassifierOptions {
  /** The current time for the MCA date rule; injected by tests. @default new Date() */
  now?: Date;
}

/** Classifies one data row: extra cells, validation, duplicate domains (csv-format.md §2, §4, §5). */
export type RowClassifier = (cells: string[], row: number, line: number) => CsvRow;

/** All keys present from the start, so every row's values share one object shape (fast property access). */
function emptyValues(): CustomerValues {
  return {
    company_name: undefined, domain: undefined, country: undefined, address_line1: undefined, address_line2: undefined,
    address_line3: undefined, city: undefined, state: undefined, postal_code: undefined, contact_first_name: undefined,
    contact_last_name: undefined, contact_email: undefined, contact_phone: undefined, culture: undefined, language: undefined,
    organization_registration_number: undefined, associated_partner_id: undefined, offers: undefined, term: undefined,
    billing_cycle: undefined, gdap_opt_in: undefined, mca_accepted: undefined, mca_date: undefined, mca_first_name: undefined,
    mca_last_name: undefined, mca_email: undefined, mca_phone: undefined,
  };
}

/**
 * Creates the stateful classifier for one file: it remembers the domains of earlier valid rows so
 * that a later row with the same domain is `skipped`. Use one classifier per file, in row order.
 * Cells are trimmed (and NFKC-normalised) for validation; the row keeps them as given.
 *
 * @example const classify = createRowClassifier({ columns, keys }); classify(cells, 1, 2).outcome
 */
export function createRowClassifier(header: RowClassifierHeader, options: RowClassifierOptions = {}): RowClassifier {
  const now = options.now ?? new Date();
  const width = header.columns.length;
  const fields: [CanonicalKey, number][] = [];
  header.keys.forEach((key, index) => {
    if (key !== null) fields.push([key, index]);
  });
  const firstRowByDomain = new Map<string, number>();

  return (cells, row, line) => {
    for (let index = width; index < cells.length; index++) {
      if (cells[index]?.trim()) {
        const problem = rowProblem(
          'extra_cells',
          undefined,
          `The row has a non-empty cell in column ${index + 1}, beyond the ${width} header columns. Remove it or add a header for it (check for an unquoted delimiter inside a value).`,
          `${index + 1} 列目に、ヘッダー（${width} 列）を超える空でないセルがあります。削除するかヘッダーを追加してください（値の中に引用符なしの区切り文字がないか確認してください）。`,
        );
        return { row, line, cells, outcome: { ok: false, status: 'invalid', problem } };
      }
    }
    const values = emptyValues();
    for (const [key, index] of fields) values[key] = cells[index];
    const result = validateCustomer(values, { now });
    if (!result.ok) {
      return { row, line, cells, outcome: { ok: false, status: 'invalid', problem: result.problems[0]! } };
    }
    const earlier = firstRowByDomain.get(result.record.domain);
    if (earlier !== undefined) {
      const problem = rowProblem(
        'duplicate_domain',
        'domain',
        `Domain ${result.record.domain} is already used by row ${earlier} of this file; this row was skipped. Give each customer its own domain.`,
        `ドメイン ${result.record.domain} はこのファイルの ${earlier} 行目で既に使われているため、この行はスキップされました。顧客ごとに別のドメインを指定してください。`,
      );
      return { row, line, cells, outcome: { ok: false, status: 'skipped', problem } };
    }
    firstRowByDomain.set(result.record.domain, row);
    return { row, line, cells, outcome: { ok: true, record: result.record } };
  };
}
