import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS, REQUIRED_COLUMNS, type CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import { HEADER_ALIASES } from '../../shared/csv/header-aliases.ts';
import { isCsvFileError } from '../../shared/csv/csv-file-error.ts';
import type { CsvRow } from '../../shared/csv/csv-row.ts';
import { openCustomerCsv } from '../../shared/csv/open-customer-csv.ts';
import { unescapeCell } from '../../shared/csv/unescape-cell.ts';
import { isErrorCode } from '../../shared/errors/error-codes.ts';
import { chunked } from '../support/byte-sources.ts';
import { encodeText, FUZZ_ENCODINGS, type FuzzEncoding } from './support/encode-text.ts';
import { isSentence } from './support/is-sentence.ts';

/**
 * Fuzzing the shared CSV reader + validator: generated files with random headers
 * (aliases in EN/JA), cells, quoting, delimiters, line ends, blank lines, encodings and chunk
 * boundaries; random bytes; huge cells. Nothing may escape but the typed CsvFileError, every row
 * gets exactly one outcome, numbered without gaps, and every message is a sentence.
 * 10 000 cases in all (5 000 + 4 000 + 900 + 100).
 */
// A fixed "now" for the MCA date rule: 2026-11-25, the day this test was written.
const NOW = new Date('2026-11-25T12:00:00Z');
// State and postal code are always present: the generated valid rows are US customers, who need both.
const ALWAYS_KEYS: readonly CanonicalKey[] = [...REQUIRED_COLUMNS, 'state', 'postal_code'];
const OPTIONAL_KEYS = CANONICAL_KEYS.filter((key) => !ALWAYS_KEYS.includes(key));

// Characters that stress quoting, trimming, normalisation, formulas and decoding.
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', ' ', '\u3000', '\u00a0', '=', '+', '-', '@', "'", '*', ':', '/', '.') },
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', '9', 'é', 'ß', '日', '本', '〒', 'ｶ', '１', '㈱', '髙', '①', '😀', '\u0301', '\uFEFF') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((char) => char !== '\0') },
);
const fuzzCell = fc.array(unit, { maxLength: 14 }).map((units) => units.join(''));
const realisticCell = fc.constantFrom(
  'US', 'JP', 'Japan', '日本', 'WA', '東京都', 'Tokyo', '98052', '100-0005', '〒１０００００５', 'contoso', 'Contoso.onmicrosoft.com', 'ana@x.example',
  'Ana', '山田', '1 Microsoft Way', 'Redmond', '+1 425 882 8080', '03-1234-5678', 'yes', 'はい', 'no', '2026-03-05', '2030-01-01', 'P1Y', 'annual',
  'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5', 'en-US', 'ja', '=HYPERLINK("x")', '+cmd', '@SUM(A1)',
);
const cellValue = fc.oneof({ weight: 3, arbitrary: realisticCell }, { weight: 2, arbitrary: fuzzCell }, { weight: 1, arbitrary: fc.constant('') });

/** A valid value per key (US customer), so that generated rows are often valid and some domains repeat. */
const VALID: Partial<Record<CanonicalKey, fc.Arbitrary<string>>> = {
  company_name: fc.constantFrom('Contoso', '株式会社テスト', ' Contoso\u3000'),
  domain: fc.constantFrom('dup1', 'dup2', 'Dup1.onmicrosoft.com', 'uniq3', 'uniq4', 'uniq5'),
  country: fc.constantFrom('US', 'United States', 'アメリカ合衆国'),
  address_line1: fc.constant('1 Microsoft Way'),
  city: fc.constant('Redmond'),
  state: fc.constantFrom('WA', 'Washington', 'wa'),
  postal_code: fc.constantFrom('98052', '98052-6399'),
  contact_first_name: fc.constantFrom('Ana', '太郎'),
  contact_last_name: fc.constantFrom('Diaz', '山田'),
  contact_email: fc.constantFrom('ana@x.example', 'a.b+c@contoso.example'),
  contact_phone: fc.constantFrom('+1 425 882 8080', ''),
  gdap_opt_in: fc.constantFrom('yes', 'no', ''),
};

