import type { CanonicalKey } from './canonical-keys.ts';
import type { LocalizedMessage } from '../i18n/localized-message.ts';

/** Maximum lengths Partner Center accepts (docs/contracts/csv.md §4, docs/contracts/partner-center.md §4). */
export const LENGTH_LIMITS: Partial<Record<CanonicalKey, number>> = {
  company_name: 255,
  address_line1: 200,
  address_line2: 200,
  address_line3: 200,
  city: 200,
  contact_first_name: 50,
  contact_last_name: 50,
  mca_first_name: 50,
  mca_last_name: 50,
  state: 100,
};

/** How messages name each field, in the words of the dashboard (docs/contracts/wizard-form.md). */
export const FIELD_LABELS: Record<CanonicalKey, LocalizedMessage> = {
  company_name: { en: 'Company name', ja: '会社名' },
  domain: { en: 'Domain', ja: 'ドメイン' },
  country: { en: 'Country/region', ja: '国/地域' },
  address_line1: { en: 'Address line 1', ja: '住所 1' },
  address_line2: { en: 'Address line 2', ja: '住所 2' },
  address_line3: { en: 'Address line 3', ja: '住所 3' },
  city: { en: 'City', ja: '市区町村' },
  state: { en: 'State/province', ja: '都道府県/州' },
  postal_code: { en: 'Postal code', ja: '郵便番号' },
  contact_first_name: { en: 'First name', ja: '名' },
  contact_last_name: { en: 'Last name', ja: '姓' },
  contact_email: { en: 'Email address', ja: 'メール アドレス' },
  contact_phone: { en: 'Phone number', ja: '電話番号' },
  culture: { en: 'Culture', ja: 'カルチャ' },
  language: { en: 'Language', ja: '言語' },
  organization_registration_number: { en: 'Organization registration number', ja: '組織登録番号' },
  associated_partner_id: { en: 'Indirect reseller', ja: '間接リセラー' },
  offers: { en: 'Offers', ja: 'サブスクリプション' },
  term: { en: 'Term', ja: '期間' },
  billing_cycle: { en: 'Billing cycle', ja: '請求サイクル' },
  gdap_opt_in: { en: 'GDAP opt-in', ja: 'オプトイン' },
  mca_accepted: { en: 'MCA accepted', ja: '顧客契約同意' },
  mca_date: { en: 'Agreement date', ja: '同意日' },
  mca_first_name: { en: 'Signer first name', ja: '同意者 名' },
  mca_last_name: { en: 'Signer last name', ja: '同意者 姓' },
  mca_email: { en: 'Signer email', ja: '同意者 メール アドレス' },
  mca_phone: { en: 'Signer phone', ja: '同意者 電話番号' },
};
