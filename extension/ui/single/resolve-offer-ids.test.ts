import { describe, expect, it } from 'vitest';
import { checkOffers } from '../../../shared/customer/check-offers.ts';
import { chooseOffer, offerResolutionMessage, resolveOfferIds } from './resolve-offer-ids.ts';

describe('resolveOfferIds', () => {
  it('should keep full catalog item ids and legacy GUIDs as typed', () => {
    const text = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5; 3c4a1e0b-7d2f-4e8a-9b61-0f5d2c8a7e14';
    expect(resolveOfferIds(text)).toEqual({ text, resolved: [], questions: [], unknown: [] });
  });

  it('should resolve the PRODUCT:SKU the wizard shows to the one catalog item, keeping the quantity', () => {
    const resolved = resolveOfferIds('cfq7ttc0lh18:0001*3');
    expect(resolved.text).toBe('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*3');
    expect(resolved.resolved).toEqual([{ typed: 'CFQ7TTC0LH18:0001', id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', name: 'Microsoft 365 Business Basic' }]);
    expect(checkOffers(resolved.text)).toEqual({ ok: true, value: [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 3 }] });
  });

  it('should tell apart two SKUs of one product', () => {
    expect(resolveOfferIds('CFQ7TTC0LCHC:0001').text).toBe('CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ');
    expect(resolveOfferIds('CFQ7TTC0LCHC:0002').text).toBe('CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM');
  });

  it('should read ids typed in full-width characters or with spaces', () => {
    const resolved = resolveOfferIds(' ＣＦＱ７ＴＴＣ０ＬＨ１８：０００１ * 2 ');
    expect(resolved.text).toBe('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF* 2 ');
    expect(checkOffers(resolved.text)).toEqual({ ok: true, value: [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 2 }] });
  });

  it('should ask which item a PRODUCT alone means when it has several SKUs, and resolve it when it has one', () => {
    const resolved = resolveOfferIds('CFQ7TTC0LH18; CFQ7TTC0LCHC*4');
    expect(resolved.text).toBe('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF; CFQ7TTC0LCHC*4');
    expect(resolved.questions).toEqual([
      {
        index: 1,
        typed: 'CFQ7TTC0LCHC',
        candidates: [
          { id: 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM', name: 'Microsoft 365 Business Premium' },
          { id: 'CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ', name: 'Microsoft Defender for Business' },
        ],
      },
    ]);
    expect(offerResolutionMessage(resolved)?.en).toMatch(/"CFQ7TTC0LCHC" matches 2 offers.*choose/);
    expect(offerResolutionMessage(resolved)?.ja).toMatch(/CFQ7TTC0LCHC.*2 件/);
  });

  it('should put the chosen id in place of the question, keeping the quantity and the other items', () => {
    const text = 'CFQ7TTC0LH18; CFQ7TTC0LCHC*4';
    const chosen = chooseOffer(text, 1, 'CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ');
    expect(chosen).toBe('CFQ7TTC0LH18; CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ*4');
    expect(resolveOfferIds(chosen).questions).toEqual([]);
  });

  it('should name a PRODUCT:SKU the catalog does not have, asking for the full id', () => {
    const resolved = resolveOfferIds('CFQ7TTC0ZZZZ:0001');
    expect(resolved.unknown).toEqual(['CFQ7TTC0ZZZZ:0001']);
    expect(offerResolutionMessage(resolved)?.en).toMatch(/"CFQ7TTC0ZZZZ:0001" is not an offer.*full catalog item id \(PRODUCT:SKU:AVAILABILITY/);
  });

  it('should leave words that are no id to the shared check, which explains the format', () => {
    const resolved = resolveOfferIds('Microsoft 365 E3');
    expect(offerResolutionMessage(resolved)).toBeUndefined();
    expect(checkOffers(resolved.text).ok).toBe(false);
  });
});
