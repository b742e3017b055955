import type { MiddlewareHandler } from 'hono';
import { ApiProblemError } from '../problems/api-problem-error.ts';

/** Requires `Authorization: Bearer <API token>`. */
export function bearerAuth(matches: (candidate: string | undefined) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const token = readBearerToken(c.req.header('authorization'));
    if (!matches(token)) throw unauthorized(token === undefined);
    await next();
  };
}

export function readBearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function unauthorized(missing: boolean): ApiProblemError {
  return new ApiProblemError({
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: missing
      ? 'Send the API token as "Authorization: Bearer <token>". The worker printed it on its first start and keeps it in its data directory (api-token).'
      : 'The API token is wrong. Copy it again from the worker\'s first start output or its data directory (api-token), and set it in the extension\'s Options.',
    headers: { 'WWW-Authenticate': 'Bearer realm="pc-onboard"' },
  });
}