const headerArbitrary = fc
  .tuple(
    fc.tuple(...ALWAYS_KEYS.map((key) => fc.constantFrom(key, ...HEADER_ALIASES[key]).map((name) => ({ key: key as CanonicalKey | null, name })))),
    fc.subarray(OPTIONAL_KEYS as CanonicalKey[], { maxLength: 8 }).chain((keys) => fc.tuple(...keys.map((key) => fc.constantFrom(key, ...HEADER_ALIASES[key]).map((name) => ({ key: key as CanonicalKey | null, name }))))),
    fc.boolean(),
  )
  .chain(([required, optional, unknownColumn]) => {
    const columns = [...required, ...optional, ...(unknownColumn ? [{ key: null, name: 'CRM id' }] : [])];
    return fc.shuffledSubarray(columns, { minLength: columns.length });
  });

interface FileShape {
  header: string[];
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  quoting: 'all' | 'minimal' | 'none';
  lineEnd: '\r\n' | '\n';
  blankLinesAt: number[];
  trailingLineEnd: boolean;
  encoding: FuzzEncoding;
}

const fileArbitrary: fc.Arbitrary<FileShape> = headerArbitrary.chain((columns) => {
  // Each row's first cell starts with a letter, so no generated row is blank.
  const nonBlank = (cells: string[]) => [`X${cells[0] ?? ''}`, ...cells.slice(1)];
  const fuzzRow = fc.array(cellValue, { minLength: Math.max(1, columns.length - 1), maxLength: columns.length + 1 }).map(nonBlank);
  const nearlyValidRow = fc
    .tuple(fc.tuple(...columns.map((column) => (column.key && VALID[column.key]) || fc.constant(''))), fc.nat({ max: columns.length * 3 }), fuzzCell)
    // Now and then one cell is replaced by noise (the country and address are never blank, so neither is the row).
    .map(([cells, spoil, noise]) => cells.map((cell, index) => (index === spoil && noise.trim() !== '' ? noise : cell)));
  return fc.record({
    header: fc.constant(columns.map((column) => column.name)),
    rows: fc.array(fc.oneof(fuzzRow, nearlyValidRow), { maxLength: 6 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    quoting: fc.constantFrom('all', 'minimal', 'minimal', 'none'),
    lineEnd: fc.constantFrom('\r\n', '\n'),
    blankLinesAt: fc.array(fc.nat({ max: 7 }), { maxLength: 2 }),
    trailingLineEnd: fc.boolean(),
    encoding: fc.constantFrom(...FUZZ_ENCODINGS),
  });
});

function quoteCell(cell: string, shape: FileShape): string {
  if (shape.quoting === 'none') return cell;
  const needs = shape.quoting === 'all' || cell.includes(shape.delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function render(shape: FileShape): string {
  const lines = [shape.header.map((cell) => quoteCell(cell, shape)).join(shape.delimiter)];
  shape.rows.forEach((cells, index) => {
    if (shape.blankLinesAt.includes(index)) lines.push('');
    lines.push(cells.map((cell) => quoteCell(cell, shape)).join(shape.delimiter));
  });
  return lines.join(shape.lineEnd) + (shape.trailingLineEnd ? shape.lineEnd : '');
}

async function readAll(bytes: Uint8Array, sizes: readonly number[]): Promise<{ rows: CsvRow[] } | { error: unknown }> {
  try {
    const csv = await openCustomerCsv(chunked(bytes, sizes), { now: NOW });
    const rows: CsvRow[] = [];
    for await (const row of csv.rows()) rows.push(row);
    return { rows };
  } catch (error) {
    return { error };
  }
}

/** The invariants that hold for any input. */
function expectWellFormed(result: { rows: CsvRow[] } | { error: unknown }): void {
  if ('error' in result) {
    expect(isCsvFileError(result.error), `escaped: ${String((result.error as Error)?.stack ?? result.error)}`).toBe(true);
    const error = result.error as { localized: { en: string; ja: string } };
    expect(isSentence(error.localized.en, 'en'), error.localized.en).toBe(true);
    expect(isSentence(error.localized.ja, 'ja'), error.localized.ja).toBe(true);
    return;
  }
  result.rows.forEach((row, index) => {
    expect(row.row).toBe(index + 1);
    if (index > 0) expect(row.line).toBeGreaterThan(result.rows[index - 1]!.line);
    if (row.outcome.ok) {
      expect(typeof row.outcome.record.domain).toBe('string');
    } else {
      expect(['invalid', 'skipped']).toContain(row.outcome.status);
      const { problem } = row.outcome;
      expect(isErrorCode(problem.code), problem.code).toBe(true);
      expect(isSentence(problem.message.en, 'en'), problem.message.en).toBe(true);
      expect(isSentence(problem.message.ja, 'ja'), problem.message.ja).toBe(true);
    }
  });
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 });

describe('CSV reader + validator under fuzzing', () => {
  it('should read generated files in any encoding, delimiter and quoting: one outcome per row, sentences only', async () => {
    const seen = { validRows: 0, invalidRows: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fileArbitrary, chunkSizes, async (shape, sizes) => {
        const result = await readAll(encodeText(render(shape), shape.encoding), sizes);
        expectWellFormed(result);
        if ('error' in result) seen.refused++;
        else for (const row of result.rows) seen[row.outcome.ok ? 'validRows' : 'invalidRows']++;
        // With proper quoting the structure is certain: a UTF file with a BOM is never refused,
        // and exactly the generated rows come out. (Without BOM or in CP932 the detection may
        // reasonably refuse; unquoted cells may hold delimiters and line breaks.)
        const certain = shape.quoting !== 'none' && ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'].includes(shape.encoding);
        if (certain) {
          expect('rows' in result ? 'rows' : String((result as { error: Error }).error.message)).toBe('rows');
          if ('rows' in result) {
            expect(result.rows).toHaveLength(shape.rows.length);
            const width = shape.header.length;
            const padded = (cells: readonly string[]) => Array.from({ length: width }, (_, index) => cells[index] ?? '');
            // A line break inside a quoted cell is kept as written (docs/contracts/csv.md §1).
            // The reader then undoes the writer's formula escape ('=…), so a re-imported failed-rows file is unchanged.
            const expected = (cell: string) => unescapeCell(cell);
            expect(result.rows.map((row) => padded(row.cells))).toEqual(shape.rows.map((cells) => padded(cells.map(expected))));
          }
        }
      }),
      { numRuns: 5000 },
    );
    // The generator reaches both branches: valid rows and invalid rows. (No generated file has
    // been refused so far: CP932 and BOM-less UTF-16 are detected too.)
    expect(seen.validRows).toBeGreaterThan(200);
    expect(seen.invalidRows).toBeGreaterThan(1000);
  }, 60_000);

  it('should refuse or classify any bytes, with or without a valid header in front', async () => {
    const header = 'company_name,domain,country,address_line1,city,contact_first_name,contact_last_name,contact_email\r\n';
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.tuple(fc.constantFrom(...FUZZ_ENCODINGS), fc.uint8Array({ maxLength: 400 })).map(([encoding, tail]) => new Uint8Array([...encodeText(header, encoding), ...tail])),
      fc.tuple(fc.constantFrom(...FUZZ_ENCODINGS), fc.string({ unit: 'grapheme', maxLength: 200 })).map(([encoding, text]) => encodeText(header + text, encoding)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, chunkSizes, async (input, sizes) => {
        expectWellFormed(await readAll(input, sizes));
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it('should keep its sentences when the header itself is mangled', async () => {
    const mangledHeader = fc.array(fc.oneof(fuzzCell, fc.constantFrom(...REQUIRED_COLUMNS, 'Company name', 'Domain', 'Emial', 'Adress', 'company_name')), { maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(mangledHeader, fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 3 }), fc.constantFrom(...FUZZ_ENCODINGS), async (header, rows, encoding) => {
        const text = [header, ...rows].map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        expectWellFormed(await readAll(encodeText(text, encoding), [4096]));
      }),
      { numRuns: 900 },
    );
  }, 60_000);

  it('should handle huge cells: a row invalid for its length, or the file refused as record_too_long', async () => {
    const header = 'company_name,domain,country,address_line1,city,contact_first_name,contact_last_name,contact_email';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10_000, max: 1_200_000 }), fc.boolean(), fc.constantFrom('a', '日', '"'), async (length, closed, char) => {
        const huge = char.repeat(length);
        const cell = closed ? `"${huge.replaceAll('"', '""')}"` : `"${huge}`;
        const text = `${header}\r\n${cell},contoso,US,1 Way,Redmond,Ana,Diaz,ana@x.example\r\nNext Co,next,US,1 Way,Redmond,Ana,Diaz,ana@x.example\r\n`;
        const result = await readAll(new TextEncoder().encode(text), [256 * 1024]);
        expectWellFormed(result);
        if ('rows' in result && closed) {
          expect(result.rows).toHaveLength(2);
          expect(result.rows[0]!.outcome.ok).toBe(false);
        }
        if ('error' in result) expect((result.error as { reason: string }).reason).toMatch(/record_too_long|undecodable/);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
