import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ConfirmationRecord, ConfirmationUnsure } from '../../../shared/form/fill-messages.ts';
import { t } from '../i18n/translate.ts';
import { confirmedCustomersItem, type ConfirmedCustomer } from '../state/confirmed-customers.ts';
import { loadMessageSchemas } from './send-to-wizard.ts';

/** The last word from the wizard's Confirmation page: its admin user read (then saved by the background), or why it could not be. */
type ConfirmationNotice =
  | { kind: 'read'; adminUserName: string; recordedAt: string }
  | { kind: 'recorded'; adminUserName: string }
  | { kind: 'unsure'; reason: ConfirmationUnsure['reason'] };

/**
 * Follows what the content script says about the Confirmation page (runtime messages, also heard by
 * the background, which keeps the history): `confirmation` when it read the admin user name,
 * `confirmation-unsure` when it recognised the page but could not read it for sure.
 */
function useConfirmationNotice(): ConfirmationNotice | null {
  const [notice, setNotice] = useState<ConfirmationNotice | null>(null);
  useEffect(() => {
    let live = true;
    function listen(message: unknown) {
      const type = (message as { type?: unknown } | null)?.type;
      if (type !== 'confirmation' && type !== 'confirmation-unsure') return undefined;
      void loadMessageSchemas().then(({ confirmationRecordSchema, confirmationUnsureSchema }) => {
        if (!live) return;
        const recorded = confirmationRecordSchema.safeParse(message);
        if (recorded.success) setNotice(toNotice(recorded.data));
        const unsure = confirmationUnsureSchema.safeParse(message);
        if (unsure.success) setNotice(toNotice(unsure.data));
      });
      // The background answers `confirmation`; this page only listens.
      return undefined;
    }
    browser.runtime.onMessage.addListener(listen);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listen);
    };
  }, []);
  useEffect(() => {
    if (notice?.kind !== 'read') return undefined;
    // "In History" only once the history holds this very record (the background saves it).
    const { adminUserName, recordedAt } = notice;
    const check = (history: ConfirmedCustomer[] | null): void => {
      if (history?.some((item) => item.adminUserName === adminUserName && item.recordedAt === recordedAt)) {
        setNotice((current) => (current === notice ? { kind: 'recorded', adminUserName } : current));
      }
    };
    const unwatch = confirmedCustomersItem.watch(check);
    void confirmedCustomersItem.getValue().then(check);
    return unwatch;
  }, [notice]);
  return notice;
}

function toNotice(message: ConfirmationRecord | ConfirmationUnsure): ConfirmationNotice {
  return message.type === 'confirmation' ? { kind: 'read', adminUserName: message.adminUserName, recordedAt: message.recordedAt } : { kind: 'unsure', reason: message.reason };
}

/**
 * A banner for the wizard's last page: success only when the admin user name was read where a
 * person reads it and the history holds it; otherwise what the extension could not read and what
 * to do. Never the password (the content script never reads it).
 */
export function ConfirmationBanner() {
  const notice = useConfirmationNotice();
  if (!notice) return null;
  if (notice.kind === 'read') return <p class="notice" role="status">{t('confirmationSaving', notice.adminUserName)}</p>;
  if (notice.kind === 'recorded') return <p class="notice success" role="status">{t('confirmationRecorded', notice.adminUserName)}</p>;
  return (
    <p class="notice warning confirmation-unsure" role="alert">
      {t(notice.reason === 'user-hidden' ? 'confirmationUnsureHidden' : 'confirmationUnsureNoUser')}
    </p>
  );
}
