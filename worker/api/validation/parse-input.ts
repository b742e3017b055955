import type { z } from 'zod';
import { ApiProblemError } from '../problems/api-problem-error.ts';

/**
 * Validates untrusted input with a zod schema; on failure throws a 400 problem listing every
 * offending path, so the caller can fix all of them at once.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, where: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: formatPath(where, issue.path),
    message: issue.message,
  }));
  throw new ApiProblemError({
    status: 400,
    slug: 'invalid-request',
    title: 'Invalid request',
    detail: `Fix these inputs and send the request again: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`,
    extensions: { errors },
  });
}

function formatPath(where: string, path: readonly PropertyKey[]): string {
  let text = where;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return text;
}
