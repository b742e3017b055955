/** Domain prefixes of up to 10 characters fit exactly in a double, one base-37 digit each (37^10 < 2^53). */
const MAX_PACKED_LENGTH = 10;
const INITIAL_SLOTS = 16 * 1024;

/**
 * Which row first used each domain prefix (`[a-z0-9]{1,27}`, docs/contracts/csv.md §4), for the
 * duplicate-domain rule of §5. It is probed once per valid row of a file, so prefixes of up to 10
 * characters are packed into numbers in an open-addressing table of typed arrays: on 100 000
 * rows that costs a fraction of a `Map<string, number>`, whose entries and key strings are
 * scattered over the heap. Longer (or unexpected) prefixes go to a Map.
 */
export class DomainRowIndex {
  private keys = new Float64Array(INITIAL_SLOTS); // packed prefixes; 0 is an empty slot
  private rows = new Int32Array(INITIAL_SLOTS);
  private size = 0;
  private readonly others = new Map<string, number>();
  // Set by `pack`: the slot hash of the last packed prefix (saves returning a pair).
  private hash = 0;

  /** The row that first used `domain`, if any. */
  get(domain: string): number | undefined {
    const key = this.pack(domain);
    if (key < 0) return this.others.get(domain);
    const mask = this.keys.length - 1;
    for (let slot = this.hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.rows[slot];
      if (found === 0) return undefined;
    }
  }

  /**
   * The row that first used `domain`, or undefined after recording `row` as that first row: `get`
   * and `set` in one probe, as the classifier needs them.
   */
  claim(domain: string, row: number): number | undefined {
    const key = this.pack(domain);
    if (key < 0) {
      const earlier = this.others.get(domain);
      if (earlier === undefined) this.others.set(domain, row);
      return earlier;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = this.hash & mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.rows[slot];
      if (found === 0) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.rows[slot] = row;
    this.size++;
    return undefined;
  }

  private insert(key: number, hash: number, row: number): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.rows[slot] = row;
  }

  private grow(): void {
    const keys = this.keys;
    const rows = this.rows;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot]!;
      if (key !== 0) this.insert(key, hashOf(key), rows[slot]!);
    }
  }

  /** The prefix as a positive number (digits 1–36, so "0a" and "a" differ), or -1 when it is too long or not `[a-z0-9]`. */
  private pack(domain: string): number {
    if (domain.length === 0 || domain.length > MAX_PACKED_LENGTH) return -1;
    let value = 0;
    for (let i = 0; i < domain.length; i++) {
      const code = domain.charCodeAt(i);
      let digit: number;
      if (code >= 48 && code <= 57) digit = code - 47;
      else if (code >= 97 && code <= 122) digit = code - 86;
      else return -1;
      value = value * 37 + digit;
    }
    this.hash = hashOf(value);
    return value;
  }
}

/** A well-mixed 32-bit hash of a packed key (below 2^53): MurmurHash3's finaliser over both halves. */
function hashOf(key: number): number {
  let hash = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
