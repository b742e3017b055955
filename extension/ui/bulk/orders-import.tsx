import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportSummary, RowResult } from '../../../shared/imports/import-types.ts';
import { CLOUD_NAMES, type CloudName } from '../../../shared/partner-center/clouds.ts';
import type { ReadOrdersCsvFile } from '../csv/read-orders-csv-file.ts';
import { describeError, isSetupNeeded } from '../components/worker-error-message.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/translate.ts';
import { rememberImport } from '../state/import-history.ts';
import { currentSettings, currentWorkerClient } from '../state/settings-state.ts';
import type { WorkerClient } from '../worker/worker-client.ts';
import { LicencePlanView } from './licence-plan-view.tsx';
import { OrdersMappingPreview } from './orders-mapping-preview.tsx';
import { useImportProgress } from './use-import-progress.ts';

export interface OrdersImportProps {
  file: Blob;
  orders: ReadOrdersCsvFile;
  /** The real import was queued: show its progress. */
  onQueued: (importId: string) => void;
  onOpenOptions?: () => void;
}

/**
 * An orders file (docs/contracts/csv.md §6) in the bulk tab: a dry run first, its plan per row,
 * and only then, when the person confirms, the import that changes subscriptions. When the same
 * file was applied before, it asks again, naming that import, and only then sends `again`.
 */
