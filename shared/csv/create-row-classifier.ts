import { CANONICAL_KEYS, type CanonicalKey } from '../customer/canonical-keys.ts';
import { rowProblem } from '../customer/row-problem.ts';
import type { RowProblem } from '../customer/customer-record.ts';
import { isLossyEncoding } from '../customer/lost-character.ts';
import { ProblemList } from '../customer/problem-list.ts';
import { collectCustomerProblems, type CustomerValues, type ResolvedValidateOptions } from '../customer/validate-customer.ts';
import { cloudHasMca, type CloudName } from '../partner-center/clouds.ts';
import { initialDomainRule } from '../partner-center/initial-domain-rules.ts';
import type { CsvRow } from './csv-row.ts';
import { DomainRowIndex } from './domain-row-index.ts';

export interface RowClassifierHeader {
  columns: readonly string[];
  keys: readonly (CanonicalKey | null)[];
}

export interface RowClassifierOptions {
  /** The current time for the MCA date rule; injected by tests. @default new Date() */
  now?: Date;
  /**
   * The import's cloud: the MCA-before-purchases rule holds in the global cloud only, and a domain
   * cell may end with this cloud's initial-domain suffix only. @default 'global'
   */
  cloud?: CloudName;
  /**
   * The encoding the rows were decoded with, asked per row: a file that is ASCII at first may be
   * detected as CP932 or Windows-1252 later on. @default utf-8
   */
  encoding?: () => string;
}

/** Classifies one data row: extra cells, validation, duplicate domains (docs/contracts/csv.md §2, §4, §5). */
export type RowClassifier = (cells: string[], row: number, line: number) => CsvRow;

function at(cells: readonly string[], index: number): string | undefined {
  return index < 0 ? undefined : cells[index];
}

/**
 * The row's values by canonical key. Written out as one literal (in CANONICAL_KEYS order) so that
 * every row's object has the same shape and no store goes through a dynamic key: this is the
 * hottest loop of an import.
 */
function valuesOf(cells: readonly string[], columns: Int32Array): CustomerValues {
  return {
    company_name: at(cells, columns[0]!),
    domain: at(cells, columns[1]!),
    country: at(cells, columns[2]!),
    address_line1: at(cells, columns[3]!),
    address_line2: at(cells, columns[4]!),
    address_line3: at(cells, columns[5]!),
    city: at(cells, columns[6]!),
    state: at(cells, columns[7]!),
    postal_code: at(cells, columns[8]!),
    contact_first_name: at(cells, columns[9]!),
    contact_last_name: at(cells, columns[10]!),
    contact_email: at(cells, columns[11]!),
    contact_phone: at(cells, columns[12]!),
    culture: at(cells, columns[13]!),
    language: at(cells, columns[14]!),
    organization_registration_number: at(cells, columns[15]!),
    associated_partner_id: at(cells, columns[16]!),
    offers: at(cells, columns[17]!),
    term: at(cells, columns[18]!),
    billing_cycle: at(cells, columns[19]!),
    gdap_opt_in: at(cells, columns[20]!),
    mca_accepted: at(cells, columns[21]!),
    mca_date: at(cells, columns[22]!),
    mca_first_name: at(cells, columns[23]!),
    mca_last_name: at(cells, columns[24]!),
    mca_email: at(cells, columns[25]!),
    mca_phone: at(cells, columns[26]!),
  };
}

/**
 * Creates the stateful classifier for one file: it remembers the domains of earlier valid rows so
 * that a later row with the same domain is `skipped`. Use one classifier per file, in row order.
 * Cells are trimmed (and NFKC-normalised) for validation; the row keeps them as given, padded
 * with empty cells up to the header's width.
 *
 * @example const classify = createRowClassifier({ columns, keys }); classify(cells, 1, 2).outcome
 */
export function createRowClassifier(header: RowClassifierHeader, options: RowClassifierOptions = {}): RowClassifier {
  const now = options.now ?? new Date();
  const cloud = options.cloud ?? 'global';
  const mcaRequired = cloudHasMca(cloud);
  const initialDomains = initialDomainRule(cloud);
  const plain: ResolvedValidateOptions = { now, mcaRequired, lossyEncoding: false, initialDomains };
  const lossy: ResolvedValidateOptions = { now, mcaRequired, lossyEncoding: true, initialDomains };
  // One list for the file, cleared for each row: a valid row allocates no problem list.
  const problems = new ProblemList();
  const encodingOf = options.encoding;
  const width = header.columns.length;
  // For each canonical key (in CANONICAL_KEYS order), the column it is read from, or -1.
  const columnOfKey = new Int32Array(CANONICAL_KEYS.length).fill(-1);
  header.keys.forEach((key, index) => {
    const position = key === null ? -1 : CANONICAL_KEYS.indexOf(key);
    if (position >= 0 && columnOfKey[position] === -1) columnOfKey[position] = index;
  });
  const firstRowByDomain = new DomainRowIndex();

  return (cells, row, line) => {
    // Missing cells are empty (docs/contracts/csv.md §2): the row then has one cell per header column.
    while (cells.length < width) cells.push('');
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
    const values = valuesOf(cells, columnOfKey);
    problems.clear();
    const record = collectCustomerProblems(values, encodingOf && isLossyEncoding(encodingOf()) ? lossy : plain, problems);
    if (!record) {
      return { row, line, cells, outcome: { ok: false, status: 'invalid', problem: problems.first()! } };
    }
    const earlier = firstRowByDomain.claim(record.domain, row);
    if (earlier !== undefined) {
      return { row, line, cells, outcome: { ok: false, status: 'skipped', problem: duplicateDomainProblem(record.domain, earlier), record } };
    }
    return { row, line, cells, outcome: { ok: true, record } };
  };
}

/** Why a row was skipped: `earlier` (a row number) holds its domain (docs/contracts/csv.md §5). */
export function duplicateDomainProblem(domain: string, earlier: number): RowProblem {
  return rowProblem(
    'duplicate_domain',
    'domain',
    `Domain ${domain} is already used by row ${earlier} of this file; this row was skipped. Give each customer its own domain.`,
    `ドメイン ${domain} はこのファイルの ${earlier} 行目で既に使われているため、この行はスキップされました。顧客ごとに別のドメインを指定してください。`,
  );
}
