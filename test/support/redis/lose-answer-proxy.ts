import { connect, createServer, type Socket } from 'node:net';

/** How long the proxy keeps a marked command's connection after it was sent on: Redis runs it meanwhile. */
const RUN_MS = 100;

/**
 * A TCP proxy in front of Redis that loses the answer to one command, as when Redis is killed
 * after running a command (its write is in the AOF) and before its answer went out: once armed
 * with `loseAnswerTo(marker)`, the first command whose bytes contain `marker` reaches Redis, no
 * answer on that connection reaches the client any more, and the connection is cut. ioredis then
 * reconnects (through the proxy again) and sends every command that got no answer once more.
 */
export async function startLoseAnswerProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let marker: string | undefined;
  let onLost: (() => void) | undefined;

  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    let losing = false;
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (marker !== undefined && chunk.includes(marker)) {
        marker = undefined;
        losing = true;
        setTimeout(() => {
          cut();
          onLost?.();
        }, RUN_MS);
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!losing) client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', cut);
      socket.on('close', () => {
        sockets.delete(socket);
        cut();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `redis://127.0.0.1:${port}`,
    /** Resolves once a command containing `marker` ran and its connection was cut. */
    loseAnswerTo(text: string): Promise<void> {
      marker = text;
      return new Promise((resolve) => (onLost = resolve));
    },
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
