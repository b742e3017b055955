import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandboxApp } from '../../sandbox/create-sandbox-app.ts';

const SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation offline_access openid profile';
const form = (fields: Record<string, string>) => new URLSearchParams({ client_id: 'public-app', ...fields });
const json = { 'Content-Type': 'application/json' };

/** The device-code flow, refresh-token rotation and revocation of docs/contracts/partner-center.md §0.18. */
describe('sandbox device-code sign-in (§0.18)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function startDeviceCode(app: ReturnType<typeof createSandboxApp>['app']) {
    const answer = await app.request('/partner.onmicrosoft.com/oauth2/v2.0/devicecode', { method: 'POST', body: form({ scope: SCOPE }) });
    expect(answer.status).toBe(200);
    return (await answer.json()) as { device_code: string; user_code: string; verification_uri: string; expires_in: number; interval: number; message: string };
  }
  const poll = (app: ReturnType<typeof createSandboxApp>['app'], deviceCode: string, grantType = 'urn:ietf:params:oauth:grant-type:device_code') =>
    app.request('/partner.onmicrosoft.com/oauth2/v2.0/token', { method: 'POST', body: form({ grant_type: grantType, device_code: deviceCode, scope: SCOPE }) });
  const refresh = (app: ReturnType<typeof createSandboxApp>['app'], refreshToken: string) =>
    app.request('/partner.onmicrosoft.com/oauth2/v2.0/token', { method: 'POST', body: form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: SCOPE }) });

  it('should answer authorization_pending until approved, then an app+user token with a refresh token, once', async () => {
    const { app, state } = createSandboxApp();
    const device = await startDeviceCode(app);
    expect(device).toMatchObject({ expires_in: 900, interval: 1, user_code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    expect(device.message).toContain(device.user_code);
    const pending = await poll(app, device.device_code);
    expect(pending.status).toBe(400);
    expect(await pending.json()).toMatchObject({ error: 'authorization_pending' });
    const approved = await app.request('/_sandbox/device/approve', { method: 'POST', headers: json, body: JSON.stringify({ user_code: device.user_code.toLowerCase() }) });
    expect(approved.status).toBe(200);
    // MSAL sends the short grant name.
    const token = await poll(app, device.device_code, 'device_code');
    expect(token.status).toBe(200);
    const body = (await token.json()) as { access_token: string; refresh_token: string; id_token: string };
    expect(state.tokens.get(body.access_token)).toBe('app+user');
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.id_token.split('.')).toHaveLength(3);
    expect(await (await poll(app, device.device_code)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('should answer authorization_declined after a decline and expired_token after expires_in', async () => {
    const { app } = createSandboxApp();
    const declined = await startDeviceCode(app);
    await app.request('/_sandbox/device/decline', { method: 'POST', body: new URLSearchParams({ user_code: declined.user_code }) });
    expect(await (await poll(app, declined.device_code)).json()).toMatchObject({ error: 'authorization_declined' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const expiring = await startDeviceCode(app);
    vi.setSystemTime(Date.now() + 901_000);
    expect(await (await poll(app, expiring.device_code)).json()).toMatchObject({ error: 'expired_token' });
    const late = await app.request('/_sandbox/device/approve', { method: 'POST', headers: json, body: JSON.stringify({ user_code: expiring.user_code }) });
    expect(late.status).toBe(404);
  });

  it('should rotate the refresh token on every refresh and refuse the old one with invalid_grant', async () => {
    const { app } = createSandboxApp();
    const device = await startDeviceCode(app);
    await app.request('/_sandbox/device/approve', { method: 'POST', headers: json, body: JSON.stringify({ user_code: device.user_code }) });
    const first = ((await (await poll(app, device.device_code)).json()) as { refresh_token: string }).refresh_token;
    const second = (await (await refresh(app, first)).json()) as { refresh_token: string };
    expect(second.refresh_token).not.toBe(first);
    const reused = await refresh(app, first);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(app, second.refresh_token)).status).toBe(200);
  });

  it('should revoke every refresh token and user access token, keeping the test token', async () => {
    const { app } = createSandboxApp({ testToken: 'test-token' });
    const device = await startDeviceCode(app);
    await app.request('/_sandbox/device/approve', { method: 'POST', headers: json, body: JSON.stringify({ user_code: device.user_code }) });
    const { access_token: accessToken, refresh_token: refreshToken } = (await (await poll(app, device.device_code)).json()) as { access_token: string; refresh_token: string };
    const call = (token: string) => app.request('/v1/customers/relationshiprequests', { headers: { Authorization: `Bearer ${token}` } });
    expect((await call(accessToken)).status).toBe(200);
    const revoked = await app.request('/_sandbox/tokens/revoke', { method: 'POST' });
    expect(await revoked.json()).toEqual({ revoked: { refreshTokens: 1, accessTokens: 1 } });
    expect(await (await refresh(app, refreshToken)).json()).toMatchObject({ error: 'invalid_grant' });
    expect((await call(accessToken)).status).toBe(401);
    expect((await call('test-token')).status).toBe(200);
    // A refresh token from elsewhere is no longer taken once everything was revoked.
    expect((await refresh(app, 'consent-token-from-elsewhere')).status).toBe(400);
  });

  it('should serve an approval page at the verification URI', async () => {
    const { app } = createSandboxApp();
    const device = await startDeviceCode(app);
    const page = await app.request(new URL(device.verification_uri).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/_sandbox/device/approve');
  });
});
