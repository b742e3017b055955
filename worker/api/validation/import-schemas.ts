import { z } from 'zod';
import { CANONICAL_KEYS } from '../../../shared/customer/canonical-keys.ts';
import { ROW_STATUSES } from '../../../shared/status/row-status.ts';
import { CLOUD_NAMES } from '../../../shared/partner-center/clouds.ts';

/** Every input the API accepts, as zod schemas. Objects are strict: an unknown field is a 400. */

const MAX_COLUMNS = 500;

/** A whole number in a path or query string, with a message that says which numbers are accepted. */
export const wholeNumber = (what: string, min: number, max?: number) => {
  const range = max === undefined ? `${what} is a whole number from ${min}` : `${what} is a whole number from ${min} to ${max}`;
  const schema = z.coerce.number({ error: range }).int(range).min(min, range);
  return max === undefined ? schema : schema.max(max, range);
};

const importIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'an import id is 1–128 letters, digits, "-" or "_"');

export const importParamsSchema = z.strictObject({ id: importIdSchema });

export const rowParamsSchema = z.strictObject({
  id: importIdSchema,
  row: wholeNumber('a row number (pc_row in the results file)', 1),
});

const cloudSchema = z.enum(CLOUD_NAMES, { error: `cloud must be one of ${CLOUD_NAMES.join(', ')}` });
const keySchema = z.enum(CANONICAL_KEYS, { error: 'each key is a canonical key (docs/contracts/csv.md §3) or null' }).nullable();

const formBooleanSchema = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { error: 'use true or false' })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

/** The text fields of a multipart upload (the `file` part is checked separately). */
export const multipartFieldsSchema = z.strictObject({
  dryRun: formBooleanSchema.default(false),
  /** An orders file: apply it even though an earlier import of the same bytes did (docs/contracts/csv.md §6). */
  again: formBooleanSchema.default(false),
  cloud: cloudSchema.default('global'),
  encoding: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, 'an encoding is a label such as utf-8, shift_jis, windows-1252')
    .optional(),
  /** The person's column mapping, as JSON: one canonical key or null per header column, in order. */
  keys: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'keys is a JSON array such as ["company_name", null, "domain"]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(keySchema, { error: 'keys is a JSON array such as ["company_name", null, "domain"]' }).min(1, 'give one key (or null) per header column').max(MAX_COLUMNS))
    .optional(),
});

export const listImportsQuerySchema = z.strictObject({
  limit: wholeNumber('limit', 1, 500).default(50),
});

export const listRowsQuerySchema = z.strictObject({
  status: z.enum([...ROW_STATUSES, 'pending'], { error: `status is one of ${[...ROW_STATUSES, 'pending'].join(', ')}` }).optional(),
  cursor: z.string().min(1).max(500).optional(),
  limit: wholeNumber('limit', 1, 1000).default(100),
});

export const downloadQuerySchema = z.strictObject({
  lang: z.enum(['en', 'ja'], { error: 'lang is en or ja' }).default('en'),
});
