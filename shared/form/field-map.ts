import type { CanonicalKey } from '../customer/canonical-keys.ts';
import type { Language } from '../i18n/localized-message.ts';

/**
 * The Add-customer wizard as a person sees it (docs/contracts/wizard-form.md): which label, in which section,
 * holds which canonical key, and what kind of control it is expected to be. Data, not code: the
 * content script finds fields by these labels (normalised like CSV headers, docs/contracts/csv.md §3), so
 * a change of wording on the live page is a change here, nowhere else.
 */

/** The control kinds the content script has a filler for (one file each in extension/content/fillers/). */
export const CONTROL_KINDS = ['text', 'checkbox', 'select', 'dropdown-v8', 'combobox-v9', 'date', 'radio-group'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** Labels of one thing in each page language; the first of each list is the documented wording. */
export type LocalizedLabels = Record<Language, readonly string[]>;

/** The sections of the Account info step. Labels repeat across sections ("First name"), so a field is section + label. */
export type FormSection = 'company' | 'primary-contact' | 'agreement';

/** Section headings as they may read on the page. `company` is the rest of the step and needs no heading. */
export const SECTION_HEADINGS: Record<FormSection, LocalizedLabels> = {
  company: {
    en: ['Company information', 'Company details', 'Account info', 'Account information', 'Organization'],
    ja: ['会社情報', '会社の詳細', 'アカウント情報', '組織'],
  },
  'primary-contact': {
    en: ['Primary contact', 'Primary contact information', 'Primary contact info', 'Contact information'],
    ja: ['第一連絡先', '主要連絡先', '主な連絡先', '連絡先情報'],
  },
  agreement: {
    en: [
      'Microsoft Customer Agreement',
      'Customer agreement',
      'Customer Agreement attestation',
      'Agreement',
      'Customer acceptance of Microsoft Customer Agreement',
    ],
    ja: ['Microsoft 顧客契約', '顧客契約', '契約', 'Microsoft 顧客契約への同意'],
  },
};

/** One field of the Account info step. */
export interface FieldSpec {
  key: CanonicalKey;
  section: FormSection;
  labels: LocalizedLabels;
  /** The control the page is documented to use; the content script still checks the element it finds. */
  kind: ControlKind;
  /** Shown only after another choice (country → state; the agreement checkbox → its fields). */
  revealedBy?: CanonicalKey;
  /** Absent on many pages (indirect providers only, some countries only): not found is then expected. */
  conditional?: boolean;
}

/**
 * The fields of Step 1 (Account info), in the order a person fills them: choices that reveal
 * other fields come before the fields they reveal.
 */
export const ACCOUNT_INFO_FIELDS: readonly FieldSpec[] = [
  {
    key: 'associated_partner_id',
    section: 'company',
    labels: { en: ['Indirect reseller'], ja: ['間接リセラー'] },
    kind: 'dropdown-v8',
    conditional: true,
  },
  { key: 'country', section: 'company', labels: { en: ['Country/region', 'Country'], ja: ['国/地域', '国'] }, kind: 'dropdown-v8' },
  { key: 'company_name', section: 'company', labels: { en: ['Company name', 'Organization name'], ja: ['会社名', '組織名'] }, kind: 'text' },
  { key: 'address_line1', section: 'company', labels: { en: ['Address line 1', 'Address 1'], ja: ['住所 1'] }, kind: 'text' },
  { key: 'address_line2', section: 'company', labels: { en: ['Address line 2', 'Address 2'], ja: ['住所 2'] }, kind: 'text' },
  { key: 'city', section: 'company', labels: { en: ['City', 'Town'], ja: ['市区町村', '市町村'] }, kind: 'text' },
  {
    key: 'state',
    section: 'company',
    labels: { en: ['State', 'State/province', 'Province', 'Prefecture', 'Region'], ja: ['都道府県', '州', '州/県'] },
    kind: 'dropdown-v8',
    revealedBy: 'country',
  },
  {
    key: 'postal_code',
    section: 'company',
    labels: { en: ['ZIP code', 'Postal code', 'ZIP', 'Postcode', 'ZIP/Postal code'], ja: ['郵便番号'] },
    kind: 'text',
  },
  {
    key: 'organization_registration_number',
    section: 'company',
    labels: {
      en: ['Organization registration ID', 'Organization registration number', 'Registration ID', 'Registration number'],
      ja: ['組織登録 ID', '組織登録番号'],
    },
    kind: 'text',
    revealedBy: 'country',
    conditional: true,
  },
  { key: 'contact_first_name', section: 'primary-contact', labels: { en: ['First name'], ja: ['名'] }, kind: 'text' },
  { key: 'contact_last_name', section: 'primary-contact', labels: { en: ['Last name'], ja: ['姓'] }, kind: 'text' },
  {
    key: 'contact_email',
    section: 'primary-contact',
    labels: { en: ['Email address', 'Email'], ja: ['メール アドレス'] },
    kind: 'text',
  },
  { key: 'contact_phone', section: 'primary-contact', labels: { en: ['Phone number', 'Phone'], ja: ['電話番号'] }, kind: 'text' },
  { key: 'domain', section: 'company', labels: { en: ['Domain name', 'Domain'], ja: ['ドメイン名', 'ドメイン'] }, kind: 'text' },
  { key: 'language', section: 'company', labels: { en: ['Language', 'Email language'], ja: ['言語'] }, kind: 'dropdown-v8' },
  {
    key: 'gdap_opt_in',
    section: 'company',
    labels: {
      en: ['Opt-in (default granular admin relationship)', 'Opt-in', 'Default granular admin relationship'],
      ja: ['オプトイン', 'オプトイン (既定の詳細な管理者関係)'],
    },
    kind: 'checkbox',
  },
  {
    key: 'mca_accepted',
    section: 'agreement',
    labels: {
      en: ['Customer has accepted the Microsoft Customer Agreement', 'Customer has accepted the agreement'],
      ja: ['お客様が Microsoft 顧客契約に同意済み', 'お客様が契約に同意済み'],
    },
    kind: 'checkbox',
  },
  {
    key: 'mca_date',
    section: 'agreement',
    labels: { en: ['Date of acceptance', 'Date accepted'], ja: ['同意日'] },
    kind: 'date',
    revealedBy: 'mca_accepted',
  },
  { key: 'mca_first_name', section: 'agreement', labels: { en: ['First name'], ja: ['名'] }, kind: 'text', revealedBy: 'mca_accepted' },
  { key: 'mca_last_name', section: 'agreement', labels: { en: ['Last name'], ja: ['姓'] }, kind: 'text', revealedBy: 'mca_accepted' },
  {
    key: 'mca_email',
    section: 'agreement',
    labels: { en: ['Email address', 'Email'], ja: ['メール アドレス'] },
    kind: 'text',
    revealedBy: 'mca_accepted',
  },
  {
    key: 'mca_phone',
    section: 'agreement',
    labels: { en: ['Phone number', 'Phone'], ja: ['電話番号'] },
    kind: 'text',
    revealedBy: 'mca_accepted',
  },
];

/**
 * The report key of a required field on the page that is in no field map (a new "Tax ID"): the
 * report names it by the label the page shows. Here, not in fill-messages.ts, so that the content
 * script uses it without zod.
 */
export const UNKNOWN_FIELD_KEY = 'unknown_field';

/** Canonical keys that the wizard has no field for in Account info (offers go to Subscriptions). */
export const KEYS_NOT_ON_ACCOUNT_INFO: readonly CanonicalKey[] = ['address_line3', 'culture', 'offers', 'term', 'billing_cycle'];

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['account-info', 'subscriptions', 'review', 'confirmation'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/**
 * The pages a fill reports on, in the order a person meets them: the wizard's steps, then Customers →
 * Request a reseller relationship, where a customer that already has a tenant is invited instead of created.
 */
export const FILLED_PAGES = [...WIZARD_STEPS, 'reseller-relationship'] as const;

/** How a step is recognised: its name (stepper, heading) and the button that only it shows. */
export interface WizardStepSpec {
  step: WizardStep;
  names: LocalizedLabels;
  /** The button that moves on from this step; its presence tells which step is showing. */
  actionButtons: LocalizedLabels;
}

export const WIZARD_STEP_SPECS: readonly WizardStepSpec[] = [
  {
    step: 'account-info',
    names: { en: ['Account info', 'Account information'], ja: ['アカウント情報'] },
    actionButtons: { en: ['Next: Subscriptions'], ja: ['次へ: サブスクリプション'] },
  },
  {
    step: 'subscriptions',
    names: { en: ['Subscriptions'], ja: ['サブスクリプション'] },
    actionButtons: { en: ['Next: Review'], ja: ['次へ: レビュー'] },
  },
  {
    step: 'review',
    names: { en: ['Review'], ja: ['レビュー'] },
    actionButtons: { en: ['Submit'], ja: ['送信'] },
  },
  {
    step: 'confirmation',
    names: { en: ['Confirmation'], ja: ['確認'] },
    actionButtons: { en: ['Done'], ja: ['完了'] },
  },
];

/** Other words of the wizard the content script looks for. */
export const WIZARD_WORDS = {
  /** Review's links back to steps 1 and 2. */
  edit: { en: ['Edit'], ja: ['編集'] },
  /** Subscriptions: the quantity input of an offer row. */
  licenseQuantity: { en: ['Number of licenses', 'Quantity', 'Licenses'], ja: ['ライセンス数', '数量'] },
  /** Subscriptions: the list's search box. */
  offerSearch: { en: ['Search', 'Search offers', 'Search products'], ja: ['検索', 'オファーの検索', '製品の検索'] },
  /** Confirmation: the admin account and its password (the password is never read). */
  adminUser: { en: ['Admin user account', 'Admin user', 'User name', 'Username'], ja: ['管理者ユーザー アカウント', '管理者ユーザー', 'ユーザー名'] },
  /** Confirmation: the labels of `adminUser` any user form has too; they never tell the Confirmation apart. */
  genericUser: { en: ['User name', 'Username'], ja: ['ユーザー名'] },
  domainSuffix: { en: ['.onmicrosoft.com'], ja: ['.onmicrosoft.com'] },
  // Words a person reads where the page signals instead of labelling (docs/wizard-filling.md "A wizard version it has never seen").
  /** Confirmation: other names of the new admin's sign-in name; the admin section is recognised by them and the password label. */
  adminSignIn: { en: ['Sign-in name', 'Admin sign-in name', 'User principal name', 'Admin username'], ja: ['サインイン名', '管理者のサインイン名', '管理者ユーザー名'] },
  /** Confirmation: the label of the new admin's password (its value is never read). */
  adminPassword: { en: ['Password', 'Temporary password', 'Admin password', 'Initial password'], ja: ['パスワード', '一時パスワード', '管理者パスワード', '初期パスワード'] },
  /** Confirmation: the button that unmasks a hidden value. */
  showHidden: { en: ['Show', 'Show user name', 'Reveal'], ja: ['表示', '表示する', 'ユーザー名を表示'] },
  /** Account info: what a status icon next to the domain says when the name is taken. */
  domainTaken: {
    en: ['Not available', 'Unavailable', 'Domain not available', 'Domain name not available', 'Already taken', 'Taken', 'Already in use', 'In use'],
    ja: ['使用できません', '利用できません', '使用不可', '使用済み', '既に使用されています', 'ドメイン名は使用できません'],
  },
  /** The reseller relationship request page (Customers → Request a reseller relationship). */
  resellerRequest: { en: ['Request a reseller relationship', 'Reseller relationship request'], ja: ['リセラー関係の要求', 'リセラー関係を要求する'] },
} as const satisfies Record<string, LocalizedLabels>;

/** Every label of a spec in every language, for pages whose language is unknown. */
export function allLabels(labels: LocalizedLabels): string[] {
  return [...labels.en, ...labels.ja];
}
