import { useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';

/** A drop target that is also a labelled file input, so keyboard users choose the file the usual way. */
export function FileDropZone({ onFile }: { onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <label for="bulk-csv-file">{t('chooseCsv')}</label>
      <input id="bulk-csv-file" type="file" accept=".csv,.tsv,.txt,text/csv"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
        }} />
      <p class="hint">{t('dropCsvHint')}</p>
    </div>
  );
}
