import type { CanonicalKey } from '../customer/canonical-keys.ts';

/**
 * The header aliases of docs/contracts/csv.md §3 (besides the key itself), as written there; they are
 * matched after `normalizeHeaderName`, so case, spaces and punctuation do not matter.
 */
export const HEADER_ALIASES: Readonly<Record<CanonicalKey, readonly string[]>> = {
  company_name: ['Company name', 'Organization name', 'Company', '会社名', '組織名'],
  domain: ['Domain', 'Domain name', 'Domain prefix', 'ドメイン', 'ドメイン名'],
  country: ['Country/region', 'Country', '国/地域', '国'],
  address_line1: ['Address line 1', 'Address 1', 'Address', 'Street', '住所 1', '住所'],
  address_line2: ['Address line 2', 'Address 2', '住所 2'],
  address_line3: ['Address line 3', 'Address 3', '住所 3'],
  city: ['City', 'Town', '市区町村', '市町村'],
  state: ['State', 'State/province', 'Province', 'Prefecture', 'Region', '都道府県', '州'],
  postal_code: ['Postal code', 'ZIP', 'ZIP code', 'Postcode', '郵便番号'],
  contact_first_name: ['First name', 'Given name', 'Primary contact first name', '名'],
  contact_last_name: ['Last name', 'Surname', 'Family name', 'Primary contact last name', '姓'],
  contact_email: ['Email', 'Email address', 'E-mail', 'Primary contact email', 'メール アドレス', 'メールアドレス'],
  contact_phone: ['Phone', 'Phone number', 'Telephone', '電話番号', '電話'],
  culture: ['Culture', 'Locale'],
  language: ['Language', 'Email language', '言語'],
  organization_registration_number: [
    'Organization registration number',
    'Organization registration ID',
    'Registration ID',
    'Registration number',
    'INN',
    '組織登録番号',
    '組織登録 ID',
  ],
  associated_partner_id: ['Associated partner ID', 'Indirect reseller', 'Indirect reseller ID', 'Reseller tenant ID', '間接リセラー'],
  offers: ['Offers', 'Subscriptions', 'Products', 'サブスクリプション', 'プラン'],
  term: ['Term', 'Term duration', '期間'],
  billing_cycle: ['Billing cycle', 'Billing frequency', '請求サイクル', '請求頻度'],
  gdap_opt_in: ['GDAP', 'GDAP opt-in', 'Opt-in', 'Default GDAP opt-in', 'オプトイン'],
  mca_accepted: [
    'MCA accepted',
    'Customer agreement accepted',
    'Customer has accepted the Microsoft Customer Agreement',
    '顧客契約同意',
    'お客様が Microsoft 顧客契約に同意済み',
  ],
  mca_date: ['MCA date', 'Agreement acceptance date', 'Date of acceptance', '同意日'],
  mca_first_name: ['Signer first name', 'MCA first name', '同意者 名'],
  mca_last_name: ['Signer last name', 'MCA last name', '同意者 姓'],
  mca_email: ['Signer email', 'MCA email', '同意者 メール アドレス'],
  mca_phone: ['Signer phone', 'MCA phone', '同意者 電話番号'],
};
