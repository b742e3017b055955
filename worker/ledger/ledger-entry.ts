import type { CloudName } from '../../shared/partner-center/clouds.ts';

/** One customer this tool created (docs/contracts/csv.md §5, "Rows this tool created before"). */
export interface LedgerEntry {
  cloud: CloudName;
  /** The domain prefix as stored (lower case, no `.onmicrosoft.com`). */
  domain: string;
  customerId: string;
  adminUser: string;
  importId: string;
  /** The file the import read, so a note can name it. */
  fileName: string;
  row: number;
  /** ISO time the customer was created. */
  createdAt: string;
  /** The API token's name (or `cli:<user>`) of whoever queued the import. */
  queuedBy: string;
}
