import { Hono, type Context } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { LICENCE_TERMS, SANDBOX_CATALOG, type SandboxCatalogEntry } from '../catalog.ts';

/**
 * The catalog of docs/contracts/partner-center.md §0.10 through the product → sku → availability drill-down and the legacy
 * offers list of §8. The same for every country; `country` is still required, as on the service.
 */
export function createCatalogRoutes(_state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/products', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const view = (c.req.query('targetView') ?? '').toLowerCase();
    const kind = view === 'azure' ? 'azure-plan' : view === 'onlineservicesnce' || view === 'onlineservices' ? 'new-commerce' : undefined;
    // Some products hold two SKUs (CFQ7TTC0LCHC: Business Premium and Defender): list each product once.
    const entries = newCommerceEntries().filter((entry) => entry.kind === kind);
    const items = entries.filter((entry, index) => entries.findIndex((other) => parts(other).productId === parts(entry).productId) === index).map((entry) => product(entry));
    return c.json(collection(items));
  });
  routes.get('/v1/products/:productId', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const entry = findByParts(c.req.param('productId'));
    return entry ? c.json(product(entry)) : notFound(c, `product ${c.req.param('productId')}`);
  });
  routes.get('/v1/products/:productId/skus', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const entries = newCommerceEntries().filter((entry) => parts(entry).productId === c.req.param('productId').toUpperCase());
    if (entries.length === 0) return notFound(c, `product ${c.req.param('productId')}`);
    return c.json(collection(entries.map((entry) => sku(entry))));
  });
  routes.get('/v1/products/:productId/skus/:skuId/availabilities', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const entry = findByParts(c.req.param('productId'), c.req.param('skuId'));
    if (!entry) return notFound(c, `sku ${c.req.param('productId')}/${c.req.param('skuId')}`);
    return c.json(collection([availability(entry, country)]));
  });
  routes.get('/v1/products/:productId/skus/:skuId/availabilities/:availabilityId', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const entry = findByParts(c.req.param('productId'), c.req.param('skuId'), c.req.param('availabilityId'));
    if (!entry) return notFound(c, `availability ${c.req.param('productId')}:${c.req.param('skuId')}:${c.req.param('availabilityId')}`);
    return c.json(availability(entry, country));
  });
  routes.get('/v1/offers', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    return c.json(collection(legacyEntries().map((entry) => offer(entry, country))));
  });
  routes.get('/v1/offers/:offerId', (c) => {
    const country = requireCountry(c);
    if (country instanceof Response) return country;
    const entry = legacyEntries().find((item) => item.id === c.req.param('offerId').toUpperCase());
    return entry ? c.json(offer(entry, country)) : notFound(c, `offer ${c.req.param('offerId')}`);
  });
  return routes;
}

function requireCountry(c: Context<SandboxEnv>): string | Response {
  const country = c.req.query('country');
  if (!country || !/^[A-Za-z]{2}$/.test(country)) {
    return replyError(c, 400, 'BadInput', 'The query parameter country (ISO 3166-1 alpha-2) is required.');
  }
  return country.toUpperCase();
}

function notFound(c: Context<SandboxEnv>, what: string) {
  return replyError(c, 404, 'NotFound', `The catalog has no ${what}.`);
}

function newCommerceEntries() {
  return SANDBOX_CATALOG.filter((entry) => entry.kind !== 'legacy');
}

function legacyEntries() {
  return SANDBOX_CATALOG.filter((entry) => entry.kind === 'legacy');
}

function parts(entry: SandboxCatalogEntry) {
  const [productId = '', skuId = '', availabilityId = ''] = entry.id.split(':');
  return { productId, skuId, availabilityId };
}

function findByParts(productId: string, skuId?: string, availabilityId?: string) {
  return newCommerceEntries().find((entry) => {
    const p = parts(entry);
    return (
      p.productId === productId.toUpperCase() &&
      (skuId === undefined || p.skuId === skuId.toUpperCase()) &&
      (availabilityId === undefined || p.availabilityId === availabilityId.toUpperCase())
    );
  });
}

function collection(items: unknown[]) {
  return { totalCount: items.length, items, attributes: { objectType: 'Collection' } };
}

function product(entry: SandboxCatalogEntry) {
  const isAzure = entry.kind === 'azure-plan';
  return {
    id: parts(entry).productId,
    title: entry.name,
    description: entry.name,
    productType: isAzure ? { id: 'Azure', displayName: 'Azure' } : { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' },
    attributes: { objectType: 'Product' },
  };
}

function sku(entry: SandboxCatalogEntry) {
  const { productId, skuId } = parts(entry);
  const isAzure = entry.kind === 'azure-plan';
  return {
    id: skuId,
    productId,
    title: entry.name,
    description: entry.name,
    minimumQuantity: 1,
    maximumQuantity: isAzure ? 1 : 300,
    isTrial: false,
    attributes: { objectType: 'Sku' },
  };
}

function availability(entry: SandboxCatalogEntry, country: string) {
  const { productId, skuId, availabilityId } = parts(entry);
  const isAzure = entry.kind === 'azure-plan';
  return {
    id: availabilityId,
    productId,
    skuId,
    catalogItemId: entry.id,
    defaultCurrency: { code: 'USD', symbol: '$' },
    segment: 'commercial',
    country,
    isPurchasable: true,
    isRenewable: !isAzure,
    product: product(entry),
    sku: sku(entry),
    // The Azure plan has no term and bills monthly (§0.10).
    terms: isAzure
      ? []
      : LICENCE_TERMS.map((term) => ({
          duration: term.duration,
          description: `${term.duration === 'P1M' ? 'One-Month' : term.duration === 'P1Y' ? 'One-Year' : 'Three-Year'} commitment, billed ${term.billingCycle}`,
          billingCycle: term.billingCycle,
        })),
    attributes: { objectType: 'Availability' },
  };
}

function offer(entry: SandboxCatalogEntry, country: string) {
  return {
    id: entry.id,
    name: entry.name,
    description: entry.name,
    minimumQuantity: 1,
    maximumQuantity: 10000,
    rank: 0,
    locale: 'en-US',
    country,
    category: { id: 'Enterprise', name: 'Enterprise', rank: 0, locale: 'en-US', country },
    billing: 'license',
    supportedBillingCycles: ['monthly', 'annual'],
    isAvailableForPurchase: true,
    attributes: { objectType: 'Offer' },
  };
}
