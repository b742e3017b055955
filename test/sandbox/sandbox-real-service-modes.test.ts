import { describe, expect, it, vi } from 'vitest';
import { auth, customerBody, errorShape, sandbox } from './sandbox-test-kit.ts';

// §0.15–§0.17: the knobs that make the sandbox behave like the real service where it is less kind.

describe('sandbox with replay off (§0.16)', () => {
  it('should ignore MS-RequestId: a repeated create of a committed domain answers 409 DomainAlreadyExists', async () => {
    const { post, state } = sandbox({ replay: false });
    const body = customerBody({ domain: 'noreplay.onmicrosoft.com' });
    const headers = { 'MS-RequestId': '6f1c1b9e-2f7e-4a59-9d5c-0a1b2c3d4e5f' };
    expect((await post('/v1/customers', body, headers)).status).toBe(201);
    const again = await post('/v1/customers', body, headers);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ ...errorShape, code: 'DomainAlreadyExists' });
    expect(state.creationsPerDomain.get('noreplay.onmicrosoft.com')).toBe(1);
  });

  it('should still replay by default (§0.1)', async () => {
    const { post } = sandbox();
    const body = customerBody();
    const headers = { 'MS-RequestId': '0d3f2a8c-1111-4a59-9d5c-0a1b2c3d4e5f' };
    expect((await post('/v1/customers', body, headers)).status).toBe(201);
    expect((await post('/v1/customers', body, headers)).status).toBe(201);
  });
});

describe('sandbox visibility delay (§0.15)', () => {
  it('should answer 404 with the §10 body under /v1/customers/{id} while the customer is younger than visibilityDelayMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { get, post, createCustomer } = sandbox({ visibilityDelayMs: 2_000 });
      const id = await createCustomer();
      for (const path of [`/v1/customers/${id}`, `/v1/customers/${id}/users`, `/v1/customers/${id}/orders`]) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(await response.json()).toEqual({ ...errorShape, code: 'NotFound' });
      }
      expect((await post(`/v1/customers/${id}/carts`, { lineItems: [] })).status).toBe(404);
      // The list and the domain check see it at once.
      const list = (await (await get('/v1/customers')).json()) as { items: { id: string }[] };
      expect(list.items.map((item) => item.id)).toContain(id);
      vi.setSystemTime(Date.now() + 2_001);
      expect((await get(`/v1/customers/${id}`)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should show a new customer at once by default', async () => {
    const { get, createCustomer } = sandbox();
    expect((await get(`/v1/customers/${await createCustomer()}`)).status).toBe(200);
  });
});

describe('sandbox customer users (§0.17)', () => {
  it('should list the admin user of a created customer and reset its password', async () => {
    const { app, get, state, createCustomer } = sandbox();
    const id = await createCustomer({ domain: 'usersco.onmicrosoft.com' });
    const users = (await (await get(`/v1/customers/${id}/users`)).json()) as { totalCount: number; items: { id: string; userPrincipalName: string }[] };
    expect(users.totalCount).toBe(1);
    expect(users.items[0]).toMatchObject({ userPrincipalName: 'admin@usersco.onmicrosoft.com', attributes: { objectType: 'CustomerUser' } });
    const patch = (body: unknown) => app.request(`/v1/customers/${id}/users/${users.items[0]!.id}/resetpassword`, { method: 'PATCH', headers: auth, body: JSON.stringify(body) });
    const reset = await patch({ passwordProfile: { password: 'N3w-Passw0rd!xyz', forceChangePassword: true }, attributes: { objectType: 'CustomerUser' } });
    expect(reset.status).toBe(200);
    expect(JSON.stringify(await reset.json())).not.toContain('N3w-Passw0rd');
    expect(state.users.get(id)![0]!.passwordResets).toBe(1);
    expect((await patch({ passwordProfile: {} })).status).toBe(400);
  });

  it('should refuse both to an app-only token with 403', async () => {
    const { app, token, createCustomer } = sandbox();
    const id = await createCustomer();
    const appOnly = { Authorization: `Bearer ${await token('app-only')}` };
    expect((await app.request(`/v1/customers/${id}/users`, { headers: appOnly })).status).toBe(403);
  });
});
