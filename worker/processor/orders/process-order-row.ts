import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { formatAppliedChanges } from '../../../shared/orders/describe-licence-change.ts';
import { planLicenceChanges } from '../../../shared/orders/plan-licence-changes.ts';
import type { Subscription } from '../../../shared/partner-center/partner-center-client.ts';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import { RowOutcomeError } from '../../errors/row-outcome-error.ts';
import type { AppliedChange } from '../../ledger/applied-change.ts';
import { createCallContext } from '../row-context.ts';
import { finishCancelled } from '../finish-cancelled.ts';
import type { ProcessRowResult, RowProcessorDeps } from '../process-row.ts';
import type { RowState, RowStatePatch, RowStep } from '../../store/row-state.ts';
import { buySubscription } from './buy-subscription.ts';
import { firstAttempt } from '../unconfirmed-write.ts';
import { ORDER_MESSAGES } from './order-messages.ts';
import type { OrderRowContext } from './order-row-context.ts';
import { raiseSubscription } from './raise-subscription.ts';
import { resolveOrderCustomer } from './resolve-order-customer.ts';
import { parseStoredPlan, type EarlierApplication, type StoredChange } from '../../store/stored-plan.ts';

interface OrderRowJob {
  importId: string;
  row: number;
  gen: number;
  state: RowState;
  summary: ImportSummary;
  /** Whether the import was created with `again` (docs/contracts/csv.md §6). */
  again: boolean;
  /** No retry follows this run if it fails. */
  lastAttempt: boolean;
}

/**
 * Runs one row of an orders file (docs/contracts/csv.md §6): resolve the customer and list its
 * subscriptions once → plan (target quantities computed once, stored with the row) → [dry run:
 * `ready`] → each item in turn: raise or buy, record the applied change, persist the item
 * reached → `ordered` with `pc_subscriptions`. A retried or stalled job resumes at the item
 * reached; an item it finds recorded as applied by this import is not applied again. Items an
 * earlier import of the same bytes applied are left alone unless the import asked `again`.
 */
