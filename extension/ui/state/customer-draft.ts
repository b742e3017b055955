import { storage } from 'wxt/utils/storage';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';

/** The single-customer form as typed: raw cell text per canonical key, exactly like a CSV row. */
export type CustomerDraft = Partial<Record<CanonicalKey, string>>;

/** The draft survives closing the panel; it holds no secret (the wizard makes the password). */
export const customerDraftItem = storage.defineItem<CustomerDraft>('local:customerDraft', { fallback: {} });

/** Turns a header + cells pair into a draft, keeping only mapped, non-empty cells. */
export function draftFromCells(keys: readonly (CanonicalKey | null)[], cells: readonly string[]): CustomerDraft {
  const draft: CustomerDraft = {};
  keys.forEach((key, index) => {
    const cell = cells[index]?.trim();
    if (key && cell) draft[key] = cell;
  });
  return draft;
}
