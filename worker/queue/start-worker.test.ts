import { afterEach, describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../../test/support/worker/start-test-pipeline.ts';
import { startLoseAnswerProxy } from '../../test/support/redis/lose-answer-proxy.ts';
import { TEST_REDIS_URL } from '../../test/support/redis/with-redis.ts';
import { TRANSITION_ROW } from '../store/lua-scripts.ts';

describe('startWorker error policy', () => {
  let pipeline: TestPipeline | undefined;
  afterEach(async () => {
    await pipeline?.close();
    pipeline = undefined;
  });

  /** A pipeline whose createCustomer throws `error` for domains starting with "bad". */
  async function pipelineThrowing(error: () => Error, calls: Map<string, number>) {
    return startTestPipeline({
      maxAttempts: 3,
      wrapClient: (client) => ({
        ...client,
        async createCustomer(request, context) {
          const domain = request.companyProfile.domain;
          calls.set(domain, (calls.get(domain) ?? 0) + 1);
          if (domain.startsWith('bad')) throw error();
          return client.createCustomer(request, context);
        },
      }),
    });
  }

  it('should fail a row at once, without retrying, when Partner Center refuses it', async () => {
    const calls = new Map<string, number>();
    pipeline = await pipelineThrowing(
      () => new PartnerCenterError({ errorCode: 'forbidden', retryable: false, status: 403, message: 'POST /v1/customers answered 403 (600006).' }),
      calls,
    );
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('bad1'), validRow('good1')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ failed: 1, created: 1 });
    expect(calls.get('bad1.onmicrosoft.com')).toBe(1);
    const [row] = (await pipeline.service.listRows(summary.id, { status: 'failed' })).items;
    expect(row).toMatchObject({ row: 1, errorCode: 'forbidden' });
    expect(row!.error!.en).toContain('600006');
  });

  it('should retry a retryable error with backoff and end failed with its code when attempts run out', async () => {
    const calls = new Map<string, number>();
    pipeline = await pipelineThrowing(
      () => new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, status: 503, message: 'POST /v1/customers answered 503.' }),
      calls,
    );
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('bad2')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ failed: 1 });
    expect(calls.get('bad2.onmicrosoft.com')).toBe(3);
    const [row] = (await pipeline.service.listRows(summary.id, { status: 'failed' })).items;
    expect(row).toMatchObject({ errorCode: 'upstream_error' });
    expect(pipeline.logLines.filter((line) => line.includes('retrying'))).toHaveLength(2);
  });

  it('should record a bug in the worker as internal_error after the attempts', async () => {
    const calls = new Map<string, number>();
    pipeline = await pipelineThrowing(() => new TypeError('cannot read properties of undefined'), calls);
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('bad3')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ failed: 1 });
    const [row] = (await pipeline.service.listRows(summary.id, { status: 'failed' })).items;
    expect(row).toMatchObject({ errorCode: 'internal_error' });
  });

  it('should report exists when the create call finds the domain taken after the check', async () => {
    const calls = new Map<string, number>();
    pipeline = await pipelineThrowing(
      () => new PartnerCenterError({ errorCode: 'domain_taken', retryable: false, status: 409, message: 'POST /v1/customers answered 409 DomainAlreadyExists.' }),
      calls,
    );
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('bad4')]));
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ exists: 1 });
    const [row] = (await pipeline.service.listRows(summary.id, { status: 'exists' })).items;
    expect(row).toMatchObject({ errorCode: 'domain_taken', relationshipUrl: expect.stringMatching(/^https:\/\//) });
    expect(row!.error!.en).toContain('bad4.onmicrosoft.com');
  });
});

describe('a Redis answer lost as a row moves to its next step', () => {
  let pipeline: TestPipeline | undefined;
  let proxy: Awaited<ReturnType<typeof startLoseAnswerProxy>> | undefined;
  afterEach(async () => {
    await pipeline?.close();
    await proxy?.close();
    pipeline = undefined;
    proxy = undefined;
  });

  // Redis killed after running the step's transition and before answering it (test/chaos/restart-redis.test.ts):
  // ioredis sends the transition again once Redis is back, and the row must not stay pending.
  it.each([
    ['the checks passed', '"step":"checked"'],
    ['the create call is claimed', '{"step":"creating"}'],
  ])('should still give the row its final status when the answer to "%s" is lost', async (_what, marker) => {
    proxy = await startLoseAnswerProxy(TEST_REDIS_URL);
    pipeline = await startTestPipeline({ redisUrl: proxy.url, noWorker: true });
    // Loaded before: the answer lost is the transition's own, not a NOSCRIPT.
    await pipeline.redis.script('LOAD', TRANSITION_ROW);
    const lost = proxy.loseAnswerTo(marker);
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('lost1'), validRow('lost2')]));
    pipeline.startRowWorker();
    await lost;
    const done = await pipeline.waitUntilSettled(summary.id, 10_000);
    expect(done.counts).toMatchObject({ created: 2, pending: 0 });
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'lost1.onmicrosoft.com': 1, 'lost2.onmicrosoft.com': 1 });
  });
});
