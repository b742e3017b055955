import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dir.ts';
import { numberedPath, writeResultsFile } from './write-results-file.ts';

const bytes = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

describe('writeResultsFile', () => {
  it('should never overwrite: a taken name gets -2, -3, … and the path written is returned', async () => {
    const dir = makeTempDir('pc-onboard-results-file-');
    const path = join(dir, 'customers.results.csv');
    writeFileSync(path, 'first');
    expect(await writeResultsFile(path, bytes('second'))).toBe(join(dir, 'customers.results-2.csv'));
    expect(await writeResultsFile(path, bytes('third'))).toBe(join(dir, 'customers.results-3.csv'));
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readFileSync(join(dir, 'customers.results-3.csv'), 'utf8')).toBe('third');
    // No temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['customers.results-2.csv', 'customers.results-3.csv', 'customers.results.csv']);
  });

  it('should give two writers at the same time two names', async () => {
    const dir = makeTempDir('pc-onboard-results-file-');
    const path = join(dir, 'out.csv');
    const written = await Promise.all([writeResultsFile(path, bytes('a')), writeResultsFile(path, bytes('b'))]);
    expect(new Set(written).size).toBe(2);
    expect(written.map((file) => readFileSync(file, 'utf8')).sort()).toEqual(['a', 'b']);
  });

  it('should number before the extension, or at the end without one', () => {
    expect(numberedPath('/x/a.failed.csv', 2)).toBe('/x/a.failed-2.csv');
    expect(numberedPath('/x/results', 3)).toBe('/x/results-3');
    expect(numberedPath('/x/a.csv', 1)).toBe('/x/a.csv');
  });
});
