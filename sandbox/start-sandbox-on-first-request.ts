import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxOptions } from './sandbox-options.ts';

/**
 * The sandbox a pc-onboard process runs for itself (no Partner Center configured): its port opens
 * now, so its URL can go into the client and the sign-in target, but its routes (about a third of
 * a second to load) are loaded at the first request, which waits for them. `pc-onboard import`
 * calls Partner Center only once the file is read, so its first progress line does not wait for
 * them. The same app as `startSandbox` once loaded.
 */
export async function startSandboxOnFirstRequest(options: Omit<SandboxOptions, 'port' | 'host'> = {}): Promise<{ url: string; close(): Promise<void> }> {
  let listener: Promise<RequestListener> | undefined;
  const server = createServer((request, response) => {
    listener ??= loadListener(options);
    listener.then(
      (listen) => listen(request, response),
      (error: Error) => {
        response.statusCode = 500;
        response.end(`The sandbox could not start: ${error.message}`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function loadListener(options: Omit<SandboxOptions, 'port' | 'host'>): Promise<RequestListener> {
  const [{ getRequestListener }, { createSandboxApp }] = await Promise.all([import('@hono/node-server'), import('./create-sandbox-app.ts')]);
  return getRequestListener(createSandboxApp(options).app.fetch, { hostname: '127.0.0.1' });
}
