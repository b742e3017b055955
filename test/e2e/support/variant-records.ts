import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { AGREED, US_CUSTOMER_RECORD } from '../../support/form/us-customer-record.ts';

/** The wizard versions of the replica that behave (`?wizard=…`), and the two broken on purpose. */
export const GOOD_VARIANTS = ['classic', 'v8', 'v9', 'shadow'] as const;
export const BROKEN_VARIANTS = ['rewrite', 'refuse'] as const;

/** Office 365 E3 in our catalog; some wizard versions call it "Microsoft 365 E3". */
export const OFFICE_E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const AZURE_PLAN = 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R';

/**
 * The record a person typed, per page language, with a domain of its own per test (the sandbox
 * keeps every customer). The Japanese one keeps its full-width company name and has a signer
 * without a phone (the signer must not borrow the contact's).
 */
export function recordFor(lang: 'en' | 'ja', tag: string): CustomerRecord {
  const domain = `fill${tag}${lang}`.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (lang === 'en') {
    return { ...US_CUSTOMER_RECORD, company_name: 'Contoso Variants Ltd', domain, offers: [{ id: OFFICE_E3, quantity: 3 }, { id: AZURE_PLAN, quantity: 1 }] };
  }
  return {
    company_name: '株式会社ＨＸ７ダッシュ',
    domain,
    country: 'JP',
    address_line1: '丸の内1-1-1',
    city: '千代田区',
    state: '東京都',
    postal_code: '100-0005',
    contact_first_name: '花子',
    contact_last_name: '山田',
    contact_email: 'hanako@hx7.example',
    contact_phone: '+81312345678',
    culture: 'ja-JP',
    language: 'ja',
    offers: [{ id: OFFICE_E3, quantity: 2 }],
    term: 'P1M',
    billing_cycle: 'monthly',
    gdap_opt_in: true,
    mca: { date: AGREED, first_name: '太郎', last_name: '佐藤', email: 'taro@hx7.example' },
  };
}
