import { describe, expect, it } from 'vitest';
import { catalogBaseName, offerNameFits } from './offer-names.ts';

const EXCHANGE_PLAN_1 = 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL';
const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const M365_E3 = 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0';
const OFFICE_E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';

describe('offerNameFits', () => {
  it.each([
    ['Exchange Online (Plan 1)', EXCHANGE_PLAN_1, 'same'],
    ['exchange online plan 1', EXCHANGE_PLAN_1, 'same'],
    ['Exchange Online', EXCHANGE_PLAN_1, 'but-a-note'],
    ['Exchange Online（プラン 1）', EXCHANGE_PLAN_1, null],
    ['Exchange Online (Plan 2)', EXCHANGE_PLAN_1, null],
    ['Microsoft 365 Business Basic (日本語版)', BUSINESS_BASIC, 'but-a-note'],
    ['MICROSOFT 365  BUSINESS BASIC', BUSINESS_BASIC, 'same'],
    ['Microsoft 365 Business Standard', BUSINESS_BASIC, null],
    // A note may make another product ("no Teams"): such a fit is never ticked, only shown to a person.
    ['Microsoft 365 E3 (no Teams)', M365_E3, 'but-a-note'],
    ['Microsoft 365 E3', M365_E3, 'same'],
    // Our catalog's name of another offer names that offer, never this one.
    ['Microsoft 365 E3', OFFICE_E3, null],
    ['Office 365 E3', M365_E3, null],
    ['', M365_E3, null],
  ])('should say how %j fits %s: %s', (shown, offerId, fits) => {
    expect(offerNameFits(offerId)!(shown)).toBe(fits);
  });

  it('should have no test for an offer our catalog has no name for', () => {
    expect(offerNameFits('ABCDEFGHIJKL:0001:ABCDEFGHIJKL')).toBeNull();
  });
});

describe('catalogBaseName', () => {
  it('should drop the note in brackets, and give nothing for a name without one', () => {
    expect(catalogBaseName(EXCHANGE_PLAN_1)).toBe('Exchange Online');
    expect(catalogBaseName(OFFICE_E3)).toBeNull();
  });
});
