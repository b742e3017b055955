import Table from 'cli-table3';
import { ROW_STATUSES, type RowStatus } from '../../../shared/status/row-status.ts';
import type { ImportKind, ImportSummary, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { cliText } from './cli-text.ts';

/** The end-of-run table: one line per status, success statuses first as the contract lists them. */
export function renderSummaryTable(summary: Pick<ImportSummary, 'id' | 'fileName' | 'total' | 'blankLines' | 'dryRun' | 'kind'>, counts: StatusCounts, language: Language = 'en'): string {
  const text = cliText(language);
  const table = new Table({ head: [...text.tableHead], style: { head: [], border: [] } });
  for (const status of ROW_STATUSES) {
    if (counts[status] > 0 || isExpected(status, summary.dryRun, summary.kind ?? 'customers')) table.push([text.statusLabel(status), String(counts[status])]);
  }
  if (counts.pending > 0) table.push([text.statusLabel('pending'), String(counts.pending)]);
  table.push([text.total, String(summary.total)]);
  if (summary.blankLines > 0) table.push([text.blankLines, String(summary.blankLines)]);
  return `${text.title(summary.id, summary.fileName, summary.dryRun)}\n${table.toString()}`;
}

/**
 * The success statuses a run of this kind produces, listed even at 0 (a dry run ends `ready`, a
 * real run `created`/`exists`, a real run of an orders file `ordered`).
 */
function isExpected(status: RowStatus, dryRun: boolean, kind: ImportKind): boolean {
  if (dryRun) return status === 'ready' || (kind === 'customers' && status === 'exists');
  return kind === 'orders' ? status === 'ordered' : status === 'created' || status === 'exists';
}
