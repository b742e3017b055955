import type { ImportStore } from '../store/create-import-store.ts';
import { CANCELLABLE_STEPS } from '../store/row-state.ts';
import { ROW_MESSAGES } from './row-messages.ts';

/** A row a cancel reached before it changed anything ends `skipped` (`cancelled`). */
export async function finishCancelled(store: ImportStore, importId: string, row: number, gen: number): Promise<void> {
  const message = ROW_MESSAGES.cancelled();
  await store.transition(
    importId,
    row,
    { status: 'skipped', errorCode: 'cancelled', errorEn: message.en, errorJa: message.ja },
    { gen, steps: CANCELLABLE_STEPS },
  );
}
