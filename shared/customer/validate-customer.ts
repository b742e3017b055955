import type { CanonicalKey } from './canonical-keys.ts';
import type { CustomerRecord, RowProblem } from './customer-record.ts';

/** The raw (untrimmed) cell values of one row or form, by canonical key. */
export type CustomerValues = Partial<Record<CanonicalKey, string>>;

export interface ValidateCustomerOptions {
  /** The current time; injected by tests. @default new Date() */
  now?: Date;
}

export type ValidateCustomerResult =
  | { ok: true; record: CustomerRecord }
  /** Problems in canonical key order, one per field at most; `problems[0]` decides the row status. */
  | { ok: false; problems: RowProblem[] };

/** Validates and normalises one customer (csv-format.md §4). Implemented in the next commit. */
export function validateCustomer(_values: CustomerValues, _options: ValidateCustomerOptions = {}): ValidateCustomerResult {
  throw new Error('validateCustomer: not implemented yet');
}
