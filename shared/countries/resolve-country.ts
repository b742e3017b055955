// The library's data files only: its code (and its diacritics table for fuzzy lookups we don't
// use) would add ~4 KB gzip to the side panel for two lookups done here on the data itself.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import japanese from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };

type CountryNames = Readonly<Record<string, string | readonly string[]>>;
const NAMES: Readonly<Record<'en' | 'ja', CountryNames>> = { en: english.countries, ja: japanese.countries };

/** Common ways people write a country that the library's names do not cover. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB',
  'Great Britain': 'GB',
  England: 'GB',
  Britain: 'GB',
  America: 'US',
  'United States of America': 'US',
  米国: 'US',
  アメリカ: 'US',
  英国: 'GB',
  イギリス: 'GB',
  韓国: 'KR',
  'South Korea': 'KR',
  Korea: 'KR',
  Holland: 'NL',
  UAE: 'AE',
  Czechia: 'CZ',
  Turkey: 'TR',
  Türkiye: 'TR',
  Russia: 'RU',
  Vietnam: 'VN',
  中国: 'CN',
  台湾: 'TW',
  香港: 'HK',
  ドイツ: 'DE',
  フランス: 'FR',
  // Short names where the library lists only the long official one ("Moldova, Republic of", ロシア連邦).
  Moldova: 'MD',
  Syria: 'SY',
  Laos: 'LA',
  'Lao PDR': 'LA',
  Brunei: 'BN',
  Micronesia: 'FM',
  Vatican: 'VA',
  'Vatican City': 'VA',
  'Holy See': 'VA',
  'Cabo Verde': 'CV',
  'East Timor': 'TL',
  'Slovak Republic': 'SK',
  'The Bahamas': 'BS',
  'St. Lucia': 'LC',
  'Falkland Islands': 'FK',
  Réunion: 'RE',
  Curacao: 'CW',
  Macau: 'MO',
  'Hong Kong SAR': 'HK',
  DRC: 'CD',
  'DR Congo': 'CD',
  DPRK: 'KP',
  KSA: 'SA',
  // Former names still in spreadsheets.
  Burma: 'MM',
  Swaziland: 'SZ',
  Macedonia: 'MK',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  日本国: 'JP',
  ロシア: 'RU',
  モルドバ: 'MD',
  ベネズエラ: 'VE',
  イラン: 'IR',
  シリア: 'SY',
  ボリビア: 'BO',
  ラオス: 'LA',
  北朝鮮: 'KP',
  ブルネイ: 'BN',
  ミクロネシア: 'FM',
  バチカン: 'VA',
};

const IGNORED = /[\s\u00a0\u3000.,'’()\-・]/gu;

/** The lookup key of a country name: NFKC, lower case, spaces and punctuation removed. */
function countryKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const ALPHA2_BY_KEY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = countryKey(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  // codes.json rows: [alpha-2, alpha-3, numeric, ISO 3166-2 name].
  for (const [alpha2, alpha3] of codes as readonly (readonly string[])[]) {
    add(alpha2!, alpha2!);
    add(alpha3!, alpha2!);
  }
  for (const locale of [english, japanese]) {
    for (const [code, names] of Object.entries(locale.countries)) {
      for (const name of typeof names === 'string' ? [names] : names) add(name, code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) map.set(countryKey(alias), code);
  return map;
})();

/**
 * Resolves an ISO alpha-2/alpha-3 code, an English or Japanese country name or a common alias
 * to the alpha-2 code, or undefined.
 *
 * @example resolveCountry('アメリカ合衆国') // 'US'
 * @example resolveCountry('UK') // 'GB'
 */
export function resolveCountry(value: string): string | undefined {
  // A file repeats a handful of spellings: remember them as written, skipping the normalisation.
  const remembered = RESOLVED.get(value);
  if (remembered !== undefined || RESOLVED.has(value)) return remembered;
  const code = ALPHA2_BY_KEY.get(countryKey(value));
  if (RESOLVED.size >= RESOLVED_LIMIT) RESOLVED.clear();
  RESOLVED.set(value, code);
  return code;
}

const RESOLVED = new Map<string, string | undefined>();
const RESOLVED_LIMIT = 2_000;

/** The name of an alpha-2 code in English or Japanese (the first, official one), for messages. */
export function countryName(code: string, language: 'en' | 'ja' = 'en'): string {
  const names = NAMES[language][code.toUpperCase()];
  return (typeof names === 'string' ? names : names?.[0]) ?? code;
}
