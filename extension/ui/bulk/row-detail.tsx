import { useEffect, useRef, useState } from 'preact/hooks';
import type { RowResult } from '../../../shared/imports/import-types.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import type { WorkerClient } from '../worker/worker-client.ts';
import { describeError } from '../components/worker-error-message.ts';

/**
 * What a row's status means for the person: the error to fix, the new admin user (with its
 * password revealed once, on request, kept only on screen), the relationship link to send, or
 * for an orders row the subscriptions it changed (`pc_subscriptions`) or else its plan.
 */
export function RowDetail({ row, importId, client }: { row: RowResult; importId: string; client: WorkerClient }) {
  const [password, setPassword] = useState<string>();
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);
  const language = uiLanguage.value;
  const shown = useRef<HTMLSpanElement>(null);

  // The reveal button disappears once pressed; focus goes to the password it revealed.
  useEffect(() => {
    if (password !== undefined) shown.current?.focus();
  }, [password]);

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // The password stays selectable on screen (user-select: all) when the clipboard is refused.
      setCopied(false);
    }
  }

  async function reveal() {
    setError('');
    try {
      setPassword((await client.revealPassword(importId, row.row)).password);
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <>
      {row.error && <span class="detail-text">{row.error[language]}</span>}
      {row.note && <span class="detail-text">{row.note[language]}</span>}
      {row.subscriptions && <span class="detail-text" data-subscriptions>{t('subscriptionsLine', row.subscriptions)}</span>}
      {/* What an orders row was to change, until it says what it did. */}
      {!row.subscriptions && row.plan && row.plan.length > 0 && (
        <ul class="plan-list">{row.plan.map((change, index) => <li key={index}>{change[language]}</li>)}</ul>
      )}
      {row.adminUser && <span class="detail-text">{row.adminUser}</span>}
      {row.relationshipUrl && (
        <a href={row.relationshipUrl} target="_blank" rel="noreferrer" class="detail-text">{t('relationshipLink')}</a>
      )}
      {row.passwordAvailable && password === undefined && (
        <button type="button" class="link" onClick={reveal} aria-label={t('revealPasswordFor', row.adminUser ?? String(row.row))}>
          {t('revealPassword')}
        </button>
      )}
      {password !== undefined && (
        <span class="detail-text" ref={shown} tabIndex={-1}>
          {t('passwordShownOnce')} <code class="secret">{password}</code>{' '}
          <button type="button" class="link" onClick={() => copy(password)} aria-label={`${t('copyPassword')}: ${row.adminUser ?? row.row}`}>{copied ? t('passwordCopied') : t('copyPassword')}</button>
        </span>
      )}
      {error && <span class="detail-text error-text" role="alert">{error}</span>}
    </>
  );
}
