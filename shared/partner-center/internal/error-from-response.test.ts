import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfterMs, readErrorBody } from './error-from-response.ts';

const at = { method: 'POST', url: 'https://api.partnercenter.microsoft.com/v1/customers', retryAfter: null };

describe('errorFromResponse', () => {
  it.each([
    [409, { code: 'DomainAlreadyExists', description: 'taken' }, 'customer', 'domain_taken', false],
    [401, { code: 400, description: 'denied' }, 'customer', 'unauthorized', false],
    [403, { code: 600006, description: 'not allowed' }, 'customer', 'forbidden', false],
    [408, {}, 'other', 'timeout', true],
    [500, { code: 'InternalServerError', description: 'boom' }, 'order', 'upstream_error', true],
    [503, undefined, 'customer', 'upstream_error', true],
    [400, { code: 800009, description: 'cart items' }, 'order', 'order_rejected', false],
    [409, { code: 800064, description: 'cart being processed' }, 'order', 'order_rejected', true],
    [400, { code: 600002, description: 'date in future' }, 'agreement', 'agreement_rejected', false],
    [400, { code: 'BadInput', description: 'bad' }, 'customer', 'request_rejected', false],
    [404, { code: 'NotFound', description: 'no customer' }, 'order', 'order_rejected', false],
    [409, { code: 'IdempotencyKeyReused', description: 'reused' }, 'customer', 'request_rejected', false],
  ] as const)('should map %i %j on a %s call to %s (retryable %s)', (status, body, kind, errorCode, retryable) => {
    const error = errorFromResponse({ ...at, status, body, kind });
    expect(error).toMatchObject({ errorCode, retryable, status });
    expect(error.message).toMatch(new RegExp(`^POST ${at.url.replace(/[.?]/g, '\\$&')} failed with ${status}`));
  });

  it('should say what Partner Center said in the message', () => {
    const error = errorFromResponse({ ...at, status: 400, body: { code: 600050, description: 'The organization registration number should be of the format X.' }, kind: 'customer' });
    expect(error.message).toBe(`POST ${at.url} failed with 400: 600050 The organization registration number should be of the format X.`);
    expect(error).toMatchObject({ errorCode: 'invalid_registration_number', field: 'organization_registration_number', pcCode: 600050 });
  });
});

describe('readErrorBody', () => {
  it('should read the §10 shape, the newer §7 shape and the throttling body', () => {
    expect(readErrorBody({ code: 2007, description: 'd', data: [], source: 'PartnerFD' })).toEqual({ pcCode: 2007, pcMessage: 'd' });
    expect(readErrorBody({ code: 600061, message: 'm', description: 'd2', errorName: 'X', isRetryable: false })).toEqual({ pcCode: 600061, pcMessage: 'd2', isRetryable: false });
    expect(readErrorBody({ errorName: 'Throttled', message: 'm' })).toEqual({ pcCode: 'Throttled', pcMessage: 'm' });
    expect(readErrorBody({ statusCode: 429, message: 'Rate limit is exceeded.' })).toEqual({ pcCode: 429, pcMessage: 'Rate limit is exceeded.' });
    expect(readErrorBody('<html>')).toEqual({});
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-25T12:00:00Z'); // a fixed reference, the project's working day
  it.each([
    ['7', undefined, 7000],
    ['0', undefined, 0],
    ['Wed, 25 Nov 2026 12:00:30 GMT', undefined, 30_000],
    [null, 'Rate limit is exceeded. Try again in 57 seconds.', 57_000],
    [null, undefined, 60_000],
    ['soon', undefined, 60_000],
  ])('should read Retry-After %j (body %j) as %i ms', (header, message, expected) => {
    expect(parseRetryAfterMs(header, message, now)).toBe(expected);
  });
});
