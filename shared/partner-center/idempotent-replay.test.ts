import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest, startSandboxClient, type SandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

let env: SandboxClient | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function setFaults(faults: Record<string, unknown>) {
  const response = await fetch(`${env!.sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(faults), headers: { 'Content-Type': 'application/json' } });
  expect(response.status).toBe(200);
}

async function stats() {
  return (await (await fetch(`${env!.sandbox.url}/_sandbox/stats`)).json()) as {
    creationsPerDomain: Record<string, number>;
    callsPerEndpoint: Record<string, number>;
    customers: { id: string; domain: string; orders: string[] }[];
  };
}

describe('lost responses and MS-RequestId replay (docs/contracts/partner-center.md §0.1)', () => {
  it.each(['error', 'reset'] as const)(
    'should return the same customer when a create whose answer was lost (%s) is retried with the same MS-RequestId',
    async (dropMode) => {
      env = await startSandboxClient({ faults: { dropAfterCommitRate: 1, dropMode } });
      const request = sampleCustomerRequest();
      const requestId = randomUUID();
      const lost = await env.client.createCustomer(request, { requestId }).catch((caught: unknown) => caught);
      expect(isPartnerCenterError(lost) && lost.errorCode).toBe('upstream_error');
      expect(isPartnerCenterError(lost) && lost.retryable).toBe(true);
      await setFaults({ dropAfterCommitRate: 0 });
      const replayed = await env.client.createCustomer(request, { requestId });
      const again = await env.client.createCustomer(request, { requestId });
      expect(again).toEqual(replayed);
      expect(replayed.adminPassword).toHaveLength(16);
      const after = await stats();
      expect(after.creationsPerDomain).toEqual({ [request.companyProfile.domain]: 1 });
      expect(after.customers.filter((customer) => customer.domain === request.companyProfile.domain)).toEqual([expect.objectContaining({ id: replayed.id })]);
    },
  );

  it('should report domain_taken when a lost create is retried with a new MS-RequestId (the naive retry)', async () => {
    env = await startSandboxClient({ faults: { dropAfterCommitRate: 1, dropMode: 'error' } });
    const request = sampleCustomerRequest();
    await env.client.createCustomer(request, { requestId: randomUUID() }).catch(() => undefined);
    await setFaults({ dropAfterCommitRate: 0 });
    const error = await env.client.createCustomer(request, { requestId: randomUUID() }).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('domain_taken');
    expect((await stats()).creationsPerDomain[request.companyProfile.domain]).toBe(1);
  });

  it('should not place a second order when a lost checkout is retried with the same MS-RequestId', async () => {
    env = await startSandboxClient();
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const cart = await env.client.createCart(customer.id, [{ id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', quantity: 2, term: 'P1M', billingCycle: 'monthly' }]);
    await setFaults({ dropAfterCommitRate: 1, dropMode: 'reset' });
    const requestId = randomUUID();
    const lost = await env.client.checkoutCart(customer.id, cart.id, { requestId }).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(lost) && lost.retryable).toBe(true);
    await setFaults({ dropAfterCommitRate: 0 });
    const orders = await env.client.checkoutCart(customer.id, cart.id, { requestId });
    expect(orders).toHaveLength(1);
    const placed = (await stats()).customers.find((item) => item.id === customer.id)!.orders;
    expect(placed).toEqual([orders[0]!.id]);
  });

  it('should answer a checkout retried with a new MS-RequestId with 800065 (already checked out)', async () => {
    env = await startSandboxClient();
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const cart = await env.client.createCart(customer.id, [{ id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', quantity: 1, term: 'P1Y', billingCycle: 'annual' }]);
    await env.client.checkoutCart(customer.id, cart.id);
    const error = await env.client.checkoutCart(customer.id, cart.id).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && [error.errorCode, error.pcCode]).toEqual(['order_rejected', 800065]);
  });
});
