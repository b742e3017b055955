/** The most entries a memo keeps: a file repeats a few hundred spellings at most; past that it starts over. */
const MEMO_LIMIT = 2_000;

/**
 * A small memo of what a cell, exactly as read, normalises to: countries, states, cultures, offers
 * and yes/no values repeat across the rows of a file, so each spelling is checked once. It holds
 * only values that passed their check (a refused cell is checked again, so its problem is built
 * as usual), and it is bounded: when full it is emptied and refilled.
 *
 * @example const country = memo.get(cell) ?? checkAndRemember(cell)
 */
export class CellMemo<T> {
  private readonly entries = new Map<string, T>();

  /** What `cell` normalises to, if remembered; an absent or empty cell is never remembered. */
  get(cell: string | undefined): T | undefined {
    return cell === undefined || cell === '' ? undefined : this.entries.get(cell);
  }

  set(cell: string, value: T): void {
    if (this.entries.size >= MEMO_LIMIT) this.entries.clear();
    this.entries.set(cell, value);
  }
}
