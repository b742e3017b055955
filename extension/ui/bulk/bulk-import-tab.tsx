import { useEffect, useRef, useState } from 'preact/hooks';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { CLOUD_NAMES, type CloudName } from '../../../shared/partner-center/clouds.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { readCsvFile, type ReadCsvFile, type UnmappedHeader } from '../csv/read-csv-file.ts';
import { readOrdersCsvFile, type ReadOrdersCsvFile } from '../csv/read-orders-csv-file.ts';
import { currentSettings, currentWorkerClient } from '../state/settings-state.ts';
import { rememberImport } from '../state/import-history.ts';
import { describeError, isSetupNeeded } from '../components/worker-error-message.ts';
import { FileDropZone } from './file-drop-zone.tsx';
import { CSV_ENCODINGS } from '../../../shared/csv/detect-encoding.ts';
import { ImportProgressView } from './import-progress-view.tsx';
import { MappingPreview } from './mapping-preview.tsx';
import { OrdersImport } from './orders-import.tsx';
import { RowErrorsTable } from './row-errors-table.tsx';

/** Detect (empty), or one of the encodings the reader can be told to use (docs/contracts/csv.md §1). */
const ENCODING_CHOICES = ['', ...CSV_ENCODINGS] as const;

/**
 * Bulk import: CSV → mapping → errors → queue to the worker → live progress. An orders file
 * (licences for existing customers) goes through its dry-run plan and a confirmation instead.
 */
