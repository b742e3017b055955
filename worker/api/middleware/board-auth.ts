import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ApiProblemError } from '../problems/api-problem-error.ts';
import { readBearerToken, type IdentifyToken } from './bearer-auth.ts';

const BOARD_COOKIE = 'pc_onboard_board';

/**
 * Auth for the Bull Board pages, which a browser opens directly: the bearer header works, and so
 * does `/ui?token=<API token>` once — the token is moved into an HttpOnly, SameSite=Strict cookie
 * scoped to the board's path, and the browser is redirected to the same URL without it, so the
 * token does not stay in the address bar or history.
 */
export function boardAuth(identify: IdentifyToken, basePath: string): MiddlewareHandler {
  const matches = async (candidate: string | undefined) => (await identify(candidate)) !== undefined;
  return async (c, next) => {
    const url = new URL(c.req.url);
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (queryToken !== undefined) {
      if (!(await matches(queryToken))) throw boardUnauthorized(basePath);
      setCookie(c, BOARD_COOKIE, queryToken, {
        httpOnly: true,
        sameSite: 'Strict',
        path: basePath,
        secure: url.protocol === 'https:',
      });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    if ((await matches(readBearerToken(c.req.header('authorization')))) || (await matches(getCookie(c, BOARD_COOKIE)))) {
      await next();
      return;
    }
    throw boardUnauthorized(basePath);
  };
}

function boardUnauthorized(basePath: string): ApiProblemError {
  return new ApiProblemError({
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: `Open ${basePath}?token=<API token> once in this browser (the worker printed the token on its first start; it is also in its data directory, api-token).`,
  });
}
