import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, collectBytes } from '../../test/support/byte-sources.ts';
import { isCsvFileError } from './csv-file-error.ts';
import type { CsvRow } from './csv-row.ts';
import { openCustomerCsv } from './open-customer-csv.ts';
import { writeResultsCsv } from '../imports/write-results-csv.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const HEADER = ['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email', 'crm'];

// Characters that stress quoting, line ends, trimming, escaping and decoding.
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', ' ', '\u3000', '\u00a0', '=', '+', '-', '@', "'", '*', ':') },
  { weight: 3, arbitrary: fc.constantFrom('a', 'Z', '0', '9', 'é', '日', '〒', 'ｶ', '１', '.', '@') },
  // NUL makes a file without BOM "not text" (by design), so it is left out here.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0') },
);
const cell = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
// Realistic values mixed in, so that some rows are valid and duplicate domains occur.
const value = fc.oneof(cell, fc.constantFrom('US', 'JP', 'WA', '98052', 'dup1', 'dup2', 'ana@x.example', 'Ana', '1 Way'));
const randomRow = fc.array(value, { minLength: 0, maxLength: HEADER.length + 2 });
// A valid row whose cells are perturbed a little: valid, invalid and duplicate-domain rows all occur.
const nearlyValidRow = fc
  .tuple(fc.constantFrom('dup1', 'dup2', 'Dup1.onmicrosoft.com'), fc.constantFrom('', ' ', '\u3000', "'", '"', '\n'), cell)
  .map(([domain, pad, crm]) => [`${pad}Contoso${pad}`, domain, 'US', '1 Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'ana@x.example', crm]);
const row = fc.oneof(randomRow, nearlyValidRow);

/** An independent RFC 4180 writer: every cell quoted. */
function toCsv(rows: string[][]): Uint8Array {
  const text = [HEADER, ...rows].map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
  return new TextEncoder().encode(text);
}

async function readRows(bytes: Uint8Array, sizes: number[]): Promise<CsvRow[]> {
  const csv = await openCustomerCsv(chunked(bytes, sizes), { now: NOW });
  const rows: CsvRow[] = [];
  for await (const read of csv.rows()) rows.push(read);
  return rows;
}

describe('CSV reader and writer properties', () => {
  it('should read a failed-rows file back to the same cells and the same outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }), async (rows, sizes) => {
        const first = await readRows(toCsv(rows), sizes);
        const results = first.map((read) => ({
          cells: read.cells,
          result: { row: read.row, line: read.line, status: 'invalid' as const, errorCode: 'required' as const, error: { en: 'Fix "it", now', ja: '修正' } },
        }));
        const written = await collectBytes(writeResultsCsv(HEADER, results, { kind: 'failed', language: 'en' }));
        const second = await readRows(written, sizes);
        const width = HEADER.length;
        expect(second.map((read) => read.cells.slice(0, width))).toEqual(
          first.map((read) => Array.from({ length: width }, (_, index) => read.cells[index] ?? '')),
        );
        // Extra cells are cut by the writer, so only rows within the header width keep their outcome.
        first.forEach((read, index) => {
          if (read.cells.length <= width) expect(second[index]?.outcome).toEqual(read.outcome);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('should either refuse the file with CsvFileError or classify every row, for any bytes', async () => {
    const header = new TextEncoder().encode(`${HEADER.join(',')}\r\n`);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([...header, ...tail])),
      fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([0xef, 0xbb, 0xbf, ...header, ...tail])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }), async (input, sizes) => {
        let rows: CsvRow[];
        try {
          rows = await readRows(input, sizes);
        } catch (error) {
          expect(isCsvFileError(error), String(error)).toBe(true);
          return;
        }
        rows.forEach((read, index) => {
          expect(read.row).toBe(index + 1);
          expect(read.line).toBeGreaterThan(index);
          expect(read.outcome.ok || read.outcome.status === 'invalid' || read.outcome.status === 'skipped').toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
