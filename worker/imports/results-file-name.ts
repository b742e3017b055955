/**
 * The name of a results or failed-rows file for an input file: `customers.csv` →
 * `customers.results.csv` / `customers.failed.csv` / `customers.skipped.csv` (the CLI's default output names too).
 */
export function resultsFileName(inputFileName: string, kind: 'results' | 'failed' | 'skipped'): string {
  const base = inputFileName.split(/[\\/]/).pop() || 'import';
  const stem = base.replace(/\.(csv|tsv|txt)$/i, '') || 'import';
  return `${stem}.${kind}.csv`;
}
