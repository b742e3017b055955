import { Hono } from 'hono';
import type { ApiDeps, HealthReport } from '../api-deps.ts';

/** `GET /health`, without auth: Redis reachability and whether Partner Center is the sandbox. */
export function createHealthRoute(deps: Pick<ApiDeps, 'checkHealth'>) {
  return new Hono().get('/', async (c) => {
    const report: HealthReport | { redis: 'down' } = await deps.checkHealth().catch(() => ({ redis: 'down' as const }));
    const ok = report.redis === 'up';
    return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), ...report }, ok ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });
}