export function OrdersImport({ file, orders, onQueued, onOpenOptions }: OrdersImportProps) {
  const client = useMemo(() => currentWorkerClient(), [currentSettings.value]);
  const [cloud, setCloud] = useState<CloudName>('global');
  const [dryRunId, setDryRunId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [setupNeeded, setSetupNeeded] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // Another file (or encoding) read: its plan starts over.
  useEffect(() => {
    setDryRunId(undefined);
    setCancelled(false);
    setError('');
  }, [orders]);
  const customerColumn = orders.keys.indexOf('customer');
  const validCount = orders.rows.filter((row) => row.outcome.ok).length;

  async function upload(options: { dryRun: boolean; again?: boolean }): Promise<ImportSummary | undefined> {
    setBusy(true);
    setError('');
    setSetupNeeded(false);
    try {
      // The encoding the preview read it with, so the worker reads the same text.
      const summary = await client.createImport({ file, fileName: orders.fileName, encoding: orders.encoding, ...options, cloud });
      await rememberImport(summary, currentSettings.value.workerUrl);
      return summary;
    } catch (cause) {
      setError(describeError(cause));
      setSetupNeeded(isSetupNeeded(cause));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function checkPlan() {
    setCancelled(false);
    const summary = await upload({ dryRun: true });
    if (summary) setDryRunId(summary.id);
  }

  async function apply(again: boolean) {
    const summary = await upload({ dryRun: false, again });
    if (summary) onQueued(summary.id);
  }

  return (
    <div class="stack">
      <OrdersMappingPreview columns={orders.columns} keys={orders.keys} sample={orders.rows[0]?.cells} />
      {dryRunId ? (
        <DryRunPlan
          client={client}
          importId={dryRunId}
          busy={busy}
          customerOf={(row) => (customerColumn < 0 ? undefined : orders.rows[row - 1]?.cells[customerColumn]?.trim())}
          onApply={(again) => void apply(again)}
          onCancel={() => { setDryRunId(undefined); setCancelled(true); }}
        />
      ) : (
        <>
          <fieldset class="group">
            <legend>{t('importOptions')}</legend>
            <div class="field">
              <label for="orders-cloud">{t('cloudLabel')}</label>
              <select id="orders-cloud" value={cloud} onChange={(e) => setCloud(e.currentTarget.value as CloudName)}>
                {CLOUD_NAMES.map((name) => <option key={name} value={name}>{t(`cloud_${name}`)}</option>)}
              </select>
            </div>
          </fieldset>
          {orders.rows.length === 0 && <p class="notice error" role="alert">{t('fileHasNoDataRows')}</p>}
          {validCount < orders.rows.length && <p class="hint">{t('orderRowsToFix', orders.rows.length - validCount)}</p>}
          <div class="actions">
            <button type="button" class="primary" onClick={checkPlan} disabled={busy || validCount === 0}>
              {busy ? t('checkingPlan') : t('checkPlan')}
            </button>
          </div>
          {cancelled && <p class="notice" role="status">{t('nothingChanged')}</p>}
        </>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
          {setupNeeded && onOpenOptions && <> <button type="button" class="link" onClick={onOpenOptions}>{t('openOptions')}</button></>}
        </p>
      )}
    </div>
  );
}

interface DryRunPlanProps {
  client: WorkerClient;
  importId: string;
  busy: boolean;
  customerOf: (row: number) => string | undefined;
  onApply: (again: boolean) => void;
  onCancel: () => void;
}

/** Follows the dry run until every row has its plan, then asks before anything is changed. */
function DryRunPlan({ client, importId, busy, customerOf, onApply, onCancel }: DryRunPlanProps) {
  const progress = useImportProgress(client, importId);
  // 'apply': "Apply these changes?"; 'again': the same file was applied before, asked once more.
  const [question, setQuestion] = useState<'apply' | 'again'>('apply');
  const heading = useRef<HTMLHeadingElement>(null);
  const againQuestion = useRef<HTMLParagraphElement>(null);
  const rows = [...progress.rows.values()].sort((a, b) => a.row - b.row);
  const earlier = progress.summary?.earlierImport;
  const applicable = rows.filter((row) => appliesOnConfirm(row, earlier !== undefined)).length;

  // The plan replaced the button the person pressed: focus goes to its heading, then to the second question.
  useEffect(() => {
    if (progress.drained) heading.current?.focus();
  }, [progress.drained]);
  useEffect(() => {
    if (question === 'again') againQuestion.current?.focus();
  }, [question]);

  if (!progress.drained) {
    return (
      <section class="stack" aria-busy="true">
        <p role="status">{t('checkingPlanRows', rows.filter((row) => row.status !== 'pending').length, progress.summary?.total ?? 0)}</p>
        {progress.error && <p class="notice error" role="alert">{progress.error}</p>}
        <div class="actions"><button type="button" onClick={onCancel}>{t('cancelChanges')}</button></div>
      </section>
    );
  }

  return (
    <section class="stack" aria-labelledby="licence-plan-heading">
      <h3 id="licence-plan-heading" ref={heading} tabIndex={-1}>{t('planHeading')}</h3>
      <LicencePlanView rows={rows} customerOf={customerOf} headingId="licence-plan-heading" />
      {applicable === 0 ? (
        <>
          <p class="notice error" role="alert">{t('nothingToApply')}</p>
          <div class="actions"><button type="button" onClick={onCancel}>{t('chooseAnotherFile')}</button></div>
        </>
      ) : question === 'apply' || !earlier ? (
        <div class="confirm" role="group" aria-labelledby="apply-question">
          <p id="apply-question"><strong>{applicable === 1 ? t('applyChangesQuestionOne') : t('applyChangesQuestion', applicable)}</strong></p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => (earlier ? setQuestion('again') : onApply(false))}>{t('applyChanges')}</button>
            <button type="button" disabled={busy} onClick={onCancel}>{t('cancelChanges')}</button>
          </div>
        </div>
      ) : (
        <div class="confirm" role="group" aria-labelledby="apply-again-question">
          <p id="apply-again-question" class="notice warning" ref={againQuestion} tabIndex={-1}>
            {earlier.queuedBy
              ? t('alreadyAppliedQuestion', earlier.id, formatTime(earlier.createdAt), earlier.queuedBy)
              : t('alreadyAppliedQuestionNoName', earlier.id, formatTime(earlier.createdAt))}
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => onApply(true)}>{t('applyAgain')}</button>
            <button type="button" disabled={busy} onClick={onCancel}>{t('cancelChanges')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * A row the real import will apply: `ready` in the dry run, or — when the file was applied
 * before and the person applies it again — `skipped` for that reason, with its plan.
 */
function appliesOnConfirm(row: RowResult, appliedBefore: boolean): boolean {
  if (row.status === 'ready') return true;
  return appliedBefore && row.status === 'skipped' && (row.plan?.length ?? 0) > 0;
}
