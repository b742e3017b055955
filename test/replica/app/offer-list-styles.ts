import { SWITCHES } from './page-switches.ts';
import { state, type CatalogRow, type WizardVariant } from './store.ts';

/** How a wizard version draws the offer list. */
export interface OfferListStyle {
  /** `renamed`: the page's own product names, not the catalog's (some differ, some are localised). */
  names: 'catalog' | 'renamed';
  /** `product-sku`: the row shows `PRODUCT:SKU`, what a person copies; `full`: the whole catalog item id; `none`: no id (`?offers=names-only`). */
  ids: 'full' | 'product-sku' | 'none';
  /** Rows shown while the search box is empty; the rest only through a search. */
  rowsWithoutSearch: number;
  /** The list filters this long after typing stops, aria-busy meanwhile. */
  debounceMs: number;
  /** The list lives in an open shadow root. */
  inShadow: boolean;
  /** ARIA grid rows and cells instead of a list. */
  grid: boolean;
}

const PLAIN: OfferListStyle = { names: 'catalog', ids: 'full', rowsWithoutSearch: Infinity, debounceMs: 0, inShadow: false, grid: false };

const OFFER_LIST_STYLES: Record<WizardVariant, OfferListStyle> = {
  classic: PLAIN,
  rewrite: PLAIN,
  refuse: PLAIN,
  v8: { ...PLAIN, names: 'renamed', ids: 'product-sku', rowsWithoutSearch: 3 },
  v9: { ...PLAIN, names: 'renamed', ids: 'product-sku', debounceMs: 200, grid: true },
  shadow: { ...PLAIN, inShadow: true },
};

/** Names a page may give products, unlike our catalog: `Microsoft 365 E3` is what our catalog calls Office 365 E3. */
const PAGE_NAMES: Record<string, { en: string; ja: string }> = {
  'CFQ7TTC0LF8R:0001': { en: 'Microsoft 365 E3', ja: 'Microsoft 365 E3' },
  'CFQ7TTC0LFLX:0001': { en: 'Microsoft 365 E3 (no Teams)', ja: 'Microsoft 365 E3 (Teams なし)' },
  'CFQ7TTC0LH18:0001': { en: 'Microsoft 365 Business Basic', ja: 'Microsoft 365 Business Basic (日本語版)' },
  'CFQ7TTC0LH16:0001': { en: 'Exchange Online Plan 1', ja: 'Exchange Online (プラン 1)' },
  'DZH318Z0BQ3Q:0001': { en: 'Azure subscription plan', ja: 'Azure プラン' },
};

export function offerListStyle(): OfferListStyle {
  const style = OFFER_LIST_STYLES[state.variant.wizard];
  return SWITCHES.offers === 'names-only' ? { ...style, ids: 'none' } : style;
}

export function shownId(row: CatalogRow, style: OfferListStyle): string {
  if (style.ids === 'none') return '';
  const parts = row.id.split(':');
  return style.ids === 'product-sku' && parts.length === 3 ? `${parts[0]}:${parts[1]}` : row.id;
}

export function shownName(row: CatalogRow, style: OfferListStyle): string {
  if (style.names === 'catalog') return row.name;
  return PAGE_NAMES[row.id.split(':').slice(0, 2).join(':')]?.[state.lang] ?? row.name;
}
