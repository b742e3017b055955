import { parentPort, workerData } from 'node:worker_threads';
import type { RowResult } from '../../../shared/imports/import-types.ts';
import type { RowStatus } from '../../../shared/status/row-status.ts';
import { startApiServer } from '../../../worker/api/start-api-server.ts';
import { FakeOrdersImportService } from './fake-orders-import-service.ts';

/**
 * The worker API on a real port, over the orders test double, in its own thread: a component
 * test's DOM environment replaces the globals (Request, Headers) the HTTP server is built on.
 * The test drives it with the messages below (`FakeOrdersApi` in fake-orders-api.ts).
 */
export type FakeOrdersApiCommand =
  | { type: 'created' }
  | { type: 'latestImport' }
  | { type: 'listenerCount'; importId: string }
  | { type: 'finishOrderRow'; importId: string; row: number; status: RowStatus; details: Pick<RowResult, 'plan' | 'subscriptions' | 'error' | 'note'> }
  | { type: 'importFile'; fileName: string; csv: string; queuedBy?: string }
  | { type: 'close' };

const service = new FakeOrdersImportService();
const { token, origin } = workerData as { token: string; origin: string };
const server = await startApiServer(
  { service, apiToken: token, extensionOrigins: [origin], maxBodyBytes: 1024 * 1024, checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }), sseHeartbeatMs: 50 },
  { port: 0 },
);
const port = parentPort!;
port.postMessage({ id: 0, value: server.url });

port.on('message', async ({ id, command }: { id: number; command: FakeOrdersApiCommand }) => {
  try {
    port.postMessage({ id, value: await run(command) });
  } catch (error) {
    port.postMessage({ id, error: String(error) });
  }
  if (command.type === 'close') port.close();
});

async function run(command: FakeOrdersApiCommand): Promise<unknown> {
  switch (command.type) {
    case 'created':
      return service.created.map(({ dryRun, cloud, again, queuedBy, source }) => ({ dryRun, cloud, again, queuedBy, fileName: source.fileName }));
    case 'latestImport':
      return [...service.imports.values()].at(-1)?.summary;
    case 'listenerCount':
      return service.listenerCount(command.importId);
    case 'finishOrderRow':
      service.finishOrderRow(command.importId, command.row, command.status, command.details);
      return undefined;
    case 'importFile': {
      const bytes = new TextEncoder().encode(command.csv);
      const summary = await service.createImport({
        source: { kind: 'csv', fileName: command.fileName, bytes: (async function* () { yield bytes; })() },
        dryRun: false,
        cloud: 'global',
        ...(command.queuedBy ? { queuedBy: command.queuedBy } : {}),
      });
      return summary;
    }
    case 'close':
      await server.close();
      return undefined;
  }
}
