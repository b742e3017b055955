import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportSummary, RowResult } from '../../../shared/imports/import-types.ts';
import type { RowStatus } from '../../../shared/status/row-status.ts';
import type { CreateImportInput } from '../../../worker/imports/import-service.ts';
import type { FakeOrdersApiCommand } from './fake-orders-api-thread.ts';

/** What a test sees of each `createImport` the API received. */
type ReceivedImport = Pick<CreateImportInput, 'dryRun' | 'cloud' | 'again' | 'queuedBy'> & { fileName: string };

/** The worker API over the orders test double (fake-orders-api-thread.ts), started in a thread, and its test controls. */
export interface FakeOrdersApi {
  url: string;
  created(): Promise<ReceivedImport[]>;
  latestImport(): Promise<ImportSummary>;
  listenerCount(importId: string): Promise<number>;
  /** A row of the import reaches its final status with its plan, changes, error or note; events go out. */
  finishOrderRow(importId: string, row: number, status: RowStatus, details: Pick<RowResult, 'plan' | 'subscriptions' | 'error' | 'note'>): Promise<void>;
  /** An import of `csv` queued directly (not through the API), e.g. an earlier import of the same file. */
  importFile(fileName: string, csv: string, queuedBy?: string): Promise<ImportSummary>;
  close(): Promise<void>;
}

/** Starts the API in a thread; `origin` is the page origin it accepts requests from (CORS). */
export async function startFakeOrdersApi(token: string, origin: string): Promise<FakeOrdersApi> {
  // A path, not a URL: the DOM environment's URL class is not the one node:worker_threads accepts.
  const worker = new Worker(join(import.meta.dirname, 'fake-orders-api-thread.ts'), { workerData: { token, origin } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  worker.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
    const pending = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) pending?.reject(new Error(error));
    else pending?.resolve(value);
  });
  worker.on('error', (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  const started = new Promise<unknown>((resolve, reject) => waiting.set(0, { resolve, reject }));
  const send = <T>(command: FakeOrdersApiCommand): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    worker.postMessage({ id, command });
    return answer;
  };
  const url = (await started) as string;
  return {
    url,
    created: () => send({ type: 'created' }),
    latestImport: () => send({ type: 'latestImport' }),
    listenerCount: (importId) => send({ type: 'listenerCount', importId }),
    finishOrderRow: (importId, row, status, details) => send({ type: 'finishOrderRow', importId, row, status, details }),
    importFile: (fileName, csv, queuedBy) => send({ type: 'importFile', fileName, csv, ...(queuedBy ? { queuedBy } : {}) }),
    close: async () => {
      await send({ type: 'close' });
      await worker.terminate();
    },
  };
}
