import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../../test/support/worker/start-test-pipeline.ts';
import { dumpRedisValues } from '../../test/support/worker/dump-redis-values.ts';
import { MCA_ACCEPTED } from '../../test/support/worker/test-offers.ts';
import { buildOrdersCsv } from '../../test/support/worker/build-orders-csv.ts';
import type { ImportSummary, RowPage } from '../../shared/imports/import-types.ts';
import { startApiServer, type RunningApiServer } from './start-api-server.ts';
import { readSse } from '../../test/support/api/read-sse.ts';
import { cp932 } from '../../test/support/csv/encode-bytes.ts';

const TOKEN = 'api-e2e-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };
const M365_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';

describe('the API on the real import service (Redis, BullMQ worker, sandbox over HTTP)', () => {
  let pipeline: TestPipeline | undefined;
  let server: RunningApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    await pipeline?.close();
    server = undefined;
    pipeline = undefined;
  });

  async function start() {
    pipeline = await startTestPipeline({ sandbox: { existingDomains: ['apitaken.onmicrosoft.com'] } });
    server = await startApiServer(
      {
        service: pipeline.service,
        apiToken: TOKEN,
        extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
        maxBodyBytes: 1024 * 1024,
        checkHealth: async () => ({ redis: (await pipeline!.redis.ping()) === 'PONG' ? 'up' : 'down', partnerCenter: 'sandbox' }),
        boardQueues: [pipeline.queue],
        sseHeartbeatMs: 200,
      },
      { port: 0 },
    );
    return { pipeline, server };
  }

  it('should take an upload, stream every row to drained, serve the files and reveal each password once', async () => {
    const { pipeline, server } = await start();
    const rows = [
      validRow('api1'),
      validRow('api2', { Offers: M365_BASIC, ...MCA_ACCEPTED }),
      validRow('apitaken'),
      validRow('api4', { Email: 'nope' }),
      validRow('api1', { 'CRM id': 'dup' }),
      validRow('api6'),
    ];
    const form = new FormData();
    form.set('file', new File([buildCustomerCsv(rows)], 'customers.csv', { type: 'text/csv' }));
    const created = await fetch(`${server.url}/imports`, { method: 'POST', headers: auth, body: form });
    expect(created.status).toBe(201);
    const summary = (await created.json()) as { id: string; total: number };
    expect(summary.total).toBe(6);

    const stream = await fetch(`${server.url}/imports/${summary.id}/events`, { headers: auth });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const frames = [];
    for await (const frame of readSse(stream.body!)) frames.push(frame);
    const events = frames.filter((frame) => frame.event).map((frame) => JSON.parse(frame.data!));
    expect(events[0]).toMatchObject({ type: 'progress', importId: summary.id });
    expect(events.at(-1)).toMatchObject({ type: 'drained', counts: { created: 3, exists: 1, invalid: 1, skipped: 1, pending: 0 } });
    // Every row that the worker finished after the stream opened came through as a row event.
    const rowEvents = events.filter((event) => event.type === 'row');
    const finalCounts = events.at(-1).counts;
    const initialPending = events[0].counts.pending;
    expect(rowEvents.length).toBeGreaterThanOrEqual(initialPending);
    expect(finalCounts.created + finalCounts.exists + finalCounts.invalid + finalCounts.skipped).toBe(6);

    // The whole history is in the Redis event log: `Last-Event-ID: 0-0` replays it, ids included.
    const readEvents = async (lastEventId: string) => {
      const response = await fetch(`${server.url}/imports/${summary.id}/events`, { headers: { ...auth, 'Last-Event-ID': lastEventId } });
      const read = [];
      for await (const frame of readSse(response.body!)) if (frame.event) read.push(frame);
      return read;
    };
    const history = await readEvents('0-0');
    expect(history.every((frame) => frame.id)).toBe(true);
    expect(history.filter((frame) => frame.event === 'row').map((frame) => JSON.parse(frame.data!).result.row).sort()).toEqual([1, 2, 3, 6]);
    // A client that lost the connection after the first row event gets exactly what followed it.
    const firstRow = history.findIndex((frame) => frame.event === 'row');
    const resumedFrames = await readEvents(history[firstRow]!.id!);
    expect(resumedFrames.map((frame) => [frame.id, frame.event, frame.data])).toEqual(history.slice(firstRow + 1).map((frame) => [frame.id, frame.event, frame.data]));
    expect(resumedFrames.at(-1)?.event).toBe('drained');

    const resultsResponse = await fetch(`${server.url}/imports/${summary.id}/results.csv?lang=ja`, { headers: auth });
    expect(resultsResponse.headers.get('content-disposition')).toContain('customers.results.csv');
    const resultsText = await resultsResponse.text();
    const results = parseResultsCsv(resultsText);
    expect(results.map((row) => row.pc_status)).toEqual(['created', 'created', 'exists', 'invalid', 'skipped', 'created']);
    const failedText = await (await fetch(`${server.url}/imports/${summary.id}/failed.csv`, { headers: auth })).text();
    expect(parseResultsCsv(failedText).map((row) => row['CRM id'])).toEqual(['crm-api4']);

    const rowsPage = (await (await fetch(`${server.url}/imports/${summary.id}/rows?status=created&limit=2`, { headers: auth })).json()) as {
      items: { row: number; passwordAvailable?: boolean }[];
      nextCursor?: string;
    };
    expect(rowsPage.items.map((item) => [item.row, item.passwordAvailable])).toEqual([[1, true], [2, true]]);
    const nextPage = (await (await fetch(`${server.url}/imports/${summary.id}/rows?status=created&cursor=${rowsPage.nextCursor}`, { headers: auth })).json()) as {
      items: { row: number }[];
    };
    expect(nextPage.items.map((item) => item.row)).toEqual([6]);

    const passwords: string[] = [];
    const answers: string[] = [];
    for (const row of [1, 2, 6]) {
      const first = await fetch(`${server.url}/imports/${summary.id}/rows/${row}/reveal`, { method: 'POST', headers: auth });
      expect(first.status).toBe(200);
      const secret = (await first.json()) as { adminUser: string; password: string };
      expect(secret.adminUser).toBe(`admin@${rows[row - 1]!.Domain}.onmicrosoft.com`);
      passwords.push(secret.password);
      const second = await fetch(`${server.url}/imports/${summary.id}/rows/${row}/reveal`, { method: 'POST', headers: auth });
      expect(second.status).toBe(410);
      answers.push(await second.text());
    }
    const notCreated = await fetch(`${server.url}/imports/${summary.id}/rows/3/reveal`, { method: 'POST', headers: auth });
    expect(notCreated.status).toBe(410);

    const summaryText = await (await fetch(`${server.url}/imports/${summary.id}`, { headers: auth })).text();
    const everything = [
      ...frames.map((frame) => frame.data ?? ''),
      ...resumedFrames.map((frame) => frame.data ?? ''),
      resultsText,
      failedText,
      summaryText,
      ...answers,
      ...pipeline.logLines,
      ...(await dumpRedisValues(pipeline.redis, pipeline.prefix, (key) => key.includes(':secret:'))),
    ].join('\n');
    expect(passwords).toHaveLength(3);
    for (const password of passwords) expect(everything.includes(password)).toBe(false);
  }, 60_000);

  it('should import an upload read with the person\'s mapping and encoding, and refuse a file without a required column with 422', async () => {
    const { server } = await start();
    // What the side panel sends: the file's bytes (CP932), the encoding its preview used, and the mapping.
    const columns = ['会社名', 'Domain', 'Country', 'Address line 1', 'City', 'State', 'Postal code', 'First name', 'Last name', 'Email'];
    const cells = ['コントソ', 'apiupload1', 'US', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'it@contoso.example.com'];
    const bytes = cp932([columns.join(','), cells.join(',')].join('\r\n'));
    const upload = new FormData();
    upload.set('file', new File([bytes], 'from-panel.csv'));
    upload.set('encoding', 'shift_jis');
    upload.set('keys', JSON.stringify(['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email']));
    upload.set('dryRun', 'true');
    const created = await fetch(`${server.url}/imports`, { method: 'POST', headers: auth, body: upload });
    expect(created.status).toBe(201);
    const summary = (await created.json()) as { id: string; contentHash: string; header: { columns: string[]; encoding: string } };
    expect(summary.header).toMatchObject({ columns, encoding: 'shift_jis' });
    expect(summary.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    const done = await pipeline!.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ ready: 1, pending: 0 });

    const form = new FormData();
    form.set('file', new File([buildCustomerCsv([validRow('apibad')]).replace('Email', 'Mail')], 'bad.csv'));
    const refused = await fetch(`${server.url}/imports`, { method: 'POST', headers: auth, body: form });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ reason: 'missing_column', columns: ['contact_email'] });

    const toGermany = new FormData();
    toGermany.set('file', new File([buildCustomerCsv([validRow('apide1')])], 'de.csv'));
    toGermany.set('cloud', 'germany');
    const germany = await fetch(`${server.url}/imports`, { method: 'POST', headers: auth, body: toGermany });
    expect(germany.status).toBe(422);
    expect(((await germany.json()) as { detail: string }).detail).toContain('moved to the global cloud');
  }, 60_000);

  it('should take an orders file: plan in a dry run, hash the upload, skip it the second time and apply it with again=true; refuse its rows as JSON', async () => {
    const { pipeline, server } = await start();
    const customers = await pipeline.importCsv(buildCustomerCsv([validRow('apiorders', { Offers: `${M365_BASIC}*10`, ...MCA_ACCEPTED })]));
    await pipeline.waitUntilSettled(customers.id);
    const customerId = parseResultsCsv(await pipeline.resultsText(customers.id))[0]!.pc_customer_id!;
    const upload = async (fields: Record<string, string>) => {
      const form = new FormData();
      form.set('file', new File([buildOrdersCsv([{ customer: 'apiorders', offers: `${M365_BASIC}*5` }])], 'add-licences.csv', { type: 'text/csv' }));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const created = await fetch(`${server.url}/imports`, { method: 'POST', headers: auth, body: form });
      expect(created.status).toBe(201);
      const summary = (await created.json()) as ImportSummary;
      await pipeline.waitUntilSettled(summary.id);
      const rows = await fetch(`${server.url}/imports/${summary.id}/rows`, { headers: auth });
      return { summary, rows: ((await rows.json()) as RowPage).items };
    };
    const quantity = async () => (await pipeline.subscriptionsOf(customerId))[0]!.quantity;

    const dry = await upload({ dryRun: 'true' });
    expect(dry.summary).toMatchObject({ kind: 'orders', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(dry.rows).toMatchObject([{ status: 'ready', plan: [{ en: expect.stringMatching(/^raise .* from 10 to 15$/), ja: expect.stringContaining('10 から 15 に増やす') }] }]);
    const first = await upload({});
    expect(first.rows).toMatchObject([{ status: 'ordered', subscriptions: expect.stringMatching(/:10→15$/) }]);
    const second = await upload({});
    expect(second.summary.earlierImport).toEqual({ id: first.summary.id, createdAt: first.summary.createdAt, queuedBy: first.summary.queuedBy });
    expect(second.rows).toMatchObject([{ status: 'skipped', errorCode: 'applied_before', note: { en: expect.stringContaining(first.summary.id) } }]);
    expect(await quantity()).toBe(15);
    const third = await upload({ again: 'true' });
    expect(third.rows).toMatchObject([{ status: 'ordered', subscriptions: expect.stringMatching(/:15→20$/) }]);
    expect(await quantity()).toBe(20);

    const asRows = await fetch(`${server.url}/imports`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'add-licences.csv', columns: ['Customer', 'Offers'], rows: [{ row: 1, line: 2, cells: ['apiorders', M365_BASIC] }], dryRun: true, cloud: 'global' }),
    });
    // Rows sent as JSON are not taken for any file: the upload is the one path.
    expect(asRows.status).toBe(415);
    expect(await asRows.text()).toContain('Upload the CSV file itself');
  }, 60_000);

  it('should show the real row queue in Bull Board and answer /health', async () => {
    const { server } = await start();
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', redis: 'up', partnerCenter: 'sandbox' });
    const queues = await fetch(`${server.url}/ui/api/queues`, { headers: auth });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain('"name":"rows"');
  }, 30_000);
});
