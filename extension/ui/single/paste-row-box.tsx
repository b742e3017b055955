import { useState } from 'preact/hooks';
import { t } from '../i18n/translate.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';

/** A box to paste a spreadsheet row (tab-separated) or a CSV line, with or without its header. */
export function PasteRowBox({ onLoad }: { onLoad: (draft: CustomerDraft) => void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();

  async function prefill() {
    // The row reader (a CSV parser) loads on first use, not with the panel.
    const { parsePastedRow } = await import('./parse-pasted-row.ts');
    const result = parsePastedRow(text);
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.reason === 'empty' ? t('pasteEmpty') : t('pasteHeaderOnly') });
      return;
    }
    onLoad(result.draft);
    const count = Object.keys(result.draft).length;
    setMessage({ kind: 'success', text: result.withHeader ? t('pasteLoadedWithHeader', count) : t('pasteLoadedNoHeader', count) });
  }

  return (
    <div class="paste-box stack-tight">
      <label for="paste-row">{t('pasteRowLabel')}</label>
      <textarea id="paste-row" rows={3} value={text} aria-describedby="paste-row-hint"
        onInput={(e) => setText(e.currentTarget.value)} />
      <p class="hint" id="paste-row-hint">{t('pasteRowHint')}</p>
      <div class="actions">
        <button type="button" onClick={prefill}>{t('prefillFromPaste')}</button>
      </div>
      {/* The live region is always there, so screen readers announce the message when it appears. */}
      <div role="status" aria-live="polite" class="status-area">
        {message && <p class={`notice ${message.kind}`}>{message.text}</p>}
      </div>
    </div>
  );
}
