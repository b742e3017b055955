import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

// Runtime imports only: `import type` and `export type` are erased before the code runs.
const IMPORT_SPECIFIER = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const TEST_FRAMEWORK = /^(?:vitest|@vitest\/.+|vitest\/.+)$/;

/**
 * Every chain of runtime imports from `entry` (through the project's own files) that ends in the
 * test framework, as "a.ts → b.ts → vitest".
 */
function importChainsToVitest(entry: string): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT_SPECIFIER)) {
      const specifier = match[1] ?? match[2]!;
      const here = [...chain, file.slice(ROOT.length + 1)];
      if (TEST_FRAMEWORK.test(specifier)) chains.push([...here, specifier].join(' → '));
      else if (specifier.startsWith('.') && /\.(?:ts|tsx|mjs|js)$/.test(specifier)) visit(join(dirname(file), specifier), here);
    }
  };
  visit(join(ROOT, entry), []);
  return chains;
}

// `npm run bench` runs under plain Node: a module that imports vitest there fails with "Vitest
// failed to access its internal state". Benchmarks share only vitest-free helpers with the tests.
describe('the benchmarks', () => {
  it('import no test framework, directly or through a helper', () => {
    // bench/run.ts loads every benchmark (dynamic imports), so its graph is all of `npm run bench`.
    expect(importChainsToVitest('bench/run.ts')).toEqual([]);
  });

  it('would be caught importing a helper that imports vitest', () => {
    expect(importChainsToVitest('test/support/worker/use-test-pipelines.ts')).toEqual(['test/support/worker/use-test-pipelines.ts → vitest']);
    expect(importChainsToVitest('test/support/worker/expect-results-as-expected.ts')).toEqual(['test/support/worker/expect-results-as-expected.ts → vitest']);
  });
});
