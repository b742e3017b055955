import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeededRandom } from '../../../sandbox/internal/seeded-random.ts';

export interface FaultProxyOptions {
  /** The sandbox's base URL. */
  target: string;
  /** Share (0..1) of API calls answered 429 before they reach the sandbox. @default 0 */
  throttleRate?: number;
  /** Seed of the proxy's own random choices, so a run is repeatable. @default 1 */
  seed?: number;
  /**
   * Hold the sandbox's answer to matching calls this long before passing it on: the call has
   * committed, the caller has not heard yet (the window a crash must survive).
   */
  holdResponse?: { method: string; path: RegExp; ms: number };
}

/**
 * An HTTP proxy in front of the sandbox for faults the sandbox has no knob for: a share of random
 * 429s shaped like Partner Center's (whole-second Retry-After, docs/contracts/partner-center.md §10 body). It forwards everything
 * else untouched (a reset from the sandbox becomes a reset here) and records when each forwarded
 * `/v1` call arrived, so tests can measure request rates from the service's side.
 */
export async function startFaultProxy(options: FaultProxyOptions) {
  const target = new URL(options.target);
  const random = createSeededRandom(options.seed ?? 1);
  const forwardedAt: number[] = [];
  let throttled = 0;
  /** 429s the sandbox itself answered (its token bucket), not the proxy's own. */
  let sandboxThrottled = 0;
  /** Answers committed by the sandbox and held right now: request path → count. */
  const held = new Map<string, number>();
  const committedBodies: string[] = [];

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const isApi = (incoming.url ?? '').startsWith('/v1/');
    if (isApi && options.throttleRate && random() < options.throttleRate) {
      throttled++;
      incoming.resume();
      outgoing.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      outgoing.end(JSON.stringify({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' }));
      return;
    }
    if (isApi) forwardedAt.push(performance.now());
    const upstream = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if (answer.statusCode === 429) sandboxThrottled++;
        const hold = options.holdResponse;
        if (hold && incoming.method === hold.method && hold.path.test(incoming.url ?? '')) {
          const key = incoming.url ?? '';
          const chunks: Buffer[] = [];
          held.set(key, (held.get(key) ?? 0) + 1);
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            committedBodies.push(Buffer.concat(chunks).toString('utf8'));
            setTimeout(() => {
              held.set(key, (held.get(key) ?? 1) - 1);
              if (outgoing.destroyed) return;
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
              outgoing.end(Buffer.concat(chunks));
            }, hold.ms);
          });
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('error', () => outgoing.destroy());
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardedAt,
    get throttled() {
      return throttled;
    },
    get sandboxThrottled() {
      return sandboxThrottled;
    },
    /** How many committed answers are being held right now. */
    get heldNow() {
      return [...held.values()].reduce((total, count) => total + count, 0);
    },
    /** Every held answer's body (the caller may never see some of them). */
    committedBodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
