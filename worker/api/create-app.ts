import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from './api-deps.ts';
import { bearerAuth } from './middleware/bearer-auth.ts';
import { boardAuth } from './middleware/board-auth.ts';
import { extensionCors } from './middleware/extension-cors.ts';
import { createTokenMatcher } from './middleware/token-matcher.ts';
import { FIRST_TOKEN_NAME } from '../auth/create-token-registry.ts';
import { payloadTooLarge, routeNotFound } from './problems/common-problems.ts';
import { renderProblem } from './problems/render-problem.ts';
import { createBullBoardRoute } from './routes/bull-board-route.ts';
import { createHealthRoute } from './routes/health-route.ts';
import { createImportEventsRoute } from './routes/import-events-route.ts';
import { createImportsRoutes } from './routes/imports-routes.ts';
import { createResultsRoutes } from './routes/results-routes.ts';
import { createLedgerRoute } from './routes/ledger-route.ts';
import { requireRedis } from './middleware/require-redis.ts';

export const BOARD_BASE_PATH = '/ui';

/**
 * The worker's HTTP API. Built from injected deps so tests call `app.request()` with no
 * port; `startApiServer` serves it. Every error is `application/problem+json`.
 */
export function createApp(deps: ApiDeps) {
  const matches = createTokenMatcher(deps.apiToken);
  const identify = deps.identifyToken ?? (async (candidate: string | undefined) => (matches(candidate) ? FIRST_TOKEN_NAME : undefined));
  const reportError = deps.reportError ?? (() => {});

  const app = new Hono()
    .use(extensionCors(deps.extensionOrigins))
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: () => {
          throw payloadTooLarge(deps.maxBodyBytes);
        },
      }),
    )
    // Redis first: the token lookup itself needs Redis, and must not wait for it in an outage.
    .use('/imports', requireRedis(deps.redisReachable))
    .use('/imports/*', requireRedis(deps.redisReachable))
    .use('/imports', bearerAuth(identify))
    .use('/imports/*', bearerAuth(identify))
    .route('/health', createHealthRoute(deps))
    .route('/imports', createImportsRoutes(deps))
    .route('/imports', createImportEventsRoute(deps))
    .route('/imports', createResultsRoutes(deps));

  if (deps.ledger) {
    app.use('/ledger', requireRedis(deps.redisReachable));
    app.use('/ledger', bearerAuth(identify));
    app.route('/ledger', createLedgerRoute(deps.ledger));
  }

  if (deps.boardQueues?.length) {
    app.use(BOARD_BASE_PATH, requireRedis(deps.redisReachable));
    app.use(`${BOARD_BASE_PATH}/*`, requireRedis(deps.redisReachable));
    app.use(BOARD_BASE_PATH, boardAuth(identify, BOARD_BASE_PATH));
    app.use(`${BOARD_BASE_PATH}/*`, boardAuth(identify, BOARD_BASE_PATH));
    app.route(BOARD_BASE_PATH, createBullBoardRoute(deps.boardQueues, BOARD_BASE_PATH));
  }

  app.notFound((c) => renderProblem(c, routeNotFound(c.req.method, c.req.path), () => {}));
  app.onError((error, c) =>
    renderProblem(c, error, (unexpected) => reportError(unexpected, { method: c.req.method, path: c.req.path })),
  );
  return app;
}

/** The API's route types, for a typed client (`hono/client`). */
export type AppType = ReturnType<typeof createApp>;
