/**
 * Offer rows are matched by the id the page shows, never by name: the wizard (and a renamed or
 * localised product) may name an offer differently from our catalog, but an id is an id. A page
 * may show the whole catalog item id (`PRODUCT:SKU:AVAILABILITY`), its first parts
 * (`PRODUCT:SKU`, what a person copies from the wizard), or a legacy offer's GUID.
 */
const CATALOG_ID = /(?<![0-9A-Z])[0-9A-Z]{8,}(?::[0-9A-Z]{4,}){1,2}(?![0-9A-Z:])/gi;
const GUID = /(?<![0-9A-F-])[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}(?![0-9A-F-])/gi;

/** The offer ids in a text, in order: `Microsoft 365 E3 (CFQ7TTC0LF8R:0001)` → `['CFQ7TTC0LF8R:0001']`. */
export function offerIdsIn(text: string): string[] {
  return [...text.matchAll(CATALOG_ID), ...text.matchAll(GUID)].map((match) => match[0]);
}

/**
 * Whether an id shown on the page names the offer: equal, or equal on their common first parts
 * when both have at least two (a product id alone names several SKUs, so it never matches).
 *
 * @example shownIdNames('CFQ7TTC0LF8R:0001', 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ') === true
 * @example shownIdNames('CFQ7TTC0LCHC:0001', 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM') === false
 */
export function shownIdNames(shown: string, offerId: string): boolean {
  const shownParts = shown.trim().toUpperCase().split(':');
  const offerParts = offerId.trim().toUpperCase().split(':');
  const common = Math.min(shownParts.length, offerParts.length);
  if (common < 2) return shownParts.join(':') === offerParts.join(':');
  return shownParts.slice(0, common).join(':') === offerParts.slice(0, common).join(':');
}

/** What to type into the offer list's search box: `PRODUCT:SKU`, the part a page shows most often. */
export function offerSearchText(offerId: string): string {
  const parts = offerId.split(':');
  return parts.length >= 2 ? `${parts[0]}:${parts[1]}` : offerId;
}
