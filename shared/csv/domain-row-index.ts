/** Domain prefixes of up to 10 characters fit exactly in a double, one base-37 digit each (37^10 < 2^53). */
const MAX_PACKED_LENGTH = 10;
const INITIAL_SLOTS = 16 * 1024;
/** Entries per block of the entry store (64 KB of prefixes, 32 KB of rows): small enough to be allocated one at a time. */
const BLOCK_BITS = 13;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/**
 * Which row first used each domain prefix (`[a-z0-9]{1,27}`, docs/contracts/csv.md §4), for the
 * duplicate-domain rule of §5. It is probed once per valid row of a file, so prefixes of up to 10
 * characters are packed into numbers: on 100 000 rows that costs a fraction of a
 * `Map<string, number>`, whose entries and key strings are scattered over the heap. Longer (or
 * unexpected) prefixes go to a Map.
 *
 * The packed entries (prefix and row, 12 bytes) are stored in claim order in fixed blocks that
 * are added, never copied; the open-addressing table that finds them holds only 4-byte entry
 * numbers. Growing the table then copies 4 bytes per slot, not 12, and a 1 M-row file peaks at
 * about half the memory of a table of prefixes and rows (docs/performance.md, Memory).
 */
export class DomainRowIndex {
  private slots = new Int32Array(INITIAL_SLOTS); // entry number + 1; 0 is an empty slot
  private readonly keyBlocks: Float64Array[] = [];
  private readonly rowBlocks: Int32Array[] = [];
  private size = 0;
  private readonly others = new Map<string, number>();
  // Set by `pack`: the slot hash of the last packed prefix (saves returning a pair).
  private hash = 0;

  /** The row that first used `domain`, if any. */
  get(domain: string): number | undefined {
    const key = this.pack(domain);
    if (key < 0) return this.others.get(domain);
    const entry = this.slots[this.find(key)]!;
    return entry === 0 ? undefined : this.rowOf(entry - 1);
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
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const slot = this.find(key);
    const found = this.slots[slot]!;
    if (found !== 0) return this.rowOf(found - 1);
    const entry = this.size++;
    if ((entry & BLOCK_MASK) === 0) {
      this.keyBlocks.push(new Float64Array(BLOCK_MASK + 1));
      this.rowBlocks.push(new Int32Array(BLOCK_MASK + 1));
    }
    this.keyBlocks[entry >>> BLOCK_BITS]![entry & BLOCK_MASK] = key;
    this.rowBlocks[entry >>> BLOCK_BITS]![entry & BLOCK_MASK] = row;
    this.slots[slot] = entry + 1;
    return undefined;
  }

  /** The slot that holds `key` (hashed to `this.hash`), or the empty slot where it would go. */
  private find(key: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = this.hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0 || this.keyOf(entry - 1) === key) return slot;
    }
  }

  private keyOf(entry: number): number {
    return this.keyBlocks[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
  }

  private rowOf(entry: number): number {
    return this.rowBlocks[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = hashOf(this.keyOf(entry)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
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
