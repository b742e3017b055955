import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import type { FeedWindow } from '../store/feed-window-store.ts';
import { enqueueRows } from './row-queue.ts';

/**
 * How many of an import's pending rows have a job at a time: topped up to `high` once fewer
 * than `low` are left. Far more than the workers run at once (the request budget, not the
 * queue, bounds the pace), far fewer than a big file has rows: a cancel has only the window's
 * jobs to remove, and Redis holds a job per row only for the window.
 */
export interface FeedWindowSize {
  high: number;
  low: number;
}

export const DEFAULT_FEED_WINDOW: FeedWindowSize = { high: 1000, low: 500 };

/** The feed lock outlives a top-up by far (one `addBulk` of a window); a feeder that died lets it go. */
const FEED_LOCK_MS = 30_000;

/**
 * Adds the jobs of the next pending rows of an import so that about `window.high` of its rows
 * have a job, when fewer than `window.low` have one. The pending rows in the import's own
 * structures are the source of truth; a cursor (moved only after the jobs were added) says how
 * far they were fed. Job ids are deterministic (import, row, generation), so a feeder that died
 * between adding and moving the cursor adds nothing twice when the next one feeds again.
 * Returns how many jobs were added (0 when another feeder holds the import's lock).
 */
export async function topUpWindow(store: ImportStore, queue: Queue<RowJobData>, importId: string, window: FeedWindowSize = DEFAULT_FEED_WINDOW): Promise<number> {
  const before = await store.feed.read(importId);
  if (!before || isOver(before)) return stop(store, importId, before?.epoch ?? 0);
  if (!needsFeeding(before, window)) return 0;
  const token = await store.feed.lock(importId, FEED_LOCK_MS);
  if (!token) return 0;
  try {
    const now = await store.feed.read(importId);
    if (!now || isOver(now)) return await stop(store, importId, now?.epoch ?? 0);
    if (!needsFeeding(now, window)) return 0;
    const rows = await store.feed.pendingAfter(importId, now.cursor, window.high - now.inWindow);
    if (rows.length === 0) return await stop(store, importId, now.epoch);
    await enqueueRows(queue, rows.map(({ row, gen }) => ({ importId, row, gen })));
    await store.feed.advance(importId, rows.at(-1)!.row, now.epoch);
    return rows.length;
  } finally {
    await store.feed.unlock(importId, token);
  }
}

/** A cancelled or finished import gets no more jobs (a resume or retry puts it back on the index). */
function isOver(window: FeedWindow): boolean {
  return window.cancelled || window.state === 'done' || window.state === 'cancelled';
}

/** While the file is read nothing is fed (a refused file queues nothing). */
function needsFeeding(window: FeedWindow, size: FeedWindowSize): boolean {
  return (window.state === 'queued' || window.state === 'running') && window.inWindow < size.low;
}

async function stop(store: ImportStore, importId: string, epoch: number): Promise<number> {
  await store.feed.stopFeeding(importId, epoch);
  return 0;
}

/** Rows became pending again (retry, resume): feed from the first row again. */
export async function feedAgain(store: ImportStore, queue: Queue<RowJobData>, importId: string, window?: FeedWindowSize): Promise<void> {
  await store.feed.rewind(importId);
  await topUpWindow(store, queue, importId, window);
}

/**
 * Feeds every import of the index from a worker process: an import is topped up when one of its
 * rows finishes here (`request`), and every import of the index now and every `sweepEveryMs`, so
 * a worker that starts (again) picks up the feeding of the imports that still have rows, whoever
 * read them. Errors go to `onError` (Redis away: the next sweep tries again).
 */
export function startRowFeeder(options: {
  store: ImportStore;
  queue: Queue<RowJobData>;
  window?: FeedWindowSize;
  sweepEveryMs?: number;
  onError: (error: Error) => void;
}): { request(importId: string): void; close(): Promise<void> } {
  const { store, queue } = options;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let closed = false;

  function request(importId: string): void {
    if (closed) return;
    if (running.has(importId)) {
      again.add(importId);
      return;
    }
    const feeding = (async () => {
      try {
        do {
          again.delete(importId);
          await topUpWindow(store, queue, importId, options.window);
        } while (again.has(importId) && !closed);
      } catch (error) {
        options.onError(error as Error);
      } finally {
        running.delete(importId);
      }
    })();
    running.set(importId, feeding);
  }

  const sweep = () => {
    if (closed) return;
    store.feed.importsToFeed().then((ids) => ids.forEach(request), options.onError);
  };
  const timer = setInterval(sweep, options.sweepEveryMs ?? 5000);
  timer.unref();
  sweep();

  return {
    request,
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
