import type { CallContext, CatalogItem } from '../partner-center-client.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';
import { catalogItemFromAvailability, catalogItemFromOffer, splitCatalogItemId } from './catalog-mapping.ts';
import * as schemas from '../response-schemas.ts';

const enc = encodeURIComponent;

/**
 * The whole catalog of a country (docs/contracts/partner-center.md §8): products of the OnlineServicesNCE and Azure views drilled
 * down to their availabilities, plus legacy offers. About two calls per product, so call it once
 * per import and country; `getCatalogItem` checks one id in one call.
 */
export async function listCatalog(core: RequestCore, country: string, context?: CallContext): Promise<CatalogItem[]> {
  const iso2 = country.toUpperCase();
  const { requestId: _ignored, ...lookup } = context ?? {};
  const products = async (targetView: string) => {
    const answer = await sendRequest(core, { method: 'GET', path: '/v1/products', query: { country: iso2, targetView }, kind: 'other' }, lookup);
    return readAnswer(answer, schemas.productsSchema).items;
  };
  const [licences, azure, offers] = await Promise.all([
    products('OnlineServicesNCE'),
    products('Azure'),
    sendRequest(core, { method: 'GET', path: '/v1/offers', query: { country: iso2 }, kind: 'other' }, lookup).then((answer) => readAnswer(answer, schemas.offersSchema).items),
  ]);
  const perProduct = await Promise.all(
    [...licences, ...azure].map(async (product) => {
      const skusAnswer = await sendRequest(core, { method: 'GET', path: `/v1/products/${enc(product.id)}/skus`, query: { country: iso2 }, kind: 'other' }, lookup);
      const skus = readAnswer(skusAnswer, schemas.skusSchema).items;
      const perSku = await Promise.all(
        skus.map(async (sku) => {
          const answer = await sendRequest(core, { method: 'GET', path: `/v1/products/${enc(product.id)}/skus/${enc(sku.id)}/availabilities`, query: { country: iso2 }, kind: 'other' }, lookup);
          return readAnswer(answer, schemas.availabilitiesSchema).items.map((item) => catalogItemFromAvailability(item, product.productType?.id));
        }),
      );
      return perSku.flat();
    }),
  );
  return [...perProduct.flat(), ...offers.filter((offer) => offer.isAvailableForPurchase !== false).map(catalogItemFromOffer)];
}

/** One id: `PRODUCT:SKU:AVAILABILITY` → the availability; otherwise a legacy offer id. */
export async function getCatalogItem(core: RequestCore, id: string, country: string, context?: CallContext): Promise<CatalogItem | undefined> {
  const iso2 = country.toUpperCase();
  const { requestId: _ignored, ...lookup } = context ?? {};
  const parts = splitCatalogItemId(id);
  if (parts) {
    const path = `/v1/products/${enc(parts.productId)}/skus/${enc(parts.skuId)}/availabilities/${enc(parts.availabilityId)}`;
    const answer = await sendRequest(core, { method: 'GET', path, query: { country: iso2 }, kind: 'other', alsoAccept: [404] }, lookup);
    return answer.status === 404 ? undefined : catalogItemFromAvailability(readAnswer(answer, schemas.availabilitySchema));
  }
  if (!/^[A-Za-z0-9-]+$/.test(id)) return undefined;
  const answer = await sendRequest(core, { method: 'GET', path: `/v1/offers/${enc(id)}`, query: { country: iso2 }, kind: 'other', alsoAccept: [404] }, lookup);
  return answer.status === 404 ? undefined : catalogItemFromOffer(readAnswer(answer, schemas.offerSchema));
}
