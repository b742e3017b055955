/** Partner Center's code for a checkout of a cart that is already checked out (docs/contracts/partner-center.md §10). */
const CART_ALREADY_CHECKED_OUT = '800065';

/** True for the 400/800065 answer of a checkout: the cart's orders exist already. */
export function isCartAlreadyCheckedOut(error: unknown): boolean {
  const { status, pcCode } = (error ?? {}) as { status?: unknown; pcCode?: unknown };
  return status === 400 && String(pcCode) === CART_ALREADY_CHECKED_OUT;
}
