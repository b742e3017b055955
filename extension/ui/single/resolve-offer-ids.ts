import { CATALOG_NAMES } from '../../../shared/form/catalog-names.ts';
import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';

/** A catalog item the person may have meant. */
interface OfferCandidate {
  id: string;
  name: string;
}

/** A short id that names more than one catalog item: the person must choose. */
interface OfferQuestion {
  /** Position of the item in the `;`-separated list. */
  index: number;
  typed: string;
  candidates: OfferCandidate[];
}

export interface ResolvedOffers {
  /** The offers text with every short id that names one item replaced by its full id; the rest as typed. */
  text: string;
  /** Short ids replaced, to show the person what they became. */
  resolved: { typed: string; id: string; name: string }[];
  questions: OfferQuestion[];
  /** Short ids the catalog does not know: the full id is needed. */
  unknown: string[];
}

// `PRODUCT:SKU` as the wizard shows it, or `PRODUCT` alone; a full id has a third part.
const SHORT_ID = /^[A-Z0-9]{1,20}(?::[A-Z0-9]{1,10})?$/;

/**
 * Accepts what a person copies from the wizard (`PRODUCT:SKU`, e.g. CFQ7TTC0LCHC:0001) as well as
 * a full catalog item id (`PRODUCT:SKU:AVAILABILITY`), resolving short ids against the catalog
 * (docs/contracts/partner-center.md §0.10). A short id that matches several items (a PRODUCT
 * alone, with SKUs 0001 and 0002) becomes a question; one that matches none is `unknown`.
 * Quantities (`*5`), spacing and full ids are kept as typed; the shared offers check then applies.
 *
 * @example resolveOfferIds('cfq7ttc0lh18:0001*3').text // 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*3'
 */
export function resolveOfferIds(text: string, catalog: Readonly<Record<string, string>> = CATALOG_NAMES): ResolvedOffers {
  const result: ResolvedOffers = { text, resolved: [], questions: [], unknown: [] };
  if (text.trim() === '') return result;
  const ids = Object.keys(catalog);
  const items = text.split(';').map((item, index) => {
    const star = item.indexOf('*');
    const idPart = star < 0 ? item : item.slice(0, star);
    const typed = idPart.normalize('NFKC').trim().toUpperCase();
    if (!SHORT_ID.test(typed)) return item;
    const matches = ids.filter((id) => id.startsWith(`${typed}:`));
    if (matches.length === 1) {
      const id = matches[0]!;
      result.resolved.push({ typed, id, name: catalog[id]! });
      return `${id}${star < 0 ? '' : item.slice(star)}`;
    }
    if (matches.length > 1) result.questions.push({ index, typed, candidates: matches.map((id) => ({ id, name: catalog[id]! })) });
    // A bare word that is no product prefix is left to the shared check, which explains the format.
    else if (typed.includes(':')) result.unknown.push(typed);
    return item;
  });
  result.text = items.join(';');
  return result;
}

/** The offers text with item `index` replaced by `id`, its quantity kept: the person's answer to a question. */
export function chooseOffer(text: string, index: number, id: string): string {
  return text
    .split(';')
    .map((item, i) => {
      if (i !== index) return item;
      const star = item.indexOf('*');
      const leading = /^\s*/.exec(item)![0];
      return `${leading}${id}${star < 0 ? '' : item.slice(star)}`;
    })
    .join(';');
}

/** What stops the offers from being used as typed, in EN and JA; undefined when nothing does. */
export function offerResolutionMessage(resolved: ResolvedOffers): LocalizedMessage | undefined {
  const question = resolved.questions[0];
  if (question) {
    const count = question.candidates.length;
    return {
      en: `"${question.typed}" matches ${count} offers of the catalog: choose the one you mean below, or write its full id (PRODUCT:SKU:AVAILABILITY).`,
      ja: `"${question.typed}" はカタログの ${count} 件のオファーに一致します。下から目的のオファーを選ぶか、完全な ID（PRODUCT:SKU:AVAILABILITY）を入力してください。`,
    };
  }
  const unknown = resolved.unknown[0];
  if (unknown) {
    return {
      en: `"${unknown}" is not an offer of the catalog the extension knows. Copy the offer's full catalog item id (PRODUCT:SKU:AVAILABILITY, e.g. CFQ7TTC0LH18:0001:CFQ7TTC0K5BF) from Partner Center.`,
      ja: `"${unknown}" は拡張機能が知っているカタログのオファーではありません。Partner Center からオファーの完全なカタログ アイテム ID（PRODUCT:SKU:AVAILABILITY、例: CFQ7TTC0LH18:0001:CFQ7TTC0K5BF）をコピーしてください。`,
    };
  }
  return undefined;
}
