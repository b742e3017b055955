import Table from 'cli-table3';
import { ROW_STATUSES, type RowStatus } from '../../../shared/csv/row-status.ts';
import type { ImportSummary, StatusCounts } from '../../../shared/imports/import-types.ts';

/** The end-of-run table: one line per status, success statuses first as the contract lists them. */
export function renderSummaryTable(summary: Pick<ImportSummary, 'id' | 'fileName' | 'total' | 'blankLines' | 'dryRun'>, counts: StatusCounts): string {
  const table = new Table({ head: ['status', 'rows'], style: { head: [], border: [] } });
  for (const status of ROW_STATUSES) {
    if (counts[status] > 0 || isExpected(status, summary.dryRun)) table.push([status, String(counts[status])]);
  }
  if (counts.pending > 0) table.push(['pending', String(counts.pending)]);
  table.push(['total', String(summary.total)]);
  if (summary.blankLines > 0) table.push(['blank lines (not rows)', String(summary.blankLines)]);
  const title = `Import ${summary.id} of ${summary.fileName}${summary.dryRun ? ' (dry run: nothing created)' : ''}`;
  return `${title}\n${table.toString()}`;
}

/** The success statuses a run of this kind produces, listed even at 0 (a dry run ends `ready`, a real run `created`/`exists`). */
function isExpected(status: RowStatus, dryRun: boolean): boolean {
  return dryRun ? status === 'ready' || status === 'exists' : status === 'created' || status === 'exists';
}
