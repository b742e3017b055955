import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, type CsvRecord } from './csv-record-reader.ts';
import { LineEndNormalizer } from './line-end-normalizer.ts';

/** Feeds `text` in pieces of the given sizes (cycled) and ends the input. */
function readInPieces(text: string, sizes: readonly number[], delimiter: ',' | ';' | '\t' = ','): CsvRecord[] {
  const reader = new CsvRecordReader(delimiter);
  const records: CsvRecord[] = [];
  let turn = 0;
  for (let start = 0; start < text.length; ) {
    const size = Math.max(1, sizes[turn++ % sizes.length] ?? 1);
    records.push(...reader.push(text.slice(start, start + size)));
    start += size;
  }
  records.push(...reader.end());
  return records;
}

describe('LineEndNormalizer', () => {
  it('should turn CRLF and lone CR into LF, also when a CRLF is split between chunks', () => {
    const lines = new LineEndNormalizer(',');
    const out = lines.push('a\r') + lines.push('\nb\r') + lines.push('c\r\r\n') + lines.push('d\r') + lines.end();
    expect(out).toBe('a\nb\nc\n\nd\n');
  });

  it('should leave text without CR as it is', () => {
    const lines = new LineEndNormalizer(',');
    expect(lines.push('a\nb')).toBe('a\nb');
    expect(lines.end()).toBe('');
  });
});

describe('LineEndNormalizer inside quotes', () => {
  it('should keep a line break inside a quoted cell as written, also when the cell spans chunks', () => {
    const lines = new LineEndNormalizer(',');
    const out = lines.push('a,"b\r') + lines.push('\nc\r') + lines.push('d""e",f\r') + lines.push('\n"g"\r') + lines.end();
    expect(out).toBe('a,"b\r\nc\rd""e",f\n"g"\n');
  });

  it('should open a quote only at the start of a cell, as PapaParse does', () => {
    const lines = new LineEndNormalizer(';');
    expect(lines.push('x"y;z\r"q\rr";s\r') + lines.end()).toBe('x"y;z\n"q\rr";s\n');
  });

  it('should close a quoted cell at a quote followed by spaces and a line end', () => {
    const lines = new LineEndNormalizer(',');
    expect(lines.push('"a"  \r"b\rc"\r') + lines.end()).toBe('"a"  \n"b\rc"\n');
  });
});

describe('CsvRecordReader', () => {
  it('should give each record the physical line where it starts, counting CR, LF and CRLF once each', () => {
    const text = 'h1,h2\r\n"a\r\nb",c\r\rx,"y\rz"\ny,1\r';
    const records = readInPieces(text, [text.length]);
    expect(records).toEqual([
      { cells: ['h1', 'h2'], line: 1 },
      { cells: ['a\r\nb', 'c'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['x', 'y\rz'], line: 5 },
      { cells: ['y', '1'], line: 7 },
    ]);
  });

  it('should not open a record after the final line end, and should close a last line without one', () => {
    expect(readInPieces('a,b\n', [1]).map((record) => record.cells)).toEqual([['a', 'b']]);
    expect(readInPieces('a,b\nc', [2]).map((record) => record.cells)).toEqual([['a', 'b'], ['c']]);
    expect(readInPieces('a;"b;c"', [3], ';').map((record) => record.cells)).toEqual([['a', 'b;c']]);
    expect(readInPieces('a\t"b\tc"\r', [3], '\t').map((record) => record.cells)).toEqual([['a', 'b\tc']]);
  });

  it('should take the rest of the input as the cell of a quote that never closes', () => {
    expect(readInPieces('a,"b\nc,d\n', [4])).toEqual([{ cells: ['a', 'b\nc,d\n'], line: 1, unbalancedQuotes: true }]);
  });

  it('should flag a record with an undoubled quote inside a quoted cell, and only that one', () => {
    const records = readInPieces('a,"b"c,d\ne,"f"\n"g"x",h\n', [3]);
    expect(records.map((record) => [record.cells, record.line, record.unbalancedQuotes])).toEqual([
      [['a', 'b"c,d\ne,"f'], 1, true],
      [['g"x', 'h'], 3, true],
    ]);
  });

  it('should refuse a record longer than 1 MB', () => {
    const reader = new CsvRecordReader(',');
    expect(() => reader.push(`x\n"${'y'.repeat(1_100_000)}`)).toThrow(/line 2/);
  });

  it('should read the same records whatever the chunk sizes and line end styles', () => {
    const cell = fc.array(fc.constantFrom('a', 'é', '日', ' ', ',', ';', '"', '\n', '\r', '\r\n'), { maxLength: 6 }).map((parts) => parts.join(''));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(rows, fc.array(lineEnd, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (cells, ends, sizes, finalEnd) => {
        // An independent writer: every cell quoted, line ends taken in turn from `ends`.
        const lines = cells.map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','));
        let text = '';
        lines.forEach((line, index) => {
          text += line;
          if (index < lines.length - 1 || finalEnd) text += ends[index % ends.length];
        });
        // Line breaks inside quoted cells are kept as written; each of CR, LF and CRLF counts one line.
        const expectedCells = cells;
        let line = 1;
        const expectedLines = expectedCells.map((row) => {
          const start = line;
          line += 1 + (row.join('\u0000').match(/\r\n?|\n/g)?.length ?? 0);
          return start;
        });
        const records = readInPieces(text, sizes);
        expect(records.map((record) => record.cells)).toEqual(expectedCells);
        expect(records.map((record) => record.line)).toEqual(expectedLines);
      }),
      { numRuns: 400 },
    );
  });
});
