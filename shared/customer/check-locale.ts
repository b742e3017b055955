import { fail, quote, type Checked } from './row-problem.ts';

const CULTURE = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?$/;

// ISO 639-1 codes of the languages Partner Center's billing profile and our countries use.
const LANGUAGE_CODES =
  'ar bg cs da de el en es et fi fr he hr hu id is it ja kk ko ky lt lv ms my nb nl nn no pl pt ro ru sk sl sr sv th tg tr uk uz vi zh hy az be ka mk sq bs ga mt ca eu gl cy hi bn ta te ur fa'.split(' ');

const TWO_LETTERS = /^[a-z]{2}$/;
const ENGLISH_LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

const LANGUAGE_BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const english = ENGLISH_LANGUAGE_NAMES;
  const japanese = new Intl.DisplayNames(['ja'], { type: 'language', fallback: 'none' });
  for (const code of LANGUAGE_CODES) {
    map.set(code, code);
    for (const names of [english, japanese]) {
      const name = names.of(code);
      if (name) map.set(name.toLowerCase(), code);
    }
  }
  map.set('japanese', 'ja').set('english', 'en').set('日本語', 'ja').set('英語', 'en').set('norwegian', 'nb');
  return map;
})();

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** True when the platform knows the language (and region) of a culture: `xx-YY` has the shape but no meaning. */
function isKnownCulture(language: string, region: string | undefined): boolean {
  const tag = `${language}-${region ?? ''}`;
  const known = KNOWN_CULTURES.get(tag);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    answer = Boolean(ENGLISH_LANGUAGE_NAMES.of(language.toLowerCase())) && (region === undefined || Boolean(REGION_NAMES.of(region.toUpperCase())));
  } catch {
    answer = false;
  }
  // A file repeats a handful of cultures: ask Intl once per spelling.
  if (KNOWN_CULTURES.size >= 1_000) KNOWN_CULTURES.clear();
  KNOWN_CULTURES.set(tag, answer);
  return answer;
}
const KNOWN_CULTURES = new Map<string, boolean>();

/** Checks a BCP 47 culture such as `ja-JP` and returns it in canonical case (`ja-JP`, `az-Latn-AZ`). */
export function checkCulture(value: string): Checked<string> {
  const match = CULTURE.exec(value);
  if (!match || !isKnownCulture(match[1] ?? '', match[3])) {
    return fail(
      'invalid_culture',
      'culture',
      `Culture ${quote(value)} is not a BCP 47 tag. Write language-COUNTRY, e.g. ja-JP or en-US, or leave it empty for the country's default.`,
      `カルチャ ${quote(value)} は BCP 47 タグではありません。ja-JP や en-US のように入力するか、空欄にして国の既定値を使ってください。`,
    );
  }
  const [, language = '', script, region] = match;
  let culture = language.toLowerCase();
  if (script) culture += `-${script[0]?.toUpperCase()}${script.slice(1).toLowerCase()}`;
  if (region) culture += `-${region.toUpperCase()}`;
  return { ok: true, value: culture };
}

/** Checks an ISO 639-1 code or an English/Japanese language name and returns the code. */
export function checkLanguage(value: string): Checked<string> {
  const lower = value.toLowerCase();
  // Any ISO 639-1 code the platform can name, beyond the names listed above.
  const code = LANGUAGE_BY_NAME.get(lower) ?? (TWO_LETTERS.test(lower) && ENGLISH_LANGUAGE_NAMES.of(lower) ? lower : undefined);
  if (!code) {
    return fail(
      'invalid_language',
      'language',
      `Language ${quote(value)} is not an ISO 639-1 code or language name. Write e.g. ja or Japanese, or leave it empty for the culture's language.`,
      `言語 ${quote(value)} は ISO 639-1 コードでも言語名でもありません。ja や 日本語 のように入力するか、空欄にしてカルチャの言語を使ってください。`,
    );
  }
  return { ok: true, value: code };
}
