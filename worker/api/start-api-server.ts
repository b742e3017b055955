import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiDeps } from './api-deps.ts';
import { createApp } from './create-app.ts';

export interface StartApiServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** @default '127.0.0.1' — the API is for this machine's extension unless configured otherwise. */
  host?: string;
}

export interface RunningApiServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /** Stops accepting connections and ends open ones (SSE streams included). */
  close: () => Promise<void>;
}

/** Serves `createApp(deps)` on a real port. */
export async function startApiServer(deps: ApiDeps, options: StartApiServerOptions): Promise<RunningApiServer> {
  const app = createApp(deps);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(started as Server));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
