import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../customer/canonical-keys.ts';
import { ACCOUNT_INFO_FIELDS, KEYS_NOT_ON_ACCOUNT_INFO, WIZARD_STEP_SPECS, WIZARD_STEPS } from './field-map.ts';
import { matchesLabel, normalizeLabel } from './normalize-label.ts';

describe('field map', () => {
  it('should give every canonical key of Account info a field with EN and JA labels', () => {
    const onAccountInfo = CANONICAL_KEYS.filter((key) => !KEYS_NOT_ON_ACCOUNT_INFO.includes(key));
    for (const key of onAccountInfo) {
      const spec = ACCOUNT_INFO_FIELDS.find((field) => field.key === key);
      expect(spec, `no field spec for ${key}`).toBeDefined();
      expect(spec!.labels.en.length, `${key} has no English label`).toBeGreaterThan(0);
      expect(spec!.labels.ja.length, `${key} has no Japanese label`).toBeGreaterThan(0);
    }
    expect(ACCOUNT_INFO_FIELDS.map((field) => field.key).sort()).toEqual([...onAccountInfo].sort());
  });

  it('should list a field before the fields it reveals', () => {
    const order = ACCOUNT_INFO_FIELDS.map((field) => field.key);
    for (const field of ACCOUNT_INFO_FIELDS) {
      if (field.revealedBy) expect(order.indexOf(field.revealedBy)).toBeLessThan(order.indexOf(field.key));
    }
  });

  it('should not give two fields of one section the same label', () => {
    const seen = new Set<string>();
    for (const field of ACCOUNT_INFO_FIELDS) {
      for (const label of [...field.labels.en, ...field.labels.ja]) {
        const id = `${field.section}:${normalizeLabel(label)}`;
        expect(seen.has(id), `${id} is used twice`).toBe(false);
        seen.add(id);
      }
    }
  });

  it('should recognise every wizard step by a name and an action button in both languages', () => {
    expect(WIZARD_STEP_SPECS.map((spec) => spec.step)).toEqual([...WIZARD_STEPS]);
    for (const spec of WIZARD_STEP_SPECS) {
      expect(spec.names.en.length * spec.names.ja.length * spec.actionButtons.en.length * spec.actionButtons.ja.length).toBeGreaterThan(0);
    }
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['Address line 2 (optional)', 'addressline2'],
    ['住所 2 (省略可能)', '住所2'],
    ['住所 2（省略可能）', '住所2'],
    ['Address line 2 (optional):', 'addressline2'],
    ['住所 2（省略可能）：', '住所2'],
    ['Phone (optional) *:', 'phone'],
    ['Country/region *', 'countryregion'],
    ['メール\u3000アドレス', 'メールアドレス'],
    ['ZIP code', 'zipcode'],
  ])('should normalise %j to %j', (label, expected) => {
    expect(normalizeLabel(label)).toBe(expected);
  });

  it('should match labels exactly after normalising, not by substring', () => {
    expect(matchesLabel('First name*', ['First name'])).toBe(true);
    expect(matchesLabel('会社名', ['名'])).toBe(false);
    expect(matchesLabel('', [''])).toBe(false);
  });
});
