import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import type { ConfirmedAgreement } from '../../shared/partner-center/partner-center-client.ts';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import { toAgreementDate } from '../../shared/partner-center/to-agreement-date.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';
import { sameText } from './same-text.ts';
import { writeOnce, type FirstAttempt } from './unconfirmed-write.ts';

/** The row's MCA attestation as sent: the signer is what tells it among the customer's agreements. */
type Signer = NonNullable<RowContext['record']['mca']>;

/**
 * Confirms the Microsoft Customer Agreement when the row gives one: global cloud only; elsewhere
 * it is skipped and a note is returned for the row. An attestation that already exists (600061)
 * counts as done: the client answers it, it does not throw. `markStarted` stores the time of the
 * first attestation call before it is sent; a later attempt reads the customer's agreements
 * before sending another (docs/contracts/partner-center.md §0.20).
 */
export async function confirmAgreementStep(context: RowContext, customerId: string, markStarted: () => Promise<FirstAttempt>): Promise<LocalizedMessage | undefined> {
  const { mca } = context.record;
  if (!mca) return undefined;
  if (!resolveCloud(context.cloud).mcaSupported) return ROW_MESSAGES.mcaSkipped(context.cloud);
  const contact = { firstName: mca.first_name, lastName: mca.last_name, email: mca.email, ...(mca.phone ? { phoneNumber: mca.phone } : {}) };
  await writeOnce(context, {
    what: 'agreement',
    customerId,
    attempt: await markStarted(),
    readBack: async () => ((await context.partnerCenter.listCustomerAgreements(customerId, context.call())).some((agreement) => signedBy(agreement, mca)) ? 'confirmed' : undefined),
    write: async () => {
      await context.partnerCenter.confirmCustomerAgreement(customerId, { contact, dateAgreed: toAgreementDate(mca.date, agreementCap(context.importCreatedAt)) }, context.call('agreement'));
      return 'confirmed';
    },
  });
  return undefined;
}

/**
 * The row's own attestation among the customer's agreements: an MCA with the row's signer. The
 * Agreement resource has no creation time (its `dateAgreed` is the customer's acceptance date,
 * which the row gives and which is before the import by construction); the customer is the row's
 * own new one, and Partner Center itself takes the same signer again as the same attestation
 * (600061, §7.2).
 */
function signedBy(agreement: ConfirmedAgreement, signer: Signer): boolean {
  return (
    (agreement.type === undefined || agreement.type.toLowerCase() === 'microsoftcustomeragreement') &&
    sameText(agreement.contact.email, signer.email) &&
    sameText(agreement.contact.firstName, signer.first_name) &&
    sameText(agreement.contact.lastName, signer.last_name)
  );
}

/**
 * The latest date the attestation may carry: a second before the import was created (a row's date
 * that is "today" in UTC+14 may still be tomorrow in UTC, docs/contracts/csv.md §4). Fixed
 * per import, so a retried call sends the same body and replays.
 */
function agreementCap(importCreatedAt: string): Date {
  return new Date(Date.parse(importCreatedAt) - 1000);
}
