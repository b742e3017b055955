import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { t } from '../i18n/translate.ts';
import { confirmedCustomersItem, type ConfirmedCustomer } from '../state/confirmed-customers.ts';
import { importHistoryItem } from '../state/import-history.ts';
import { currentWorkerClient } from '../state/settings-state.ts';
import { describeError, isSetupNeeded } from '../components/worker-error-message.ts';
import { ImportProgressView } from '../bulk/import-progress-view.tsx';
import { formatTime } from '../i18n/format-time.ts';
import { ImportCard } from './import-card.tsx';

/** Imports shown at first, and added by each "Show older imports". */
const IMPORTS_PAGE = 20;

/** Merges the imports this browser queued with the worker's list; the worker's copy is fresher. */
function mergeImports(local: ImportSummary[], remote: ImportSummary[]): ImportSummary[] {
  const byId = new Map(local.map((summary) => [summary.id, summary]));
  for (const summary of remote) byId.set(summary.id, summary);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

type RemoteProblem = { kind: 'setup' | 'error'; message: string } | undefined;

/** Past imports (the latest first; open one to see its rows and downloads) and the customers confirmed in the wizard. */
export function HistoryTab({ active = true, onOpenOptions }: { active?: boolean; onOpenOptions?: () => void }) {
  const [imports, setImports] = useState<ImportSummary[]>([]);
  const [shown, setShown] = useState(IMPORTS_PAGE);
  // The worker had more than it sent: the count of older imports is not known.
  const [remoteHasMore, setRemoteHasMore] = useState(false);
  const [remoteProblem, setRemoteProblem] = useState<RemoteProblem>();
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
    void (async () => {
      const local = (await importHistoryItem.getValue()).map((entry) => entry.summary);
      if (live) setImports((old) => mergeImports(local, old));
      try {
        // One more than shown tells whether older imports exist on the worker.
        const remote = await currentWorkerClient().listImports({ limit: shown + 1 });
        if (!live) return;
        setRemoteProblem(undefined);
        setRemoteHasMore(remote.length > shown);
        setImports(mergeImports(local, remote));
      } catch (error) {
        // A new user has set nothing yet: that is a step to take, not a refusal.
        if (live) setRemoteProblem({ kind: isSetupNeeded(error) ? 'setup' : 'error', message: describeError(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [active, shown]);

  useEffect(() => {
    if (!active) return undefined;
    let live = true;
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

  const visible = imports.slice(0, shown);
  const olderKnown = imports.length - visible.length;
  return (
    <div class="stack">
      <section aria-labelledby="imports-heading" class="stack-tight">
        <h2 id="imports-heading">{t('importsHeading')}</h2>
        {remoteProblem?.kind === 'setup' && (
          <p class="notice" role="status">
            {remoteProblem.message}
            {onOpenOptions && <> <button type="button" class="link" onClick={onOpenOptions}>{t('openOptions')}</button></>}
          </p>
        )}
        {remoteProblem?.kind === 'error' && <p class="notice error" role="alert">{remoteProblem.message}</p>}
        {imports.length === 0 ? (
          <p class="hint">{t('noImportsYet')}</p>
        ) : (
          <ul class="card-list">
            {visible.map((summary) => <ImportCard key={summary.id} summary={summary} onOpen={setOpenId} />)}
          </ul>
        )}
        {(olderKnown > 0 || remoteHasMore) && (
          <div class="actions">
            <span class="hint">{t('importsShownOf', visible.length)}</span>
            <button type="button" onClick={() => setShown((old) => old + IMPORTS_PAGE)}>
              {remoteHasMore ? t('showOlderImportsUnknown') : t('showOlderImports', olderKnown)}
            </button>
          </div>
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
