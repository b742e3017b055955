import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the configured extension origins only (e.g. `chrome-extension://<id>`); any other
 * origin gets no `Access-Control-Allow-Origin`, so its browser refuses to read the answer.
 */
export function extensionCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    exposeHeaders: ['Content-Disposition', 'Location'],
    maxAge: 600,
  });
}
