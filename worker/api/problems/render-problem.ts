import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import { isImportNotFoundError } from '../../errors/import-not-found-error.ts';
import { isRedisUnavailableError } from '../../errors/redis-unavailable-error.ts';
import { isApiProblemError, ApiProblemError } from './api-problem-error.ts';
import { importNotFound, redisUnavailable } from './common-problems.ts';
import { toCsvOrCloudProblem } from './csv-and-cloud-problems.ts';
import { isRedisConnectionError } from '../../redis/is-redis-connection-error.ts';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemBody } from './problem-body.ts';

/**
 * The one place where errors become HTTP answers: routes and the services they call throw (typed
 * errors or `ApiProblemError`), and this turns any of them into a problem+json response; unknown
 * errors become a 500 without internals.
 */
export function renderProblem(c: Context, error: unknown, onUnexpected: (error: unknown) => void): Response {
  const problem = toApiProblem(error);
  // An outage is logged once by the connection, not once per request.
  if (problem.status >= 500 && problem.slug !== 'redis-unavailable') onUnexpected(error);
  const body: ProblemBody = {
    type: problemType(problem.slug),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...problem.extensions,
  };
  // Keep headers set earlier (CORS) and add the problem's own (WWW-Authenticate, Retry-After).
  return c.newResponse(JSON.stringify(body), problem.status as 400, {
    ...problem.headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
}

function toApiProblem(error: unknown): ApiProblemError {
  if (isApiProblemError(error)) return error;
  if (isImportNotFoundError(error)) return importNotFound(error.importId);
  const refused = toCsvOrCloudProblem(error);
  if (refused) return refused;
  if (isRedisUnavailableError(error)) return redisUnavailable(`${error.message} Then try again.`, error);
  if (isRedisConnectionError(error)) return redisUnavailable(undefined, error);
  if (error instanceof HTTPException) {
    return new ApiProblemError({
      status: error.status,
      slug: error.status === 413 ? 'payload-too-large' : 'http-error',
      title: error.status === 413 ? 'Payload too large' : 'Request refused',
      detail: error.message || 'The request was refused; check the method, path and body.',
      cause: error,
    });
  }
  return new ApiProblemError({
    status: 500,
    slug: 'internal-error',
    title: 'Internal error',
    detail: 'The worker failed while handling this request; its log has the details. Try again, and report it if it persists.',
    cause: error,
  });
}
