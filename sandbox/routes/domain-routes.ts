import { Hono } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';

/** `HEAD /v1/domains/{domain}` (docs/contracts/partner-center.md §3): 200 when the domain is taken, 404 when it is available. */
export function createDomainRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.on(['HEAD', 'GET'], '/v1/domains/:domain', (c) => {
    const taken = state.domains.has(c.req.param('domain').toLowerCase());
    // No body either way; say so, as the service does (§3: Content-Length 0).
    c.header('Content-Length', '0');
    return c.body(null, taken ? 200 : 404);
  });
  return routes;
}
