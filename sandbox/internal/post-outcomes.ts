import type { z } from 'zod';
import { errorBody } from './error-body.ts';
import type { PostOutcome } from './idempotent-post.ts';

/** A refused POST: the docs/contracts/partner-center.md §10 body, nothing committed. */
export function fail(status: PostOutcome['status'], code: number | string, description: string, data: unknown[] = []): PostOutcome {
  return { status, committed: false, body: errorBody(code, description, data) };
}

/** A zod failure as the §10 body: one line per problem, the path named. */
export function badInput(error: z.ZodError): PostOutcome {
  const problems = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  return fail(400, 'BadInput', `The request is invalid: ${problems.join('; ')}`, problems);
}
