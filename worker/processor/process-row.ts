import type { CatalogItem } from '../../shared/partner-center/partner-center-client.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { CANCELLABLE_STEPS, type RowState, type RowStatePatch, type RowStep } from '../store/row-state.ts';
import type { PasswordVault } from '../secrets/password-vault.ts';
import type { Logger } from 'pino';
import type { Ledger } from '../ledger/create-ledger.ts';
import type { OrderClaims } from '../store/order-claims.ts';
import type { AppliedChangeLedger } from '../ledger/create-applied-change-ledger.ts';
import { processOrderRow } from './orders/process-order-row.ts';
import { checkAddress } from './check-address.ts';
import { checkDomain } from './check-domain.ts';
import { checkOffers } from './check-offers.ts';
import { confirmAgreementStep } from './confirm-agreement-step.ts';
import { createCustomerStep } from './create-customer-step.ts';
import { finishFromLedger, recordInLedger } from './ledger-step.ts';
import { createCartStep, placeOrdersStep, splitOrderLines } from './place-orders-step.ts';
import { createCallContext, type RowContext } from './row-context.ts';
import { asNotYetVisible } from './customer-visibility.ts';
import { resetAdminPassword } from './reset-admin-password.ts';
import { finishCancelled } from './finish-cancelled.ts';
import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import { firstAttempt } from './unconfirmed-write.ts';

export interface RowProcessorDeps {
  store: ImportStore;
  vault: PasswordVault;
  partnerCenter: PartnerCenterClient;
  logger: Logger;
  /** The customers this tool created before: a row of one of them makes no call. */
  ledger: Ledger;
  /** The licence changes applied (orders files): never applied twice. */
  applied: AppliedChangeLedger;
  /** Which row took which order of a customer: a lost answer's read-back never takes another row's. */
  claims: OrderClaims;
}

/** How this run of the row's job stands among its attempts. */
interface RowAttempt {
  /** No retry follows if this run fails. */
  last: boolean;
}

/** The data of a row's job: ids only, never the record's secrets or a password. */
export interface RowJobData {
  importId: string;
  row: number;
  gen: number;
}

/** How a call to `processRow` ended (the row's final status is in the store). */
export type ProcessRowResult = { outcome: 'done'; status: RowState['status'] } | { outcome: 'stale' | 'cancelled' };

/**
 * Runs one row through its steps (an orders file's row: `processOrderRow`), resuming at the step its state records: checks (domain,
 * address, offers) → [dry run: `ready`] → create customer → MCA → cart → orders → `created`.
 * The step reached is persisted after each step, so a retry or a stalled job never creates the
 * customer twice. Throws on failure; the job wrapper decides retry or final status.
 */
