import { fail, quote, type Checked } from './row-problem.ts';

const INITIAL_DOMAIN_SUFFIXES = ['.onmicrosoft.com', '.partner.onmschina.cn'];
/** The initial-domain prefix: ASCII letters and digits, 1–27 (docs/contracts/partner-center.md §0.5). */
const MAX_DOMAIN_PREFIX_LENGTH = 27;
const PREFIX = /^[a-z0-9]+$/;

/**
 * Checks a domain cell and returns the lower-case prefix: `contoso`, `contoso.onmicrosoft.com` or
 * `contoso.partner.onmschina.cn` all give `contoso`.
 */
export function checkDomain(value: string): Checked<string> {
  let prefix = value.toLowerCase();
  for (const suffix of INITIAL_DOMAIN_SUFFIXES) {
    if (prefix.endsWith(suffix)) {
      prefix = prefix.slice(0, -suffix.length);
      break;
    }
  }
  if (prefix.includes('.')) {
    return fail(
      'invalid_domain',
      'domain',
      `Domain ${quote(value)} is not an initial domain: a new customer gets a new onmicrosoft.com domain. Write only the prefix (e.g. contoso) or contoso.onmicrosoft.com.`,
      `ドメイン ${quote(value)} は初期ドメインではありません。新しい顧客には新しい onmicrosoft.com ドメインが作成されます。プレフィックス（例: contoso）または contoso.onmicrosoft.com を入力してください。`,
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
  return { ok: true, value: prefix };
}
