import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { CustomerRecord } from '../../shared/customer/customer-record.ts';
import type { ImportEvent, ImportKind, ImportState, ImportSummary, StatusCounts } from '../../shared/imports/import-types.ts';
import type { Order } from '../../shared/orders/validate-order.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import { hashIndexKey, importIndexKey, ordersByHashKey, importKeys, scriptKeys, STORE_STATUSES, type StoreStatus } from './import-keys.ts';
import { allImportKeys, createImportRetention, DEFAULT_IMPORT_RETENTION_MS } from './import-retention.ts';
import { createImportEventLog } from './events/import-event-log.ts';
import { SEAL_IMPORT, TRANSITION_ROW, TRANSITION_ROWS } from './lua-scripts.ts';
import { createScriptRunner } from '../redis/run-script.ts';
import { REOPEN_IMPORT } from './reopen-import-script.ts';
import { CANCEL_PENDING_ROWS } from './cancel-pending-script.ts';
import { createFeedWindowStore } from './feed-window-store.ts';
import { toRowResult, type RowState, type RowStatePatch, type RowStep } from './row-state.ts';

export interface NewImport {
  id: string;
  fileName: string;
  createdAt: string;
  dryRun: boolean;
  cloud: CloudName;
  header: ImportSummary['header'];
  queuedBy?: string;
  contentHash?: string;
  /** The folder of the file the CLI read, where its results files go again later. */
  sourceDir?: string;
  /** Absent: customers. */
  kind?: ImportKind;
  earlierImport?: ImportSummary['earlierImport'];
  /** Orders file: apply rows an earlier import of the same bytes applied (docs/contracts/csv.md §6). */
  again?: boolean;
}

/** A row as recorded at creation: its state, its original cells and, when valid, its record. */
export interface NewRow {
  state: RowState;
  cells: string[];
  /** The validated customer record, or the validated order of an orders file. */
  record?: CustomerRecord | Order;
}

export interface TransitionCondition {
  /** Apply only when the row has one of these statuses (default: `pending`). */
  from?: readonly StoreStatus[];
  /** Apply only when the row is at one of these steps. */
  steps?: readonly RowStep[];
  /** Apply only to this generation of the row (a job of an older retry does nothing). */
  gen?: number;
}

export interface TransitionResult {
  applied: boolean;
  statusChanged: boolean;
  state?: RowState;
}

/**
 * All import state in Redis: summary, counters, every row's original cells and state, and the
 * per-status sets for paging. Status changes go through one Lua script (`TRANSITION_ROW`), so a
 * row gets exactly one final status and the counters never drift. Events are logged in a stream
 * per import and published on its pub/sub channel, so subscribers in other processes see them
 * and a reconnecting one can catch up.
 */
export type ImportStore = ReturnType<typeof createImportStore>;

export interface ImportStoreOptions {
  /** TTL of every key of a settled import (drained or cancelled); default 30 days. */
  retentionMs?: number;
  /** About how many events an import's log keeps (tests make it small); default `EVENT_LOG_LENGTH`. */
  eventLogLength?: number;
}

