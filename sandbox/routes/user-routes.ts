import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { normalizeKeys } from '../internal/normalize-keys.ts';

const resetPasswordSchema = z.object({
  passwordProfile: z.object({ password: z.string().min(8).max(256), forceChangePassword: z.boolean().optional() }),
  attributes: z.object({ objectType: z.string().optional() }).optional(),
});

/**
 * Customer users (§0.17), app+user only: `GET /v1/customers/{id}/users` and
 * `PATCH /v1/customers/{id}/users/{userId}/resetpassword`. The sandbox keeps the admin user of
 * each customer it creates; a reset is counted, the new password is not kept.
 */
export function createUserRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/customers/:customerId/users', (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
    if (c.get('tokenKind') !== 'app+user') return replyError(c, 403, 'Forbidden', 'Listing the users of a customer requires an app+user token.');
    const items = (state.users.get(customerId) ?? []).map(toResource);
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });
  routes.patch('/v1/customers/:customerId/users/:userId/resetpassword', async (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
    if (c.get('tokenKind') !== 'app+user') return replyError(c, 403, 'Forbidden', 'Resetting a user password requires an app+user token.');
    const user = (state.users.get(customerId) ?? []).find((item) => item.id === c.req.param('userId').toLowerCase());
    if (!user) return replyError(c, 404, 'NotFound', `No user ${c.req.param('userId')} in customer ${customerId}.`);
    const parsed = resetPasswordSchema.safeParse(normalizeKeys(await c.req.json().catch(() => undefined)));
    if (!parsed.success) return replyError(c, 400, 'BadInput', 'Send {passwordProfile: {password, forceChangePassword: true}, attributes: {objectType: "CustomerUser"}}.');
    user.passwordResets++;
    return c.json(toResource(user));
  });
  return routes;
}

function toResource(user: { id: string; userPrincipalName: string; displayName: string }) {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    userDomainType: 'none',
    state: 'active',
    attributes: { objectType: 'CustomerUser' },
  };
}
