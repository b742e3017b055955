import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { createTokenProvider } from './create-token-provider.ts';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest } from '../../test/support/partner-center/start-sandbox-client.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const tokenCalls = () => sandbox.state.callsPerEndpoint.get('POST /{tenant}/oauth2/v2.0/token') ?? 0;

function provider(mode: 'app-only' | 'app+user') {
  return createTokenProvider({
    cloud: 'global',
    tenantId: sandbox.state.partnerTenantId,
    clientId: 'pc-onboard-test-app',
    clientSecret: 'not-a-real-secret',
    mode,
    ...(mode === 'app+user' ? { refreshToken: 'refresh-token-from-consent' } : {}),
    authorityHost: sandbox.url,
  });
}

describe('createTokenProvider (MSAL against the sandbox authority)', () => {
  it('should get an app-only token with client credentials, served from the cache afterwards', async () => {
    const tokens = provider('app-only');
    const before = tokenCalls();
    const first = await tokens.getAccessToken();
    const second = await tokens.getAccessToken();
    expect(first).toMatch(/^sandbox\.app\./);
    expect(second).toBe(first);
    expect(tokenCalls() - before).toBe(1);
    expect(sandbox.state.tokens.get(first)).toBe('app-only');
  });

  it('should redeem the refresh token for an app+user token, served from the cache afterwards', async () => {
    const tokens = provider('app+user');
    const before = tokenCalls();
    const first = await tokens.getAccessToken();
    expect(await tokens.getAccessToken()).toBe(first);
    expect(tokenCalls() - before).toBe(1);
    expect(sandbox.state.tokens.get(first)).toBe('app+user');
  });

  it('should let an app+user client attest MCA and refuse it to an app-only client', async () => {
    const user = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: provider('app+user').getAccessToken });
    const app = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: provider('app-only').getAccessToken });
    const customer = await app.createCustomer(sampleCustomerRequest());
    const input = { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2024-02-01' };
    const refused = await app.confirmCustomerAgreement(customer.id, input).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(refused) && refused.errorCode).toBe('forbidden');
    await expect(user.confirmCustomerAgreement(customer.id, input)).resolves.toMatchObject({ alreadyConfirmed: false });
  });

  it('should demand a refresh token for app+user', () => {
    expect(() => createTokenProvider({ cloud: 'global', tenantId: 't', clientId: 'c', clientSecret: 's', mode: 'app+user' })).toThrow(/refresh token/);
  });

  it('should fail with a retryable typed error naming the authority when the sign-in service is unreachable', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const tokens = createTokenProvider({ cloud: 'global', tenantId: 'partner', clientId: 'c', clientSecret: 's', authorityHost: url });
    const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && [error.errorCode, error.retryable]).toEqual(['upstream_error', true]);
    expect((error as Error).message).toContain('/partner');
  });
});
