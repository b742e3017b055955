import type { CatalogItem } from '../../shared/partner-center/partner-center-client.ts';
import { RowOutcomeError } from '../errors/row-outcome-error.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';

/**
 * Looks up every offer of the row in the catalog: unknown ids, an Azure plan with a quantity
 * other than 1, or a term/billing cycle the item does not offer make the row `invalid`.
 * Returns the kind of each offer, in row order, for the order step.
 */
export async function checkOffers(context: RowContext): Promise<CatalogItem['kind'][]> {
  const { record } = context;
  const kinds: CatalogItem['kind'][] = [];
  for (const offer of record.offers) {
    const item = await context.partnerCenter.getCatalogItem(offer.id, record.country, context.call());
    if (!item) throw new RowOutcomeError('invalid_offers', ROW_MESSAGES.offerUnknown(offer.id), 'offers');
    if (item.kind === 'azure-plan' && offer.quantity !== 1) {
      throw new RowOutcomeError('invalid_offers', ROW_MESSAGES.azurePlanQuantity(offer.id), 'offers');
    }
    // Legacy offers and the Azure plan have no term; the Azure plan bills monthly whatever the row says.
    if (item.kind === 'new-commerce') {
      if (!item.terms.includes(record.term)) throw new RowOutcomeError('invalid_term', ROW_MESSAGES.termNotOffered(offer.id, record.term), 'term');
      if (!item.billingCycles.includes(record.billing_cycle)) {
        throw new RowOutcomeError('invalid_billing_cycle', ROW_MESSAGES.billingNotOffered(offer.id, record.billing_cycle), 'billing_cycle');
      }
    }
    kinds.push(item.kind);
  }
  return kinds;
}
