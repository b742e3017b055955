import { createWorkerClient } from '../worker/worker-client.ts';
import { isWorkerApiError, type WorkerErrorKind } from '../worker/worker-errors.ts';

/** What "Test connection" found: the worker answered and accepted the token, or why not. */
export type ConnectionCheckResult =
  | { ok: true; imports: number }
  | { ok: false; kind: WorkerErrorKind; detail: string };

/** Calls `/health` (is anything there?) and then `GET /imports` (is the token accepted?). */
export async function checkWorkerConnection(workerUrl: string, token: string, fetchImpl?: typeof fetch): Promise<ConnectionCheckResult> {
  const client = createWorkerClient({ baseUrl: workerUrl, token, fetch: fetchImpl });
  try {
    await client.health();
    const imports = await client.listImports();
    return { ok: true, imports: imports.length };
  } catch (error) {
    if (isWorkerApiError(error)) return { ok: false, kind: error.kind, detail: error.message };
    return { ok: false, kind: 'http', detail: error instanceof Error ? error.message : String(error) };
  }
}
