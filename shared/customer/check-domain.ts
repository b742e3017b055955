import type { LocalizedMessage } from '../i18n/localized-message.ts';
import { fail, quote, type Checked } from './row-problem.ts';

/** The initial-domain prefix: ASCII letters and digits, 1–27 (docs/contracts/partner-center.md §0.5). */
const MAX_DOMAIN_PREFIX_LENGTH = 27;
const PREFIX = /^[a-z0-9]+$/;

/**
 * Which full initial domains a domain cell may end with: the import's cloud's suffix; another
 * cloud's suffix is refused with a message naming that cloud (docs/contracts/csv.md §4). Built
 * once per cloud from the cloud configuration (shared/partner-center/initial-domain-rules.ts), so
 * that checking a row allocates nothing.
 */
export interface InitialDomainRule {
  /** The suffixes accepted after the prefix, with the leading dot; the first is the one messages suggest. */
  accepted: readonly string[];
  /** The cloud the rule is for, as messages name it ("global", "21Vianet"). */
  cloud: LocalizedMessage;
  /** Other clouds' suffixes, with the leading dot, and the clouds they belong to. */
  refused: readonly { suffix: string; cloud: LocalizedMessage }[];
}

/**
 * The global cloud's rule, the default where the caller does not say which cloud (as
 * `initialDomainRule('global')` builds it; shared/partner-center/initial-domain-rules.test.ts checks they agree).
 */
export const GLOBAL_INITIAL_DOMAINS: InitialDomainRule = Object.freeze({
  accepted: Object.freeze(['.onmicrosoft.com']),
  cloud: Object.freeze({ en: 'global', ja: 'グローバル' }),
  refused: Object.freeze([Object.freeze({ suffix: '.partner.onmschina.cn', cloud: Object.freeze({ en: '21Vianet', ja: '21Vianet' }) })]),
});

/**
 * True when the value is already a stored prefix: 1–27 lower-case ASCII letters and digits, which
 * `checkDomain` returns as it is and which NFKC and trimming leave unchanged (most domain cells).
 */
export function isPlainDomainPrefix(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > MAX_DOMAIN_PREFIX_LENGTH) return false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

/**
 * Checks a domain cell and returns the lower-case prefix: in the global cloud `contoso` and
 * `contoso.onmicrosoft.com` give `contoso`, and `contoso.partner.onmschina.cn` (a 21Vianet
 * domain) is refused; in the 21Vianet cloud it is the other way round.
 */
export function checkDomain(value: string, rule: InitialDomainRule = GLOBAL_INITIAL_DOMAINS): Checked<string> {
  const lower = value.toLowerCase();
  let prefix = lower;
  let foreign: InitialDomainRule['refused'][number] | undefined;
  // Indexed loops: this runs for every row of an import.
  let own = false;
  for (let index = 0; index < rule.accepted.length; index++) {
    const suffix = rule.accepted[index]!;
    if (lower.endsWith(suffix)) {
      prefix = lower.slice(0, -suffix.length);
      own = true;
      break;
    }
  }
  for (let index = 0; !own && index < rule.refused.length; index++) {
    const other = rule.refused[index]!;
    if (lower.endsWith(other.suffix)) {
      foreign = other;
      prefix = lower.slice(0, -other.suffix.length);
      break;
    }
  }
  const suggested = rule.accepted[0]!;
  if (prefix.includes('.')) {
    const bare = suggested.slice(1);
    return fail(
      'invalid_domain',
      'domain',
      `Domain ${quote(value)} is not an initial domain: a new customer gets a new ${bare} domain. Write only the prefix (e.g. contoso) or contoso${suggested}.`,
      `ドメイン ${quote(value)} は初期ドメインではありません。新しい顧客には新しい ${bare} ドメインが作成されます。プレフィックス（例: contoso）または contoso${suggested} を入力してください。`,
    );
  }
  if (!PREFIX.test(prefix)) {
    return fail(
      'invalid_domain',
      'domain',
      `Domain prefix ${quote(prefix)} must be 1–${MAX_DOMAIN_PREFIX_LENGTH} ASCII letters and digits only (no hyphens, spaces or accents).`,
      `ドメイン プレフィックス ${quote(prefix)} は半角英数字 1～${MAX_DOMAIN_PREFIX_LENGTH} 文字で入力してください（ハイフン・空白・記号は使えません）。`,
    );
  }
  if (prefix.length > MAX_DOMAIN_PREFIX_LENGTH) {
    return fail(
      'invalid_domain',
      'domain',
      `Domain prefix ${quote(prefix)} has ${prefix.length} characters; Partner Center accepts at most ${MAX_DOMAIN_PREFIX_LENGTH}. Shorten it.`,
      `ドメイン プレフィックス ${quote(prefix)} は ${prefix.length} 文字です。Partner Center の上限は ${MAX_DOMAIN_PREFIX_LENGTH} 文字です。短くしてください。`,
    );
  }
  if (foreign) {
    return fail(
      'invalid_domain',
      'domain',
      `Domain ${quote(value)} is a ${foreign.cloud.en} domain, but this import is for the ${rule.cloud.en} cloud. Write the prefix ${prefix} or ${prefix}${suggested}.`,
      `ドメイン ${quote(value)} は ${foreign.cloud.ja} のドメインですが、このインポートは ${rule.cloud.ja} クラウド向けです。プレフィックス ${prefix} または ${prefix}${suggested} を入力してください。`,
    );
  }
  return { ok: true, value: prefix };
}
