import type { CanonicalKey } from './canonical-keys.ts';
import { fail, quote, type Checked } from './row-problem.ts';

// Dot-atom local part (RFC 5322 atext), no quoted local parts, no IP literals, no display name.
// The definition; `isPlainEmail` is its fast equivalent (tested against it).
export const EMAIL_PATTERN = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

// RFC 5322 atext, by character code.
const ATEXT = (() => {
  const table = new Uint8Array(128);
  for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-") table[char.charCodeAt(0)] = 1;
  return table;
})();

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetterOrDigit(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}

/**
 * EMAIL_PATTERN as a scan of the characters, for the hot path (a regex test costs several
 * times more): it accepts exactly what EMAIL_PATTERN accepts (`check-email.test.ts` checks that).
 */
export function isPlainEmail(value: string): boolean {
  const length = value.length;
  let i = 0;
  // Local part: atext runs joined by single dots.
  let afterDot = true;
  for (; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 64 /* @ */) break;
    if (code === 46 /* . */) {
      if (afterDot) return false;
      afterDot = true;
    } else if (code < 128 && ATEXT[code] === 1) afterDot = false;
    else return false;
  }
  if (i === length || afterDot) return false;
  // Domain: two or more labels of letters, digits and inner hyphens, 1–63 long; the last starts with a letter and has 2 or more.
  let labels = 0;
  let labelStart = i + 1;
  for (let j = labelStart; j <= length; j++) {
    const code = j < length ? value.charCodeAt(j) : 46;
    if (code === 46) {
      const labelLength = j - labelStart;
      if (labelLength < 1 || labelLength > 63) return false;
      if (!isLetterOrDigit(value.charCodeAt(labelStart)) || !isLetterOrDigit(value.charCodeAt(j - 1))) return false;
      labels++;
      if (j === length) return labels >= 2 && labelLength >= 2 && isLetter(value.charCodeAt(labelStart));
      labelStart = j + 1;
    } else if (!isLetterOrDigit(code) && code !== 45 /* - */) return false;
  }
  return false;
}

/**
 * True when `checkEmail` accepts the value as it is. Such a value is ASCII without spaces, so NFKC
 * and trimming leave it unchanged: the reader may test a cell as read before normalising it.
 */
export function isAcceptedEmail(value: string): boolean {
  // A plain address holds one `@`, so `indexOf` finds it as well as `lastIndexOf`, and far
  // cheaper: V8's `lastIndexOf` is a C++ builtin, a costly call for every row.
  return value.length <= MAX_EMAIL && value.indexOf('@') <= MAX_LOCAL && isPlainEmail(value);
}

/** Checks a plain `local@domain.tld` address (docs/contracts/csv.md §4). */
export function checkEmail(value: string, field: CanonicalKey): Checked<string> {
  if (!isAcceptedEmail(value)) {
    return fail(
      'invalid_email',
      field,
      `${quote(value)} is not a plain email address. Write it as name@example.com (no display name, no quotes, at most 254 characters).`,
      `${quote(value)} は有効なメール アドレスではありません。name@example.com の形式で入力してください（表示名や引用符は不可、254 文字以内）。`,
    );
  }
  return { ok: true, value };
}
