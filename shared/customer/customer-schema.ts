import { z } from 'zod';
import { CANONICAL_KEYS, type CanonicalKey } from './canonical-keys.ts';
import type { CustomerRecord } from './customer-record.ts';
import { validateCustomer } from './validate-customer.ts';

const offerItemSchema = z.object({ id: z.string().min(1), quantity: z.number().int().min(1).max(10_000) });

/**
 * The shape of a validated `CustomerRecord`, for records that cross a process boundary (job data,
 * messages from the extension): it checks the shape, not the §4 rules, which ran before.
 */
export const customerRecordSchema = z.object({
  company_name: z.string().min(1).max(255),
  domain: z.string().regex(/^[a-z0-9]{1,27}$/),
  country: z.string().length(2),
  address_line1: z.string().min(1).max(200),
  address_line2: z.string().max(200).optional(),
  address_line3: z.string().max(200).optional(),
  city: z.string().min(1).max(200),
  state: z.string().optional(),
  postal_code: z.string().optional(),
  contact_first_name: z.string().min(1).max(50),
  contact_last_name: z.string().min(1).max(50),
  contact_email: z.string().min(3).max(254),
  contact_phone: z.string().regex(/^\+\d{4,15}$/).optional(),
  culture: z.string().min(2),
  language: z.string().length(2),
  organization_registration_number: z.string().min(1).max(50).optional(),
  associated_partner_id: z.guid().optional(),
  offers: z.array(offerItemSchema),
  term: z.enum(['P1M', 'P1Y', 'P3Y']),
  billing_cycle: z.enum(['monthly', 'annual']),
  gdap_opt_in: z.boolean(),
  mca: z
    .object({
      date: z.iso.date(),
      first_name: z.string().min(1).max(50),
      last_name: z.string().min(1).max(50),
      email: z.string().min(3).max(254),
      phone: z.string().optional(),
    })
    .optional(),
}) satisfies z.ZodType<CustomerRecord>;

const customerValuesShape = Object.fromEntries(CANONICAL_KEYS.map((key) => [key, z.string().optional()])) as Record<
  CanonicalKey,
  z.ZodOptional<z.ZodString>
>;

/**
 * Raw cell values → `CustomerRecord`, with every rule of docs/contracts/csv-format.md §4. The rules live in the
 * check functions that `validateCustomer` runs (so the hot path of the CSV reader builds no zod
 * objects per row); each problem becomes a zod issue with `path [field]` and `params.code`.
 */
export const customerSchema = z
  .object(customerValuesShape)
  .transform((values, context): CustomerRecord => {
    const result = validateCustomer(values);
    if (result.ok) return result.record;
    for (const problem of result.problems) {
      context.addIssue({
        code: 'custom',
        path: problem.field ? [problem.field] : [],
        message: problem.message.en,
        params: { code: problem.code, ja: problem.message.ja },
      });
    }
    return z.NEVER;
  });
