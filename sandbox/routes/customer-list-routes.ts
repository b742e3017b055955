import { Buffer } from 'node:buffer';
import { Hono, type Context } from 'hono';
import type { SandboxState, StoredCustomer } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';

/** Page size when the caller gives none, and the largest page served (the documented maximum). */
const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 500;

/** Fields the SDK's CustomerSearchField allows in `filter` (§11). */
const SEARCH_FIELDS = ['CompanyName', 'Domain', 'IndirectReseller', 'IndirectCloudSolutionProvider'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];

interface CustomerFilter {
  field: SearchField;
  value: string;
}

/** What a continuation token carries: where the next page starts, its size and the filter. */
interface PageCursor {
  offset: number;
  size: number;
  filter?: CustomerFilter;
}

/**
 * `GET /v1/customers?size={n}[&filter=…]` and its next pages, `?seekOperation=Next` with the
 * `MS-ContinuationToken` header (docs/contracts/partner-center.md §11). Customers come in creation order,
 * without credentials; `links.next` (and `continuationToken`) appear while more remain.
 */
export function createCustomerListRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/customers', (c) => {
    const cursor = readCursor(c);
    if (cursor instanceof Response) return cursor;
    const matching = [...state.customers.values()].filter((customer) => matchesFilter(customer, cursor.filter));
    const page = matching.slice(cursor.offset, cursor.offset + cursor.size);
    const nextOffset = cursor.offset + page.length;
    const self = { uri: `/customers?size=${cursor.size}`, method: 'GET', headers: [] };
    const links: Record<string, unknown> = { self };
    let continuationToken: string | undefined;
    if (nextOffset < matching.length && page.length > 0) {
      continuationToken = encodeCursor({ ...cursor, offset: nextOffset });
      links.next = {
        uri: `/customers?size=${cursor.size}&seekOperation=Next`,
        method: 'GET',
        headers: [{ key: 'MS-ContinuationToken', value: continuationToken }],
      };
    }
    return c.json({
      totalCount: page.length,
      items: page.map((customer) => ({ ...customer.resource, relationshipToPartner: 'reseller' })),
      links,
      ...(continuationToken ? { continuationToken } : {}),
      attributes: { objectType: 'Collection' },
    });
  });
  return routes;
}

function readCursor(c: Context<SandboxEnv>): PageCursor | Response {
  const sizeText = c.req.query('size');
  let size: number | undefined;
  if (sizeText !== undefined && sizeText !== '') {
    size = Number(sizeText);
    if (!Number.isInteger(size) || size < 1) {
      return replyError(c, 400, 'BadInput', `The query parameter size must be a whole number of at least 1 (got "${sizeText}").`);
    }
    size = Math.min(size, MAX_PAGE_SIZE);
  }
  if ((c.req.query('seekOperation') ?? '').toLowerCase() === 'next') {
    const token = c.req.header('MS-ContinuationToken') ?? c.req.query('continuationToken');
    if (!token) {
      return replyError(c, 400, 'BadInput', 'seekOperation=Next needs the MS-ContinuationToken header from links.next of the previous page.');
    }
    const cursor = decodeCursor(token);
    if (!cursor) return replyError(c, 400, 'BadInput', 'The MS-ContinuationToken is not one this sandbox issued; start again without seekOperation.');
    return size === undefined ? cursor : { ...cursor, size };
  }
  const filter = readFilter(c.req.query('filter'));
  if (filter instanceof Error) return replyError(c, 400, 'BadInput', filter.message);
  return { offset: 0, size: size ?? DEFAULT_PAGE_SIZE, ...(filter ? { filter } : {}) };
}

/** `filter` is URL-encoded JSON like `{"Field":"Domain","Value":"contoso","Operator":"starts_with"}`. */
function readFilter(raw: string | undefined): CustomerFilter | undefined | Error {
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return new Error('The query parameter filter must be JSON such as {"Field":"Domain","Value":"contoso","Operator":"starts_with"}.');
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const fieldName = String(record.Field ?? record.field ?? '');
  const field = SEARCH_FIELDS.find((name) => name.toLowerCase() === fieldName.toLowerCase());
  const value = record.Value ?? record.value;
  const operator = String(record.Operator ?? record.operator ?? 'starts_with').toLowerCase();
  if (!field) return new Error(`filter.Field must be one of ${SEARCH_FIELDS.join(', ')} (got "${fieldName}").`);
  if (typeof value !== 'string' || value === '') return new Error('filter.Value must be a non-empty string.');
  if (operator !== 'starts_with') return new Error(`filter.Operator must be starts_with (got "${operator}").`);
  return { field, value };
}

function matchesFilter(customer: StoredCustomer, filter: CustomerFilter | undefined): boolean {
  if (!filter) return true;
  const companyName = (customer.resource.billingProfile as { companyName: string }).companyName;
  const candidate = {
    CompanyName: companyName,
    Domain: customer.domain,
    IndirectReseller: customer.associatedPartnerId ?? '',
    IndirectCloudSolutionProvider: '',
  }[filter.field];
  return candidate.toLowerCase().startsWith(filter.value.toLowerCase());
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): PageCursor | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageCursor;
    if (!Number.isInteger(cursor.offset) || cursor.offset < 0 || !Number.isInteger(cursor.size) || cursor.size < 1) return undefined;
    if (cursor.filter && (!SEARCH_FIELDS.includes(cursor.filter.field) || typeof cursor.filter.value !== 'string')) return undefined;
    return cursor;
  } catch {
    return undefined;
  }
}
