import type { RowStatus } from '../../shared/status/row-status.ts';

/** Row statuses as the store keeps them: the final ones plus `pending`. */
export const STORE_STATUSES = ['pending', 'created', 'exists', 'invalid', 'failed', 'skipped', 'ready', 'ordered'] as const;
export type StoreStatus = RowStatus | 'pending';

/**
 * The Redis keys of one import. Every key starts with the configured prefix, so a prefix with a
 * hash tag (`{pco}`) keeps them in one Redis Cluster slot, as the Lua scripts need.
 */
export interface ImportKeys {
  /** HASH: summary fields and the `n:<status>` counters. */
  meta: string;
  /** HASH row → RowState JSON. */
  rows: string;
  /** HASH row → original cells JSON (for the results file). */
  cells: string;
  /** HASH row → validated CustomerRecord JSON (job data carries only ids). */
  records: string;
  /** ZSET per status of row numbers (score = row), for cursor paging by status. */
  byStatus: Record<StoreStatus, string>;
  /** Pub/sub channel of the import's events. */
  events: string;
  /** STREAM of the import's recent events, so an SSE client can resume (`Last-Event-ID`). */
  eventLog: string;
}

export function importKeys(prefix: string, importId: string): ImportKeys {
  const base = `${prefix}:import:${importId}`;
  return {
    meta: base,
    rows: `${base}:rows`,
    cells: `${base}:cells`,
    records: `${base}:records`,
    byStatus: Object.fromEntries(STORE_STATUSES.map((status) => [status, `${base}:status:${status}`])) as Record<StoreStatus, string>,
    events: `${prefix}:events:${importId}`,
    eventLog: `${base}:events`,
  };
}

/** ZSET of import ids by creation time. */
export function importIndexKey(prefix: string): string {
  return `${prefix}:imports`;
}

/** HASH of file content hash (SHA-256 hex) → the latest import of those bytes. */
export function hashIndexKey(prefix: string): string {
  return `${prefix}:imports-by-hash`;
}

/**
 * HASH of an orders file's content hash → the latest import (not a dry run) of those bytes, kept
 * without a TTL like the applied-change record it goes with (docs/contracts/csv.md §6).
 */
export function ordersByHashKey(prefix: string): string {
  return `${prefix}:orders-by-hash`;
}

/** SET of the imports that still have pending rows to feed to the queue (a worker's sweep reads it). */
export function feedingIndexKey(prefix: string): string {
  return `${prefix}:imports-feeding`;
}

/** The keys in the order the Lua scripts expect them. */
export function scriptKeys(keys: ImportKeys): string[] {
  return [keys.meta, keys.rows, ...STORE_STATUSES.map((status) => keys.byStatus[status])];
}
