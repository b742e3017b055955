import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/api/create-app.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startChaosHarness, type ChaosHarness } from '../chaos/support/chaos-harness.ts';
import { dumpRedis } from './support/redis-dump.ts';

/**
 * docs/contracts/csv.md §5: the admin password never appears in a results file, a log, a job payload, a
 * job's return value or an event; it is shown once, on request. An import through the API with a
 * worker logging at trace; then every place it could leak is searched for each password.
 */
const TOKEN = 'password-test-token-0123456789';
const ROWS = 5;
let harness: ChaosHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('the admin password', () => {
  it('should appear nowhere but the one reveal: not in logs at trace, rows, results, failed rows, Redis, jobs or events', async () => {
    // Faults make the worker log retries and errors, the lines most likely to carry a response body.
    const unexpected: unknown[] = [];
    harness = await startChaosHarness({ logLevel: 'trace', sandbox: { seed: 3, faults: { errorRate: 0.15, dropAfterCommitRate: 0.3 } } });
    const app = createApp({
      service: harness.service,
      apiToken: TOKEN,
      extensionOrigins: [],
      maxBodyBytes: 1024 * 1024,
      checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
      boardQueues: [harness.queue],
      reportError: (error) => unexpected.push(error),
    });
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const rows = [...Array.from({ length: ROWS }, (_, index) => validRow(`pwsec${index}${Date.now() % 100000}`)), validRow('pwsecbad', { Email: 'not-an-address' })];
    const form = new FormData();
    form.set('file', new File([buildCustomerCsv(rows)], 'customers.csv', { type: 'text/csv' }));
    const created = await app.request('/imports', { method: 'POST', headers: auth, body: form });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // Listen to the live events from the start, then let a worker run the rows.
    const events = await app.request(`/imports/${id}/events`, { headers: auth });
    expect(events.status, String(unexpected[0] && (unexpected[0] as Error).stack)).toBe(200);
    // The server ends the stream after `drained`: the whole body is every event the client saw.
    const eventsText = events.text();
    harness.startInProcessWorker();
    const settled = await harness.waitFor(id, (summary) => summary.counts.pending === 0, 30_000, 'the import to finish');
    expect(settled.counts.created).toBe(ROWS);

    const places: Record<string, string> = {
      events: await eventsText,
      rows: await (await app.request(`/imports/${id}/rows?limit=1000`, { headers: auth })).text(),
      summary: await (await app.request(`/imports/${id}`, { headers: auth })).text(),
      resultsEn: await (await app.request(`/imports/${id}/results.csv?lang=en`, { headers: auth })).text(),
      resultsJa: await (await app.request(`/imports/${id}/results.csv?lang=ja`, { headers: auth })).text(),
      failed: await (await app.request(`/imports/${id}/failed.csv`, { headers: auth })).text(),
      board: await (await app.request('/ui/api/queues?activeQueue=rows&status=completed', { headers: auth })).text(),
      redis: (await dumpRedis(harness.redis, harness.prefix)).text,
    };
    // The one stored copy: an encrypted value under <prefix>:secret:<import>:<row>, one per created row.
    const sealedKeys = (await dumpRedis(harness.redis, `${harness.prefix}:secret:${id}:`)).keys;
    expect(sealedKeys.sort()).toEqual(Array.from({ length: ROWS }, (_, index) => `${harness!.prefix}:secret:${id}:${index + 1}`).sort());
    expect(places.events).toContain('"drained"');
    expect(places.resultsEn).toContain('created');
    expect(places.failed).toContain('pwsecbad');

    const passwords: string[] = [];
    for (let row = 1; row <= ROWS; row++) {
      const first = await app.request(`/imports/${id}/rows/${row}/reveal`, { method: 'POST', headers: auth });
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const secret = (await first.json()) as { adminUser: string; password: string };
      expect(secret.password.length).toBeGreaterThanOrEqual(8);
      passwords.push(secret.password);
      const second = await app.request(`/imports/${id}/rows/${row}/reveal`, { method: 'POST', headers: auth });
      expect(second.status).toBe(410);
      expect(await second.text()).not.toContain(secret.password);
    }
    // The reveal itself logs nothing secret either: read the log after it.
    places.logs = harness.logLines.join('');
    places.redisAfterReveal = (await dumpRedis(harness.redis, harness.prefix)).text;
    // Revealed once, the sealed copies are gone too.
    expect((await dumpRedis(harness.redis, `${harness.prefix}:secret:${id}:`)).keys).toEqual([]);
    expect(places.logs.split('\n').filter(Boolean).length).toBeGreaterThan(0);

    for (const password of passwords) {
      for (const [place, text] of Object.entries(places)) {
        expect(text.includes(password), `password found in ${place}`).toBe(false);
      }
    }
    expect(new Set(passwords).size).toBe(ROWS);
  }, 60_000);
});
