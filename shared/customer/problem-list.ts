import { CANONICAL_KEYS, type CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import type { Checked } from './row-problem.ts';

const KEY_INDEX: ReadonlyMap<CanonicalKey, number> = new Map(CANONICAL_KEYS.map((key, index) => [key, index]));

/** Collects at most one problem per field, in canonical key order. Allocates only once a problem comes. */
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
  list(): RowProblem[] {
    return this.byIndex?.filter((problem): problem is RowProblem => problem !== undefined) ?? [];
  }
}
