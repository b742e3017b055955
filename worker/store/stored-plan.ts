import type { PlannedChange } from '../../shared/orders/plan-licence-changes.ts';

/** The import whose same bytes applied an item before (docs/contracts/csv.md §6, "same file again"). */
export interface EarlierApplication {
  importId: string;
  importCreatedAt: string;
}

/**
 * One item of an orders row as stored with the row: the planned change (target quantity
 * included, computed once), and the earlier import that applied it already, when one did.
 */
export type StoredChange = PlannedChange & { earlier?: EarlierApplication };

export function parseStoredPlan(json: string): StoredChange[] {
  return JSON.parse(json) as StoredChange[];
}