export async function processRow(deps: RowProcessorDeps, job: RowJobData, attempt: RowAttempt = { last: false }): Promise<ProcessRowResult> {
  const { store } = deps;
  const { importId, row, gen } = job;
  const state = await store.getRow(importId, row);
  if (!state || state.status !== 'pending' || state.gen !== gen) return { outcome: 'stale' };
  const summary = await store.getSummary(importId);
  if (!summary) return { outcome: 'stale' };
  if (summary.kind === 'orders') {
    const again = (await store.getMetaField(importId, 'again')) === '1';
    return processOrderRow(deps, { importId, row, gen, state, summary, again, lastAttempt: attempt.last });
  }
  const record = await store.getRecord(importId, row);
  if (!record) return { outcome: 'stale' };
  const context: RowContext = {
    importId,
    row,
    gen,
    cloud: summary.cloud as CloudName,
    dryRun: summary.dryRun,
    importCreatedAt: summary.createdAt,
    record,
    state,
    attemptStartedAt: new Date().toISOString(),
    lastAttempt: attempt.last,
    store,
    vault: deps.vault,
    partnerCenter: deps.partnerCenter,
    logger: deps.logger,
    claims: deps.claims,
    call: createCallContext(importId, row, state.rid ?? 0),
  };
  const advance = async (patch: RowStatePatch, steps?: readonly RowStep[]): Promise<boolean> => {
    const result = await store.transition(importId, row, patch, { gen, ...(steps ? { steps } : {}) });
    if (result.state) context.state = result.state;
    return result.applied;
  };

  if (CANCELLABLE_STEPS.includes(context.state.step) && (await store.getMetaField(importId, 'cancelled')) === '1') {
    await finishCancelled(store, importId, row, gen);
    return { outcome: 'cancelled' };
  }

  if (await finishFromLedger(context, deps.ledger, advance)) return { outcome: 'done', status: 'created' };

  if (context.state.step === 'queued') {
    await checkDomain(context);
    await checkAddress(context);
    const kinds = await checkOffers(context);
    if (context.dryRun) {
      await advance({ status: 'ready', step: 'checked', offerKinds: kinds.join(';') });
      return { outcome: 'done', status: 'ready' };
    }
    if (!(await advance({ step: 'checked', offerKinds: kinds.join(';') }, ['queued']))) return { outcome: 'stale' };
  }

  if (context.state.step === 'checked') {
    // The claim is atomic with cancel: either cancel skips the row first or the row is claimed.
    if ((await store.getMetaField(importId, 'cancelled')) === '1' || !(await advance({ step: 'creating' }, ['checked']))) {
      await finishCancelled(store, importId, row, gen);
      return { outcome: 'cancelled' };
    }
  }

  if (context.state.step === 'creating') {
    const attemptedBefore = context.state.createStartedAt !== undefined;
    if (!attemptedBefore) await advance({ createStartedAt: new Date().toISOString() });
    const { customerId, adminUser, recovered } = await createCustomerStep(context, attemptedBefore);
    await recordInLedger(context, deps.ledger, { customerId, adminUser }, { fileName: summary.fileName, queuedBy: summary.queuedBy ?? 'unknown' });
    await advance({ step: 'customer', customerId, adminUser, customerAt: new Date().toISOString(), ...(recovered ? { adminReset: 'pending' as const } : {}) });
  }

  try {
    await afterCreate(context, advance);
  } catch (error) {
    // A 404 on the row's own new customer means "not visible yet" (see customer-visibility.ts).
    throw asNotYetVisible(error, context.state.customerAt ?? context.state.createStartedAt);
  }
  return { outcome: 'done', status: context.state.status };
}

/** MCA, cart and orders for the row's customer; first its admin password when it was found again. */
async function afterCreate(context: RowContext, advance: (patch: RowStatePatch, steps?: readonly RowStep[]) => Promise<boolean>): Promise<void> {
  const customerId = context.state.customerId!;
  if (context.state.step === 'customer' && context.state.adminReset === 'pending') {
    const note = await resetAdminPassword(context, customerId, context.state.adminUser ?? '');
    await advance({ adminReset: null, noteEn: note.en, noteJa: note.ja });
  }
  if (context.state.step === 'customer') {
    const note = await confirmAgreementStep(context, customerId, () => firstAttempt(context.state.agreementStartedAt, (agreementStartedAt) => advance({ agreementStartedAt })));
    await advance({ step: 'agreement', ...(note ? joinNote(context.state, note) : {}) });
  }

  const kinds = (context.state.offerKinds ? context.state.offerKinds.split(';') : []) as CatalogItem['kind'][];
  const lines = splitOrderLines(context, kinds);
  if (context.state.step === 'agreement') {
    const cartId = await createCartStep(context, customerId, lines.cart);
    await advance({ step: 'cart', ...(cartId ? { cartId } : {}) });
  }

  if (context.state.step === 'cart') {
    // Like the create call: a later attempt knows an earlier one may have bought already.
    const buys = context.state.cartId !== undefined || lines.legacy.length > 0;
    const attempt = buys ? await firstAttempt(context.state.ordersStartedAt, (ordersStartedAt) => advance({ ordersStartedAt })) : { attemptedBefore: false, startedAt: context.attemptStartedAt };
    const orders = await placeOrdersStep(context, customerId, context.state.cartId, lines, attempt);
    await advance({ status: 'created', step: 'ordered', orders: orders.length > 0 ? orders.join(';') : null });
  }
}

/** A second note of the row goes after the first one. */
function joinNote(state: RowState, note: LocalizedMessage): RowStatePatch {
  if (state.noteEn === undefined) return { noteEn: note.en, noteJa: note.ja };
  return { noteEn: `${state.noteEn} ${note.en}`, noteJa: `${state.noteJa ?? state.noteEn} ${note.ja}` };
}
