/** Path segments after which the next segment is an id, not a fixed name. */
const COLLECTIONS_WITH_IDS: Record<string, string> = {
  customers: '{customerId}',
  domains: '{domain}',
  countryvalidationrules: '{country}',
  products: '{productId}',
  skus: '{skuId}',
  availabilities: '{availabilityId}',
  offers: '{offerId}',
  orders: '{orderId}',
  carts: '{cartId}',
  subscriptions: '{subscriptionId}',
};

const FIXED_NAMES = new Set(['relationshiprequests']);

/**
 * Names a call by its route, ids replaced by placeholders, for the calls-per-endpoint counter:
 * `POST /v1/customers/abc/carts` → `POST /v1/customers/{customerId}/carts`.
 */
export function endpointName(method: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  // Token endpoints: /{tenant}/oauth2/token and /{tenant}/oauth2/v2.0/token.
  if (segments[1] === 'oauth2') segments[0] = '{tenant}';
  const named = segments.map((segment, index) => {
    const previous = index > 0 ? segments[index - 1] : undefined;
    const placeholder = previous === undefined ? undefined : COLLECTIONS_WITH_IDS[previous];
    return placeholder && !FIXED_NAMES.has(segment) ? placeholder : segment;
  });
  return `${method.toUpperCase()} /${named.join('/')}`;
}
