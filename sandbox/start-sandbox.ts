import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { SandboxOptions } from './sandbox-options.ts';
import { createSandboxApp, type SandboxApp } from './create-sandbox-app.ts';

export interface RunningSandbox extends SandboxApp {
  /** `http://host:port`, no trailing slash: the API base URL and the token authority host. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the Partner Center sandbox on a real HTTP port (0 = a free one).
 *
 * @example
 * const sandbox = await startSandbox({ testToken: 'test' });
 * // … point createPartnerCenterClient at sandbox.url …
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', ...appOptions } = options;
  const sandbox = createSandboxApp(appOptions);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: sandbox.app.fetch, port, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    ...sandbox,
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
