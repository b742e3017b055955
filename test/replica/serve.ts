import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../../sandbox/start-sandbox.ts';
import { createReplicaHandler } from './replica-server.ts';

/**
 * Look at the replica by hand: `npx node test/replica/serve.ts` starts an in-process sandbox and
 * serves the wizard; open the printed URL (add `?lang=ja` for Japanese). Ctrl+C stops both.
 */
const token = 'replica-test-token';
const sandbox = await startSandbox({ testToken: token });
const handle = createReplicaHandler({ sandboxUrl: sandbox.url, token });
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    handle({ method: request.method ?? 'GET', url: `http://${request.headers.host}${request.url}`, headers, body: Buffer.concat(chunks) }).then(
      (reply) => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      },
      (error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`Replica failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
});
server.listen(Number(process.env.REPLICA_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Wizard replica: http://127.0.0.1:${port}/dashboard/v2/customers/create   (Japanese: ?lang=ja)`);
  console.log(`Sandbox: ${sandbox.url}`);
});
const stop = (): void => {
  server.close();
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
