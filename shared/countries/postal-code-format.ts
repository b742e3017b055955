/**
 * A country's postal-code format. The value is compacted first (NFKC, upper case, a leading `〒`,
 * spaces and hyphens removed), then matched; `format` rebuilds the stored form from the groups.
 */
export interface PostalCodeFormat {
  /**
   * The forms a person may write (after NFKC and upper case), when the country allows only some:
   * a separator only where it belongs. Without it any spacing is accepted.
   */
  written?: RegExp;
  /** Anchored pattern over the compacted value; compiled once at module load. */
  pattern: RegExp;
  /** Builds the stored form from the match. */
  format: (match: RegExpExecArray) => string;
  /**
   * Matches exactly the stored forms (what `format` builds): a value written that way is returned
   * as it is, without compacting and matching it (most cells; `country-rules.test.ts` checks that
   * the answer is the same).
   */
  stored?: RegExp;
  /** Shown in error messages. */
  example: string;
}

/** `digits(5, '98052')`: n digits, stored as they are. */
export function digits(count: number, example: string): PostalCodeFormat {
  return { pattern: new RegExp(`^(\\d{${count}})$`), format: (m) => m[1] ?? '', example, stored: new RegExp(`^\\d{${count}}$`) };
}

// A hyphen as typed: ASCII, or the dashes and the long-vowel mark Japanese input methods produce.
const HYPHEN = '[\\-\\u30fc\\u2010-\\u2015\\u2212]';

/**
 * `splitDigits(3, 4, '-', '100-0005')`: a+b digits, written together or with one separator of the
 * same kind (a hyphen as typed, or a space) between the groups only, and stored with `separator`
 * between. `mark` is a sign that may precede the code (`〒`).
 */
export function splitDigits(first: number, second: number, separator: string, example: string, mark = ''): PostalCodeFormat {
  const before = mark ? `(?:${mark}\\s*)?` : '';
  return {
    written: new RegExp(`^${before}\\d{${first}}${separator === '-' ? HYPHEN : '\\s'}?\\d{${second}}$`, 'u'),
    pattern: new RegExp(`^(\\d{${first}})(\\d{${second}})$`),
    format: (m) => `${m[1]}${separator}${m[2]}`,
    example,
    // The separators in use (`-`, a space) stand for themselves in a pattern.
    stored: new RegExp(`^\\d{${first}}${separator}\\d{${second}}$`),
  };
}

/** `prefixed('LV', 4, '-', 'LV-1050')`: digits, optionally written after the country prefix; stored with it. */
export function prefixedDigits(prefix: string, count: number, separator: string, example: string): PostalCodeFormat {
  return {
    pattern: new RegExp(`^(?:${prefix})?(\\d{${count}})$`),
    format: (m) => `${prefix}${separator}${m[1]}`,
    example,
  };
}

/** A pattern with its own formatter (US ZIP+4, CA, GB, NL, …); `stored` as in `PostalCodeFormat`. */
export function custom(pattern: RegExp, format: (m: RegExpExecArray) => string, example: string, stored?: RegExp): PostalCodeFormat {
  return stored ? { pattern, format, example, stored } : { pattern, format, example };
}
