import * as z from 'zod/mini';
import { CANONICAL_KEYS } from '../customer/canonical-keys.ts';
import type { CustomerRecord } from '../customer/customer-record.ts';
import { LIVE_CLOUD_NAMES } from '../partner-center/clouds.ts';
import { FILLED_PAGES, UNKNOWN_FIELD_KEY, WIZARD_STEPS } from './field-map.ts';

/**
 * The messages between the side panel / background and the content script (results are
 * data across process boundaries). Every side parses what it receives with these schemas.
 * They use `zod/mini` (tree-shakable functions, same `parse`/`safeParse`) so the content script
 * injected into every dashboard page stays small.
 */

const languageSchema = z.enum(['en', 'ja']);
const canonicalKeySchema = z.enum(CANONICAL_KEYS);
const wizardStepSchema = z.enum(WIZARD_STEPS);
const liveCloudSchema = z.enum(LIVE_CLOUD_NAMES);

/** The shape of a validated `CustomerRecord` (shared/customer/customer-record.ts) as it travels in a message. */
export const customerRecordSchema: z.ZodMiniType<CustomerRecord> = z.object({
  company_name: z.string(),
  domain: z.string(),
  country: z.string().check(z.length(2)),
  address_line1: z.string(),
  address_line2: z.optional(z.string()),
  address_line3: z.optional(z.string()),
  city: z.string(),
  state: z.optional(z.string()),
  postal_code: z.optional(z.string()),
  contact_first_name: z.string(),
  contact_last_name: z.string(),
  contact_email: z.string(),
  contact_phone: z.optional(z.string()),
  culture: z.string(),
  language: z.string(),
  organization_registration_number: z.optional(z.string()),
  associated_partner_id: z.optional(z.string()),
  offers: z.array(z.object({ id: z.string(), quantity: z.int().check(z.positive()) })),
  term: z.enum(['P1M', 'P1Y', 'P3Y']),
  billing_cycle: z.enum(['monthly', 'annual']),
  gdap_opt_in: z.boolean(),
  mca: z.optional(
    z.object({
      date: z.string(),
      first_name: z.string(),
      last_name: z.string(),
      email: z.string(),
      phone: z.optional(z.string()),
    }),
  ),
});

/** Side panel → content script: fill the step on the page (Account info or Subscriptions) from this record. */
export const fillRequestSchema = z.object({
  type: z.literal('fill'),
  record: customerRecordSchema,
  /** The UI language, for the messages in the report. */
  language: languageSchema,
  /**
   * The cloud chosen in Options; the page's own signs (the 21Vianet host or domain suffix) win over
   * it. Absent means global.
   */
  cloud: z.optional(liveCloudSchema),
});
export type FillRequest = z.infer<typeof fillRequestSchema>;

/**
 * The verdict on one field, from reading the live page back after the fill, never from what the
 * extension meant to do: `filled` only when the page shows what was meant, `rejected` when the page
 * refused it (its message is passed on), `to-check` when the page shows something else,
 * `not-found` when no such field is on the page, `skipped` when the record has no value.
 */
export const FIELD_FILL_STATUSES = ['filled', 'skipped', 'not-found', 'rejected', 'to-check'] as const;
export type FieldFillStatus = (typeof FIELD_FILL_STATUSES)[number];

/** What happened to one field (FIELD_FILL_STATUSES). */
export const fieldReportSchema = z.object({
  key: z.union([canonicalKeySchema, z.literal(UNKNOWN_FIELD_KEY)]),
  /**
   * The label looked for, in the page's language; for `offers`, the offer's name as the page shows
   * it; for an `unknown_field`, the label the page shows.
   */
  label: z.string(),
  status: z.enum(FIELD_FILL_STATUSES),
  /** The page's validation text for `rejected`, what the page shows instead for `to-check`, or why a field was not filled. */
  message: z.optional(z.string()),
  /** For `offers`: which catalog item this line is about. */
  offerId: z.optional(z.string()),
});
export type FieldReport = z.infer<typeof fieldReportSchema>;

