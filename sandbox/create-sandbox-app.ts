import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { SandboxOptions } from './sandbox-options.ts';
import { DEFAULT_EXISTING_DOMAINS, DEFAULT_FAULTS, DEFAULT_PARTNER_TENANT_ID, DEFAULT_RATE_LIMIT } from './sandbox-options.ts';
import { createSandboxState, type SandboxState } from './sandbox-state.ts';
import type { SandboxEnv } from './internal/sandbox-env.ts';
import { createSeededRandom } from './internal/seeded-random.ts';
import { addLatency, countAndEcho, injectServerErrors, requireToken, throttle } from './internal/api-middleware.ts';
import { hideYoungCustomers } from './internal/hide-young-customers.ts';
import { noLostAnswers } from './internal/lose-answer.ts';
import { createUserRoutes } from './routes/user-routes.ts';
import { replyError } from './internal/error-body.ts';
import { createAdminRoutes } from './routes/admin-routes.ts';
import { createTokenRoutes } from './routes/token-routes.ts';
import { createDomainRoutes } from './routes/domain-routes.ts';
import { createCustomerRoutes } from './routes/customer-routes.ts';
import { createCustomerListRoutes } from './routes/customer-list-routes.ts';
import { createValidationRoutes } from './routes/validation-routes.ts';
import { createAgreementRoutes } from './routes/agreement-routes.ts';
import { createCatalogRoutes } from './routes/catalog-routes.ts';
import { createOrderRoutes } from './routes/order-routes.ts';
import { createCartRoutes } from './routes/cart-routes.ts';
import { createSubscriptionRoutes } from './routes/subscription-routes.ts';

export interface SandboxApp {
  app: Hono<SandboxEnv>;
  state: SandboxState;
}

/**
 * Builds the sandbox's Hono app and its in-memory state without opening a port; test it with
 * `app.request()`, or serve it with `startSandbox`.
 *
 * @example
 * const { app } = createSandboxApp({ testToken: 'test' });
 * const res = await app.request('/v1/domains/contoso.onmicrosoft.com', { method: 'HEAD', headers: { Authorization: 'Bearer test' } });
 */
export function createSandboxApp(options: Omit<SandboxOptions, 'port' | 'host'> = {}): SandboxApp {
  const existingDomains = options.existingDomains ?? DEFAULT_EXISTING_DOMAINS;
  const state = createSandboxState({
    partnerTenantId: options.partnerTenantId ?? DEFAULT_PARTNER_TENANT_ID,
    faults: { ...DEFAULT_FAULTS, ...options.faults },
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    existingDomains,
    ...(options.testToken ? { testToken: options.testToken } : {}),
    random: createSeededRandom(options.seed),
    cloud: options.cloud ?? 'global',
    requireAgreementForPurchases: options.requireAgreementForPurchases ?? true,
    replay: options.replay ?? true,
    visibilityDelayMs: options.visibilityDelayMs ?? 0,
    loseAnswers: { next: { ...noLostAnswers().next, ...options.loseAnswers?.next }, mode: options.loseAnswers?.mode ?? 'reset' },
  });
  const app = new Hono<SandboxEnv>();
  // A local test double called from the wizard replica's page in the browser: any origin may call it.
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Accept', 'MS-RequestId', 'MS-CorrelationId', 'MS-Contract-Version', 'MS-ContinuationToken', 'X-Locale', 'If-Match'],
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'MS-RequestId', 'MS-CorrelationId', 'MS-CV'],
    }),
  );
  app.route('/', createAdminRoutes(state, existingDomains));
  app.use('/v1/*', countAndEcho(state), addLatency(state), requireToken(state), throttle(state), injectServerErrors(state));
  app.use('/v1/customers/:customerId', hideYoungCustomers(state));
  app.use('/v1/customers/:customerId/*', hideYoungCustomers(state));
  app.use('/:tenant/oauth2/*', countAndEcho(state));
  app.route('/', createTokenRoutes(state));
  app.route('/', createDomainRoutes(state));
  app.route('/', createCustomerRoutes(state));
  app.route('/', createCustomerListRoutes(state));
  app.route('/', createValidationRoutes(state));
  app.route('/', createAgreementRoutes(state));
  app.route('/', createCatalogRoutes(state));
  app.route('/', createOrderRoutes(state));
  app.route('/', createCartRoutes(state));
  app.route('/', createUserRoutes(state));
  app.route('/', createSubscriptionRoutes(state));
  app.notFound((c) => replyError(c, 404, 'NotFound', `The sandbox has no endpoint ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => replyError(c, 500, 'InternalServerError', `The sandbox failed: ${error.message}`));
  return { app, state };
}
