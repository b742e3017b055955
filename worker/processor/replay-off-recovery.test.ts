import { describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../../test/support/worker/test-offers.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { asNotYetVisible, CUSTOMER_VISIBILITY_WINDOW_MS, isCustomerNotVisibleYetError } from './customer-visibility.ts';

// docs/contracts/partner-center.md §0.15–§0.17, one behaviour at a time against the sandbox.

const startPipeline = useTestPipelines();

describe('a create whose answer was lost, with replay off', () => {
  it('should find the row\'s own customer, reset its admin password into the vault and end created with a note', async () => {
    // Every creating POST commits and then loses its answer; the retry of the create gets 409.
    const pipeline = await startPipeline({ sandbox: { replay: false, faults: { dropAfterCommitRate: 1, dropMode: 'error' } } });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('lost1', MCA_ACCEPTED), validRow('lost2')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ created: 2, failed: 0 });
    const stats = await pipeline.sandboxStats();
    expect(stats.creationsPerDomain).toEqual({ 'lost1.onmicrosoft.com': 1, 'lost2.onmicrosoft.com': 1 });
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    for (const result of results) {
      expect(result.pc_customer_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.pc_note).toMatch(/admin password of admin@lost\d\.onmicrosoft\.com was reset/);
      expect(result.pc_error).toBe('');
    }
    const revealed = await pipeline.service.revealPassword(summary.id, 1);
    expect(revealed).toEqual({ adminUser: 'admin@lost1.onmicrosoft.com', password: expect.stringMatching(/^.{16}$/) });
    expect(pipeline.sandbox.state.users.get(results[0]!.pc_customer_id!)![0]!.passwordResets).toBe(1);
    // The password travelled to Partner Center and into the vault only.
    expect(pipeline.logLines.join('\n')).not.toContain(revealed!.password);
    // The MCA, confirmed and lost too, counts as done on its retry (600061).
    expect(stats.customers.find((customer) => customer.domain === 'lost1.onmicrosoft.com')!.agreements).toBe(1);
  }, 30_000);

  it('should end created with a note to reset the password in Partner Center when the reset is refused', async () => {
    const pipeline = await startPipeline({
      sandbox: { replay: false, faults: { dropAfterCommitRate: 1, dropMode: 'reset' } },
      wrapClient: (client) => ({
        ...client,
        resetCustomerUserPassword: async () => {
          throw new PartnerCenterError({ errorCode: 'forbidden', retryable: false, status: 403, message: 'PATCH resetpassword failed with 403' });
        },
      }),
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('refused1')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ created: 1 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id, 'results', 'ja'));
    expect(result!.pc_customer_id).not.toBe('');
    expect(result!.pc_note).toContain('管理者パスワードをリセットしてください');
    const [en] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(en!.pc_note).toMatch(/Reset the admin password of admin@refused1\.onmicrosoft\.com in Partner Center/);
    expect(await pipeline.service.revealPassword(summary.id, 1)).toBeUndefined();
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'refused1.onmicrosoft.com': 1 });
  }, 30_000);

  it('should still end a row exists when its first create meets a domain someone else just took', async () => {
    const pipeline = await startPipeline({
      wrapClient: (client) => ({
        ...client,
        // The domain is taken between the check and the create (a race with another partner).
        checkDomainAvailability: async (domain, context) => (domain.startsWith('race1') ? { domain, available: true } : client.checkDomainAvailability(domain, context)),
      }),
      sandbox: { existingDomains: ['race1.onmicrosoft.com'] },
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('race1')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ exists: 1 });
  }, 30_000);
});

/** An answer lost after Partner Center committed the call: what a timeout or a reset looks like to the worker. */
const lostAnswer = (what: string) => new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, status: 500, message: `${what} answered 500 after committing.` });

/** The client, except that the first checkout and the first legacy order of each customer reach the sandbox and lose their answer. */
function loseFirstOrderAnswers(client: PartnerCenterClient): PartnerCenterClient {
  const lost = new Set<string>();
  const loseOnce = (key: string) => !lost.has(key) && lost.add(key) !== undefined;
  return {
    ...client,
    checkoutCart: async (customerId, cartId, context) => {
      const orders = await client.checkoutCart(customerId, cartId, context);
      if (loseOnce(`checkout ${customerId}`)) throw lostAnswer('POST …/checkout');
      return orders;
    },
    createOrder: async (customerId, lines, context) => {
      const order = await client.createOrder(customerId, lines, context);
      if (loseOnce(`order ${customerId}`)) throw lostAnswer('POST …/orders');
      return order;
    },
  };
}