export async function processOrderRow(deps: RowProcessorDeps, job: OrderRowJob): Promise<ProcessRowResult> {
  const { store } = deps;
  const { importId, row, gen, summary } = job;
  const cloud = summary.cloud as CloudName;
  const order = await store.getOrder(importId, row);
  if (!order) return { outcome: 'stale' };
  let state = job.state;
  const context: OrderRowContext = { importId, row, cloud, lastAttempt: job.lastAttempt, partnerCenter: deps.partnerCenter, logger: deps.logger, claims: deps.claims, call: createCallContext(importId, row, state.rid ?? 0) };
  const advance = async (patch: RowStatePatch, steps?: readonly RowStep[]): Promise<boolean> => {
    const result = await store.transition(importId, row, patch, { gen, ...(steps ? { steps } : {}) });
    if (result.state) state = result.state;
    return result.applied;
  };

  let listed: Subscription[] | undefined;
  if (state.step === 'queued') {
    if ((await store.getMetaField(importId, 'cancelled')) === '1') {
      await finishCancelled(store, importId, row, gen);
      return { outcome: 'cancelled' };
    }
    // Items an earlier import of the same bytes applied: looked up before any call, so that a row
    // applied in full ends `skipped` without one.
    const earlier: (EarlierApplication | undefined)[] = [];
    for (const item of order.items.keys()) earlier.push(await findEarlier(item));
    if (earlier.length > 0 && earlier.every((found) => found !== undefined)) {
      const note = ORDER_MESSAGES.appliedBefore(earlier.at(-1)!);
      await advance({ status: 'skipped', errorCode: 'applied_before', noteEn: note.en, noteJa: note.ja }, ['queued']);
      return { outcome: 'done', status: 'skipped' };
    }
    const resolved = await resolveOrderCustomer(context, order.customer);
    listed = resolved.subscriptions;
    const plan = planLicenceChanges(order.items, listed, order.subscriptionId);
    if (!plan.ok) throw new RowOutcomeError(plan.problem.code, plan.problem.message, plan.problem.field);
    const stored: StoredChange[] = plan.value.map((change, item) => {
      const found = earlier[item];
      return found ? { ...change, earlier: found } : change;
    });
    const patch: RowStatePatch = { customerId: resolved.customerId, plan: JSON.stringify(stored), itemsDone: 0 };
    if (summary.dryRun) {
      await advance({ ...patch, status: 'ready', step: 'planned' });
      return { outcome: 'done', status: 'ready' };
    }
    if (!(await advance({ ...patch, step: 'planned' }, ['queued']))) return { outcome: 'stale' };
  }

  if (state.step === 'planned') {
    const plan = parseStoredPlan(state.plan ?? '[]');
    const customerId = state.customerId!;
    for (let item = state.itemsDone ?? 0; item < plan.length; item++) {
      const change = plan[item]!;
      let cell: string | undefined;
      // Applied by this import already (a crash before the row moved on), or — for a retried row —
      // by another import of the same bytes since: not again.
      const applied = change.earlier ? undefined : ((await deps.applied.findInImport(cloud, importId, { row, item })) ?? ((await findEarlier(item)) ? undefined : await apply(change, item, customerId)));
      if (applied) cell = formatAppliedChanges([applied.from === undefined ? { subscriptionId: applied.subscriptionId, added: applied.added } : { subscriptionId: applied.subscriptionId, from: applied.from, to: applied.to! }]);
      const subscriptions = [state.subscriptions, cell].filter(Boolean).join(';');
      await advance({ itemsDone: item + 1, cartId: null, ordersStartedAt: null, ...(subscriptions ? { subscriptions } : {}) }, ['planned']);
    }
    // The items this import did not apply were applied by an earlier import of the same bytes.
    const earlier: EarlierApplication[] = [];
    for (const [item, change] of plan.entries()) {
      if (await deps.applied.findInImport(cloud, importId, { row, item })) continue;
      const found = change.earlier ?? (await findEarlier(item));
      if (found) earlier.push(found);
    }
    if (earlier.length === plan.length && plan.length > 0) {
      const note = ORDER_MESSAGES.appliedBefore(earlier.at(-1)!);
      await advance({ status: 'skipped', step: 'ordered', errorCode: 'applied_before', noteEn: note.en, noteJa: note.ja });
      return { outcome: 'done', status: 'skipped' };
    }
    const note = earlier.length > 0 ? ORDER_MESSAGES.partlyAppliedBefore(earlier.at(-1)!, earlier.length) : undefined;
    await advance({ status: 'ordered', step: 'ordered', ...(note ? { noteEn: note.en, noteJa: note.ja } : {}) });
  }
  return { outcome: 'done', status: state.status };

  /** The earlier import (not this one) of the same bytes that applied the item, unless the import asked `again`. */
  async function findEarlier(item: number): Promise<EarlierApplication | undefined> {
    if (summary.dryRun || job.again || !summary.contentHash) return undefined;
    const found = await deps.applied.findForFile(cloud, summary.contentHash, { row, item });
    return found && found.importId !== importId ? { importId: found.importId, importCreatedAt: found.importCreatedAt } : undefined;
  }

  /** Applies one item and records it before the row moves on: a crash in between replays it harmlessly. */
  async function apply(change: StoredChange, item: number, customerId: string): Promise<AppliedChange> {
    let subscriptionId: string;
    if (change.kind === 'raise') {
      await raiseSubscription(context, customerId, change, item, listed?.find((subscription) => subscription.id === change.subscriptionId));
      subscriptionId = change.subscriptionId;
    } else {
      subscriptionId = await buySubscription(context, customerId, change, item, {
        ...(state.cartId ? { cartId: state.cartId } : {}),
        saveCart: async (cartId) => void (await advance({ cartId }, ['planned'])),
        firstAttempt: () => firstAttempt(state.ordersStartedAt, (ordersStartedAt) => advance({ ordersStartedAt }, ['planned'])),
      });
    }
    const applied: AppliedChange = {
      cloud,
      customerId,
      subscriptionId,
      added: change.item.quantity,
      ...(change.kind === 'raise' ? { from: change.from, to: change.to } : {}),
      importId,
      importCreatedAt: summary.createdAt,
      row,
      item,
      appliedAt: new Date().toISOString(),
      queuedBy: summary.queuedBy ?? 'unknown',
      ...(summary.contentHash ? { contentHash: summary.contentHash } : {}),
    };
    await deps.applied.record(applied);
    return applied;
  }
}
