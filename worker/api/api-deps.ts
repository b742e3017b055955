import type { Queue } from 'bullmq';
import type { ImportService } from '../imports/import-service.ts';
import type { IdentifyToken } from './middleware/bearer-auth.ts';
import type { Ledger } from '../ledger/create-ledger.ts';

/** What `/health` reports; 503 when Redis does not answer. */
export interface HealthReport {
  redis: 'up' | 'down';
  /** `sandbox`: no real customers are created. */
  partnerCenter: 'sandbox' | 'real';
  /** The Partner Center sign-in; `message` says "Sign in again: pc-onboard login" when imports wait for one. */
  signIn?: { state: 'signed-in' | 'sign-in-needed' | 'signed-out'; message: string; user?: string; daysLeft?: number };
}

/** Everything the HTTP API needs, injected so tests can build the app without a port (Hono `app.request`). */
export interface ApiDeps {
  service: ImportService;
  /** The bearer token; compared in constant time and never logged. Used when `identifyToken` is not given (named `first`). */
  apiToken: string;
  /** Names the holder of a token (the per-person tokens in Redis); undefined when unknown or revoked. */
  identifyToken?: IdentifyToken;
  /** Origins allowed by CORS, e.g. `chrome-extension://abcdefghijklmnopabcdefghijklmnop`. */
  extensionOrigins: readonly string[];
  /** Largest accepted request body; larger ones get 413. */
  maxBodyBytes: number;
  checkHealth: () => Promise<HealthReport>;
  /** The customers this tool created; `GET /ledger` lists them when given. */
  ledger?: Ledger;
  /**
   * Whether the service's Redis connection is up now. When it says false, every route but
   * `/health` answers 503 at once instead of waiting for Redis. @default always true
   */
  redisReachable?: () => boolean;
  /** Queues shown by Bull Board at `/ui`; without them the board is not mounted. */
  boardQueues?: readonly Queue[];
  /** Interval of SSE comment heartbeats that keep proxies from closing an idle stream. @default 15 s */
  sseHeartbeatMs?: number;
  /** Where unexpected (500) errors are reported. Never receives the token. */
  reportError?: (error: unknown, context: { method: string; path: string }) => void;
}
