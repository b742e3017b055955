import { fail, quote, type Checked } from './row-problem.ts';

const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const DASHED = /^\d{4}-\d{2}-\d{2}$/;
const FOURTEEN_HOURS_MS = 14 * 60 * 60 * 1000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

let memoNow = Number.NaN;
let memoDate = '';

/** Today's date in UTC+14, the last time zone to reach a date: no date after it has begun anywhere. */
function latestCalendarDate(now: Date): string {
  // One file is validated with one `now`: compute the date once, not per row.
  const time = now.getTime();
  if (time !== memoNow) {
    memoNow = time;
    memoDate = new Date(time + FOURTEEN_HOURS_MS).toISOString().slice(0, 10);
  }
  return memoDate;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * The MCA acceptance date as `YYYY-MM-DD` when it is written as one (`YYYY-MM-DD`, `YYYY/MM/DD`
 * or `YYYY/M/D`, a real calendar date), else undefined. Whether it is in the future is
 * `isLaterThanToday`'s question.
 */
export function parseMcaDate(value: string): string | undefined {
  const match = DATE.exec(value);
  // A dashed date must be zero-padded; slashes may omit the zeros (Excel's Japanese default).
  if (match === null || (match[2] !== '/' && !DASHED.test(value))) return undefined;
  const year = match[1] ?? '';
  const month = match[3]?.padStart(2, '0') ?? '';
  const day = match[4]?.padStart(2, '0') ?? '';
  return isCalendarDate(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : undefined;
}

/** True when the `YYYY-MM-DD` date has not begun anywhere on Earth at `now`. */
export function isLaterThanToday(iso: string, now: Date): boolean {
  return iso > latestCalendarDate(now);
}

/**
 * Checks the MCA acceptance date: `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY/M/D` (Excel JP), a real
 * calendar date, not later than today in UTC+14. Returns `YYYY-MM-DD`.
 */
export function checkMcaDate(value: string, now: Date): Checked<string> {
  const iso = parseMcaDate(value);
  if (iso === undefined) {
    return fail(
      'invalid_date',
      'mca_date',
      `The agreement date ${quote(value)} is not a date. Write it as YYYY-MM-DD (e.g. 2026-11-20) or YYYY/M/D.`,
      `同意日 ${quote(value)} は日付ではありません。YYYY-MM-DD（例: 2026-11-20）または YYYY/M/D の形式で入力してください。`,
    );
  }
  if (isLaterThanToday(iso, now)) {
    return fail(
      'invalid_date',
      'mca_date',
      `The agreement date ${iso} is in the future. Write the date the customer accepted the Microsoft Customer Agreement.`,
      `同意日 ${iso} が未来の日付です。お客様が Microsoft 顧客契約に同意した日付を入力してください。`,
    );
  }
  return { ok: true, value: iso };
}
