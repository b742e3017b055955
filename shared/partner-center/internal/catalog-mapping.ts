import type { z } from 'zod';
import type { CatalogItem } from '../partner-center-client.ts';
import type { availabilitySchema, offerSchema } from '../response-schemas.ts';

const TERMS = ['P1M', 'P1Y', 'P3Y'] as const;
const CYCLES = ['monthly', 'annual'] as const;

/** A new-commerce availability as a CatalogItem; the Azure plan has no term and bills monthly (docs/contracts/partner-center.md §0.10). */
export function catalogItemFromAvailability(availability: z.infer<typeof availabilitySchema>, productTypeId?: string): CatalogItem {
  const typeId = availability.product?.productType?.id ?? productTypeId ?? '';
  // A product may hold several SKUs, so the SKU's title names the item best.
  const name = availability.sku?.title ?? availability.product?.title ?? availability.catalogItemId;
  if (typeId.toLowerCase() === 'azure') {
    return { id: availability.catalogItemId.toUpperCase(), name, kind: 'azure-plan', terms: [], billingCycles: ['monthly'] };
  }
  const terms = availability.terms ?? [];
  return {
    id: availability.catalogItemId.toUpperCase(),
    name,
    kind: 'new-commerce',
    terms: TERMS.filter((term) => terms.some((item) => item.duration.toUpperCase() === term)),
    billingCycles: CYCLES.filter((cycle) => terms.some((item) => item.billingCycle?.toLowerCase() === cycle)),
  };
}

/** A legacy offer as a CatalogItem: no term (§0.10). */
export function catalogItemFromOffer(offer: z.infer<typeof offerSchema>): CatalogItem {
  const cycles = (offer.supportedBillingCycles ?? ['monthly']).map((cycle) => cycle.toLowerCase());
  return {
    id: offer.id.toUpperCase(),
    name: offer.name,
    kind: 'legacy',
    terms: [],
    billingCycles: CYCLES.filter((cycle) => cycles.includes(cycle)),
  };
}

/** Whether an id looks like a new-commerce catalog item id `PRODUCT:SKU:AVAILABILITY`. */
export function splitCatalogItemId(id: string): { productId: string; skuId: string; availabilityId: string } | undefined {
  const parts = id.split(':');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9]+$/.test(part))) return undefined;
  const [productId, skuId, availabilityId] = parts as [string, string, string];
  return { productId, skuId, availabilityId };
}
