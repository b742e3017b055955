import type { RedisConnection } from '../redis/redis-connection.ts';
import { CLOUD_NAMES, type CloudName } from '../../shared/partner-center/clouds.ts';
import type { LedgerEntry } from './ledger-entry.ts';

const PAGE = 500;

interface LedgerQuery {
  /** Only this domain (prefix or full initial domain, any case). */
  domain?: string;
  /** Only entries created at or after this time. */
  since?: Date;
}

/**
 * The ledger of every customer the tool created, per cloud and domain, kept in Redis without a
 * TTL for as long as the deployment runs: a HASH per cloud (domain → entry) and one ZSET by
 * creation time for listing. The first entry of a domain wins, so a replay never rewrites it.
 */
export interface Ledger {
  record(entry: LedgerEntry): Promise<void>;
  find(cloud: CloudName, domain: string): Promise<LedgerEntry | undefined>;
  /** Entries in creation order, read a page at a time (the audit trail can be long). */
  list(query?: LedgerQuery): AsyncIterable<LedgerEntry>;
}

export function createLedger(redis: RedisConnection, prefix: string): Ledger {
  const entriesKey = (cloud: string) => `${prefix}:ledger:${cloud}`;
  const timeKey = `${prefix}:ledger-by-time`;

  async function find(cloud: CloudName, domain: string): Promise<LedgerEntry | undefined> {
    const raw = await redis.hget(entriesKey(cloud), domainPrefix(domain));
    return raw === null ? undefined : (JSON.parse(raw) as LedgerEntry);
  }

  return {
    async record(entry) {
      const domain = domainPrefix(entry.domain);
      await redis
        .multi()
        .hsetnx(entriesKey(entry.cloud), domain, JSON.stringify({ ...entry, domain }))
        .zadd(timeKey, 'NX', Date.parse(entry.createdAt), `${entry.cloud}:${domain}`)
        .exec();
    },

    find,

    async *list(query = {}) {
      const since = query.since ? query.since.getTime() : '-inf';
      if (query.domain !== undefined) {
        const entries = await Promise.all(CLOUD_NAMES.map((cloud) => find(cloud, query.domain!)));
        const sinceMs = query.since?.getTime() ?? -Infinity;
        yield* entries
          .filter((entry): entry is LedgerEntry => entry !== undefined && Date.parse(entry.createdAt) >= sinceMs)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return;
      }
      for (let offset = 0; ; offset += PAGE) {
        const members = await redis.zrangebyscore(timeKey, since, '+inf', 'LIMIT', offset, PAGE);
        if (members.length === 0) return;
        const pipeline = redis.pipeline();
        for (const member of members) pipeline.hget(entriesKey(member.slice(0, member.indexOf(':'))), member.slice(member.indexOf(':') + 1));
        for (const [, raw] of (await pipeline.exec()) ?? []) if (typeof raw === 'string') yield JSON.parse(raw) as LedgerEntry;
        if (members.length < PAGE) return;
      }
    },
  };
}

/** `Contoso.onmicrosoft.com` → `contoso`: the ledger is keyed by the prefix, as rows store it. */
function domainPrefix(domain: string): string {
  return domain.trim().toLowerCase().split('.')[0] ?? '';
}
