import { custom, digits, prefixedDigits, splitDigits, type PostalCodeFormat } from './postal-code-format.ts';
import { ANY_REGISTRATION_NUMBER, BRAZIL_CNPJ, type RegistrationNumberFormat } from './registration-number-format.ts';
import { AU_STATES } from './states/au-states.ts';
import { BR_STATES } from './states/br-states.ts';
import { CA_PROVINCES } from './states/ca-provinces.ts';
import { IN_STATES } from './states/in-states.ts';
import { JP_PREFECTURES } from './states/jp-prefectures.ts';
import { MX_STATES } from './states/mx-states.ts';
import type { StateEntry } from './states/state-entry.ts';
import { US_STATES } from './states/us-states.ts';

/** What pc-onboard knows about one country (docs/contracts/csv.md §4, docs/contracts/partner-center.md §6). */
export interface CountryRule {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Undefined where the country has no postal codes (postal code then optional free text). */
  postalCode?: PostalCodeFormat;
  /** The state must be one of `states`. */
  stateRequired: boolean;
  states?: readonly StateEntry[];
  phoneRequired: boolean;
  registrationNumberRequired: boolean;
  registrationNumber: RegistrationNumberFormat;
  /** BCP 47. */
  defaultCulture: string;
  /** ISO 639-1. */
  defaultLanguage: string;
}

/** The 24 countries where Partner Center needs a phone and a registration number (docs/contracts/partner-center.md §6, §0.6). */
export const PHONE_AND_REGISTRATION_COUNTRIES: ReadonlySet<string> = new Set(
  'AM AZ BY HU KZ KG MD RU TJ UZ UA BR IN ZA PL AE SA TR TH VN MM IQ SS VE'.split(' '),
);

const STATE_LISTS: Readonly<Record<string, readonly StateEntry[]>> = {
  US: US_STATES,
  CA: CA_PROVINCES,
  AU: AU_STATES,
  MX: MX_STATES,
  BR: BR_STATES,
  IN: IN_STATES,
  JP: JP_PREFECTURES,
};

/** A USPS ZIP code, 5 digits or ZIP+4 (the US and the territories and freely associated states USPS serves). */
function zipCode(example: string): PostalCodeFormat {
  return custom(/^(\d{5})(\d{4})?$/, (m) => (m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? '')), example, /^\d{5}(?:-\d{4})?$/);
}

/** A UK-style postcode of the Crown Dependencies: `area` (GY, JE, IM), district, space, inward code. */
function crownDependencyPostcode(area: string, example: string): PostalCodeFormat {
  return custom(new RegExp(`^(${area}\\d[A-Z\\d]?)(\\d[A-Z]{2})$`), (m) => `${m[1]} ${m[2]}`, example, new RegExp(`^${area}\\d[A-Z\\d]? \\d[A-Z]{2}$`));
}

