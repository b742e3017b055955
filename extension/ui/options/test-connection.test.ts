import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApiServer } from '../../../worker/api/start-api-server.ts';
import { FakeImportService } from '../../../test/support/api/fake-import-service.ts';
import { checkWorkerConnection } from './test-connection.ts';

// The worker's real HTTP layer on a real port; only the import service behind it is the API's test double.
const TOKEN = 'panel-connection-token-0123456789';
let server: RunningApiServer;

beforeAll(async () => {
  server = await startApiServer(
    {
      service: new FakeImportService(),
      apiToken: TOKEN,
      extensionOrigins: [],
      maxBodyBytes: 1024 * 1024,
      checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
    },
    { port: 0 },
  );
});
afterAll(() => server.close());

describe('checkWorkerConnection', () => {
  it('should pass when the worker answers and accepts the token', async () => {
    expect(await checkWorkerConnection(server.url, TOKEN)).toEqual({ ok: true, imports: 0 });
  });

  it('should accept a URL with a trailing slash', async () => {
    expect((await checkWorkerConnection(`${server.url}/`, TOKEN)).ok).toBe(true);
  });

  it('should say the token is wrong when the worker refuses it', async () => {
    expect(await checkWorkerConnection(server.url, 'wrong-token')).toMatchObject({ ok: false, kind: 'unauthorized' });
  });

  it('should say the worker is unreachable when nothing listens there', async () => {
    const closed = await startApiServer(
      { service: new FakeImportService(), apiToken: TOKEN, extensionOrigins: [], maxBodyBytes: 1024, checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }) },
      { port: 0 },
    );
    await closed.close();
    expect(await checkWorkerConnection(closed.url, TOKEN)).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('should ask for a URL when none is set', async () => {
    expect(await checkWorkerConnection('', TOKEN)).toMatchObject({ ok: false, kind: 'not-configured' });
  });
});
