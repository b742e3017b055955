import type { CallContext, ConfirmedAgreement } from '../partner-center-client.ts';
import { customerAgreementsSchema } from '../response-schemas.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';

/**
 * GET /v1/customers/{id}/agreements?agreementType=MicrosoftCustomerAgreement
 * (docs/contracts/partner-center.md §0.20): the customer's partner-confirmed MCAs with their
 * signer and date, how a lost attestation answer is read back. A read: no MS-RequestId of a write.
 */
export async function listCustomerAgreements(core: RequestCore, customerId: string, context: CallContext = {}): Promise<ConfirmedAgreement[]> {
  const { requestId: _requestId, ...readContext } = context;
  const answer = await sendRequest(
    core,
    { method: 'GET', path: `/v1/customers/${encodeURIComponent(customerId)}/agreements`, query: { agreementType: 'MicrosoftCustomerAgreement' }, kind: 'agreement' },
    readContext,
  );
  return readAnswer(answer, customerAgreementsSchema).items.map((item) => ({
    ...(item.type ? { type: item.type } : {}),
    templateId: item.templateId,
    dateAgreed: item.dateAgreed,
    contact: {
      ...(item.primaryContact?.firstName ? { firstName: item.primaryContact.firstName } : {}),
      ...(item.primaryContact?.lastName ? { lastName: item.primaryContact.lastName } : {}),
      ...(item.primaryContact?.email ? { email: item.primaryContact.email } : {}),
    },
  }));
}