const US_ZIP = zipCode('98052 or 98052-6399');
const CA_POSTAL = custom(/^([A-Z]\d[A-Z])(\d[A-Z]\d)$/, (m) => `${m[1]} ${m[2]}`, 'K1A 0B1', /^[A-Z]\d[A-Z] \d[A-Z]\d$/);
const GB_POSTCODE = custom(/^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/, (m) => `${m[1]} ${m[2]}`, 'SW1A 1AA', /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
const NL_POSTCODE = custom(/^(\d{4})([A-Z]{2})$/, (m) => `${m[1]} ${m[2]}`, '1012 AB');
const MT_POSTCODE = custom(/^([A-Z]{3})(\d{2,4})$/, (m) => `${m[1]} ${m[2]}`, 'VLT 1117');
const IE_EIRCODE = custom(/^([AC-FHKNPRTV-Y]\d{2}|D6W)([AC-FHKNPRTV-Y\d]{4})$/, (m) => `${m[1]} ${m[2]}`, 'D02 X285');
const AZ_POSTAL = prefixedDigits('AZ', 4, ' ', 'AZ 1000');
const KZ_POSTAL = custom(/^(\d{6}|[A-Z]\d{2}[A-Z]\d[A-Z]\d)$/, (m) => m[1] ?? '', '050000 or A10A5M0');

/**
 * One line per country: postal format, culture. Flags (state list, phone, registration number)
 * come from the tables above so that each fact lives in one place.
 */
const COUNTRY_TABLE: readonly [code: string, postal: PostalCodeFormat | undefined, culture: string][] = [
  // European Union
  ['AT', digits(4, '1010'), 'de-AT'],
  ['BE', digits(4, '1000'), 'nl-BE'],
  ['BG', digits(4, '1000'), 'bg-BG'],
  ['HR', digits(5, '10000'), 'hr-HR'],
  ['CY', digits(4, '1010'), 'el-CY'],
  ['CZ', splitDigits(3, 2, ' ', '110 00'), 'cs-CZ'],
  ['DK', digits(4, '1050'), 'da-DK'],
  ['EE', digits(5, '10111'), 'et-EE'],
  ['FI', digits(5, '00100'), 'fi-FI'],
  ['FR', digits(5, '75001'), 'fr-FR'],
  ['DE', digits(5, '10115'), 'de-DE'],
  ['GR', splitDigits(3, 2, ' ', '105 57'), 'el-GR'],
  ['HU', digits(4, '1051'), 'hu-HU'],
  ['IE', IE_EIRCODE, 'en-IE'],
  ['IT', digits(5, '00184'), 'it-IT'],
  ['LV', prefixedDigits('LV', 4, '-', 'LV-1050'), 'lv-LV'],
  ['LT', prefixedDigits('LT', 5, '-', 'LT-01100'), 'lt-LT'],
  ['LU', prefixedDigits('L', 4, '-', 'L-1111'), 'fr-LU'],
  ['MT', MT_POSTCODE, 'en-MT'],
  ['NL', NL_POSTCODE, 'nl-NL'],
  ['PL', splitDigits(2, 3, '-', '00-950'), 'pl-PL'],
  ['PT', splitDigits(4, 3, '-', '1000-001'), 'pt-PT'],
  ['RO', digits(6, '010011'), 'ro-RO'],
  ['SK', splitDigits(3, 2, ' ', '811 01'), 'sk-SK'],
  ['SI', digits(4, '1000'), 'sl-SI'],
  ['ES', digits(5, '28001'), 'es-ES'],
  ['SE', splitDigits(3, 2, ' ', '111 22'), 'sv-SE'],
  // Named in the issue
  ['US', US_ZIP, 'en-US'],
  ['CA', CA_POSTAL, 'en-CA'],
  ['GB', GB_POSTCODE, 'en-GB'],
  ['JP', splitDigits(3, 4, '-', '100-0005', '〒'), 'ja-JP'],
  ['AU', digits(4, '2000'), 'en-AU'],
  ['NZ', digits(4, '6011'), 'en-NZ'],
  ['IN', custom(/^([1-9]\d{5})$/, (m) => m[1] ?? '', '110001'), 'en-IN'],
  ['BR', splitDigits(5, 3, '-', '01310-100'), 'pt-BR'],
  ['MX', digits(5, '06000'), 'es-MX'],
  ['KR', digits(5, '03154'), 'ko-KR'],
  ['SG', digits(6, '018956'), 'en-SG'],
  ['CH', digits(4, '8001'), 'de-CH'],
  ['NO', digits(4, '0150'), 'nb-NO'],
  ['ZA', digits(4, '2001'), 'en-ZA'],
  ['AE', undefined, 'ar-AE'],
  // Phone and registration number required (docs/contracts/partner-center.md §6)
  ['AM', digits(4, '0010'), 'hy-AM'],
  ['AZ', AZ_POSTAL, 'az-Latn-AZ'],
  ['BY', digits(6, '220030'), 'be-BY'],
  ['KZ', KZ_POSTAL, 'kk-KZ'],
  ['KG', digits(6, '720001'), 'ky-KG'],
  ['MD', prefixedDigits('MD', 4, '-', 'MD-2001'), 'ro-MD'],
  ['RU', digits(6, '101000'), 'ru-RU'],
  ['TJ', digits(6, '734025'), 'tg-TJ'],
  ['UZ', digits(6, '100000'), 'uz-Latn-UZ'],
  ['UA', digits(5, '01001'), 'uk-UA'],
  ['SA', custom(/^(\d{5})(\d{4})?$/, (m) => (m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? '')), '11564'), 'ar-SA'],
  ['TR', digits(5, '06100'), 'tr-TR'],
  ['TH', digits(5, '10200'), 'th-TH'],
  ['VN', digits(6, '100000'), 'vi-VN'],
  ['MM', digits(5, '11181'), 'my-MM'],
  ['IQ', digits(5, '10001'), 'ar-IQ'],
  ['SS', undefined, 'en-SS'],
  ['VE', custom(/^(\d{4})([A-Z]?)$/, (m) => `${m[1]}${m[2] ? `-${m[2]}` : ''}`, '1010'), 'es-VE'],
  // Other frequent markets
  ['CN', digits(6, '100000'), 'zh-CN'],
  ['HK', undefined, 'zh-HK'],
  ['TW', custom(/^(\d{3})(\d{2,3})?$/, (m) => `${m[1]}${m[2] ?? ''}`, '100'), 'zh-TW'],
  ['IS', digits(3, '101'), 'is-IS'],
  ['LI', digits(4, '9490'), 'de-LI'],
  ['IL', digits(7, '6100000'), 'he-IL'],
  ['AR', custom(/^([A-Z]?\d{4}(?:[A-Z]{3})?)$/, (m) => m[1] ?? '', 'C1002AAP'), 'es-AR'],
  ['CL', digits(7, '8320000'), 'es-CL'],
  ['CO', digits(6, '110111'), 'es-CO'],
  ['PE', digits(5, '15001'), 'es-PE'],
  ['ID', digits(5, '10110'), 'id-ID'],
  ['MY', digits(5, '50000'), 'ms-MY'],
  ['PH', digits(4, '1000'), 'en-PH'],
];

