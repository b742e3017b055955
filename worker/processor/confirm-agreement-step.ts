import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import { toAgreementDate } from '../../shared/partner-center/to-agreement-date.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';

/**
 * Confirms the Microsoft Customer Agreement when the row gives one: global cloud only; elsewhere
 * it is skipped and a note is returned for the row. An attestation that already exists (600061)
 * counts as done: the client answers it, it does not throw.
 */
export async function confirmAgreementStep(context: RowContext, customerId: string): Promise<LocalizedMessage | undefined> {
  const { mca } = context.record;
  if (!mca) return undefined;
  if (!resolveCloud(context.cloud).mcaSupported) return ROW_MESSAGES.mcaSkipped(context.cloud);
  await context.partnerCenter.confirmCustomerAgreement(
    customerId,
    {
      contact: { firstName: mca.first_name, lastName: mca.last_name, email: mca.email, ...(mca.phone ? { phoneNumber: mca.phone } : {}) },
      dateAgreed: toAgreementDate(mca.date, agreementCap(context.importCreatedAt)),
    },
    context.call('agreement'),
  );
  return undefined;
}

/**
 * The latest date the attestation may carry: a second before the import was created (a row's date
 * that is "today" in UTC+14 may still be tomorrow in UTC, docs/contracts/csv.md §4). Fixed
 * per import, so a retried call sends the same body and replays.
 */
function agreementCap(importCreatedAt: string): Date {
  return new Date(Date.parse(importCreatedAt) - 1000);
}
