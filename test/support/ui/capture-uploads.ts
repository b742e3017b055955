import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface CapturedUpload {
  contentType: string;
  body: Buffer;
}

/**
 * A stand-in worker on a real port for component tests, which run in happy-dom: the worker's own
 * server cannot run there (happy-dom replaces the Request it builds). It records each
 * `POST /imports` as sent and answers it with a minimal import; it allows any origin.
 */
export async function captureUploads() {
  const uploads: CapturedUpload[] = [];
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/imports') return void response.writeHead(404).end();
      uploads.push({ contentType: request.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
      response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `imp-${uploads.length}`, fileName: 'upload.csv', counts: {}, total: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    uploads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value of a text field in a multipart body, or undefined. */
export function formField(body: Buffer, name: string): string | undefined {
  const match = new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body.toString('latin1'));
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], 'latin1').toString('utf8');
}