/**
 * Countries known here for their postal code only: required and checked like those above, culture
 * `en-US` as for a country without an entry (a culture Partner Center does not offer for the
 * country would fail the creation). The list and the patterns follow the postal-code rule of
 * docs/contracts/csv.md §4: a country gets one where its postal codes are in general use and their
 * form is certain; where they are not, or they are optional in practice, the postal code stays
 * optional free text (no entry): a wrong "required" blocks a real customer.
 */
const POSTAL_CODE_TABLE: readonly [code: string, postal: PostalCodeFormat][] = [
  // Europe
  ['AD', prefixedDigits('AD', 3, '', 'AD500')],
  ['AL', digits(4, '1001')],
  ['AX', custom(/^(?:AX)?(22\d{3})$/, (m) => m[1] ?? '', '22100', /^22\d{3}$/)],
  ['BA', digits(5, '71000')],
  ['FO', custom(/^(?:FO)?(\d{3})$/, (m) => m[1] ?? '', '100', /^\d{3}$/)],
  ['GE', digits(4, '0101')],
  ['GG', crownDependencyPostcode('GY', 'GY1 1AA')],
  ['GL', digits(4, '3900')],
  ['IM', crownDependencyPostcode('IM', 'IM1 1AA')],
  ['JE', crownDependencyPostcode('JE', 'JE2 3AB')],
  ['MC', digits(5, '98000')],
  ['ME', digits(5, '81000')],
  ['MK', digits(4, '1000')],
  // 5 digits; the 6-digit address codes (PAK) are written too.
  ['RS', custom(/^(\d{5,6})$/, (m) => m[1] ?? '', '11000', /^\d{5,6}$/)],
  ['SJ', digits(4, '9170')],
  ['SM', digits(5, '47890')],
  ['VA', digits(5, '00120')],
  ['XK', digits(5, '10000')],
  // Middle East and Africa
  ['DZ', digits(5, '16000')],
  ['EG', digits(5, '11511')],
  ['JO', digits(5, '11937')],
  ['KE', digits(5, '00100')],
  ['MA', digits(5, '10000')],
  ['TN', digits(4, '1000')],
  // Asia
  ['BD', digits(4, '1000')],
  ['BN', custom(/^([A-Z]{2}\d{4})$/, (m) => m[1] ?? '', 'BS8811', /^[A-Z]{2}\d{4}$/)],
  ['LK', digits(5, '00100')],
  ['NP', digits(5, '44600')],
  ['PK', digits(5, '44000')],
  // Americas
  ['UY', digits(5, '11000')],
  // USPS ZIP codes
  ['PR', zipCode('00901')],
  ['VI', zipCode('00802')],
  ['GU', zipCode('96910')],
  ['AS', zipCode('96799')],
  ['MP', zipCode('96950')],
  ['FM', zipCode('96941')],
  ['MH', zipCode('96960')],
  ['PW', zipCode('96940')],
  // French postal codes overseas
  ['BL', digits(5, '97133')],
  ['GF', digits(5, '97300')],
  ['GP', digits(5, '97100')],
  ['MF', digits(5, '97150')],
  ['MQ', digits(5, '97200')],
  ['NC', digits(5, '98800')],
  ['PF', digits(5, '98713')],
  ['PM', digits(5, '97500')],
  ['RE', digits(5, '97400')],
  ['WF', digits(5, '98600')],
  ['YT', digits(5, '97600')],
];

function languageOf(culture: string): string {
  return culture.slice(0, culture.indexOf('-'));
}

function defineRule(code: string, postalCode: PostalCodeFormat | undefined, culture: string): CountryRule {
  const states = STATE_LISTS[code];
  const strict = PHONE_AND_REGISTRATION_COUNTRIES.has(code);
  const rule: CountryRule = {
    code,
    stateRequired: states !== undefined,
    phoneRequired: strict,
    registrationNumberRequired: strict,
    registrationNumber: code === 'BR' ? BRAZIL_CNPJ : ANY_REGISTRATION_NUMBER,
    defaultCulture: culture,
    defaultLanguage: languageOf(culture),
  };
  if (postalCode) rule.postalCode = postalCode;
  if (states) rule.states = states;
  return rule;
}

/** Country rules by alpha-2 code, built once at module load. */
export const COUNTRY_RULES: ReadonlyMap<string, CountryRule> = new Map([
  ...COUNTRY_TABLE.map(([code, postal, culture]) => [code, defineRule(code, postal, culture)] as const),
  ...POSTAL_CODE_TABLE.map(([code, postal]) => [code, defineRule(code, postal, 'en-US')] as const),
]);

/**
 * The rule for an alpha-2 code. Countries without an entry get permissive defaults: postal code,
 * state, phone and registration number optional, culture `en-US`.
 */
export function getCountryRule(code: string): CountryRule {
  const known = COUNTRY_RULES.get(code);
  if (known) return known;
  let fallback = FALLBACK_RULES.get(code);
  if (!fallback) {
    fallback = defineRule(code, undefined, 'en-US');
    FALLBACK_RULES.set(code, fallback);
  }
  return fallback;
}

const FALLBACK_RULES = new Map<string, CountryRule>();
