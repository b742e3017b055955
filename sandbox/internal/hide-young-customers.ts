import type { MiddlewareHandler } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { replyError } from './error-body.ts';

/**
 * §0.15: for `visibilityDelayMs` after its creation, a customer is not found under
 * `/v1/customers/{id}` (404 with the §10 body), as the real service answers for about 90 s.
 * The list of customers and the domain check are not affected.
 */
export function hideYoungCustomers(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (state.visibilityDelayMs > 0) {
      const customerId = (c.req.param('customerId') ?? '').toLowerCase();
      const customer = state.customers.get(customerId);
      if (customer && Date.now() - Date.parse(customer.createdAt) < state.visibilityDelayMs) {
        return replyError(c, 404, 'NotFound', `Customer ${customerId} not found.`);
      }
    }
    await next();
  };
}
