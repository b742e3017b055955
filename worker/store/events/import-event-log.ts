import type { RedisConnection } from '../../redis/redis-connection.ts';
import type { ImportEvent } from '../../../shared/imports/import-types.ts';
import { importKeys } from '../import-keys.ts';
import { PUBLISH_EVENTS } from '../lua-scripts.ts';
import { createScriptRunner } from '../../redis/run-script.ts';
import { isEventId, NO_EVENT_ID } from './event-id.ts';

/** About how many events an import's log keeps (≈ 2 per row): older ones are trimmed. */
const EVENT_LOG_LENGTH = 20_000;

/** An event with its id in the import's log (a Redis stream id). */
interface LoggedEvent {
  id: string;
  event: ImportEvent;
}

/** The events after a client's `Last-Event-ID`; `complete` is false when some were trimmed (or the id is not one of ours). */
export interface EventReplay {
  events: LoggedEvent[];
  complete: boolean;
}

/**
 * Every import event goes into a Redis stream per import (trimmed to about
 * `EVENT_LOG_LENGTH`) and out on its pub/sub channel in the same Lua step, the stream id
 * travelling with it, so a subscriber can resume exactly where it stopped.
 */
export function createImportEventLog(redis: RedisConnection, prefix: string, options: { maxLength?: number } = {}) {
  const runScript = createScriptRunner(redis);
  const maxLength = options.maxLength ?? EVENT_LOG_LENGTH;

  return {
    /** Logs and publishes events in order; returns their ids. */
    async append(importId: string, events: readonly ImportEvent[]): Promise<string[]> {
      if (events.length === 0) return [];
      const keys = importKeys(prefix, importId);
      return (await runScript(PUBLISH_EVENTS, [keys.eventLog], [keys.events, maxLength, ...events.map((event) => JSON.stringify(event))])) as string[];
    },

    /** The id of the latest event (`0-0` before any): a snapshot read after this call reflects at least that much. */
    async latestId(importId: string): Promise<string> {
      const [last] = (await redis.xrevrange(importKeys(prefix, importId).eventLog, '+', '-', 'COUNT', 1)) as [string, string[]][];
      return last?.[0] ?? NO_EVENT_ID;
    },

    async since(importId: string, lastEventId: string): Promise<EventReplay> {
      if (!isEventId(lastEventId)) return { events: [], complete: false };
      const key = importKeys(prefix, importId).eventLog;
      if (!(await holdsEverythingAfter(redis, key, lastEventId))) return { events: [], complete: false };
      const entries = (await redis.xrange(key, `(${lastEventId}`, '+')) as [string, string[]][];
      return { events: entries.map(([id, fields]) => ({ id, event: JSON.parse(fields[1]!) as ImportEvent })), complete: true };
    },
  };
}

/**
 * Trimming drops the oldest entries first, so the log holds everything after an id exactly when
 * it still holds that id; `0-0` (before any event) needs a log that was never trimmed. An id the
 * log never had (another import's, or made up) is not found either.
 */
async function holdsEverythingAfter(redis: RedisConnection, key: string, lastEventId: string): Promise<boolean> {
  if (lastEventId !== NO_EVENT_ID) return (await redis.xrange(key, lastEventId, lastEventId)).length === 1;
  if ((await redis.exists(key)) === 0) return true;
  const flat = (await redis.call('XINFO', 'STREAM', key)) as unknown[];
  const info = new Map<string, unknown>();
  for (let index = 0; index + 1 < flat.length; index += 2) info.set(String(flat[index]), flat[index + 1]);
  return Number(info.get('entries-added')) === Number(info.get('length'));
}
