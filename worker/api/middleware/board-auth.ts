import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ApiProblemError } from '../problems/api-problem-error.ts';
import { readBearerToken } from './bearer-auth.ts';

const BOARD_COOKIE = 'pc_onboard_board';

/**
 * Auth for the Bull Board pages, which a browser opens directly: the bearer header works, and so
 * does `/ui?token=<API token>` once — the token is moved into an HttpOnly, SameSite=Strict cookie
 * scoped to the board's path, and the browser is redirected to the same URL without it, so the
 * token does not stay in the address bar or history.
 */
export function boardAuth(matches: (candidate: string | undefined) => boolean, basePath: string): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (queryToken !== undefined) {
      if (!matches(queryToken)) throw boardUnauthorized(basePath);
      setCookie(c, BOARD_COOKIE, queryToken, {
        httpOnly: true,
        sameSite: 'Strict',
        path: basePath,
        secure: url.protocol === 'https:',
      });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    if (matches(readBearerToken(c.req.header('authorization'))) || matches(getCookie(c, BOARD_COOKIE))) {
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
