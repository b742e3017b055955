import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The error body of docs/contracts/partner-center.md §10 / §0.13: `{code, description, data, source}`.
 * `code` is Partner Center's number where §10 gives one, else a string code:
 * `DomainAlreadyExists`, `IdempotencyKeyReused` (§0), `BadInput` (request validation, after the
 * SDK's error category), `NotFound`, `ServiceUnavailable`, `InternalServerError`.
 */
export function errorBody(code: number | string, description: string, data: unknown[] = []) {
  return { code, description, data, source: 'PartnerFD' };
}

export function replyError(
  c: Context,
  status: ContentfulStatusCode,
  code: number | string,
  description: string,
  data: unknown[] = [],
): Response {
  return c.json(errorBody(code, description, data), status);
}
