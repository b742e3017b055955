import type { CloudName } from '../../shared/partner-center/clouds.ts';
import type { RedisConnection } from '../redis/redis-connection.ts';
import { createScriptRunner } from '../redis/run-script.ts';
import { DEFAULT_IMPORT_RETENTION_MS } from './import-retention.ts';

/** One purchase call of a row (a checkout or a legacy order) for a customer. */
export interface PurchaseOf {
  cloud: CloudName;
  customerId: string;
  /** Which row's which write: `importId:row[:item]:write`. */
  purchase: string;
}

/** What the other purchases for the customer hold, as a read-back must know it. */
export interface OtherPurchases {
  /** Orders another purchase placed or took: never this one's. */
  claimed: ReadonlySet<string>;
  /** Another purchase of one of these lines is under way (its answer not in yet): its order may be listed already. */
  rivalPending: boolean;
}

/**
 * Which purchase took which order of a customer (docs/contracts/partner-center.md §0.20): a
 * purchase is registered with its lines before its first call, records the orders its answer
 * names, and a read-back takes orders only under the same version of the record it decided on,
 * so two rows never take one order. A HASH per cloud and customer, purchase → {lines, orders?},
 * and a version field bumped by every write; kept as long as an import is.
 */
export interface OrderClaims {
  /**
   * Registers the purchase's lines (keys of `lineKey`) before its call: under way until it records
   * its orders; a purchase that recorded orders already is kept.
   */
  register(at: PurchaseOf, lines: readonly string[]): Promise<void>;
  /** Records the orders the purchase's own answer names (none: it was refused, never carried out). */
  record(at: PurchaseOf, orderIds: readonly string[]): Promise<void>;
  /**
   * Decides knowing the other purchases and takes the orders of the decision (`taken`; undefined:
   * none), atomically: when another purchase changed the record meanwhile, `decide` runs again on
   * what it holds now. Answers the decision.
   */
  take<T>(at: PurchaseOf, decide: (others: OtherPurchases) => T, taken: (decision: T) => string[] | undefined): Promise<T>;
}

interface StoredPurchase {
  lines: string[];
  orders?: string[];
}

const VERSION = '#v';

/**
 * ARGV: field, value, expected version ('' for any), '1' to keep a purchase that recorded orders,
 * TTL ms. Returns 1 when written or kept, 0 on another version.
 */
const PUT_IF_VERSION = `
local version = redis.call('HGET', KEYS[1], '${VERSION}') or '0'
if ARGV[3] ~= '' and ARGV[3] ~= version then return 0 end
if ARGV[4] == '1' then
  local raw = redis.call('HGET', KEYS[1], ARGV[1])
  if raw and #(cjson.decode(raw).orders or {}) > 0 then return 1 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], '${VERSION}', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

export function createOrderClaims(redis: RedisConnection, prefix: string): OrderClaims {
  const runScript = createScriptRunner(redis);
  const keyOf = (at: PurchaseOf) => `${prefix}:order-claims:${at.cloud}:${at.customerId}`;
  const put = async (at: PurchaseOf, purchase: StoredPurchase, options: { version?: string; keep?: boolean } = {}) =>
    (await runScript(PUT_IF_VERSION, [keyOf(at)], [at.purchase, JSON.stringify(purchase), options.version ?? '', options.keep ? '1' : '0', DEFAULT_IMPORT_RETENTION_MS])) === 1;
  const read = async (at: PurchaseOf) => {
    const fields = await redis.hgetall(keyOf(at));
    const { [VERSION]: version = '0', ...purchases } = fields;
    return { version, purchases: Object.fromEntries(Object.entries(purchases).map(([name, raw]) => [name, JSON.parse(raw) as StoredPurchase])) };
  };

  return {
    async register(at, lines) {
      await put(at, { lines: [...lines] }, { keep: true });
    },

    async record(at, orderIds) {
      const { purchases } = await read(at);
      await put(at, { lines: purchases[at.purchase]?.lines ?? [], orders: [...orderIds] });
    },

    async take(at, decide, taken) {
      for (;;) {
        const { version, purchases } = await read(at);
        const own = purchases[at.purchase]?.lines ?? [];
        const others = Object.entries(purchases)
          .filter(([name]) => name !== at.purchase)
          .map(([, purchase]) => purchase);
        const decision = decide({
          claimed: new Set(others.flatMap((purchase) => purchase.orders ?? [])),
          rivalPending: others.some((purchase) => purchase.orders === undefined && purchase.lines.some((line) => own.includes(line))),
        });
        const orders = taken(decision);
        if (orders === undefined || (await put(at, { lines: own, orders }, { version }))) return decision;
      }
    },
  };
}
