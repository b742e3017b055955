import type { RedisConnection } from '../redis/redis-connection.ts';
import type { ImportEvent, ImportPause } from '../../shared/imports/import-types.ts';
import { PAUSED_FOR_SIGN_IN } from '../../shared/partner-center/sign-in-required-error.ts';
import type { ImportStore } from '../store/create-import-store.ts';

/** While an import waits, its followers are told again this often (not on every re-check). */
const ANNOUNCE_EVERY_MS = 60_000;

/**
 * Tells an import's live followers (the side panel, over SSE) that its rows wait for a sign-in:
 * a `progress` event with `paused`, at most once a minute per import across all workers.
 */
export async function announceSignInPause(redis: RedisConnection, keyPrefix: string, store: Pick<ImportStore, 'getSummary' | 'publish'>, importId: string): Promise<void> {
  const first = await redis.set(`${keyPrefix}:signin-paused:${importId}`, '1', 'PX', ANNOUNCE_EVERY_MS, 'NX');
  if (first !== 'OK') return;
  const summary = await store.getSummary(importId);
  if (!summary) return;
  const paused: ImportPause = { reason: 'sign-in-required', message: { ...PAUSED_FOR_SIGN_IN } };
  await store.publish({ type: 'progress', importId, counts: summary.counts, state: summary.state, paused } as ImportEvent);
}
