import type { LocalizedMessage } from '../i18n/localized-message.ts';
import type { PlannedChange } from './plan-licence-changes.ts';

/** The dry run's line for one change, in both languages: "raise … from 10 to 15" or "buy a new subscription". */
export function describeLicenceChange(change: PlannedChange): LocalizedMessage {
  if (change.kind === 'buy') {
    const what = `${change.item.id} ×${change.item.quantity}`;
    return { en: `buy a new subscription: ${what}`, ja: `新しいサブスクリプションを購入: ${what}` };
  }
  const name = change.offerName ? `${change.offerName} (${change.subscriptionId})` : change.subscriptionId;
  return { en: `raise ${name} from ${change.from} to ${change.to}`, ja: `${name} を ${change.from} から ${change.to} に増やす` };
}

/** The `pc_subscriptions` cell (§6): `ID:OLD→NEW` for a raised quantity, `ID:+N` for a new one. */
export function formatAppliedChanges(applied: readonly ({ subscriptionId: string; from: number; to: number } | { subscriptionId: string; added: number })[]): string {
  return applied.map((change) => ('added' in change ? `${change.subscriptionId}:+${change.added}` : `${change.subscriptionId}:${change.from}→${change.to}`)).join(';');
}
