import type { CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import type { CustomerValues, ValidateCustomerOptions } from './validate-customer.ts';

/**
 * Live validation for the extension's form: every problem, keyed by the field to fix. Empty
 * required fields are reported too (code `required`) unless `ignoreEmpty` is set.
 */
export function validateDraft(
  values: CustomerValues,
  options: ValidateCustomerOptions & { ignoreEmpty?: boolean } = {},
): Partial<Record<CanonicalKey, RowProblem>> {
  void values;
  void options;
  throw new Error('validateDraft: not implemented yet');
}
