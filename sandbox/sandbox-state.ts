import { randomUUID } from 'node:crypto';
import type { LiveCloudName } from '../shared/partner-center/clouds.ts';
import type { SandboxFaults, SandboxRateLimit } from './sandbox-options.ts';
import { createTokenBucket, type TokenBucket } from './internal/token-bucket.ts';
import type { LoseAnswers } from './internal/lose-answer.ts';

/** What a bearer token may do (docs/contracts/partner-center.md §0.12): app-only tokens cannot attest MCA or serve indirect resellers. */
export type TokenKind = 'app-only' | 'app+user';

export interface StoredCustomer {
  id: string;
  commerceId: string;
  domain: string;
  createdAt: string;
  /** The Customer resource as first answered, without the password. */
  resource: Record<string, unknown>;
  associatedPartnerId?: string;
}

interface StoredAgreement {
  customerId: string;
  templateId: string;
  dateAgreed: string;
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string };
  resource: Record<string, unknown>;
}

/** A user of a customer tenant (§0.17); the sandbox keeps the admin user of each customer it creates. */
interface StoredUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** Only to let tests see that a reset took place; never served. */
  passwordResets: number;
}

export interface StoredCart {
  id: string;
  customerId: string;
  status: 'Active' | 'Ordered';
  resource: Record<string, unknown>;
}

interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

/**
 * Everything the sandbox remembers, in memory. Exposed by `startSandbox` so tests can look
 * inside; the `/_sandbox/stats` endpoint shows the same without secrets.
 */
export interface SandboxState {
  readonly partnerTenantId: string;
  customers: Map<string, StoredCustomer>;
  /** Lower-case domain → customer id, or `null` for a domain taken outside the sandbox. */
  domains: Map<string, string | null>;
  tokens: Map<string, TokenKind>;
  idempotency: Map<string, IdempotencyRecord>;
  agreements: StoredAgreement[];
  orders: Map<string, Record<string, unknown>[]>;
  /** Customer id → its Subscription resources (§0.19), one per bought line. */
  subscriptions: Map<string, Record<string, unknown>[]>;
  carts: Map<string, StoredCart>;
  creationsPerDomain: Map<string, number>;
  callsPerEndpoint: Map<string, number>;
  faults: SandboxFaults;
  bucket: TokenBucket;
  random: () => number;
  /** The cloud played: the MCA refusal exists in 'global' only (§0.14). */
  cloud: LiveCloudName;
  requireAgreementForPurchases: boolean;
  /** §0.1 replay of `MS-RequestId` (false: the header is ignored, §0.16). */
  replay: boolean;
  /** §0.15: a customer younger than this is not found under `/v1/customers/{id}`. */
  visibilityDelayMs: number;
  /** §0.20: how many of the next answers of each write to lose after committing. */
  loseAnswers: LoseAnswers;
  /** Customer id → its users (§0.17). */
  users: Map<string, StoredUser[]>;
}

export function createSandboxState(init: {
  partnerTenantId: string;
  faults: SandboxFaults;
  rateLimit: SandboxRateLimit;
  existingDomains: readonly string[];
  testToken?: string;
  random: () => number;
  cloud: LiveCloudName;
  requireAgreementForPurchases: boolean;
  replay: boolean;
  visibilityDelayMs: number;
  loseAnswers: LoseAnswers;
}): SandboxState {
  const state: SandboxState = {
    partnerTenantId: init.partnerTenantId,
    customers: new Map(),
    domains: new Map(),
    tokens: new Map(),
    idempotency: new Map(),
    agreements: [],
    orders: new Map(),
    subscriptions: new Map(),
    carts: new Map(),
    creationsPerDomain: new Map(),
    callsPerEndpoint: new Map(),
    faults: { ...init.faults },
    bucket: createTokenBucket(init.rateLimit),
    random: init.random,
    cloud: init.cloud,
    requireAgreementForPurchases: init.requireAgreementForPurchases,
    replay: init.replay,
    visibilityDelayMs: init.visibilityDelayMs,
    loseAnswers: init.loseAnswers,
    users: new Map(),
  };
  seedState(state, init.existingDomains, init.testToken);
  return state;
}

/** Empties customers, orders, carts, idempotency records and counters; keeps tokens and faults (lost answers too). */
export function resetSandboxState(state: SandboxState, existingDomains: readonly string[]): void {
  state.customers.clear();
  state.domains.clear();
  state.idempotency.clear();
  state.agreements.length = 0;
  state.orders.clear();
  state.subscriptions.clear();
  state.carts.clear();
  state.creationsPerDomain.clear();
  state.callsPerEndpoint.clear();
  state.users.clear();
  seedState(state, existingDomains);
}

function seedState(state: SandboxState, existingDomains: readonly string[], testToken?: string): void {
  for (const domain of existingDomains) state.domains.set(domain.toLowerCase(), null);
  if (testToken) state.tokens.set(testToken, 'app+user');
}

/** Issues a new opaque bearer token of the given kind. */
export function issueToken(state: SandboxState, kind: TokenKind): string {
  const token = `sandbox.${kind === 'app-only' ? 'app' : 'user'}.${randomUUID()}`;
  state.tokens.set(token, kind);
  return token;
}