describe('orders whose answer was lost, with replay off', () => {
  it('should buy each offer once and end created with the order ids when the checkout and the legacy order lose their answers', async () => {
    const { m365Basic, legacyE1, azurePlan } = TEST_OFFERS;
    const pipeline = await startPipeline({ sandbox: { replay: false }, wrapClient: loseFirstOrderAnswers });
    const summary = await pipeline.importCsv(
      buildCustomerCsv([
        validRow('buy1', { Offers: `${m365Basic}*3; ${legacyE1}*2`, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED }),
        validRow('buy2', { Offers: azurePlan, ...MCA_ACCEPTED }),
        validRow('buy3', { Offers: `${legacyE1}*4`, ...MCA_ACCEPTED }),
      ]),
    );
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ created: 3, failed: 0 });

    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    const bought = (row: number) => {
      const orders = pipeline.sandbox.state.orders.get(results[row]!.pc_customer_id!) ?? [];
      return {
        orders: orders.map((order) => order.id).sort(),
        lines: orders.flatMap((order) => (order.lineItems as { offerId: string; quantity: number }[]).map((line) => `${line.offerId}*${line.quantity}`)).sort(),
        subscriptions: (pipeline.sandbox.state.subscriptions.get(results[row]!.pc_customer_id!) ?? []).length,
      };
    };
    // One order per purchase in the sandbox, and the row names exactly those orders.
    expect(bought(0)).toEqual({ orders: results[0]!.pc_orders!.split(';').sort(), lines: [`${legacyE1}*2`, `${m365Basic}*3`], subscriptions: 2 });
    expect(bought(1)).toEqual({ orders: [results[1]!.pc_orders], lines: [`${azurePlan}*1`], subscriptions: 1 });
    expect(bought(2)).toEqual({ orders: [results[2]!.pc_orders], lines: [`${legacyE1}*4`], subscriptions: 1 });
    expect(results.map((result) => result.pc_error)).toEqual(['', '', '']);
    // The answers really were lost, and read back before buying again (the cart Ordered, the
    // customer's orders): buy1's checkout on its 2nd and 3rd attempts (the 2nd lost the legacy
    // order's answer), buy2's on its 2nd; buy1's and buy3's legacy orders on their next attempt.
    const foundAgain = (write: string) => pipeline.logLines.filter((line) => line.includes('found the write of an earlier attempt') && line.includes(`"write":"${write}"`));
    expect(foundAgain('checkout')).toHaveLength(3);
    expect(foundAgain('legacy-order')).toHaveLength(2);
  }, 30_000);
});

describe('a new customer that is not visible yet', () => {
  it('should wait for it without using an attempt (one attempt only) and create the row', async () => {
    const pipeline = await startPipeline({ maxAttempts: 1, sandbox: { visibilityDelayMs: 1_500 } });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('late1', MCA_ACCEPTED)]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ created: 1, failed: 0 });
    expect(pipeline.logLines.some((line) => line.includes('not visible yet'))).toBe(true);
    expect((await pipeline.sandboxStats()).customers[0]!.agreements).toBe(1);
  }, 30_000);

  it("should treat a 404 as \"not yet\" only within 3 minutes of the create call's answer", () => {
    const notFound = new PartnerCenterError({ errorCode: 'agreement_rejected', retryable: false, status: 404, message: 'not found' });
    const started = new Date(1_000_000).toISOString();
    expect(isCustomerNotVisibleYetError(asNotYetVisible(notFound, started, 1_000_000 + 5_000))).toBe(true);
    expect(asNotYetVisible(notFound, started, 1_000_000 + CUSTOMER_VISIBILITY_WINDOW_MS)).toBe(notFound);
    expect(asNotYetVisible(notFound, undefined)).toBe(notFound);
    const refused = new PartnerCenterError({ errorCode: 'forbidden', retryable: false, status: 403, message: 'refused' });
    expect(asNotYetVisible(refused, started, 1_000_000 + 5_000)).toBe(refused);
  });
});
