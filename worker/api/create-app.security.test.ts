import { describe, expect, it } from 'vitest';
import { auth, EXTENSION_ORIGIN, csvUpload, expectProblem, setupApp as setup, TEST_TOKEN as TOKEN } from '../../test/support/api/api-test-setup.ts';

describe('health', () => {
  it('should answer without a token with Redis state and sandbox mode', async () => {
    const { app } = setup();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', redis: 'up', partnerCenter: 'sandbox' });
  });

  it('should answer 503 when Redis is down', async () => {
    const { app } = setup({ checkHealth: async () => ({ redis: 'down', partnerCenter: 'real' }) });
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded', redis: 'down' });
  });
});

describe('auth', () => {
  it('should refuse a request without a token with 401 and say where the token is', async () => {
    const { app } = setup();
    const response = await app.request('/imports');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="pc-onboard"');
    const body = await expectProblem(response, 401, 'unauthorized');
    expect(body.detail).toContain('Authorization: Bearer');
  });

  it('should refuse a wrong token with 401', async () => {
    const { app } = setup();
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await app.request('/imports', { headers: { Authorization: header } });
      await expectProblem(response, 401, 'unauthorized');
    }
  });

  it('should accept the right token, whatever the scheme case', async () => {
    const { app } = setup();
    const response = await app.request('/imports', { headers: { Authorization: `bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [] });
  });

  it('should protect every import route, including unknown import ids', async () => {
    const { app } = setup();
    for (const [method, path] of [
      ['POST', '/imports'],
      ['GET', '/imports/imp-1'],
      ['GET', '/imports/imp-1/rows'],
      ['GET', '/imports/imp-1/events'],
      ['GET', '/imports/imp-1/results.csv'],
      ['GET', '/imports/imp-1/failed.csv'],
      ['POST', '/imports/imp-1/retry'],
      ['POST', '/imports/imp-1/cancel'],
      ['POST', '/imports/imp-1/rows/1/reveal'],
    ] as const) {
      const response = await app.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('should refuse a token shorter than 16 characters at startup', () => {
    expect(() => setup({ apiToken: 'short' })).toThrow(/at least 16 characters/);
  });
});

describe('CORS', () => {
  it('should allow the configured extension origin, on answers and on preflight', async () => {
    const { app } = setup();
    const response = await app.request('/imports', { headers: { ...auth, Origin: EXTENSION_ORIGIN } });
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    const preflight = await app.request('/imports', {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('should keep the CORS header on errors so the extension can read the problem', async () => {
    const { app } = setup();
    const response = await app.request('/imports', { headers: { Origin: EXTENSION_ORIGIN } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });

  it('should give any other origin no Access-Control-Allow-Origin', async () => {
    const { app } = setup();
    for (const origin of ['https://evil.example', 'chrome-extension://otherextensionid', 'null']) {
      const response = await app.request('/imports', { headers: { ...auth, Origin: origin } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await app.request('/imports', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('body limit', () => {
  it('should answer 413 with a problem when the body is too large', async () => {
    const { app, service } = setup({ maxBodyBytes: 1024 });
    const text = ['company_name,domain', ...Array.from({ length: 100 }, () => 'Contoso,contoso')].join('\r\n');
    const response = await app.request('/imports', csvUpload({ text }));
    const body = await expectProblem(response, 413, 'payload-too-large');
    expect(body.detail).toContain('1024 bytes');
    expect(service.created).toHaveLength(0);
  });
});

