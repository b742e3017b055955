import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RowResult } from '../../../shared/imports/import-types.ts';
import { startApiServer, type RunningApiServer } from '../../../worker/api/start-api-server.ts';
import { FakeImportService } from '../../../test/support/api/fake-import-service.ts';
import { createWorkerClient } from '../worker/worker-client.ts';
import { followImport, type ImportFollowerHandlers } from './follow-import.ts';
import { companyNamesSource } from '../../../test/support/worker/csv-source.ts';

// The worker's real HTTP layer and SSE framing on a real port; the service behind it is the API's test double,
// which lets the test finish rows one by one and drop the connection in between.
const TOKEN = 'follow-import-token-0123456789';
const servers: RunningApiServer[] = [];

async function serve(service: FakeImportService, port = 0): Promise<RunningApiServer> {
  const server = await startApiServer(
    { service, apiToken: TOKEN, extensionOrigins: [], maxBodyBytes: 1024 * 1024, checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }), sseHeartbeatMs: 50 },
    { port },
  );
  servers.push(server);
  return server;
}

function recorder() {
  const rows = new Map<number, RowResult>();
  const errors: unknown[] = [];
  let drained = 0;
  const handlers: ImportFollowerHandlers = {
    onSummary: () => {},
    onCounts: () => {},
    onRows: (loaded) => loaded.forEach((row) => rows.set(row.row, row)),
    onDrained: () => { drained++; },
    onError: (error) => { if (error !== undefined) errors.push(error); },
  };
  return { rows, errors, handlers, drained: () => drained };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(condition(), `waiting for ${what}`).toBe(true), { timeout: 10_000, interval: 10 });
}

async function createImport(service: FakeImportService, rows: number): Promise<string> {
  const summary = await service.createImport({
    source: companyNamesSource(rows),
    dryRun: false,
    cloud: 'global',
  });
  return summary.id;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close().catch(() => {});
});

describe('followImport', () => {
  it('should report each row as it finishes and resolve once drained', async () => {
    const service = new FakeImportService();
    const server = await serve(service);
    const id = await createImport(service, 2);
    const seen = recorder();
    const done = followImport(createWorkerClient({ baseUrl: server.url, token: TOKEN }), id, seen.handlers, new AbortController().signal);
    await until(() => service.listenerCount(id) === 1, 'the subscription');
    service.finishRow(id, 1, 'created');
    await until(() => seen.rows.get(1)?.status === 'created', 'row 1 live');
    service.finishRow(id, 2, 'invalid');
    await done;
    expect([...seen.rows.values()].map((row) => [row.row, row.status])).toEqual([[1, 'created'], [2, 'invalid']]);
    expect(seen.drained()).toBeGreaterThanOrEqual(1);
    expect(seen.errors).toEqual([]);
  });

  it('should reconnect after the worker went away and pick up the rows finished meanwhile', async () => {
    const service = new FakeImportService();
    const first = await serve(service);
    const id = await createImport(service, 3);
    const seen = recorder();
    const done = followImport(createWorkerClient({ baseUrl: first.url, token: TOKEN }), id, seen.handlers, new AbortController().signal, { baseDelayMs: 50 });
    await until(() => service.listenerCount(id) === 1, 'the subscription');
    service.finishRow(id, 1, 'created');
    await until(() => seen.rows.get(1)?.status === 'created', 'row 1 live');

    await first.close();
    service.finishRow(id, 2, 'exists'); // while nobody listens
    await serve(service, first.port);
    await until(() => seen.rows.get(2)?.status === 'exists', 'row 2 after the reconnect');
    await until(() => service.listenerCount(id) === 1, 'the new subscription');
    service.finishRow(id, 3, 'created');
    await done;
    expect([...seen.rows.values()].map((row) => row.status)).toEqual(['created', 'exists', 'created']);
    expect(seen.drained()).toBeGreaterThanOrEqual(1);
  });

  it('should stop at once on a refused token, with the reason', async () => {
    const service = new FakeImportService();
    const server = await serve(service);
    const id = await createImport(service, 1);
    const seen = recorder();
    await followImport(createWorkerClient({ baseUrl: server.url, token: 'wrong' }), id, seen.handlers, new AbortController().signal);
    expect(seen.errors.length).toBeGreaterThanOrEqual(1);
    expect(seen.errors.every((error) => (error as { kind?: string }).kind === 'unauthorized')).toBe(true);
    expect(seen.drained()).toBe(0);
  });
});
