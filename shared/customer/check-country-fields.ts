import type { CountryRule } from '../countries/country-rules.ts';
import { countryName, resolveCountry } from '../countries/resolve-country.ts';
import { normalizeNfkcPostalCodeWith } from '../countries/normalize-postal-code.ts';
import { parsePhone } from '../countries/parse-phone.ts';
import { resolveState } from '../countries/resolve-state.ts';
import type { CanonicalKey } from './canonical-keys.ts';
import { quote, rowProblem, type Checked } from './row-problem.ts';

// The checks of the fields whose rules depend on the row's country (docs/contracts/csv.md §4).

/** A country cell → ISO alpha-2. */
export function checkCountryValue(value: string): Checked<string> {
  const code = resolveCountry(value);
  if (code) return { ok: true, value: code };
  return {
    ok: false,
    problem: rowProblem(
      'invalid_country',
      'country',
      `Country ${quote(value)} is not known. Write an ISO code such as JP or US, or the country's English or Japanese name.`,
      `国 ${quote(value)} が見つかりません。JP や US などの ISO コード、または英語か日本語の国名を入力してください。`,
    ),
  };
}

/** The state of a country with a state list → the stored value; free text elsewhere. */
export function checkState(rule: CountryRule, value: string): Checked<string> {
  if (!rule.states) return { ok: true, value };
  const state = resolveState(rule.code, value);
  if (state) return { ok: true, value: state.stored };
  // Japan's codes (01–47) mean nothing to a reader: show the forms people write.
  const examples = rule.code === 'JP' ? 'Tokyo, 東京都, JP-13' : rule.states.slice(0, 3).map((entry) => entry.code).join(', ');
  return {
    ok: false,
    problem: rowProblem(
      'invalid_state',
      'state',
      `State ${quote(value)} is not a state of ${countryName(rule.code)}. Write its code or name (e.g. ${examples}).`,
      `都道府県/州 ${quote(value)} は ${countryName(rule.code, 'ja')} の都道府県/州ではありません。コードまたは名前（例: ${rule.code === 'JP' ? '東京都、Tokyo、JP-13' : examples}）を入力してください。`,
    ),
  };
}

/** A postal code, already normalised (`normalizeValue`: NFKC, trimmed) → its stored form for the country. */
export function checkPostalCode(rule: CountryRule, value: string): Checked<string> {
  const result = normalizeNfkcPostalCodeWith(rule.postalCode, rule.code, value);
  if (result.ok) return result;
  if (result.hint === 'leading_zero_dropped' && rule.code !== 'US') {
    return {
      ok: false,
      problem: rowProblem(
        'invalid_postal_code',
        'postal_code',
        `Postal code ${quote(value)} is one digit short; a spreadsheet probably dropped its leading zero. Write 0${value} and format the column as text.`,
        `郵便番号 ${quote(value)} が 1 桁足りません。表計算ソフトが先頭の 0 を削除した可能性があります。0${value} と入力し、列を文字列形式にしてください。`,
      ),
    };
  }
  if (result.hint === 'leading_zero_dropped') {
    return {
      ok: false,
      problem: rowProblem(
        'invalid_postal_code',
        'postal_code',
        `ZIP code ${quote(value)} has 4 digits; a spreadsheet probably dropped its leading zero. Write all 5 digits (e.g. 0${value}) and format the column as text.`,
        `ZIP コード ${quote(value)} が 4 桁です。表計算ソフトが先頭の 0 を削除した可能性があります。5 桁（例: 0${value}）で入力し、列を文字列形式にしてください。`,
      ),
    };
  }
  return {
    ok: false,
    problem: rowProblem(
      'invalid_postal_code',
      'postal_code',
      `Postal code ${quote(value)} does not match the format of ${countryName(rule.code)}. Write it like ${result.example}.`,
      `郵便番号 ${quote(value)} は ${countryName(rule.code, 'ja')} の形式と一致しません。${result.example} のように入力してください。`,
    ),
  };
}

/** A phone number → E.164, valid for the country. */
export function checkPhone(rule: CountryRule, value: string, field: CanonicalKey): Checked<string> {
  const phone = parsePhone(rule.code, value);
  if (phone) return { ok: true, value: phone };
  return {
    ok: false,
    problem: rowProblem(
      'invalid_phone',
      field,
      `${quote(value)} is not a valid phone number in ${countryName(rule.code)}. Write a national number or one starting with + and the country code.`,
      `${quote(value)} は ${countryName(rule.code, 'ja')} の有効な電話番号ではありません。国内形式、または + と国番号から始まる形式で入力してください。`,
    ),
  };
}

/** An organization registration number → its stored form for the country. */
export function checkRegistrationNumber(rule: CountryRule, value: string): Checked<string> {
  const normalized = rule.registrationNumber.normalize(value);
  if (normalized !== undefined) return { ok: true, value: normalized };
  const format = rule.registrationNumber;
  return {
    ok: false,
    problem: rowProblem(
      'invalid_registration_number',
      'organization_registration_number',
      `Registration number ${quote(value)} is not valid for ${countryName(rule.code)}: it must be ${format.description} (e.g. ${format.example}).`,
      `組織登録番号 ${quote(value)} は ${countryName(rule.code, 'ja')} の形式ではありません（${format.description}、例: ${format.example}）。`,
    ),
  };
}
