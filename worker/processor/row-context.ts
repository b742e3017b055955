import type { Logger } from 'pino';
import type { CustomerRecord } from '../../shared/customer/customer-record.ts';
import type { CallContext } from '../../shared/partner-center/partner-center-client.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import type { RowState } from '../store/row-state.ts';
import type { OrderClaims } from '../store/order-claims.ts';
import type { PasswordVault } from '../secrets/password-vault.ts';
import { deriveRequestId } from './derive-request-id.ts';

/** What every step of a row's job gets. */
export interface RowContext {
  importId: string;
  row: number;
  gen: number;
  cloud: CloudName;
  dryRun: boolean;
  /** The import's creation time: caps the MCA date deterministically, so replays send the same body. */
  importCreatedAt: string;
  record: CustomerRecord;
  state: RowState;
  /** When this run of the row's job started (ISO). */
  attemptStartedAt: string;
  /** No retry follows this run if it fails: a lost create answer is checked at once (create-customer-step.ts). */
  lastAttempt: boolean;
  store: ImportStore;
  vault: PasswordVault;
  partnerCenter: PartnerCenterClient;
  logger: Logger;
  /** Which row took which order of a customer (place-orders-step.ts). */
  claims: OrderClaims;
  /**
   * The call context of one step: a write step gets its own deterministic request id; a read
   * (no step) gets a fresh one from the client. Every call of the row, in every attempt, carries
   * the row's correlation id (`rowCorrelationId`), so Partner Center support finds them together.
   */
  call(step?: string): CallContext;
}

export function createCallContext(importId: string, row: number, round = 0): (step?: string) => CallContext {
  const correlationId = rowCorrelationId(importId, row);
  return (step) => {
    if (step === undefined) return { correlationId };
    return { requestId: deriveRequestId(importId, row, round === 0 ? step : `${step}#${round}`), correlationId };
  };
}

/**
 * The `MS-CorrelationId` of every Partner Center call of one row (docs/pipeline.md "Tracing"): a
 * UUID derived from import and row, the same across retries, so one id finds all of a row's calls.
 */
export function rowCorrelationId(importId: string, row: number): string {
  return deriveRequestId(importId, row, 'correlation');
}
