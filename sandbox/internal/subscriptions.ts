import { randomUUID } from 'node:crypto';
import type { SandboxState } from '../sandbox-state.ts';

/** What one bought line becomes (docs/contracts/partner-center.md §0.19). */
export interface BoughtLine {
  subscriptionId: string;
  offerId: string;
  offerName: string;
  quantity: number;
  billingCycle: string;
  termDuration?: string;
  orderId: string;
}

/** The Subscription resource of §0.19 for a line just bought: active, with a fresh etag. */
export function storeSubscription(state: SandboxState, customerId: string, line: BoughtLine): Record<string, unknown> {
  const subscription: Record<string, unknown> = {
    id: line.subscriptionId,
    offerId: line.offerId,
    offerName: line.offerName,
    friendlyName: line.offerName,
    quantity: line.quantity,
    unitType: 'Licenses',
    status: 'active',
    ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    billingCycle: line.billingCycle,
    autoRenewEnabled: line.termDuration !== undefined,
    ...(line.termDuration ? { commitmentEndDate: commitmentEnd(line.termDuration) } : {}),
    orderId: line.orderId,
    attributes: { etag: newEtag(), objectType: 'Subscription' },
  };
  const list = state.subscriptions.get(customerId) ?? [];
  list.push(subscription);
  state.subscriptions.set(customerId, list);
  return subscription;
}

export function newEtag(): string {
  return randomUUID().replace(/-/g, '');
}

/** The end of the first term, a year or a month from today (enough for a test double). */
function commitmentEnd(termDuration: string): string {
  const end = new Date();
  if (termDuration === 'P1M') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + (termDuration === 'P3Y' ? 3 : 1));
  return end.toISOString().slice(0, 10);
}
