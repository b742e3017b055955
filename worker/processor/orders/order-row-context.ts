import type { Logger } from 'pino';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import type { PartnerCenterClient } from '../../../shared/partner-center/create-partner-center-client.ts';
import type { CallContext } from '../../../shared/partner-center/partner-center-client.ts';
import type { OrderClaims } from '../../store/order-claims.ts';

/** What every step of an orders row's job gets (the orders counterpart of `RowContext`). */
export interface OrderRowContext {
  importId: string;
  row: number;
  cloud: CloudName;
  /** No retry follows this run if it fails (a lost purchase answer is read back at once). */
  lastAttempt: boolean;
  partnerCenter: PartnerCenterClient;
  logger: Logger;
  /** Which row took which order of a customer (place-orders-step.ts). */
  claims: OrderClaims;
  /** A write step gets its own deterministic request id; a read (no step) a fresh one. */
  call(step?: string): CallContext;
}
