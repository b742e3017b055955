import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../customer/canonical-keys.ts';
import type { CustomerRecord } from '../customer/customer-record.ts';
import { contentRequestSchema, pickedFieldHintSchema } from './fill-messages.ts';
import { isPickedFieldHint, parseContentRequest } from './message-guards.ts';
import { US_CUSTOMER_RECORD } from '../../test/support/form/us-customer-record.ts';

const RECORD: CustomerRecord = { ...US_CUSTOMER_RECORD, offers: [{ id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 3 }] };
const VALID_REQUESTS: unknown[] = [
  { type: 'fill', record: RECORD, language: 'en' },
  { type: 'fill', record: RECORD, language: 'ja', cloud: 'china' },
  { type: 'detect' },
  { type: 'pick-field', key: 'company_name', label: 'Company name' },
];

/** Values near the edges of what the schemas accept, and anything at all. */
const someValue = fc.oneof(
  fc.constantFrom(undefined, null, '', 'global', 'usgov', 'china', 'germany', 'US', 'USA', 'en', 'ja', 'fill', 'P1Y', 'annual', 'state', 0, 1, -1, 1.5, 2 ** 53, Number.NaN, true, false, [], {}, ['a'], [{ id: 'X', quantity: 2 }], [{ id: 'X', quantity: 0 }]),
  fc.anything(),
);

/** A valid message with some properties (nested ones too) replaced, removed or added. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  if (typeof base !== 'object' || base === null) return fc.oneof(fc.constant(base), someValue);
  const keys = [...Object.keys(base), 'extra', 'type'];
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(base) },
    { weight: 1, arbitrary: someValue },
    {
      weight: 6,
      arbitrary: fc.record({ key: fc.constantFrom(...keys), value: someValue, remove: fc.boolean() }).map(({ key, value, remove }) => {
        const copy = (Array.isArray(base) ? Object.assign([], base) : { ...base }) as Record<string, unknown>;
        if (remove) delete copy[key];
        else copy[key] = value;
        return copy;
      }),
    },
  );
}

const message = fc.oneof(
  ...VALID_REQUESTS.map(mutated),
  // Deeper: inside the record, an offer or the agreement.
  fc.constantFrom(...Object.keys(RECORD)).chain((key) =>
    mutated((RECORD as unknown as Record<string, unknown>)[key]).map((value) => ({ type: 'fill', language: 'ja', record: { ...RECORD, [key]: value } })),
  ),
  mutated(RECORD.offers[0]).map((offer) => ({ type: 'fill', language: 'en', record: { ...RECORD, offers: [RECORD.offers[0], offer] } })),
  mutated(RECORD.mca).map((mca) => ({ type: 'fill', language: 'en', record: { ...RECORD, mca } })),
  fc.anything(),
);

describe('parseContentRequest', () => {
  it('should accept every valid request and refuse a message without a known type', () => {
    for (const request of VALID_REQUESTS) expect(parseContentRequest(request)).toBe(request);
    expect(parseContentRequest({ type: 'fill-report', report: {} })).toBeNull();
    expect(parseContentRequest({ type: 'toString' })).toBeNull();
    expect(parseContentRequest('detect')).toBeNull();
    // Found by the property below (seed 1354968775): a type that cannot become a property key.
    expect(parseContentRequest({ type: { toString: 0 } })).toBeNull();
  });

  it('should agree with contentRequestSchema on generated messages', () => {
    fc.assert(
      fc.property(message, (sent) => {
        expect(parseContentRequest(sent) !== null, JSON.stringify(sent)).toBe(contentRequestSchema.safeParse(sent).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isPickedFieldHint', () => {
  it('should agree with pickedFieldHintSchema on generated hints', () => {
    const hint = { key: 'state', label: 'State', path: ['#host', 'input'] };
    expect(isPickedFieldHint(hint)).toBe(true);
    expect(isPickedFieldHint({ ...hint, path: [] })).toBe(false);
    fc.assert(
      fc.property(fc.oneof(mutated(hint), mutated({ ...hint, key: fc.sample(fc.constantFrom(...CANONICAL_KEYS), 1)[0] })), (value) => {
        expect(isPickedFieldHint(value), JSON.stringify(value)).toBe(pickedFieldHintSchema.safeParse(value).success);
      }),
      { numRuns: 1000 },
    );
  });
});
