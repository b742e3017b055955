import { isCsvFileError, type CsvFileError } from '../../shared/csv/csv-file-error.ts';
import type { CsvRow } from '../../shared/csv/csv-row.ts';
import { openCustomerCsv, type OpenCustomerCsvOptions } from '../../shared/csv/open-customer-csv.ts';
import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import { chunked } from '../support/byte-sources.ts';

/**
 * Helpers for the docs/contracts/csv.md conformance tests: every check goes through the public reader
 * (`openCustomerCsv`), the same way the CLI, the API and the extension read a file.
 */

/** 2026-11-25 12:00 UTC: "today in UTC+14" is 2026-11-26. */
export const NOW = new Date('2026-11-25T12:00:00Z');

/** A valid US row; tests override single values. */
export const BASE_US: Partial<Record<CanonicalKey, string>> = {
  company_name: 'Contoso',
  domain: 'contoso',
  country: 'US',
  address_line1: '1 Main St',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Diaz',
  contact_email: 'ana@contoso.example',
};

/** A valid Japanese row. */
export const BASE_JP: Partial<Record<CanonicalKey, string>> = {
  company_name: '株式会社コントソ',
  domain: 'contosojp',
  country: 'JP',
  address_line1: '千代田1-1',
  city: '千代田区',
  state: '東京都',
  postal_code: '100-0001',
  contact_first_name: '花子',
  contact_last_name: '山田',
  contact_email: 'hanako@contoso.example',
};

export interface ReadResult {
  columns: string[];
  keys: (CanonicalKey | null)[];
  encoding: string;
  delimiter: string;
  rows: CsvRow[];
  blankLines: number;
  emptyUnnamedColumns: number[];
}

/** Reads a whole file (text as UTF-8, or bytes), chunked awkwardly so boundaries fall everywhere. */
export async function readCsv(input: string | Uint8Array, options: OpenCustomerCsvOptions = {}): Promise<ReadResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const csv = await openCustomerCsv(chunked(bytes, [7, 3, 11]), { now: NOW, ...options });
  const rows: CsvRow[] = [];
  for await (const row of csv.rows()) rows.push(row);
  return {
    columns: csv.header.columns,
    keys: csv.header.keys,
    encoding: csv.header.encoding,
    delimiter: csv.header.delimiter,
    rows,
    blankLines: csv.blankLines,
    emptyUnnamedColumns: csv.emptyUnnamedColumns,
  };
}

/** The CsvFileError a file is refused with; fails the test if the file is accepted. */
export async function readCsvError(input: string | Uint8Array, options: OpenCustomerCsvOptions = {}): Promise<CsvFileError> {
  try {
    await readCsv(input, options);
  } catch (error) {
    if (isCsvFileError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be refused with a CsvFileError');
}

/** One CSV cell, quoted when needed. */
export function csvCell(value: string): string {
  return /[",\r\n;\t]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A one-row file made from `base` with `overrides` (a key set to undefined drops the column). */
export function oneRowCsv(
  overrides: Partial<Record<CanonicalKey, string | undefined>>,
  base: Partial<Record<CanonicalKey, string>> = BASE_US,
): string {
  const values: Record<string, string | undefined> = { ...base, ...overrides };
  const keys = Object.keys(values).filter((key) => values[key] !== undefined);
  return `${keys.join(',')}\r\n${keys.map((key) => csvCell(values[key]!)).join(',')}\r\n`;
}

/** What the reader decided for one row, flattened for table-style assertions. */
export interface Verdict {
  status: 'ok' | 'invalid' | 'skipped';
  code?: string;
  field?: string;
  en?: string;
  ja?: string;
}

export function verdictOf(row: CsvRow): Verdict {
  if (row.outcome.ok) return { status: 'ok' };
  const { problem } = row.outcome;
  const verdict: Verdict = { status: row.outcome.status, code: problem.code, en: problem.message.en, ja: problem.message.ja };
  if (problem.field !== undefined) verdict.field = problem.field;
  return verdict;
}

/** Reads a one-row file built from the base row with `overrides` and returns the row. */
async function readOneRow(
  overrides: Partial<Record<CanonicalKey, string | undefined>>,
  base: Partial<Record<CanonicalKey, string>> = BASE_US,
): Promise<CsvRow> {
  const { rows } = await readCsv(oneRowCsv(overrides, base));
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

/** The stored record of a valid row; fails with the problem if the row is not valid. */
export async function recordOf(
  overrides: Partial<Record<CanonicalKey, string | undefined>>,
  base: Partial<Record<CanonicalKey, string>> = BASE_US,
) {
  const row = await readOneRow(overrides, base);
  if (!row.outcome.ok) throw new Error(`expected a valid row, got ${JSON.stringify(row.outcome.problem)}`);
  return row.outcome.record;
}

/** The verdict of a one-row file built from the base row with `overrides`. */
export async function verdict(
  overrides: Partial<Record<CanonicalKey, string | undefined>>,
  base: Partial<Record<CanonicalKey, string>> = BASE_US,
): Promise<Verdict> {
  return verdictOf(await readOneRow(overrides, base));
}

/** A sentence that says what to fix: starts with a capital (or Japanese), ends with a full stop. */
export function looksLikeSentence(text: string | undefined, language: 'en' | 'ja'): boolean {
  if (!text) return false;
  if (language === 'en') return /^[A-Z"'`(0-9]/.test(text) && /[.!?]["')]?$/.test(text.trim()) && text.length > 15;
  return /[\u3000-\u30ff\u4e00-\u9fff]/.test(text) && /[。.）)]$/.test(text.trim());
}
