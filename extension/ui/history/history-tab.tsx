import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { confirmedCustomersItem, type ConfirmedCustomer } from '../state/confirmed-customers.ts';
import { importHistoryItem } from '../state/import-history.ts';
import { currentWorkerClient } from '../state/settings-state.ts';
import { describeError } from '../components/worker-error-message.ts';
import { ImportProgressView } from '../bulk/import-progress-view.tsx';
import { finishedRows } from '../bulk/use-import-progress.ts';

/** Merges the imports this browser queued with the worker's list; the worker's copy is fresher. */
function mergeImports(local: ImportSummary[], remote: ImportSummary[]): ImportSummary[] {
  const byId = new Map(local.map((summary) => [summary.id, summary]));
  for (const summary of remote) byId.set(summary.id, summary);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** In the UI language, not the browser's: a Japanese panel shows 2026/11/25 13:22 in an English browser too. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(uiLanguage.value, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Past imports (open one to see its rows and downloads) and the customers confirmed in the wizard. */
export function HistoryTab({ active = true }: { active?: boolean }) {
  const [imports, setImports] = useState<ImportSummary[]>([]);
  const [remoteError, setRemoteError] = useState('');
  const [customers, setCustomers] = useState<ConfirmedCustomer[]>([]);
  const [openId, setOpenId] = useState<string>();
  // Back from an import's rows: focus returns to the "Show rows" button that opened it.
  const returnTo = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (openId || !returnTo.current) return;
    document.getElementById(`open-import-${returnTo.current}`)?.focus();
    returnTo.current = undefined;
  }, [openId]);

  useEffect(() => {
    let live = true;
    if (!active) return undefined;
    setRemoteError('');
    void (async () => {
      const local = (await importHistoryItem.getValue()).map((entry) => entry.summary);
      if (live) setImports(local);
      try {
        const remote = await currentWorkerClient().listImports();
        if (live) setImports(mergeImports(local, remote));
      } catch (error) {
        if (live) setRemoteError(describeError(error));
      }
    })();
    void confirmedCustomersItem.getValue().then((value) => live && setCustomers(value));
    const unwatch = confirmedCustomersItem.watch((value) => setCustomers(value ?? []));
    return () => {
      live = false;
      unwatch();
    };
  }, [active]);

  if (openId) {
    return (
      <div class="stack">
        <div class="actions"><button type="button" onClick={() => { returnTo.current = openId; setOpenId(undefined); }}>{t('backToHistory')}</button></div>
        <ImportProgressView importId={openId} fileName={imports.find((summary) => summary.id === openId)?.fileName} focusOnOpen />
      </div>
    );
  }

  return (
    <div class="stack">
      <section aria-labelledby="imports-heading" class="stack-tight">
        <h2 id="imports-heading">{t('importsHeading')}</h2>
        {remoteError && <p class="notice error" role="alert">{remoteError}</p>}
        {imports.length === 0 ? (
          <p class="hint">{t('noImportsYet')}</p>
        ) : (
          <ul class="card-list">
            {imports.map((summary) => (
              <li key={summary.id} class="card">
                <div class="card-title">
                  <strong>{summary.fileName}</strong>
                  {summary.dryRun && <span class="badge">{t('dryRunBadge')}</span>}
                </div>
                <div class="hint">
                  {formatTime(summary.createdAt)} · {t(`importState_${summary.state}`)} · {t('rowsDone', finishedRows(summary.counts), summary.total)}
                </div>
                <button type="button" class="link" id={`open-import-${summary.id}`} onClick={() => setOpenId(summary.id)}
                  aria-label={`${t('openImport')}: ${summary.fileName}`}>{t('openImport')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="customers-heading" class="stack-tight">
        <h2 id="customers-heading">{t('confirmedHeading')}</h2>
        {customers.length === 0 ? (
          <p class="hint">{t('noConfirmedYet')}</p>
        ) : (
          <ul class="card-list">
            {customers.map((customer) => (
              <li key={customer.adminUserName} class="card">
                <strong>{customer.domain}</strong>
                <div>{customer.adminUserName}</div>
                <div class="hint">{formatTime(customer.recordedAt)}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
