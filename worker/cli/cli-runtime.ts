import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import type { ImportService } from '../imports/import-service.ts';
import type { HealthReport } from '../api/api-deps.ts';
import type { ApiService } from '../runtime/create-runtime.ts';
import type { Ledger } from '../ledger/create-ledger.ts';
import type { TokenRegistry } from '../auth/create-token-registry.ts';

/**
 * What the CLI commands need from the worker runtime (Redis, the import service, the queue and,
 * when asked, an embedded BullMQ worker). `openCliRuntime` builds it from the worker runtime's factory;
 * the commands see only this.
 */
export interface CliRuntime {
  config: Readonly<Config>;
  service: ImportService;
  ledger: Ledger;
  tokens: TokenRegistry;
  /** `sandbox` when no Partner Center credentials are configured: nothing real is created. */
  partnerCenterMode: 'sandbox' | 'real';
  /** One line for the operator, e.g. which Partner Center is used. */
  banner: string;
  /** The Redis URL in use (an embedded server's when nothing answered at REDIS_URL); no password. */
  redisUrl: string;
  /** For Bull Board. */
  queues: readonly Queue[];
  checkHealth(): Promise<HealthReport>;
  /** The import service for the HTTP API: fails fast (→ 503) while Redis is away; see `Runtime.openApiService`. */
  openApiService(): Promise<ApiService>;
  /** Logs an unexpected error of the API (through the redacting logger). */
  reportError(error: unknown, context: Record<string, unknown>): void;
  /** Stops the embedded worker (letting running rows finish), then closes Redis and the sandbox. */
  close(): Promise<void>;
}

export interface OpenCliRuntimeOptions {
  /** Start a BullMQ worker in this process. */
  worker: boolean;
  /** Overrides the configured concurrency of that worker. */
  concurrency?: number;
}

export type OpenCliRuntime = (config: Readonly<Config>, options: OpenCliRuntimeOptions) => Promise<CliRuntime>;
