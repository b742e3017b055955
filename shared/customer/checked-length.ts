import type { CanonicalKey } from './canonical-keys.ts';
import { FIELD_LABELS, LENGTH_LIMITS } from './field-limits.ts';
import type { ProblemList } from './problem-list.ts';
import { requiredProblem } from './required-problem.ts';
import { rowProblem } from './row-problem.ts';

/** The shortest of LENGTH_LIMITS: a shorter value needs no look-up. */
const SHORTEST_LIMIT = Math.min(...Object.values(LENGTH_LIMITS));

/**
 * A normalised text value (`normalizeValue`) when it passes the empty and Partner Center length
 * rules, else undefined (the problem is added; empty → `required` when required).
 */
export function checkedLength(problems: ProblemList, value: string, field: CanonicalKey, required: boolean): string | undefined {
  if (value === '') {
    if (required) problems.add(requiredProblem(field));
    return undefined;
  }
  const limit = value.length > SHORTEST_LIMIT ? LENGTH_LIMITS[field] : undefined;
  if (limit !== undefined && value.length > limit) {
    const label = FIELD_LABELS[field];
    problems.add(
      rowProblem(
        'too_long',
        field,
        `${label.en} has ${value.length} characters; Partner Center accepts at most ${limit}. Shorten it.`,
        `${label.ja}が ${value.length} 文字あります。Partner Center の上限は ${limit} 文字です。短くしてください。`,
      ),
    );
    return undefined;
  }
  return value;
}
