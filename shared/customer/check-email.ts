import type { CanonicalKey } from './canonical-keys.ts';
import { fail, quote, type Checked } from './row-problem.ts';

// Dot-atom local part (RFC 5322 atext), no quoted local parts, no IP literals, no display name.
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

/** Checks a plain `local@domain.tld` address (csv-format.md §4). */
export function checkEmail(value: string, field: CanonicalKey): Checked<string> {
  const at = value.lastIndexOf('@');
  if (value.length > MAX_EMAIL || at > MAX_LOCAL || !EMAIL.test(value)) {
    return fail(
      'invalid_email',
      field,
      `${quote(value)} is not a plain email address. Write it as name@example.com (no display name, no quotes, at most 254 characters).`,
      `${quote(value)} は有効なメール アドレスではありません。name@example.com の形式で入力してください（表示名や引用符は不可、254 文字以内）。`,
    );
  }
  return { ok: true, value };
}
