import { CANONICAL_KEYS } from '../customer/canonical-keys.ts';
import { LIVE_CLOUD_NAMES } from '../partner-center/clouds.ts';
import type { ContentRequest, PickedFieldHint } from './fill-messages.ts';

/**
 * Hand-written checks of what the content script receives, by the same rules as the zod schemas in
 * `fill-messages.ts` (which the side panel and background use). They keep zod out of the script
 * injected into every dashboard page; `message-guards.test.ts` holds both in agreement on
 * generated messages, so a change to a schema that is not made here fails that test.
 */

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const oneOf = (values: readonly unknown[]): Check => (value) => values.includes(value);
// Spread, not `every` on the array itself: a hole in a sparse array is an `undefined` item, as zod sees it.
const arrayOf = (check: Check): Check => (value) => Array.isArray(value) && [...(value as unknown[])].every(check);
const isRecordObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object whose listed properties pass their checks (other properties are ignored, like `z.object`). */
const shape = (checks: Record<string, Check>): Check => (value) => isRecordObject(value) && Object.entries(checks).every(([key, check]) => check(value[key]));

const isLanguage = oneOf(['en', 'ja']);
const isCanonicalKey = oneOf(CANONICAL_KEYS);

const isCustomerRecord = shape({
  company_name: isString,
  domain: isString,
  country: (value) => isString(value) && (value as string).length === 2,
  address_line1: isString,
  address_line2: optional(isString),
  address_line3: optional(isString),
  city: isString,
  state: optional(isString),
  postal_code: optional(isString),
  contact_first_name: isString,
  contact_last_name: isString,
  contact_email: isString,
  contact_phone: optional(isString),
  culture: isString,
  language: isString,
  organization_registration_number: optional(isString),
  associated_partner_id: optional(isString),
  offers: arrayOf(shape({ id: isString, quantity: (value) => Number.isSafeInteger(value) && (value as number) > 0 })),
  term: oneOf(['P1M', 'P1Y', 'P3Y']),
  billing_cycle: oneOf(['monthly', 'annual']),
  gdap_opt_in: (value) => typeof value === 'boolean',
  mca: optional(shape({ date: isString, first_name: isString, last_name: isString, email: isString, phone: optional(isString) })),
});

const REQUEST_CHECKS: Record<ContentRequest['type'], Check> = {
  fill: shape({ record: isCustomerRecord, language: isLanguage, cloud: optional(oneOf(LIVE_CLOUD_NAMES)) }),
  detect: () => true,
  'pick-field': shape({ key: isCanonicalKey, label: isString }),
};

/** The request if `message` is one the content script answers (`contentRequestSchema`), else null. */
export function parseContentRequest(message: unknown): ContentRequest | null {
  // A type that is not a string never reaches the look-up: `{ toString: 0 }` would throw there.
  if (!isRecordObject(message) || typeof message.type !== 'string' || !Object.hasOwn(REQUEST_CHECKS, message.type)) return null;
  return REQUEST_CHECKS[message.type as ContentRequest['type']](message) ? (message as unknown as ContentRequest) : null;
}

/** Whether a stored value is a usable picked-field hint (`pickedFieldHintSchema`). */
export function isPickedFieldHint(value: unknown): value is PickedFieldHint {
  return shape({ key: isCanonicalKey, label: isString, path: (path) => arrayOf(isString)(path) && (path as unknown[]).length > 0 })(value);
}