export function BulkImportTab({ onOpenImport, onOpenOptions }: { onOpenImport?: (importId: string) => void; onOpenOptions?: () => void }) {
  const [file, setFile] = useState<File>();
  const [encoding, setEncoding] = useState('');
  const [parsed, setParsed] = useState<ReadCsvFile>();
  const [orders, setOrders] = useState<ReadOrdersCsvFile>();
  const [unmapped, setUnmapped] = useState<UnmappedHeader>();
  const [fileError, setFileError] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [cloud, setCloud] = useState<CloudName>('global');
  const [queueing, setQueueing] = useState(false);
  const [queueError, setQueueError] = useState('');
  // No worker URL or token yet: the way to Options is offered beside the message.
  const [setupNeeded, setSetupNeeded] = useState(false);
  const [importId, setImportId] = useState<string>();
  // After "New import" the button is gone: focus goes back to where a new import starts.
  const returnToFile = useRef(false);

  useEffect(() => {
    if (importId || !returnToFile.current) return;
    returnToFile.current = false;
    document.getElementById('bulk-csv-file')?.focus();
  }, [importId]);

  async function read(next: File, options: { encoding?: string; keys?: (CanonicalKey | null)[] }) {
    setFileError('');
    setQueueError('');
    const asOrders = await readOrdersCsvFile(next, { encoding: options.encoding || undefined });
    if (asOrders.kind === 'orders') {
      setParsed(undefined);
      setUnmapped(undefined);
      setOrders(asOrders.ok ? asOrders.file : undefined);
      if (!asOrders.ok) setFileError(asOrders.error.localized[uiLanguage.value]);
      return;
    }
    setOrders(undefined);
    const result = await readCsvFile(next, { encoding: options.encoding || undefined, keys: options.keys });
    if (result.ok) {
      setParsed(result.file);
      setUnmapped(undefined);
    } else {
      setParsed(undefined);
      setUnmapped(result.header);
      setFileError(result.error.localized[uiLanguage.value]);
    }
  }

  function choose(next: File) {
    setFile(next);
    setImportId(undefined);
    void read(next, { encoding });
  }

  async function queue() {
    if (!parsed || !file) return;
    setQueueing(true);
    setQueueError('');
    setSetupNeeded(false);
    try {
      // The file itself goes to the worker, read there by the same reader as the preview with the
      // same encoding and mapping: rows to fix are recorded `invalid` at once and only the valid
      // ones are queued, so the results and failed-rows files cover the file.
      const summary = await currentWorkerClient().createImport({
        file,
        fileName: parsed.fileName,
        keys: parsed.header.keys,
        encoding: parsed.header.encoding,
        dryRun,
        cloud,
      });
      await rememberImport(summary, currentSettings.value.workerUrl);
      setImportId(summary.id);
      onOpenImport?.(summary.id);
    } catch (error) {
      setQueueError(describeError(error));
      setSetupNeeded(isSetupNeeded(error));
    } finally {
      setQueueing(false);
    }
  }

  const validCount = parsed?.rows.filter((row) => row.outcome.ok).length ?? 0;

  if (importId) {
    return (
      <div class="stack">
        <ImportProgressView importId={importId} fileName={parsed?.fileName ?? orders?.fileName} focusOnOpen />
        <div class="actions">
          <button type="button" onClick={() => { returnToFile.current = true; setImportId(undefined); setFile(undefined); setParsed(undefined); setOrders(undefined); }}>
            {t('newImport')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div class="stack">
      <FileDropZone onFile={choose} />
      <div class="field">
        <label for="bulk-encoding">{t('encodingLabel')}</label>
        <select id="bulk-encoding" value={encoding}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setEncoding(next);
            if (file) void read(file, { encoding: next, keys: undefined });
          }}>
          {ENCODING_CHOICES.map((choice) => (
            <option key={choice} value={choice}>{choice === '' ? t('encodingAuto') : choice}</option>
          ))}
        </select>
      </div>
      {fileError && <p class="notice error" role="alert">{fileError}</p>}
      {/* Always present, so the file summary is announced when a file has been read. */}
      <div role="status" aria-live="polite" class="status-area">
        {parsed && file && (
          <p class="summary-line">
            {parsed.rows.length === 1
              ? t('fileSummaryOneRow', parsed.fileName, parsed.header.encoding, delimiterName(parsed.header.delimiter))
              : t('fileSummary', parsed.fileName, parsed.rows.length, parsed.header.encoding, delimiterName(parsed.header.delimiter))}
            {parsed.blankLines > 0 && ` ${t('blankLinesSkipped', parsed.blankLines)}`}
          </p>
        )}
        {orders && file && (
          <p class="summary-line">
            {orders.rows.length === 1
              ? t('fileSummaryOneRow', orders.fileName, orders.encoding, delimiterName(orders.delimiter))
              : t('fileSummary', orders.fileName, orders.rows.length, orders.encoding, delimiterName(orders.delimiter))}
            {orders.blankLines > 0 && ` ${t('blankLinesSkipped', orders.blankLines)}`}
          </p>
        )}
      </div>
      {orders && file && (
        <OrdersImport
          file={file}
          orders={orders}
          onQueued={(id) => { setImportId(id); onOpenImport?.(id); }}
          onOpenOptions={onOpenOptions}
        />
      )}
      {unmapped && file && !parsed && (
        <MappingPreview
          columns={unmapped.columns}
          keys={unmapped.keys}
          sample={undefined}
          onChange={(keys) => void read(file, { encoding, keys })}
        />
      )}
      {parsed && file && (
        <>
          <MappingPreview
            columns={parsed.header.columns}
            keys={parsed.header.keys}
            sample={parsed.rows[0]?.cells}
            onChange={(keys) => void read(file, { encoding, keys })}
          />
          <RowErrorsTable rows={parsed.rows} columns={parsed.header.columns} keys={parsed.header.keys} />
          {parsed.rows.length === 0 ? (
            <div class="actions">
              <button type="button" class="primary" disabled>{t('nothingToQueue')}</button>
            </div>
          ) : (
            <>
              <fieldset class="group">
                <legend>{t('importOptions')}</legend>
                <div class="field checkbox">
                  <input id="bulk-dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
                  <label for="bulk-dry-run">{t('dryRunLabel')}</label>
                </div>
                <div class="field">
                  <label for="bulk-cloud">{t('cloudLabel')}</label>
                  <select id="bulk-cloud" value={cloud} onChange={(e) => setCloud(e.currentTarget.value as CloudName)}>
                    {CLOUD_NAMES.map((name) => <option key={name} value={name}>{t(`cloud_${name}`)}</option>)}
                  </select>
                </div>
              </fieldset>
              <div class="actions">
                <button type="button" class="primary" onClick={queue} disabled={queueing || validCount === 0}>
                  {queueing ? t('queueing') : validCount === 1 ? t('queueOneRow') : t('queueRows', validCount)}
                </button>
              </div>
            </>
          )}
          {validCount < parsed.rows.length && <p class="hint">{t('rowsToFixStayInResults', parsed.rows.length - validCount)}</p>}
          {queueError && (
            <p class="notice error" role="alert">
              {queueError}
              {setupNeeded && onOpenOptions && <> <button type="button" class="link" onClick={onOpenOptions}>{t('openOptions')}</button></>}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function delimiterName(delimiter: ',' | ';' | '\t'): string {
  return delimiter === '\t' ? t('delimiterTab') : delimiter === ';' ? t('delimiterSemicolon') : t('delimiterComma');
}
