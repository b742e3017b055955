/**
 * A new customer is not visible at once: the real service answers 404 "customer not found" for
 * about 90 s after the create succeeded (docs/contracts/partner-center.md §0.15). A 404 on the
 * row's own customer within this window of its first create attempt means "not yet", never a
 * final status; after it, a 404 is an answer like any other.
 */
export const CUSTOMER_VISIBILITY_WINDOW_MS = 3 * 60 * 1000;

const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 15_000;

/** Thrown instead of such a 404: the job waits and runs the step again, using no attempt. */
export class CustomerNotVisibleYetError extends Error {
  /** How long to wait before trying again: half the customer's age so far, 1–15 s. */
  readonly waitMs: number;

  constructor(customerAgeMs: number, cause: unknown) {
    super(`The new customer is not visible yet (${Math.round(customerAgeMs / 1000)} s after its creation); trying again.`, { cause });
    this.name = 'CustomerNotVisibleYetError';
    this.waitMs = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Math.round(customerAgeMs / 2)));
  }
}

export function isCustomerNotVisibleYetError(error: unknown): error is CustomerNotVisibleYetError {
  return error instanceof CustomerNotVisibleYetError;
}

/**
 * `error` as a `CustomerNotVisibleYetError` when it is a 404 within the window that started at
 * `createdAt` (ISO time the create answered, or the customer was found again); otherwise `error` itself.
 */
export function asNotYetVisible(error: unknown, createdAt: string | undefined, now = Date.now()): unknown {
  if (createdAt === undefined) return error;
  const status = (error as { status?: unknown } | null)?.status;
  const age = now - Date.parse(createdAt);
  if (status !== 404 || !(age >= 0 && age < CUSTOMER_VISIBILITY_WINDOW_MS)) return error;
  return new CustomerNotVisibleYetError(age, error);
}
