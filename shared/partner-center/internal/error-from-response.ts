import type { ErrorCode } from '../../errors/error-codes.ts';
import type { CanonicalKey } from '../../customer/canonical-keys.ts';
import { PartnerCenterError } from '../partner-center-error.ts';
import { DEFAULT_RETRY_AFTER_MS, ThrottledError } from '../throttled-error.ts';

/** Which kind of call failed: decides the code of a plain 4xx refusal. */
export type CallKind = 'customer' | 'agreement' | 'order' | 'other';

const REFUSAL_CODE: Record<CallKind, ErrorCode> = {
  customer: 'request_rejected',
  agreement: 'agreement_rejected',
  order: 'order_rejected',
  other: 'request_rejected',
};

/** Partner Center codes that point at one column of the row (docs/contracts/partner-center.md §6, §10). */
const DATA_ERRORS: Record<string, { errorCode: ErrorCode; field: CanonicalKey }> = {
  '600049': { errorCode: 'required', field: 'organization_registration_number' },
  '600050': { errorCode: 'invalid_registration_number', field: 'organization_registration_number' },
  '600051': { errorCode: 'required', field: 'contact_phone' },
};

/** Conflicts that clear by themselves: order in progress, cart being processed (§10). */
const TRANSIENT_CONFLICTS = new Set(['800060', '800064']);

/** Reads both error body shapes (§10 `{code, description}` and §7's newer one) and the 429 body. */
export function readErrorBody(body: unknown): { pcCode?: number | string; pcMessage?: string; isRetryable?: boolean } {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const code = record.code ?? record.errorName ?? record.statusCode;
  const message = [record.description, record.message, record.errorMessage].find((item) => typeof item === 'string' && item !== '');
  return {
    ...(typeof code === 'number' || typeof code === 'string' ? { pcCode: code } : {}),
    ...(typeof message === 'string' ? { pcMessage: message } : {}),
    ...(typeof record.isRetryable === 'boolean' ? { isRetryable: record.isRetryable } : {}),
  };
}

/** `Retry-After` as whole seconds or an HTTP date; else the "Try again in N seconds" of the body. */
export function parseRetryAfterMs(header: string | null, pcMessage: string | undefined, now = Date.now()): number {
  if (header) {
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const inMessage = pcMessage && /try again in (\d+) second/i.exec(pcMessage);
  if (inMessage) return Number(inMessage[1]) * 1000;
  return DEFAULT_RETRY_AFTER_MS;
}

/**
 * Maps a non-success answer to a typed error (docs/contracts/partner-center.md §10, §0.2, §0.13):
 * 409 DomainAlreadyExists → domain_taken; 401 → unauthorized; 403 → forbidden; 412 → subscription_changed; 429 → rate_limited
 * with retryAfterMs; 408/5xx → retryable upstream_error/timeout; other 4xx → a refusal code
 * by call kind (request/agreement/order_rejected) or a data code naming the column.
 */
export function errorFromResponse(options: {
  method: string;
  url: string;
  status: number;
  body: unknown;
  retryAfter: string | null;
  kind: CallKind;
}): PartnerCenterError {
  const { method, url, status, kind } = options;
  const { pcCode, pcMessage, isRetryable } = readErrorBody(options.body);
  if (status === 429) {
    return new ThrottledError({ method, url, retryAfterMs: parseRetryAfterMs(options.retryAfter, pcMessage), ...(pcMessage ? { pcMessage } : {}) });
  }
  const code = pcCode === undefined ? undefined : String(pcCode);
  let errorCode: ErrorCode;
  let retryable = false;
  let field: CanonicalKey | undefined;
  if (status === 409 && code === 'DomainAlreadyExists') {
    errorCode = 'domain_taken';
  } else if (status === 401) {
    errorCode = 'unauthorized';
  } else if (status === 403) {
    errorCode = 'forbidden';
  } else if (status === 412) {
    // A stale etag (§0.19): the caller reads the subscription again and decides anew.
    errorCode = 'subscription_changed';
    retryable = true;
  } else if (status === 408) {
    errorCode = 'timeout';
    retryable = true;
  } else if (status >= 500) {
    errorCode = 'upstream_error';
    retryable = true;
  } else if (code !== undefined && DATA_ERRORS[code]) {
    ({ errorCode, field } = DATA_ERRORS[code]);
  } else {
    errorCode = REFUSAL_CODE[kind];
    retryable = status === 409 && code !== undefined && TRANSIENT_CONFLICTS.has(code);
  }
  if (isRetryable === true && errorCode !== 'domain_taken') retryable = true;
  const said = pcMessage ? `: ${pcCode === undefined ? '' : `${pcCode} `}${pcMessage}` : pcCode === undefined ? '' : `: ${pcCode}`;
  return new PartnerCenterError({
    errorCode,
    retryable,
    status,
    method,
    url,
    ...(pcCode === undefined ? {} : { pcCode }),
    ...(pcMessage === undefined ? {} : { pcMessage }),
    ...(field ? { field } : {}),
    message: `${method} ${url} failed with ${status}${said}`,
  });
}
