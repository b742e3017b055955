import type { CallContext, ListCustomersOptions, ListedCustomer } from '../partner-center-client.ts';
import { PartnerCenterError } from '../partner-center-error.ts';
import { customerPageSchema } from '../response-schemas.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';

const DEFAULT_PAGE_SIZE = 500;
/** A guard against a service that keeps answering the same token: 2 000 pages of 500 is a million customers. */
const MAX_PAGES = 2_000;

/**
 * Every customer of GET /v1/customers (docs/contracts/partner-center.md §11), page by page: the first call
 * sends `size` (and `filter`), the next ones `seekOperation=Next` with the `MS-ContinuationToken`
 * of `links.next` (or the page's `continuationToken`) until a page has none.
 */
export async function listCustomers(core: RequestCore, options: ListCustomersOptions = {}, context: CallContext = {}): Promise<ListedCustomer[]> {
  const size = String(options.pageSize ?? DEFAULT_PAGE_SIZE);
  const filter = options.filter ? JSON.stringify({ Field: options.filter.field, Value: options.filter.value, Operator: 'starts_with' }) : undefined;
  const { requestId: _requestId, ...pageContext } = context;
  const customers: ListedCustomer[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await sendRequest(
      core,
      token === undefined
        ? { method: 'GET', path: '/v1/customers', query: { size, filter }, kind: 'other' }
        : { method: 'GET', path: '/v1/customers', query: { size, seekOperation: 'Next' }, headers: { 'MS-ContinuationToken': token }, kind: 'other' },
      pageContext,
    );
    const body = readAnswer(answer, customerPageSchema);
    for (const item of body.items) {
      customers.push({
        id: item.id,
        domain: item.companyProfile.domain.toLowerCase(),
        ...(item.companyProfile.companyName ?? item.billingProfile?.companyName ? { companyName: (item.companyProfile.companyName ?? item.billingProfile?.companyName)! } : {}),
        ...(item.relationshipToPartner ? { relationshipToPartner: item.relationshipToPartner } : {}),
      });
    }
    const next = body.links?.next?.headers?.find((header) => header.key.toLowerCase() === 'ms-continuationtoken')?.value ?? body.continuationToken ?? undefined;
    if (!next || body.items.length === 0) return customers;
    if (seen.has(next)) {
      throw new PartnerCenterError({ errorCode: 'response_invalid', retryable: false, method: 'GET', url: answer.url, message: `GET ${answer.url} answered the same continuation token twice; stopped paging.` });
    }
    seen.add(next);
    token = next;
  }
  throw new PartnerCenterError({ errorCode: 'response_invalid', retryable: false, method: 'GET', url: `${core.baseUrl}/v1/customers`, message: `GET /v1/customers kept paging past ${MAX_PAGES} pages; stopped.` });
}
