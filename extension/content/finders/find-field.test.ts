// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { ACCOUNT_INFO_FIELDS } from '../../../shared/form/field-map.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { findField } from './find-field.ts';
import { readPageOutline } from './page-outline.ts';

function find(key: CanonicalKey, language: Language): Element | undefined {
  const spec = ACCOUNT_INFO_FIELDS.find((field) => field.key === key)!;
  return findField(spec, readPageOutline(document), language)?.element;
}

/** How each expected element is told apart in the fixture (never how the finder finds it). */
function describeElement(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  return element.id || element.getAttribute('name') || element.getAttribute('aria-label') || element.getAttribute('aria-labelledby') || element.parentElement!.tagName.toLowerCase();
}

describe('findField on an English page (account-info-en.html)', () => {
  beforeEach(() => loadHtmlFixture('account-info-en.html'));

  it.each([
    ['country', 'Dropdown12'], // v8 dropdown, aria-labelledby with the selected title
    ['company_name', 'TextField3'], // label for, required marker
    ['address_line1', 'addr1-label'], // aria-labelledby
    ['address_line2', 'label'], // wrapping label with "(optional)"
    ['city', 'City'], // aria-label
    ['state', 'div'], // nearby text: the preceding sibling
    ['postal_code', 'zip'], // nearby text two levels up
    ['contact_first_name', 'fn'], // inside nested open shadow roots
    ['contact_last_name', 'ln'],
    ['contact_email', 'em'],
    ['contact_phone', 'ph'],
    ['domain', 'domain'],
    ['language', 'lang'], // v9 combobox
    ['gdap_opt_in', 'gdap'],
    ['mca_accepted', 'mca'], // checkbox named by the text after it
    ['mca_date', 'mca-date'],
    ['mca_first_name', 'mca-fn'], // same label as the contact's, other section
    ['mca_last_name', 'mca-ln'],
    ['mca_email', 'mca-em'],
    ['mca_phone', 'mca-ph'],
  ] as [CanonicalKey, string][])('should find %s', (key, expected) => {
    expect(describeElement(find(key, 'en'))).toBe(expected);
  });

  it('should not find fields the page does not show', () => {
    expect(find('organization_registration_number', 'en')).toBeUndefined();
    expect(find('associated_partner_id', 'en')).toBeUndefined();
  });

  it("should not take the contact's fields for the agreement's when the agreement fields are hidden", () => {
    for (const id of ['mca-date', 'mca-fn', 'mca-ln', 'mca-em', 'mca-ph']) document.getElementById(id)!.parentElement!.hidden = true;
    expect(find('mca_first_name', 'en')).toBeUndefined();
    expect(find('mca_email', 'en')).toBeUndefined();
    expect(describeElement(find('contact_first_name', 'en'))).toBe('fn');
  });

  it('should find English labels on a page whose language was guessed wrong', () => {
    expect(describeElement(find('company_name', 'ja'))).toBe('TextField3');
  });
});

describe('findField on a Japanese page without section headings (account-info-ja-no-headings.html)', () => {
  beforeEach(() => loadHtmlFixture('account-info-ja-no-headings.html'));

  it.each([
    ['country', 'c'],
    ['company_name', 'co'],
    ['state', 'st'],
    ['postal_code', 'pc'],
    ['contact_first_name', 'fn'],
    ['contact_last_name', 'ln'],
    ['contact_email', 'em'],
    ['domain', 'dm'],
    ['mca_accepted', 'mca'],
    ['mca_date', 'md'],
    ['mca_first_name', 'mfn'],
    ['mca_last_name', 'mln'],
    ['mca_email', 'mem'],
  ] as [CanonicalKey, string][])('should find %s by its Japanese label and place', (key, expected) => {
    expect(find(key, 'ja')?.id).toBe(expected);
  });

  it('should not match 名 inside 会社名', () => {
    expect(find('contact_first_name', 'ja')?.id).not.toBe('co');
  });
});
