import { describe, expect, it } from 'vitest';
import type { CanonicalKey } from '../customer/canonical-keys.ts';
import { suggestHeader } from './suggest-header.ts';

describe('suggestHeader', () => {
  it.each<[CanonicalKey, string[], string | undefined]>([
    ['contact_email', ['Emial adress', 'CRM id'], 'Emial adress'],
    ['country', ['Contry', 'Notes'], 'Contry'],
    ['city', ['Notes', 'Town/City'], 'Town/City'],
    ['domain', ['Tenant domain'], 'Tenant domain'],
    ['contact_email', ['CRM', 'メール'], 'メール'],
    // A typo beats a header that merely holds a name.
    ['city', ['Town/City', 'Cty'], 'Cty'],
    // Unrelated headers, and one-letter names inside longer ones (国 in 登録国コード), are not suggested.
    ['contact_email', ['CRM id', 'Notes'], undefined],
    ['country', ['登録国コード'], undefined],
  ])('should suggest for %s among %j: %j', (key, columns, expected) => {
    expect(suggestHeader(key, columns, columns.map(() => null))).toBe(expected);
  });

  it('should not suggest a column that is already mapped', () => {
    expect(suggestHeader('city', ['Town/City'], ['address_line1'])).toBeUndefined();
  });
});
