import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
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
  if (context.cloud !== 'global') return ROW_MESSAGES.mcaSkipped(context.cloud);
  await context.partnerCenter.confirmCustomerAgreement(
    customerId,
    {
      contact: { firstName: mca.first_name, lastName: mca.last_name, email: mca.email, ...(mca.phone ? { phoneNumber: mca.phone } : {}) },
      dateAgreed: agreementTime(mca.date, context.importCreatedAt),
    },
    context.call('agreement'),
  );
  return undefined;
}

/**
 * The date agreed as a UTC time: the row's date at midnight UTC, capped at the import's creation
 * time (docs/contracts/csv-format.md §4: a date that is "today" in UTC+14 may still be tomorrow in UTC). Fixed per
 * import, so a retried call sends the same body and replays.
 */
export function agreementTime(date: string, importCreatedAt: string): string {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const cap = Date.parse(importCreatedAt) - 1000;
  return new Date(Math.min(midnight, cap)).toISOString();
}
