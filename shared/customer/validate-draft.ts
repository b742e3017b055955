import type { CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import { normalizeValue } from '../text/normalize-value.ts';
import { ProblemList } from './problem-list.ts';
import { collectCustomerProblems, resolveValidateOptions, type CustomerValues, type ValidateCustomerOptions } from './validate-customer.ts';

export interface ValidateDraftOptions extends ValidateCustomerOptions {
  /** Don't report `required` for fields still empty (while the user is typing). @default false */
  ignoreEmpty?: boolean;
}

/**
 * Live validation for the extension's form and per-cell table: every problem, keyed by the field
 * to fix. Same rules as `validateCustomer`.
 *
 * @example validateDraft({ domain: 'contoso.com' }, { ignoreEmpty: true }).domain?.code // 'invalid_domain'
 */
export function validateDraft(values: CustomerValues, options: ValidateDraftOptions = {}): Partial<Record<CanonicalKey, RowProblem>> {
  const problems = new ProblemList();
  collectCustomerProblems(values, resolveValidateOptions(options), problems);
  const byField: Partial<Record<CanonicalKey, RowProblem>> = {};
  for (const problem of problems.list()) {
    if (problem.field === undefined) continue;
    if (options.ignoreEmpty && problem.code === 'required' && normalizeValue(values[problem.field]) === '') continue;
    byField[problem.field] = problem;
  }
  return byField;
}
