import { useState } from 'preact/hooks';
import type { CsvRow } from '../../../shared/csv/csv-row.ts';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { draftFromCells, type CustomerDraft } from '../state/customer-draft.ts';

export interface CsvRowStepperProps {
  onLoad: (draft: CustomerDraft) => void;
}

/** Opens a CSV and loads its rows into the form one after another (Previous / Next row). */
export function CsvRowStepper({ onLoad }: CsvRowStepperProps) {
  const [rows, setRows] = useState<CsvRow[]>([]);
  const [keys, setKeys] = useState<(CanonicalKey | null)[]>([]);
  const [index, setIndex] = useState(0);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState('');

  async function open(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setError('');
    // The CSV reader loads when a file is opened: most people type or paste one customer.
    const { readCsvFile } = await import('../csv/read-csv-file.ts');
    const result = await readCsvFile(file);
    if (!result.ok) {
      setRows([]);
      setError(result.error.localized[uiLanguage.value]);
      return;
    }
    setFileName(result.file.fileName);
    setKeys(result.file.header.keys);
    setRows(result.file.rows);
    setIndex(0);
    const first = result.file.rows[0];
    if (first) onLoad(draftFromCells(result.file.header.keys, first.cells));
  }

  function go(next: number) {
    const row = rows[next];
    if (!row) return;
    setIndex(next);
    onLoad(draftFromCells(keys, row.cells));
  }

  const row = rows[index];
  return (
    <div class="csv-stepper stack-tight">
      <label for="single-csv-file">{t('openCsvRows')}</label>
      <input id="single-csv-file" type="file" accept=".csv,.tsv,.txt,text/csv" onChange={open} />
      {error && <p class="notice error" role="alert">{error}</p>}
      {row && (
        <div class="actions" role="group" aria-label={t('csvRowNavigation')}>
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>{t('previousRow')}</button>
          <span role="status" aria-live="polite">{t('rowOfRows', row.row, rows.length, fileName)}</span>
          <button type="button" onClick={() => go(index + 1)} disabled={index >= rows.length - 1}>{t('nextRow')}</button>
        </div>
      )}
    </div>
  );
}
