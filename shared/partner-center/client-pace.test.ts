import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError } from './partner-center-error.ts';
import type { RequestPace } from './request-pace.ts';
import { sampleCustomerRequest, startSandboxClient, TEST_TOKEN, type SandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

/** A budget that counts the grants and their settling, and lets each one go at once. */
function countingPace(): RequestPace & { grants: number; settled: number; pauses: number[] } {
  const pace = {
    grants: 0,
    settled: 0,
    pauses: [] as number[],
    async acquire() {
      pace.grants++;
      return { settled: () => pace.settled++ };
    },
    async throttled(retryAfterMs: number) {
      pace.pauses.push(retryAfterMs);
    },
  };
  return pace;
}

let env: SandboxClient | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('the client and its request budget', () => {
  it('should wait for the budget before every request it sends, the agreement-template lookup included', async () => {
    const pace = countingPace();
    env = await startSandboxClient({}, { pace });
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    await env.client.confirmCustomerAgreement(customer.id, { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2026-01-15' });
    // create + GET agreements (template) + POST agreement
    expect(env.sent.map((sent) => sent.method)).toEqual(['POST', 'GET', 'POST']);
    expect(pace.grants).toBe(env.sent.length);
    expect(pace.settled).toBe(pace.grants);
  });

  it('should report a 429 to the budget with its Retry-After', async () => {
    const pace = countingPace();
    env = await startSandboxClient({ rateLimit: { capacity: 1, refillPerSecond: 0.5 } }, { pace });
    await env.client.checkDomainAvailability('first');
    const error = await env.client.checkDomainAvailability('second').catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('rate_limited');
    expect(pace.pauses).toEqual([2000]);
    // The refused request is over too: its place counts from its answer, like any other's.
    expect(pace.settled).toBe(2);
  });
});

describe('a request that gets no answer', () => {
  it('should hand its place back to the budget once its timeout ends it', async () => {
    const pace = countingPace();
    let settledWhenAborted: number | undefined;
    const client = createPartnerCenterClient({
      cloud: 'global',
      baseUrl: 'https://partner-center.invalid',
      getAccessToken: async () => TEST_TOKEN,
      timeoutMs: 50,
      pace,
      // Never answers: only the call's own timeout ends it.
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            settledWhenAborted = pace.settled;
            reject(init.signal!.reason);
          });
        }),
    });
    const error = await client.checkDomainAvailability('contoso').catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('timeout');
    // Not while the request might still reach Partner Center, and once it is over.
    expect(settledWhenAborted).toBe(0);
    expect([pace.grants, pace.settled]).toEqual([1, 1]);
  });
});

describe('client.checkoutCart', () => {
  it('should refuse a checkout whose answer lists order errors, with the first reason', async () => {
    // Partner Center answers 201 with `orderErrors` for groups it did not order; the sandbox never does.
    const answer = { orders: [], orderErrors: [{ orderGroupId: '0', code: 800002, description: 'The offer is not available for this customer.' }] };
    const client = createPartnerCenterClient({
      cloud: 'global',
      baseUrl: 'https://partner-center.invalid',
      getAccessToken: async () => TEST_TOKEN,
      fetch: async () => new Response(JSON.stringify(answer), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    });
    const error = await client.checkoutCart('customer-1', 'cart-1').catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && [error.errorCode, error.retryable, error.pcCode]).toEqual(['order_rejected', false, 800002]);
    expect((error as Error).message).toBe('The checkout of cart cart-1 refused 1 order group(s): The offer is not available for this customer.');
  });
});
