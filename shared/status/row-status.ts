/**
 * The final status of a data row (docs/contracts/csv.md §5; `ordered` is the orders file's, §6).
 * Every row ends in exactly one of these.
 */
export const ROW_STATUSES = ['created', 'exists', 'invalid', 'failed', 'skipped', 'ready', 'ordered'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Statuses that count as success for the CLI's exit code. */
export const SUCCESS_STATUSES: readonly RowStatus[] = ['created', 'exists', 'ready', 'ordered'];
