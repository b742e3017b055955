import type { LiveCloudName } from '../shared/partner-center/clouds.ts';
import type { LosableWrite, LostAnswerMode } from './internal/lose-answer.ts';

/**
 * Options of the Partner Center sandbox (docs/contracts/partner-center.md §0). Every knob has a default
 * that matches the documented behaviour of the real service, so `startSandbox()` alone is faithful.
 */
export interface SandboxFaults {
  /** Fixed delay added before every API answer, in milliseconds. @default 0 */
  latencyMs: number;
  /** Extra random delay of 0..jitterMs on top of `latencyMs`. @default 0 */
  jitterMs: number;
  /** Probability (0..1) that an API call fails with 503 before doing anything. @default 0 */
  errorRate: number;
  /**
   * Probability (0..1) that a creating POST (customer, agreement, order, cart, checkout) commits
   * and then loses its answer: the caller sees a 500 or a reset socket. @default 0
   */
  dropAfterCommitRate: number;
  /** How a dropped answer looks: a 500 error body, a reset connection, or either at random. @default 'both' */
  dropMode: 'error' | 'reset' | 'both';
}

/** One token bucket shared by every API call (§0.3). */
export interface SandboxRateLimit {
  /** @default 500 */
  capacity: number;
  /** @default 500 / 60 */
  refillPerSecond: number;
}

export interface SandboxOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  faults?: Partial<SandboxFaults>;
  rateLimit?: Partial<SandboxRateLimit>;
  /** A bearer token the sandbox accepts as app+user without a token request (handy in tests). */
  testToken?: string;
  /** Seeds the random choices of fault injection (not ids or passwords) so a test is repeatable. */
  seed?: number;
  /** Domains that already belong to a tenant when the sandbox starts. @default ['taken.onmicrosoft.com'] */
  existingDomains?: string[];
  /**
   * The cloud the sandbox plays (§0.14): only the global cloud has the MCA attestation, so only
   * there `requireAgreementForPurchases` refuses; 'usgov' and 'china' never do. @default 'global'
   */
  cloud?: LiveCloudName;
  /**
   * Refuse a cart checkout or a legacy order with 403/13605 until the customer's MCA is attested
   * (§0.14, §7.3), as the global cloud does. Customers of the 21Vianet cloud
   * (`.partner.onmschina.cn`), and every customer when `cloud` is not 'global', are never
   * refused; set false to play a customer who accepted in the Microsoft 365 admin center. @default true
   */
  requireAgreementForPurchases?: boolean;
  /**
   * Replay a creating POST's first answer for a repeated `MS-RequestId` (§0.1). False plays a
   * service that ignores the header (§0.16): a repeated create of a committed domain answers 409
   * `DomainAlreadyExists`. @default true
   */
  replay?: boolean;
  /**
   * For this long after a customer is created, every call under `/v1/customers/{id}` answers 404
   * with the §10 body, as the real service does for about 90 s (§0.15). @default 0
   */
  visibilityDelayMs?: number;
  /**
   * Lose the answers of the next writes after committing them (§0.20): how many per write
   * (`customer`, `agreement`, `cart`, `checkout`, `order`), and how (`reset`, the default, or `504`).
   * Also `POST /_sandbox/lose-answers` at run time. @default none
   */
  loseAnswers?: { next?: Partial<Record<LosableWrite, number>>; mode?: LostAnswerMode };
  /** The partner tenant id used in relationship links and tokens. @default a fixed GUID */
  partnerTenantId?: string;
}

export const DEFAULT_FAULTS: Readonly<SandboxFaults> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  dropAfterCommitRate: 0,
  dropMode: 'both',
});

export const DEFAULT_RATE_LIMIT: Readonly<SandboxRateLimit> = Object.freeze({
  capacity: 500,
  refillPerSecond: 500 / 60,
});

export const DEFAULT_PARTNER_TENANT_ID = '4d6a1c2e-8b3f-4a5d-9e7c-1f2a3b4c5d6e';

export const DEFAULT_EXISTING_DOMAINS: readonly string[] = Object.freeze(['taken.onmicrosoft.com']);
