import { Hono } from 'hono';
import type { Ledger } from '../../ledger/create-ledger.ts';
import type { LedgerEntry } from '../../ledger/ledger-entry.ts';
import { parseInput } from '../validation/parse-input.ts';
import { ledgerQuerySchema } from '../validation/ledger-schemas.ts';

/**
 * `GET /ledger?domain=&since=&limit=&cursor=`: every customer this tool created, in creation
 * order, with who queued it (the audit trail); `{items, nextCursor?}`.
 */
export function createLedgerRoute(ledger: Ledger) {
  return new Hono().get('/', async (c) => {
    const query = parseInput(ledgerQuerySchema, c.req.query(), 'query');
    const skip = Number(query.cursor ?? 0);
    const since = query.since === undefined ? undefined : new Date(/^\d{4}-\d{2}-\d{2}$/.test(query.since) ? `${query.since}T00:00:00Z` : query.since);
    const items: LedgerEntry[] = [];
    let seen = 0;
    let more = false;
    for await (const entry of ledger.list({ ...(query.domain ? { domain: query.domain } : {}), ...(since ? { since } : {}) })) {
      if (seen++ < skip) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(entry);
    }
    return c.json(more ? { items, nextCursor: String(skip + items.length) } : { items });
  });
}
