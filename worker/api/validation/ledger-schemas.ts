import { z } from 'zod';
import { wholeNumber } from './import-schemas.ts';

/** `GET /ledger`: like `pc-onboard ledger`; `cursor` is the `nextCursor` of the page before. */
export const ledgerQuerySchema = z.strictObject({
  domain: z.string().trim().min(1).max(300).optional(),
  since: z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), 'since is a date (YYYY-MM-DD, UTC) or an ISO time')
    .optional(),
  cursor: z.string().regex(/^\d{1,9}$/, 'cursor is the nextCursor of the page before').optional(),
  limit: wholeNumber('limit', 1, 10_000).default(1000),
});