export function createImportStore(redis: RedisConnection, prefix: string, options: ImportStoreOptions = {}) {
  const keysOf = (importId: string) => importKeys(prefix, importId);
  const runScript = createScriptRunner(redis);
  const retention = createImportRetention(redis, prefix, options.retentionMs ?? DEFAULT_IMPORT_RETENTION_MS);
  const eventLog = createImportEventLog(redis, prefix, options.eventLogLength ? { maxLength: options.eventLogLength } : {});

  async function readCounts(importId: string): Promise<{ counts: StatusCounts; state: ImportState } | undefined> {
    const meta = await redis.hgetall(keysOf(importId).meta);
    if (!meta.id) return undefined;
    return { counts: countsFrom(meta), state: meta.state as ImportState };
  }

  async function getRow(importId: string, row: number): Promise<RowState | undefined> {
    const raw = await redis.hget(keysOf(importId).rows, String(row));
    return raw === null ? undefined : (JSON.parse(raw) as RowState);
  }

  /** Logs the event (for `Last-Event-ID` resumption) and publishes it to subscribers in every process. */
  async function publish(event: ImportEvent): Promise<void> {
    await eventLog.append(event.importId, [event]);
  }

  /** Every row is final: tell subscribers, and start the import's retention. */
  async function announceDrained(importId: string, counts: StatusCounts): Promise<void> {
    await publish({ type: 'drained', importId, counts });
    await retention.expireIfSettled(importId);
  }

  return {
    keysOf,

    /** The window of rows fed to the queue (see `worker/queue/row-feeder.ts`). */
    feed: createFeedWindowStore(redis, prefix, runScript),

    async createImport(meta: NewImport): Promise<void> {
      const keys = keysOf(meta.id);
      const counters = Object.fromEntries(STORE_STATUSES.map((status) => [`n:${status}`, '0']));
      await redis
        .multi()
        .hset(keys.meta, {
          id: meta.id,
          fileName: meta.fileName,
          createdAt: meta.createdAt,
          dryRun: meta.dryRun ? '1' : '0',
          cloud: meta.cloud,
          state: 'validating',
          header: JSON.stringify(meta.header),
          ...(meta.queuedBy ? { queuedBy: meta.queuedBy } : {}),
          ...(meta.contentHash ? { contentHash: meta.contentHash } : {}),
          ...(meta.sourceDir ? { sourceDir: meta.sourceDir } : {}),
          ...(meta.kind ? { kind: meta.kind } : {}),
          ...(meta.earlierImport ? { earlierImport: JSON.stringify(meta.earlierImport) } : {}),
          ...(meta.again ? { again: '1' } : {}),
          total: '0',
          blankLines: '0',
          ...counters,
        })
        .zadd(importIndexKey(prefix), Date.parse(meta.createdAt), meta.id)
        .exec();
      // Kept apart from the import's keys: a lookup that finds an expired import forgets it.
      if (meta.contentHash) await redis.hset(hashIndexKey(prefix), meta.contentHash, meta.id);
    },

    /** The latest import of a file with these bytes (SHA-256 hex), if it is still kept. */
    async findByContentHash(contentHash: string): Promise<string | undefined> {
      return (await redis.hget(hashIndexKey(prefix), contentHash)) ?? undefined;
    },

    /** Remembers the latest import (not a dry run) of an orders file with these bytes (docs/contracts/csv.md §6). */
    async rememberOrdersFile(contentHash: string, earlier: NonNullable<ImportSummary['earlierImport']>): Promise<void> {
      await redis.hset(ordersByHashKey(prefix), contentHash, JSON.stringify(earlier));
    },

    /** The latest import (not a dry run) of an orders file with these bytes, if any. */
    async findOrdersFile(contentHash: string): Promise<ImportSummary['earlierImport']> {
      const raw = await redis.hget(ordersByHashKey(prefix), contentHash);
      return raw === null ? undefined : (JSON.parse(raw) as NonNullable<ImportSummary['earlierImport']>);
    },

    async forgetContentHash(contentHash: string): Promise<void> {
      await redis.hdel(hashIndexKey(prefix), contentHash);
    },

    /** Clears the cancel flag before rows run again; returns the import's state. */
    async reopen(importId: string): Promise<string> {
      return (await runScript(REOPEN_IMPORT, [keysOf(importId).meta], [])) as string;
    },

    /** Deletes every key of an import (used when its file is refused half-way). */
    async deleteImport(importId: string): Promise<void> {
      await redis
        .multi()
        .unlink(...allImportKeys(prefix, importId))
        .zrem(importIndexKey(prefix), importId)
        .exec();
    },

    /** Records a batch of rows atomically with their counters (rows are new: no transition). */
    async recordRows(importId: string, rows: readonly NewRow[]): Promise<void> {
      if (rows.length === 0) return;
      const keys = keysOf(importId);
      const multi = redis.multi();
      const increments = new Map<StoreStatus, number>();
      for (const { state, cells, record } of rows) {
        multi.hset(keys.rows, String(state.row), JSON.stringify(state));
        multi.hset(keys.cells, String(state.row), JSON.stringify(cells));
        if (record) multi.hset(keys.records, String(state.row), JSON.stringify(record));
        multi.zadd(keys.byStatus[state.status], state.row, String(state.row));
        increments.set(state.status, (increments.get(state.status) ?? 0) + 1);
      }
      for (const [status, count] of increments) multi.hincrby(keys.meta, `n:${status}`, count);
      await multi.exec();
    },

    /**
     * Ends validation; returns the state the import is now in. `omitColumns`: the empty unnamed
     * columns the results files leave out, known only once every row was read.
     */
    async seal(importId: string, total: number, blankLines: number, omitColumns: readonly number[] = []): Promise<ImportState> {
      if (omitColumns.length > 0) await redis.hset(keysOf(importId).meta, 'omitColumns', JSON.stringify(omitColumns));
      const state = (await runScript(SEAL_IMPORT, [keysOf(importId).meta], [total, blankLines])) as ImportState;
      const snapshot = await readCounts(importId);
      if (snapshot) {
        await publish({ type: 'progress', importId, counts: snapshot.counts, state: snapshot.state });
        if (snapshot.counts.pending === 0) await announceDrained(importId, snapshot.counts);
      }
      return state;
    },

    async getSummary(importId: string): Promise<ImportSummary | undefined> {
      const meta = await redis.hgetall(keysOf(importId).meta);
      if (!meta.id) return undefined;
      return {
        id: meta.id,
        fileName: meta.fileName ?? '',
        createdAt: meta.createdAt ?? '',
        dryRun: meta.dryRun === '1',
        cloud: meta.cloud as CloudName,
        state: meta.state as ImportState,
        header: {
          ...(JSON.parse(meta.header ?? '{}') as ImportSummary['header']),
          ...(meta.omitColumns ? { omitColumns: JSON.parse(meta.omitColumns) as number[] } : {}),
        },
        total: Number(meta.total ?? 0),
        blankLines: Number(meta.blankLines ?? 0),
        counts: countsFrom(meta),
        ...(meta.queuedBy ? { queuedBy: meta.queuedBy } : {}),
        ...(meta.contentHash ? { contentHash: meta.contentHash } : {}),
        ...(meta.kind ? { kind: meta.kind as ImportKind } : {}),
        ...(meta.earlierImport ? { earlierImport: JSON.parse(meta.earlierImport) as NonNullable<ImportSummary['earlierImport']> } : {}),
      };
    },

    readCounts,

    async listImportIds(limit: number): Promise<string[]> {
      return redis.zrevrange(importIndexKey(prefix), 0, limit - 1);
    },

    /** Drops ids from the index whose import has expired. */
    async forgetImports(importIds: readonly string[]): Promise<void> {
      if (importIds.length > 0) await redis.zrem(importIndexKey(prefix), ...importIds);
    },

    /** Takes the TTL off a settled import before its rows run again (retry). */
    keepImport: (importId: string) => retention.keep(importId),

    /** Starts the retention of a settled import (no-op while rows are pending). */
    expireIfSettled: (importId: string) => retention.expireIfSettled(importId),

    getRow,

    async getRows(importId: string, rows: readonly number[]): Promise<(RowState | undefined)[]> {
      if (rows.length === 0) return [];
      const raws = await redis.hmget(keysOf(importId).rows, ...rows.map(String));
      return raws.map((raw) => (raw === null ? undefined : (JSON.parse(raw) as RowState)));
    },

    /** How many rows are recorded so far (equals `total` once validation ended). */
    async countRows(importId: string): Promise<number> {
      return redis.hlen(keysOf(importId).rows);
    },

    async getCells(importId: string, rows: readonly number[]): Promise<(string[] | undefined)[]> {
      if (rows.length === 0) return [];
      const raws = await redis.hmget(keysOf(importId).cells, ...rows.map(String));
      return raws.map((raw) => (raw === null ? undefined : (JSON.parse(raw) as string[])));
    },

    async getRecord(importId: string, row: number): Promise<CustomerRecord | undefined> {
      const raw = await redis.hget(keysOf(importId).records, String(row));
      return raw === null ? undefined : (JSON.parse(raw) as CustomerRecord);
    },

    /** The validated order of an orders file's row (docs/contracts/csv.md §6). */
    async getOrder(importId: string, row: number): Promise<Order | undefined> {
      const raw = await redis.hget(keysOf(importId).records, String(row));
      return raw === null ? undefined : (JSON.parse(raw) as Order);
    },

    async getMetaField(importId: string, field: string): Promise<string | undefined> {
      return (await redis.hget(keysOf(importId).meta, field)) ?? undefined;
    },

    async setMetaFields(importId: string, fields: Record<string, string>): Promise<void> {
      await redis.hset(keysOf(importId).meta, fields);
    },

    /**
     * Applies `patch` to a row when `condition` holds (atomically). A change of status moves the
     * row between the status sets and counters and publishes `row` and `progress` events (and
     * `drained` when no row is pending any more).
     */
    async transition(importId: string, row: number, patch: RowStatePatch, condition: TransitionCondition = {}): Promise<TransitionResult> {
      const keys = keysOf(importId);
      const [applied, changed] = (await runScript(TRANSITION_ROW, scriptKeys(keys), [
        row,
        JSON.stringify(patch),
        (condition.from ?? ['pending']).join(','),
        (condition.steps ?? []).join(','),
        condition.gen === undefined ? '' : String(condition.gen),
        // Unique per call: a resent command is recognised as applied already (see TRANSITION_ROW).
        randomBytes(6).toString('base64url'),
      ])) as [number, number, number];
      if (applied !== 1) return { applied: false, statusChanged: false };
      const state = await getRow(importId, row);
      if (changed === 1 && state) {
        await publish({ type: 'row', importId, result: toRowResult(state) });
        const snapshot = await readCounts(importId);
        if (snapshot) {
          await publish({ type: 'progress', importId, counts: snapshot.counts, state: snapshot.state });
          if (snapshot.counts.pending === 0 && snapshot.state !== 'validating') await announceDrained(importId, snapshot.counts);
        }
      }
      return { applied: true, statusChanged: changed === 1, state };
    },

    /**
     * Applies one patch to many rows at once (cancel, retry), each only if its status and step
     * match; `bumpGen` increments each changed row's generation. Publishes a `row` event per
     * changed row, then one `progress` event (and `drained` when nothing is pending). Returns the
     * changed rows with their (new) generation.
     */
    async transitionMany(
      importId: string,
      rows: readonly number[],
      patch: RowStatePatch,
      condition: { from: readonly StoreStatus[]; steps?: readonly RowStep[]; bumpGen?: boolean },
      /** `false`: one `progress` event for the chunk, no `row` event per row (cancelling 200 000 rows). @default true */
      rowEvents = true,
    ): Promise<{ row: number; gen: number }[]> {
      if (rows.length === 0) return [];
      const keys = keysOf(importId);
      const flat = (await runScript(TRANSITION_ROWS, scriptKeys(keys), [
        rows.join(','),
        JSON.stringify(patch),
        condition.from.join(','),
        (condition.steps ?? []).join(','),
        condition.bumpGen ? '1' : '0',
      ])) as number[];
      const changed: { row: number; gen: number }[] = [];
      for (let index = 0; index < flat.length; index += 2) changed.push({ row: flat[index]!, gen: flat[index + 1]! });
      if (changed.length > 0) {
        if (rowEvents) {
          const states = await redis.hmget(keys.rows, ...changed.map(({ row }) => String(row)));
          const events = states.filter((raw): raw is string => raw !== null).map((raw): ImportEvent => ({ type: 'row', importId, result: toRowResult(JSON.parse(raw) as RowState) }));
          await eventLog.append(importId, events);
        }
        const snapshot = await readCounts(importId);
        if (snapshot) {
          await publish({ type: 'progress', importId, counts: snapshot.counts, state: snapshot.state });
          if (snapshot.counts.pending === 0 && snapshot.state !== 'validating') await announceDrained(importId, snapshot.counts);
        }
      }
      return changed;
    },

    /**
     * Ends every pending row at one of `steps` `skipped` with the error fields of `patch`, a chunk of rows per script
     * (cancelling 200 000 rows takes a few dozen round trips). `onWindowRows` is given the rows of
     * each chunk that were fed to the queue (at or before `windowEnd`), to remove their jobs.
     * Publishes one `progress` event at the end (and `drained` when nothing is pending any more).
     * Returns how many rows were skipped.
     */
    async cancelPendingRows(
      importId: string,
      patch: Pick<RowState, 'errorCode' | 'errorEn' | 'errorJa'>,
      options: { steps: readonly RowStep[]; windowEnd: number; chunk: number },
      onWindowRows: (rows: { row: number; gen: number }[]) => Promise<void>,
    ): Promise<number> {
      const keys = keysOf(importId);
      // The members the script appends to each row's JSON: `{"a":1}` → `,"a":1`.
      const fields = `,${JSON.stringify(patch).slice(1, -1)}`;
      let skipped = 0;
      for (let after = 0; ; ) {
        const out = (await runScript(CANCEL_PENDING_ROWS, scriptKeys(keys), [after, options.chunk, options.windowEnd, fields, options.steps.join(',')])) as number[];
        const [last = 0, count = 0] = out;
        if (last === 0) break;
        after = last;
        skipped += count;
        const windowRows: { row: number; gen: number }[] = [];
        for (let index = 2; index < out.length; index += 2) windowRows.push({ row: out[index]!, gen: out[index + 1]! });
        if (windowRows.length > 0) await onWindowRows(windowRows);
      }
      const snapshot = await readCounts(importId);
      if (snapshot) {
        await publish({ type: 'progress', importId, counts: snapshot.counts, state: snapshot.state });
        if (snapshot.counts.pending === 0) await announceDrained(importId, snapshot.counts);
      }
      return skipped;
    },

    /** Row numbers with `status`, ascending, after `afterRow`, at most `limit`. */
    async rowsWithStatus(importId: string, status: StoreStatus, afterRow: number, limit: number): Promise<number[]> {
      const members = await redis.zrangebyscore(keysOf(importId).byStatus[status], `(${afterRow}`, '+inf', 'LIMIT', 0, limit);
      return members.map(Number);
    },

    publish,

    /** The import's event log, for SSE resumption. */
    eventLog,
  };
}

function countsFrom(meta: Record<string, string>): StatusCounts {
  return Object.fromEntries(STORE_STATUSES.map((status) => [status, Number(meta[`n:${status}`] ?? 0)])) as StatusCounts;
}
