import type { CloudName } from '../../shared/partner-center/clouds.ts';

/**
 * One licence change this tool applied (docs/contracts/csv.md §6, "never applied twice"): a
 * raised quantity (`from`, `to`) or a new subscription, with the import, row and item that
 * applied it and who queued that import.
 */
export interface AppliedChange {
  cloud: CloudName;
  customerId: string;
  subscriptionId: string;
  /** Licences added. */
  added: number;
  /** A raised quantity: before and after. Absent for a new subscription. */
  from?: number;
  to?: number;
  importId: string;
  /** When that import was created (ISO): a note about it names its date. */
  importCreatedAt: string;
  row: number;
  /** The item's index in the row's offers, from 0. */
  item: number;
  /** ISO time the change was applied. */
  appliedAt: string;
  /** The API token's name (or `cli:<user>`) of whoever queued the import. */
  queuedBy: string;
  /** SHA-256 of the file's bytes, when known: an import of the same bytes later finds the change. */
  contentHash?: string;
}
