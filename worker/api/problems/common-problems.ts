import { ApiProblemError } from './api-problem-error.ts';

/** The problems more than one route raises, worded once. */
export function importNotFound(importId: string): ApiProblemError {
  return new ApiProblemError({
    status: 404,
    slug: 'import-not-found',
    title: 'Import not found',
    detail: `No import has the id "${importId}". List the imports with GET /imports; imports expire from Redis after their retention time.`,
  });
}

export function routeNotFound(method: string, path: string): ApiProblemError {
  return new ApiProblemError({
    status: 404,
    slug: 'route-not-found',
    title: 'Not found',
    detail: `There is no route ${method} ${path}. The API serves /health, /imports and /ui.`,
  });
}

export function payloadTooLarge(maxBytes: number): ApiProblemError {
  return new ApiProblemError({
    status: 413,
    slug: 'payload-too-large',
    title: 'Payload too large',
    detail: `The request body is larger than ${maxBytes} bytes. Split the CSV into smaller files, or raise PC_ONBOARD_BODY_LIMIT_MB on the worker.`,
  });
}

/** Redis (where imports live) does not answer; `detail` may say more (e.g. how to get Redis). */
export function redisUnavailable(detail = 'The worker cannot reach Redis, where the imports are kept. It reconnects by itself; try again in a few seconds.', cause?: unknown): ApiProblemError {
  return new ApiProblemError({
    status: 503,
    slug: 'redis-unavailable',
    title: 'Redis unavailable',
    detail,
    headers: { 'Retry-After': '5' },
    ...(cause === undefined ? {} : { cause }),
  });
}
