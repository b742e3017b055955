/**
 * Whether a date picker's text means a given day, in any way a wizard may show it: ISO, the
 * numeric forms of en-US (`3/5/2026`) and ja-JP (`2026/03/05`), `Date.prototype.toDateString`
 * (`Thu Mar 05 2026`, what some pickers show after blur) and every `Intl` date style in English
 * and Japanese (`March 5, 2026`, `2026年3月5日`). Compared by meaning, never as the text typed.
 *
 * @example showsDate('Thu Mar 05 2026', '2026-03-05') === true
 * @example showsDate('5/3/2026', '2026-03-05') === false
 */
export function showsDate(shown: string, isoDate: string): boolean {
  const wanted = normalizeDateText(shown);
  return wanted !== '' && dateTexts(isoDate).some((text) => normalizeDateText(text) === wanted);
}

/** Every text a page may show for `YYYY-MM-DD` (see showsDate). */
export function dateTexts(isoDate: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return [isoDate];
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new Date(year, month - 1, day);
  const texts = [
    isoDate,
    `${month}/${day}/${year}`,
    `${pad(month)}/${pad(day)}/${year}`,
    `${year}/${pad(month)}/${pad(day)}`,
    `${year}/${month}/${day}`,
    `${year}-${month}-${day}`,
    `${year}.${pad(month)}.${pad(day)}`,
    local.toDateString(),
  ];
  const utc = new Date(Date.UTC(year, month - 1, day));
  for (const format of dateFormats()) texts.push(format.format(utc));
  return [...new Set(texts)];
}

let formats: Intl.DateTimeFormat[] | undefined;

/** Every Intl date style in English and Japanese, built once (a formatter is costly to create). */
function dateFormats(): Intl.DateTimeFormat[] {
  formats ??= ['en-US', 'en-GB', 'ja-JP'].flatMap((locale) =>
    (['full', 'long', 'medium', 'short'] as const)
      // en-GB's numeric 05/03/2026 reads as 3 May on an en-US page: only its spelled-out forms count.
      .filter((dateStyle) => !(locale === 'en-GB' && dateStyle === 'short'))
      .map((dateStyle) => new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' })),
  );
  return formats;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** NFKC, lower case, commas and runs of spaces folded: `Thu, Mar 5, 2026` reads as `thu mar 5 2026`. */
function normalizeDateText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}
