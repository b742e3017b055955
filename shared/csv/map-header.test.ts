import { describe, expect, it } from 'vitest';
import { HEADER_ALIASES } from './header-aliases.ts';
import { keyForHeaderName, mapHeader } from './map-header.ts';
import { normalizeHeaderName } from './normalize-header-name.ts';

describe('normalizeHeaderName', () => {
  it.each([
    ['Country/region', 'countryregion'], ['Country Region', 'countryregion'], ['country_region', 'countryregion'],
    ['COUNTRY-REGION', 'countryregion'], ['Address line 2 (optional)', 'addressline2'], ['住所 2（省略可能）', '住所2'],
    ['メール\u3000アドレス', 'メールアドレス'], ['Ｅｍａｉｌ', 'email'],
  ])('should normalise %j to %j', (input, expected) => {
    expect(normalizeHeaderName(input)).toBe(expected);
  });
});

describe('mapHeader', () => {
  it('should map every alias of docs/contracts/csv.md §3 to its key', () => {
    for (const [key, aliases] of Object.entries(HEADER_ALIASES)) {
      expect(keyForHeaderName(key)).toBe(key);
      for (const alias of aliases) expect(keyForHeaderName(alias), alias).toBe(key);
    }
  });

  it('should keep unknown, empty and pc_* columns as null and report what is missing or doubled', () => {
    const mapping = mapHeader(['会社名', 'CRM id', '', 'pc_status', 'Domain', 'E-mail', 'メールアドレス']);
    expect(mapping.keys).toEqual(['company_name', null, null, null, 'domain', 'contact_email', null]);
    expect(mapping.resultColumns).toEqual([3]);
    expect(mapping.duplicates).toEqual([{ key: 'contact_email', columns: [5, 6] }]);
    expect(mapping.missingRequired).toEqual(['country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name']);
    expect(mapping.recognized).toBe(3);
  });
});
