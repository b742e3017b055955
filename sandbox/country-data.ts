/**
 * Country facts the sandbox enforces or serves (docs/contracts/partner-center.md §5, §6, §0.6, §0.11).
 * Kept apart from the client-side rules in shared/countries on purpose: the sandbox stands for
 * the service, so a drift between the two shows up in tests.
 */

/** The 24 countries where the registration number and the phone number are required (§6, §0.6). */
export const REGISTRATION_REQUIRED_COUNTRIES: ReadonlySet<string> = new Set([
  'AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA',
  'BR', 'IN', 'ZA', 'PL', 'AE', 'SA', 'TR', 'TH', 'VN', 'MM', 'IQ', 'SS', 'VE',
]);

/** Countries whose addresses the sandbox "verifies" (§0.7); others answer NotValidated. */
export const ADDRESS_VERIFIED_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU']);

const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'PR', 'GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP',
];

const CA_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

const MX_STATES = [
  'AGU', 'BCN', 'BCS', 'CAM', 'CHP', 'CHH', 'CMX', 'COA', 'COL', 'DUR', 'GUA', 'GRO', 'HID', 'JAL', 'MEX',
  'MIC', 'MOR', 'NAY', 'NLE', 'OAX', 'PUE', 'QUE', 'ROO', 'SLP', 'SIN', 'SON', 'TAB', 'TAM', 'TLA', 'VER',
  'YUC', 'ZAC',
];

/** Japan's prefectures as Partner Center lists them: by their Japanese names. */
const JP_PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

const AU_STATES = ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'];

/** States checked on customer creation: US/CA/MX (§4; CN is not modelled). */
export const CHECKED_STATES: Readonly<Record<string, readonly string[]>> = { US: US_STATES, CA: CA_PROVINCES, MX: MX_STATES };

/** States listed in the country validation rules. */
export const LISTED_STATES: Readonly<Record<string, readonly string[]>> = { ...CHECKED_STATES, JP: JP_PREFECTURES, AU: AU_STATES };

export const POSTAL_CODE_PATTERNS: Readonly<Record<string, string>> = {
  US: '^\\d{5}(-\\d{4})?$',
  CA: '^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$',
  GB: '^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$',
  DE: '^\\d{5}$',
  FR: '^\\d{5}$',
  JP: '^\\d{3}-?\\d{4}$',
  AU: '^\\d{4}$',
  BR: '^\\d{5}-?\\d{3}$',
  IN: '^\\d{6}$',
  MX: '^\\d{5}$',
};

export const DEFAULT_CULTURES: Readonly<Record<string, string>> = {
  US: 'en-US', GB: 'en-GB', CA: 'en-CA', AU: 'en-AU', IN: 'en-IN', JP: 'ja-JP', DE: 'de-DE', FR: 'fr-FR',
  BR: 'pt-BR', MX: 'es-MX', ES: 'es-ES', IT: 'it-IT', NL: 'nl-NL', PL: 'pl-PL', KR: 'ko-KR', CN: 'zh-CN',
  TW: 'zh-TW', RU: 'ru-RU', TR: 'tr-TR', SE: 'sv-SE',
};

/** Brazil's CNPJ: 14 digits (punctuation allowed) with two check digits (§0.11). */
export function isValidCnpj(value: string): boolean {
  if (!/^[\d./-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 14 || /^(\d)\1{13}$/.test(digits)) return false;
  const checkDigit = (length: number) => {
    const weights = length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return checkDigit(12) === Number(digits[12]) && checkDigit(13) === Number(digits[13]);
}
