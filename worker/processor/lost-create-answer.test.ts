import { describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { PartnerCenterTimeoutError } from '../../shared/partner-center/partner-center-timeout-error.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

// docs/contracts/partner-center.md §0.16: a create whose answer was lost, checked with the
// domain (§3) and the list of customers (§11) before the row ends.

const startPipeline = useTestPipelines();

/** What a 5xx or a reset looks like to the worker. */
const lostAnswer = () => new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, status: 500, message: 'POST /v1/customers answered 500.' });
/** The §0.2 refusal as the client reports it. */
const domainTaken = () =>
  new PartnerCenterError({ errorCode: 'domain_taken', retryable: false, status: 409, pcCode: 'DomainAlreadyExists', message: 'POST /v1/customers failed with 409: DomainAlreadyExists' });

/** The client, except that its create calls go through `create` (given the real one and the call's index). */
function withCreate(create: (real: PartnerCenterClient['createCustomer'], call: number, ...args: Parameters<PartnerCenterClient['createCustomer']>) => ReturnType<PartnerCenterClient['createCustomer']>) {
  return (client: PartnerCenterClient): PartnerCenterClient => {
    let calls = 0;
    return { ...client, createCustomer: (request, context) => create(client.createCustomer, calls++, request, context) };
  };
}

describe('a create answer lost on the last attempt', () => {
  it.each(['error', 'reset'] as const)('should find the customer and end the row created when the answer is dropped after commit (%s)', async (dropMode) => {
    const pipeline = await startPipeline({ maxAttempts: 1, sandbox: { replay: false, faults: { dropAfterCommitRate: 1, dropMode } } });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('last1')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, failed: 0, exists: 0 });
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'last1.onmicrosoft.com': 1 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_note).toMatch(/admin password of admin@last1\.onmicrosoft\.com was reset/);
    expect(pipeline.sandbox.state.users.get(result!.pc_customer_id!)![0]!.passwordResets).toBe(1);
    expect(await pipeline.service.revealPassword(summary.id, 1)).toEqual({ adminUser: 'admin@last1.onmicrosoft.com', password: expect.stringMatching(/^.{16}$/) });
  }, 30_000);

  it('should find the customer after a timeout too', async () => {
    const pipeline = await startPipeline({
      maxAttempts: 1,
      wrapClient: withCreate(async (real, _call, request, context) => {
        await real(request, context);
        throw new PartnerCenterTimeoutError({ method: 'POST', url: '/v1/customers', timeoutMs: 1 });
      }),
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('late2')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1 });
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'late2.onmicrosoft.com': 1 });
  }, 30_000);

  it('should end the row failed when the domain is still free: nothing was created', async () => {
    const pipeline = await startPipeline({ maxAttempts: 1, wrapClient: withCreate(async () => { throw lostAnswer(); }) });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('none3')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ failed: 1 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_error_code).toBe('upstream_error');
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({});
  }, 30_000);
});

describe('a retried create refused with 409 DomainAlreadyExists', () => {
  it('should create the customer on the next attempt, with a new request id, when the domain is free', async () => {
    const requestIds: (string | undefined)[] = [];
    const pipeline = await startPipeline({
      wrapClient: withCreate(async (real, call, request, context) => {
        requestIds.push(context?.requestId);
        if (call === 0) throw lostAnswer();
        // Refused, yet nothing holds the domain (a 409 replayed, or a domain freed since).
        if (call === 1) throw domainTaken();
        return real(request, context);
      }),
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('free4')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, exists: 0 });
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'free4.onmicrosoft.com': 1 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_note).toBe('');
    expect(await pipeline.service.revealPassword(summary.id, 1)).toEqual({ adminUser: 'admin@free4.onmicrosoft.com', password: expect.stringMatching(/^.{16}$/) });
    // The lost answer's retry replays the id; after the refusal the id is new.
    expect(requestIds).toHaveLength(3);
    expect(requestIds[1]).toBe(requestIds[0]);
    expect(requestIds[2]).not.toBe(requestIds[1]);
  }, 30_000);

  it("should end the row exists when the domain holds someone else's customer", async () => {
    const pipeline = await startPipeline({
      sandbox: { replay: false },
      wrapClient: withCreate(async (real, call, request, context) => {
        if (call > 0) return real(request, context);
        // Someone else takes the domain while the row's first answer is lost.
        await real({ ...request, billingProfile: { ...request.billingProfile, companyName: 'Someone Else' } }, {});
        throw lostAnswer();
      }),
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('other5')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ exists: 1, created: 0 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_relationship_url).toMatch(/^https:\/\//);
    expect(result!.pc_customer_id).toBe('');
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'other5.onmicrosoft.com': 1 });
  }, 30_000);
});

describe('the customer found by domain', () => {
  it('should not be taken as the row\'s own when the list gives no company name', async () => {
    const pipeline = await startPipeline({
      sandbox: { replay: false, faults: { dropAfterCommitRate: 1, dropMode: 'error' } },
      wrapClient: (client) => ({
        ...client,
        listCustomers: async (options, context) => (await client.listCustomers(options, context)).map(({ companyName: _name, ...customer }) => customer),
      }),
    });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('noname6')]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ exists: 1, created: 0 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_customer_id).toBe('');
    expect(pipeline.logLines.some((line) => line.includes('found the customer of a lost create answer'))).toBe(false);
  }, 30_000);
});
