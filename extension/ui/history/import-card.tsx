import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { t } from '../i18n/translate.ts';
import { formatTime } from '../i18n/format-time.ts';
import { finishedRows } from '../bulk/follow-import.ts';
import { pauseMessage, queuedBy } from '../bulk/import-annotations.ts';

/** Counts a card always shows (the outcome at a glance: an orders file's rows end `ordered`), then the others when not zero. */
const ALWAYS_SHOWN = { customers: ['created', 'invalid', 'failed'], orders: ['ordered', 'invalid', 'failed'] } as const;
const SHOWN_WHEN_ANY = ['created', 'ordered', 'exists', 'skipped', 'ready', 'pending'] as const;

/** One past import in History: file, when and by whom, state, row counts, and a way in. */
export function ImportCard({ summary, onOpen }: { summary: ImportSummary; onOpen: (importId: string) => void }) {
  const who = queuedBy(summary);
  const paused = pauseMessage(summary);
  const counts = summary.counts;
  const always: readonly (typeof SHOWN_WHEN_ANY[number] | 'invalid' | 'failed')[] = ALWAYS_SHOWN[summary.kind ?? 'customers'];
  const shown = [...always, ...SHOWN_WHEN_ANY.filter((status) => !always.includes(status) && (counts?.[status] ?? 0) > 0)];
  return (
    <li class="card" data-import={summary.id}>
      <div class="card-title">
        <strong>{summary.fileName}</strong>
        {summary.dryRun && <span class="badge">{t('dryRunBadge')}</span>}
      </div>
      <div class="hint">
        {formatTime(summary.createdAt)}
        {who && ` · ${t('queuedBy', who)}`}
        {` · ${t(`importState_${summary.state}`)} · ${t('rowsDone', finishedRows(counts), summary.total)}`}
      </div>
      <ul class="count-list" aria-label={t('countsLabel')}>
        {shown.map((status) => (
          <li key={status} class={`badge status-${status}`} data-status={status}>
            {t(`rowStatus_${status}`)}: <strong>{counts?.[status] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {paused && <p class="notice warning">{paused}</p>}
      <button type="button" class="link" id={`open-import-${summary.id}`} onClick={() => onOpen(summary.id)}
        aria-label={`${t('openImport')}: ${summary.fileName}`}>{t('openImport')}</button>
    </li>
  );
}
