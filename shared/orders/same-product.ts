/** `PRODUCT:SKU` of a catalog item id, or the whole legacy GUID. */
function productKey(offerId: string): string {
  const parts = offerId.toUpperCase().split(':');
  return parts.length >= 2 ? `${parts[0]}:${parts[1]}` : parts[0]!;
}

/**
 * True when a catalog item id and the offer id Partner Center shows on a subscription or an order
 * line name the same product: the same `PRODUCT:SKU` whatever availability follows, or the same
 * legacy GUID, in any case.
 */
export function sameProduct(itemId: string, offerId: string): boolean {
  return productKey(itemId) === productKey(offerId);
}
