import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { ROW_STATUSES, type RowStatus } from '../../../shared/status/row-status.ts';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { currentSettings, currentWorkerClient } from '../state/settings-state.ts';
import { rememberImport } from '../state/import-history.ts';
import { describeError } from '../components/worker-error-message.ts';
import { RowDetail } from './row-detail.tsx';
import { saveBlob } from './save-blob.ts';
import { finishedRows, useImportProgress } from './use-import-progress.ts';
import { pauseMessage, queuedBy } from './import-annotations.ts';

const MAX_ROWS_SHOWN = 500;
const SHOWN_STATUSES = [...ROW_STATUSES, 'pending'] as const;

/**
 * The counts worth showing: only the statuses an import of its kind can end in (an orders file's
 * rows end `ordered`, a customer file's `created` or `exists`, docs/contracts/csv.md §5, §6), and
 * `ready` only in a dry run — elsewhere each would be a count that is always 0.
 */
function shownStatuses(summary: ImportSummary | undefined): readonly (RowStatus | 'pending')[] {
  const orders = summary?.kind === 'orders';
  return SHOWN_STATUSES.filter((status) => {
    if (status === 'ready') return summary?.dryRun === true;
    if (status === 'ordered') return orders;
    if (status === 'created' || status === 'exists') return !orders;
    return true;
  });
}

export interface ImportProgressViewProps {
  importId: string;
  /** Shown until the worker sends the import's summary (or when it can't be reached). */
  fileName?: string;
  /** Move focus to the heading on mount: the view replaced the control the person just used. */
  focusOnOpen?: boolean;
}

/** Live progress of one import: counts, a bar, every row's status, downloads, retry and cancel. */
export function ImportProgressView({ importId, fileName, focusOnOpen = false }: ImportProgressViewProps) {
  const client = useMemo(() => currentWorkerClient(), [currentSettings.value]);
  const [refreshKey, setRefreshKey] = useState(0);
  const progress = useImportProgress(client, importId, refreshKey);
  const [actionError, setActionError] = useState('');
  const language = uiLanguage.value;
  // The Bulk and History tabs may both show a progress view: ids must not collide.
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const total = progress.summary?.total ?? 0;
  const done = finishedRows(progress.counts);
  const allRows = [...progress.rows.values()].sort((a, b) => a.row - b.row);
  // A long table would slow the panel; the results file has every row.
  const rows = allRows.slice(0, MAX_ROWS_SHOWN);
  const paused = progress.drained ? undefined : pauseMessage(progress.summary);
  const who = queuedBy(progress.summary);

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, []);

  useEffect(() => {
    if (progress.drained && progress.summary) void rememberImport(progress.summary, currentSettings.value.workerUrl);
  }, [progress.drained, progress.summary]);

  async function download(kind: 'results' | 'failed') {
    setActionError('');
    try {
      const blob = await client.downloadCsv(importId, kind, language);
      const base = (progress.summary?.fileName ?? 'import.csv').replace(/\.(csv|tsv|txt)$/i, '');
      saveBlob(blob, `${base}.${kind}.csv`);
    } catch (error) {
      setActionError(describeError(error));
    }
  }

  async function act(action: 'retry' | 'cancel') {
    setActionError('');
    try {
      if (action === 'retry') await client.retryFailed(importId);
      else await client.cancel(importId);
      setRefreshKey((key) => key + 1);
    } catch (error) {
      setActionError(describeError(error));
    }
  }

  return (
    <section class="stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('progressHeading', progress.summary?.fileName ?? fileName ?? importId)}
        {progress.summary?.dryRun && <span class="badge">{t('dryRunBadge')}</span>}
      </h3>
      <div class="progress-line">
        <progress max={total || 1} value={done} aria-label={t('progressLabel')} />
        <span role="status" aria-live="polite">{progress.drained ? t('importFinished', done, total) : t('rowsDone', done, total)}</span>
      </div>
      {paused && <p class="notice warning" role="status" data-paused>{paused}</p>}
      {who && <p class="hint">{t('queuedByLine', who)}</p>}
      <ul class="count-list" aria-label={t('countsLabel')}>
        {shownStatuses(progress.summary).map((status) => (
          <li key={status} class={`badge status-${status}`} data-status={status}>
            {t(`rowStatus_${status}`)}: <strong>{progress.counts?.[status] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {progress.error && <p class="notice error" role="alert">{progress.error}</p>}
      {actionError && <p class="notice error" role="alert">{actionError}</p>}
      <div class="actions">
        <button type="button" onClick={() => download('results')}>{t('downloadResults')}</button>
        <button type="button" onClick={() => download('failed')}>{t('downloadFailed')}</button>
        {progress.drained && (progress.counts?.failed ?? 0) > 0 && (
          <button type="button" onClick={() => act('retry')}>{t('retryFailed')}</button>
        )}
        {!progress.drained && <button type="button" onClick={() => act('cancel')}>{t('cancelImport')}</button>}
      </div>
      {allRows.length > rows.length && <p class="hint">{t('rowsTableTruncated', rows.length, allRows.length)}</p>}
      <div class="table-scroll tall" tabIndex={0} role="region" aria-label={t('rowsTableLabel')}>
        <table class="rows-table" aria-label={t('rowsTableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('columnRow')}</th>
              <th scope="col">{t('columnStatus')}</th>
              <th scope="col">{t('columnDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} data-row={row.row} data-status={row.status}>
                <td>{row.row}</td>
                <td><span class={`badge status-${row.status}`}>{t(`rowStatus_${row.status}`)}</span></td>
                <td class="detail"><RowDetail row={row} importId={importId} client={client} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
