import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../create-app.ts';
import { startApiServer } from '../start-api-server.ts';
import { FakeImportService } from '../../../test/support/api/fake-import-service.ts';
import { readSse, type SseFrame } from '../../../test/support/api/read-sse.ts';
import type { ApiDeps } from '../api-deps.ts';
import { companyNamesSource } from '../../../test/support/worker/csv-source.ts';

const TOKEN = 'sse-test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };

function deps(service: FakeImportService, overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    service,
    apiToken: TOKEN,
    extensionOrigins: [],
    maxBodyBytes: 1024 * 1024,
    checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
    ...overrides,
  };
}

async function createImport(service: FakeImportService, rows: number) {
  return service.createImport({
    source: companyNamesSource(rows),
    dryRun: false,
    cloud: 'global',
  });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(condition(), `waiting for ${what}`).toBe(true), { timeout: 5000, interval: 10 });
}

describe('GET /imports/:id/events', () => {
  it('should stream an initial progress, every row event, and close after drained', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const { id } = await createImport(service, 3);
    const response = await app.request(`/imports/${id}/events`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    await waitFor(() => service.listenerCount(id) === 1, 'the subscription');
    service.finishRow(id, 1, 'created');
    service.finishRow(id, 2, 'invalid');
    service.finishRow(id, 3, 'exists');

    const frames: SseFrame[] = [];
    for await (const frame of readSse(response.body!)) frames.push(frame);
    const events = frames.map((frame) => ({ name: frame.event, data: JSON.parse(frame.data!) }));
    expect(events[0]).toMatchObject({ name: 'progress', data: { type: 'progress', importId: id, counts: { pending: 3 } } });
    expect(events.filter((event) => event.name === 'row').map((event) => [event.data.result.row, event.data.result.status])).toEqual([
      [1, 'created'],
      [2, 'invalid'],
      [3, 'exists'],
    ]);
    expect(events.at(-1)).toMatchObject({ name: 'drained', data: { counts: { created: 1, invalid: 1, exists: 1, pending: 0 } } });
    // The stream ended by itself after drained, and let go of its subscription.
    expect(service.listenerCount(id)).toBe(0);
  });

  it('should send progress and drained at once for a finished import', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const { id } = await createImport(service, 1);
    service.finishRow(id, 1, 'created');
    const response = await app.request(`/imports/${id}/events`, { headers: auth });
    const names: (string | undefined)[] = [];
    for await (const frame of readSse(response.body!)) names.push(frame.event);
    expect(names).toEqual(['progress', 'drained']);
    expect(service.listenerCount(id)).toBe(0);
  });

  it('should send heartbeats while nothing happens', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service, { sseHeartbeatMs: 20 }));
    const { id } = await createImport(service, 1);
    const response = await app.request(`/imports/${id}/events`, { headers: auth });
    const frames: SseFrame[] = [];
    for await (const frame of readSse(response.body!)) {
      frames.push(frame);
      if (frames.filter((f) => f.comment === 'heartbeat').length === 2) service.finishRow(id, 1, 'created');
    }
    expect(frames.filter((frame) => frame.comment === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(frames.at(-1)?.event).toBe('drained');
  });

  it('should answer 404 as a problem for an unknown import and not stay subscribed', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const response = await app.request('/imports/nope/events', { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(service.listenerCount('nope')).toBe(0);
  });

  it('should unsubscribe when the client goes away, over a real connection', async () => {
    const service = new FakeImportService();
    const server = await startApiServer(deps(service, { sseHeartbeatMs: 50 }), { port: 0 });
    try {
      const { id } = await createImport(service, 2);
      const abort = new AbortController();
      const response = await fetch(`${server.url}/imports/${id}/events`, { headers: auth, signal: abort.signal });
      const frames = readSse(response.body!);
      expect((await frames.next()).value).toMatchObject({ event: 'progress' });
      service.finishRow(id, 1, 'created');
      expect((await frames.next()).value).toMatchObject({ event: 'row' });
      expect(service.listenerCount(id)).toBe(1);
      abort.abort();
      await waitFor(() => service.listenerCount(id) === 0, 'the unsubscribe after the client left');
    } finally {
      await server.close();
    }
  });

  it('should give every event an id, and send a reconnecting client only what it missed', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const { id } = await createImport(service, 3);
    const first = await app.request(`/imports/${id}/events`, { headers: auth });
    await waitFor(() => service.listenerCount(id) === 1, 'the subscription');
    service.finishRow(id, 1, 'created');
    const seen: SseFrame[] = [];
    for await (const frame of readSse(first.body!)) {
      seen.push(frame);
      if (seen.length === 3) break;
    }
    expect(seen.map((frame) => [frame.event, frame.id])).toEqual([['progress', '0-0'], ['row', '1-0'], ['progress', '2-0']]);
    await waitFor(() => service.listenerCount(id) === 0, 'the first client to leave');

    service.finishRow(id, 2, 'invalid');
    const second = await app.request(`/imports/${id}/events`, { headers: { ...auth, 'Last-Event-ID': '2-0' } });
    await waitFor(() => service.listenerCount(id) === 1, 'the second subscription');
    service.finishRow(id, 3, 'exists');
    const frames: SseFrame[] = [];
    for await (const frame of readSse(second.body!)) frames.push(frame);
    expect(frames.map((frame) => [frame.event, frame.id])).toEqual([['row', '3-0'], ['progress', '4-0'], ['row', '5-0'], ['progress', '6-0'], ['drained', '7-0']]);
    expect(frames.filter((frame) => frame.event === 'row').map((frame) => JSON.parse(frame.data!).result.row)).toEqual([2, 3]);
  });

  it('should send every final row and a progress snapshot when the missed events are no longer kept', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const { id } = await createImport(service, 3);
    service.finishRow(id, 1, 'created');
    service.finishRow(id, 2, 'failed');
    service.trimmedThrough = '4-0';
    const response = await app.request(`/imports/${id}/events?lastEventId=1-0`, { headers: auth });
    await waitFor(() => service.listenerCount(id) === 1, 'the subscription');
    service.finishRow(id, 3, 'created');
    const frames: SseFrame[] = [];
    for await (const frame of readSse(response.body!)) frames.push(frame);
    expect(frames.map((frame) => [frame.event, frame.id])).toEqual([['row', undefined], ['row', undefined], ['progress', '4-0'], ['row', '5-0'], ['progress', '6-0'], ['drained', '7-0']]);
    expect(frames.slice(0, 2).map((frame) => JSON.parse(frame.data!).result)).toMatchObject([{ row: 1, status: 'created' }, { row: 2, status: 'failed' }]);
    expect(JSON.parse(frames[2]!.data!)).toMatchObject({ counts: { created: 1, failed: 1, pending: 1 } });
  });

  it('should only close with drained when a client resumes after the end', async () => {
    const service = new FakeImportService();
    const app = createApp(deps(service));
    const { id } = await createImport(service, 1);
    service.finishRow(id, 1, 'created');
    const response = await app.request(`/imports/${id}/events`, { headers: { ...auth, 'Last-Event-ID': '3-0' } });
    const names: (string | undefined)[] = [];
    for await (const frame of readSse(response.body!)) names.push(frame.event);
    expect(names).toEqual(['drained']);
  });
});
