import { describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { MCA_ACCEPTED } from '../../test/support/worker/hundred-row-file.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { asNotYetVisible, CUSTOMER_VISIBILITY_WINDOW_MS, isCustomerNotVisibleYetError } from './customer-visibility.ts';

// docs/contracts/partner-center-api.md §0.15–§0.17, one behaviour at a time against the sandbox.

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
