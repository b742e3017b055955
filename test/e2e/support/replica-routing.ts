import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../../sandbox/start-sandbox.ts';
import { createReplicaHandler } from '../../replica/replica-server.ts';

/** The production dashboard URL of the Add-customer wizard, served by the replica in tests. */
export const WIZARD_URL = 'https://partner.microsoft.com/dashboard/v2/customers/create';

export interface ReplicaBackend {
  sandbox: RunningSandbox;
  close(): Promise<void>;
}

/**
 * Starts a Partner Center sandbox on a free port and routes `https://partner.microsoft.com/**`
 * in `context` to the wizard replica (its API calls forwarded to the sandbox), so that the
 * extension's production `matches` are what the test exercises.
 */
export async function routeReplica(context: BrowserContext): Promise<ReplicaBackend> {
  const token = `replica-${randomUUID()}`;
  const sandbox = await startSandbox({ testToken: token });
  const handle = createReplicaHandler({ sandboxUrl: sandbox.url, token });
  await context.route('https://partner.microsoft.com/**', async (route) => {
    const request = route.request();
    try {
      const reply = await handle({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postDataBuffer() });
      await route.fulfill({ status: reply.status, headers: reply.headers, body: reply.body });
    } catch (error) {
      await route.fulfill({ status: 502, contentType: 'text/plain', body: `Replica routing failed: ${String(error)}` });
    }
  });
  return {
    sandbox,
    close: async () => {
      await context.unroute('https://partner.microsoft.com/**').catch(() => undefined);
      await sandbox.close();
    },
  };
}
