import type { RedisConnection } from '../../redis/redis-connection.ts';
import type { ImportEvent } from '../../../shared/imports/import-types.ts';
import { importKeys } from '../import-keys.ts';

/**
 * Subscriptions to the per-import pub/sub channels over one shared subscriber connection, so an
 * API process sees the events a worker process publishes.
 */
export interface ImportEventBus {
  /** `listener` gets each event with its id in the import's event log. */
  subscribe(importId: string, listener: ImportEventListener): Promise<() => void>;
  close(): Promise<void>;
}

type ImportEventListener = (event: ImportEvent, id: string) => void;

export function createImportEventBus(createSubscriber: () => RedisConnection, prefix: string): ImportEventBus {
  let subscriber: RedisConnection | undefined;
  const listeners = new Map<string, Set<ImportEventListener>>();

  function connection(): RedisConnection {
    if (subscriber) return subscriber;
    subscriber = createSubscriber();
    subscriber.on('message', (channel: string, message: string) => {
      const set = listeners.get(channel);
      if (!set) return;
      // Published by PUBLISH_EVENTS as {id, event}.
      const { id, event } = JSON.parse(message) as { id: string; event: ImportEvent };
      for (const listener of set) listener(event, id);
    });
    return subscriber;
  }

  return {
    async subscribe(importId, listener) {
      const channel = importKeys(prefix, importId).events;
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await connection().subscribe(channel);
      }
      set.add(listener);
      return () => {
        const current = listeners.get(channel);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) {
          listeners.delete(channel);
          void subscriber?.unsubscribe(channel);
        }
      };
    },
    async close() {
      listeners.clear();
      // QUIT would wait for a reconnect that may never come while Redis is down.
      if (subscriber?.status === 'ready') await subscriber.quit().catch(() => subscriber?.disconnect());
      else subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}
