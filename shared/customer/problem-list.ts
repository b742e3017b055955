import { CANONICAL_KEYS, type CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import type { Checked } from './row-problem.ts';

const KEY_INDEX: ReadonlyMap<CanonicalKey, number> = new Map(CANONICAL_KEYS.map((key, index) => [key, index]));

/**
 * Collects at most one problem per field, in canonical key order. Allocates only once a problem
 * comes; the reader keeps one list per file and clears it for each row.
 */
export class ProblemList {
  private byIndex: (RowProblem | undefined)[] | undefined;
  count = 0;
  add(problem: RowProblem): void {
    const index = problem.field === undefined ? CANONICAL_KEYS.length : (KEY_INDEX.get(problem.field) ?? 0);
    this.byIndex ??= [];
    if (this.byIndex[index]) return;
    this.byIndex[index] = problem;
    this.count++;
  }
  take<T>(checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    this.add(checked.problem);
    return undefined;
  }
  /** The first problem in canonical key order: the one that decides a row's status. */
  first(): RowProblem | undefined {
    if (this.byIndex) for (const problem of this.byIndex) if (problem) return problem;
    return undefined;
  }
  clear(): void {
    if (this.count === 0) return;
    this.byIndex = undefined;
    this.count = 0;
  }
  list(): RowProblem[] {
    return this.byIndex?.filter((problem): problem is RowProblem => problem !== undefined) ?? [];
  }
}
