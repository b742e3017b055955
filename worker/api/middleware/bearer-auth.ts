import type { MiddlewareHandler } from 'hono';
import { ApiProblemError } from '../problems/api-problem-error.ts';

/** What the routes behind `bearerAuth` may read: the name of the token that called. */
export interface AuthEnv {
  Variables: { tokenName: string };
}

/** Names the holder of a token; undefined for an unknown or revoked one. */
export type IdentifyToken = (candidate: string | undefined) => Promise<string | undefined>;

/** Requires `Authorization: Bearer <API token>`, and tells the routes whose token it is. */
export function bearerAuth(identify: IdentifyToken): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = readBearerToken(c.req.header('authorization'));
    const name = await identify(token);
    if (name === undefined) throw unauthorized(token === undefined);
    c.set('tokenName', name);
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
      ? 'Send the API token as "Authorization: Bearer <token>". The worker printed it on its first start and keeps it in its data directory (api-token); "pc-onboard token add NAME" makes one per person.'
      : 'The API token is wrong or was revoked. Copy it again from the worker\'s first start output or its data directory (api-token), or ask for one ("pc-onboard token add NAME"), and set it in the extension\'s Options.',
    headers: { 'WWW-Authenticate': 'Bearer realm="pc-onboard"' },
  });
}
