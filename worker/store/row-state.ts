import type { ErrorField } from '../../shared/customer/canonical-keys.ts';
import type { ErrorCode } from '../../shared/errors/error-codes.ts';
import type { RowResult } from '../../shared/imports/import-types.ts';
import type { StoreStatus } from './import-keys.ts';
import { describeLicenceChange } from '../../shared/orders/describe-licence-change.ts';
import { parseStoredPlan } from './stored-plan.ts';

/**
 * How far a row's job got (persisted after each step so that a retry or a stalled job resumes
 * there and never creates the customer twice):
 * - `queued`: nothing done yet;
 * - `checked`: the read-only checks passed;
 * - `creating`: the create-customer call may have reached Partner Center; replay it, never re-check the domain;
 * - `customer`: the customer exists (`customerId` set);
 * - `agreement`: the MCA attestation is done or skipped;
 * - `cart`: the new-commerce cart exists (`cartId` set);
 * - `planned` (orders file): the customer is resolved and the plan stored (`customerId`, `plan`);
 *   `itemsDone` counts the items applied since;
 * - `ordered`: every order is placed (orders file: every item applied).
 */
export type RowStep = 'queued' | 'checked' | 'creating' | 'customer' | 'agreement' | 'cart' | 'planned' | 'ordered';

/** Steps before the create call: a cancel may still skip the row. */
export const CANCELLABLE_STEPS: readonly RowStep[] = ['queued', 'checked'];

/** A row's state as stored in Redis (flat, JSON-encoded; no secrets). */
export interface RowState {
  row: number;
  line: number;
  status: StoreStatus;
  step: RowStep;
  /** Incremented by retry-failed, so re-queued jobs get new ids. */
  gen: number;
  /**
   * Request-id round: bumped when Partner Center gave a definite refusal (4xx), so the next try
   * of that step sends a new MS-RequestId (docs/contracts/partner-center.md §0.1: a replayed id would replay
   * the refusal). After a timeout or 5xx it stays, so the retry replays and creates nothing twice.
   */
  rid?: number;
  /** When the row's first create call was sent (ISO): the start of the "not visible yet" window. */
  createStartedAt?: string;
  /**
   * When the create call answered or the customer was found again (ISO): a 404 on it within
   * 3 minutes of this means "not visible yet". Not `createStartedAt`: a retried job may run the
   * create that commits long after the first attempt.
   */
  customerAt?: string;
  customerId?: string;
  adminUser?: string;
  /** The customer was found again after a lost create answer: its admin password is still to reset. */
  adminReset?: 'pending';
  cartId?: string;
  /** When the row's first MCA attestation was sent (ISO): a later attempt reads the customer's agreements first. */
  agreementStartedAt?: string;
  /** When the row's first checkout or legacy order was sent (ISO): a later attempt looks for what it bought first. */
  ordersStartedAt?: string;
  /** The catalog kind of each offer, `;`-separated in row order (from the catalog check). */
  offerKinds?: string;
  /** Order ids, `;`-separated (Lua's cjson cannot tell an empty array from an object). */
  orders?: string;
  relationshipUrl?: string;
  /** A note that is not an error, e.g. the MCA attestation skipped outside the global cloud. */
  noteEn?: string;
  noteJa?: string;
  /**
   * Orders file: the row's plan as JSON (`StoredChange[]`), computed once when the row is
   * planned, so a replay sets the same target quantity again (docs/contracts/csv.md §6).
   */
  plan?: string;
  /** Orders file: how many items of the plan are applied (or were applied by an earlier import). */
  itemsDone?: number;
  /** Orders file: the `pc_subscriptions` cell of the items applied so far. */
  subscriptions?: string;
  /**
   * The id of the last transition applied to the row: the same command sent again after a lost
   * answer is recognised and answered as applied (see TRANSITION_ROW in lua-scripts.ts).
   */
  op?: string;
  errorCode?: ErrorCode;
  errorField?: ErrorField;
  errorEn?: string;
  errorJa?: string;
}

/** A partial update; `null` deletes a field. */
export type RowStatePatch = { [K in keyof RowState]?: RowState[K] | null };

export function toRowResult(state: RowState, passwordAvailable?: boolean): RowResult {
  const result: RowResult = { row: state.row, line: state.line, status: state.status };
  if (state.customerId) result.customerId = state.customerId;
  if (state.adminUser) result.adminUser = state.adminUser;
  if (state.orders) result.orders = state.orders.split(';');
  if (state.relationshipUrl) result.relationshipUrl = state.relationshipUrl;
  if (state.errorCode) result.errorCode = state.errorCode;
  if (state.errorField) result.errorField = state.errorField;
  if (state.errorEn !== undefined || state.errorJa !== undefined) {
    result.error = { en: state.errorEn ?? '', ja: state.errorJa ?? '' };
  }
  if (state.noteEn !== undefined) result.note = { en: state.noteEn, ja: state.noteJa ?? state.noteEn };
  if (passwordAvailable !== undefined) result.passwordAvailable = passwordAvailable;
  if (state.plan) result.plan = parseStoredPlan(state.plan).map((change) => describeLicenceChange(change));
  if (state.subscriptions) result.subscriptions = state.subscriptions;
  return result;
}
