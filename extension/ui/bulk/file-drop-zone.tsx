import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';

/** A drop target that is also a labelled file input, so keyboard users choose the file the usual way. */
export function FileDropZone({ onFile }: { onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  const zone = useRef<HTMLDivElement>(null);
  const latestOnFile = useRef(onFile);
  latestOnFile.current = onFile;

  // Plain DOM listeners: Preact picks the event name from `on<name>` properties, which some DOMs
  // (happy-dom) lack for drag events.
  useEffect(() => {
    const element = zone.current;
    if (!element) return undefined;
    const abort = new AbortController();
    const options = { signal: abort.signal };
    element.addEventListener('dragover', (event) => { event.preventDefault(); setOver(true); }, options);
    element.addEventListener('dragleave', () => setOver(false), options);
    element.addEventListener('drop', (event) => {
      event.preventDefault();
      setOver(false);
      const file = (event as DragEvent).dataTransfer?.files[0];
      if (file) latestOnFile.current(file);
    }, options);
    return () => abort.abort();
  }, []);

  return (
    <div class={`drop-zone${over ? ' over' : ''}`} ref={zone}>
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
