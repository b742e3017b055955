import type { ConfirmationRecord, ConfirmationUnsure } from '../../../shared/form/fill-messages.ts';
import { readConfirmation } from './read-confirmation.ts';

/**
 * What the Confirmation page shows goes to the extension once per page and reading: the admin user
 * name for the history (field by field: never the password, and the history's schema is strict),
 * or — when the name cannot be read for sure — a `confirmation-unsure` message that the side panel
 * shows instead of success. A "Show" pressed later reads again and sends the name.
 */
export function createConfirmationReporter(send: (message: ConfirmationRecord | ConfirmationUnsure) => void): (document: Document) => void {
  let last = '';
  return (document) => {
    const reading = readConfirmation(document);
    const pageUrl = document.location?.href ?? '';
    const key = `${pageUrl}|${reading.sure ? reading.adminUserName : reading.reason}`;
    if (key === last) return;
    last = key;
    send(
      reading.sure
        ? { type: 'confirmation', adminUserName: reading.adminUserName, domain: reading.domain, recordedAt: new Date().toISOString(), pageUrl }
        : { type: 'confirmation-unsure', reason: reading.reason, pageUrl },
    );
  };
}
