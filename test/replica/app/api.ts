import { SWITCHES } from './page-switches.ts';
import type { CatalogRow } from './store.ts';

/**
 * Calls to Partner Center from the replica page. They go to the same origin under /replica-api,
 * which the test (or serve.ts) forwards to the sandbox with a token, so the page works under the
 * routed https://partner.microsoft.com URL.
 */
export async function callApi(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`/replica-api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'MS-RequestId': crypto.randomUUID(),
      'MS-CorrelationId': crypto.randomUUID(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = method === 'HEAD' ? '' : await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** The error sentence of a failed call, for the page's alert. */
export function describeFailure(result: { status: number; json: any }): string {
  return `${result.status}: ${result.json?.description ?? result.json?.message ?? 'Partner Center refused the request.'}`;
}

/** Whether the initial domain `prefix` + the cloud's suffix is free (HEAD 404) or taken (HEAD 200). */
export async function isDomainAvailable(prefix: string): Promise<boolean> {
  const { status } = await callApi('HEAD', `/v1/domains/${encodeURIComponent(prefix)}${SWITCHES.domainSuffix}`);
  return status === 404;
}

/** The catalog, read the way the dashboard does: products → skus → availabilities, plus legacy offers. */
export async function loadCatalog(country: string): Promise<CatalogRow[]> {
  const rows: CatalogRow[] = [];
  for (const view of ['OnlineServicesNCE', 'Azure']) {
    const products = await callApi('GET', `/v1/products?country=${country}&targetView=${view}`);
    const perProduct = await Promise.all(
      (products.json?.items ?? []).map(async (product: any) => {
        const skus = await callApi('GET', `/v1/products/${product.id}/skus?country=${country}`);
        const found: CatalogRow[] = [];
        for (const sku of skus.json?.items ?? []) {
          const availabilities = await callApi('GET', `/v1/products/${product.id}/skus/${sku.id}/availabilities?country=${country}`);
          for (const availability of availabilities.json?.items ?? []) {
            found.push({ id: availability.catalogItemId, name: sku.title ?? product.title, kind: view === 'Azure' ? 'azure-plan' : 'new-commerce' });
          }
        }
        return found;
      }),
    );
    rows.push(...perProduct.flat());
  }
  const offers = await callApi('GET', `/v1/offers?country=${country}`);
  for (const offer of offers.json?.items ?? []) rows.push({ id: offer.id, name: offer.name, kind: 'legacy' });
  return rows;
}