/** Content script → side panel: the reply to `fill`. `step` is null when no wizard step (nor the reseller request page) is on the page. */
export const fillReportSchema = z.object({
  step: z.nullable(z.enum(FILLED_PAGES)),
  fields: z.array(fieldReportSchema),
  /** Time spent filling, for the performance goal (≤ 300 ms for Account info). */
  durationMs: z.optional(z.number()),
  /** Set when the fill could not start at all (no wizard step, another fill running). */
  error: z.optional(z.string()),
});
export type FillReport = z.infer<typeof fillReportSchema>;

/**
 * Content script → extension pages (runtime message): a fill the content script ran on its own —
 * the Subscriptions step, filled when the person moved on to it after an Account info fill from the
 * side panel. The side panel shows `report` like the reply to `fill`.
 */
export const fillReportMessageSchema = z.object({
  type: z.literal('fill-report'),
  report: fillReportSchema,
});
export type FillReportMessage = z.infer<typeof fillReportMessageSchema>;

/** Side panel → content script: which wizard step is showing, and in which language. */
export const detectRequestSchema = z.object({ type: z.literal('detect') });
export type DetectRequest = z.infer<typeof detectRequestSchema>;

export const detectReplySchema = z.object({
  step: z.nullable(wizardStepSchema),
  pageLanguage: z.nullable(languageSchema),
});
export type DetectReply = z.infer<typeof detectReplySchema>;

/**
 * Side panel → content script: let the person click the field the finder could not find.
 * The content script remembers a hint for that label in extension storage and uses it next time.
 */
export const pickFieldRequestSchema = z.object({
  type: z.literal('pick-field'),
  key: canonicalKeySchema,
  /** The label the finder looked for, as reported. */
  label: z.string(),
});
export type PickFieldRequest = z.infer<typeof pickFieldRequestSchema>;

export const pickFieldReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), key: canonicalKeySchema }),
  z.object({ ok: z.literal(false), key: canonicalKeySchema, reason: z.enum(['cancelled', 'timeout', 'no-wizard']) }),
]);
export type PickFieldReply = z.infer<typeof pickFieldReplySchema>;

/**
 * How to find a field again that a person pointed at: one CSS selector per shadow-root level
 * (the last one is the field). Stored per canonical key + normalised label.
 */
export const pickedFieldHintSchema = z.object({
  key: canonicalKeySchema,
  label: z.string(),
  path: z.array(z.string()).check(z.minLength(1)),
});
export type PickedFieldHint = z.infer<typeof pickedFieldHintSchema>;

/**
 * Content script → background: the Confirmation page showed a new tenant. Never the password.
 */
export const confirmationRecordSchema = z.strictObject({
  type: z.literal('confirmation'),
  /** Full sign-in name, `admin@contoso.onmicrosoft.com`. */
  adminUserName: z.string(),
  /** The initial domain, `contoso.onmicrosoft.com`. */
  domain: z.string(),
  /** ISO date-time. */
  recordedAt: z.string(),
  pageUrl: z.string(),
});
export type ConfirmationRecord = z.infer<typeof confirmationRecordSchema>;

/**
 * Why the content script could not read the Confirmation page for sure: the admin user name is
 * masked until "Show" is pressed (`user-hidden`), or not shown next to its label at all (`no-user`).
 */
export const CONFIRMATION_UNSURE_REASONS = ['user-hidden', 'no-user'] as const;
export type ConfirmationUnsureReason = (typeof CONFIRMATION_UNSURE_REASONS)[number];

/**
 * Content script → extension pages: a Confirmation page was recognised (by its step button or its
 * admin account section) but its admin user could not be read, so nothing was recorded and the
 * side panel says so instead of reporting success. Carries no page text: never the password.
 */
export const confirmationUnsureSchema = z.strictObject({
  type: z.literal('confirmation-unsure'),
  reason: z.enum(CONFIRMATION_UNSURE_REASONS),
  pageUrl: z.string(),
});
export type ConfirmationUnsure = z.infer<typeof confirmationUnsureSchema>;

/** Every message the content script answers. */
export const contentRequestSchema = z.discriminatedUnion('type', [fillRequestSchema, detectRequestSchema, pickFieldRequestSchema]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;
