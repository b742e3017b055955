import { z } from 'zod';

/**
 * The e-mail rule of the service as the sandbox plays it: a dot-atom local part (RFC 5322 atext,
 * so `a!b`, `a/b`, `a=b` and `a{b}` are fine), no quoted local part, no IP literal, no display
 * name; at most 64 characters before the `@` and 254 in all — the same addresses the CSV accepts
 * (docs/contracts/csv.md §4). Kept apart from the client-side rule in shared/customer on purpose
 * (see ../country-data.ts): test/sandbox/sandbox-customer-rules.test.ts compares the two.
 */
const DOT_ATOM_EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

/** A `billingProfile.email` or `primaryContact.email` (docs/contracts/partner-center.md §4, §7). */
export const emailAddress = z
  .string()
  .max(MAX_EMAIL)
  .regex(DOT_ATOM_EMAIL, 'must be a plain email address such as name@example.com')
  .refine((value) => value.lastIndexOf('@') <= MAX_LOCAL, `must have at most ${MAX_LOCAL} characters before the @`);
