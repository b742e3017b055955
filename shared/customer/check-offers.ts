import type { OfferItem } from './customer-record.ts';
import { fail, quote, type Checked } from './row-problem.ts';

// New-commerce catalog item `PRODUCT:SKU:AVAILABILITY`, or a legacy offer GUID.
const CATALOG_ITEM_ID = /^[A-Z0-9]{1,20}:[A-Z0-9]{1,10}:[A-Z0-9]{1,20}$/;
const OFFER_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
// 1–10000 has at most 5 significant digits; any number of leading zeros may come before them (csv.md §4).
const QUANTITY = /^0*\d{1,5}$/;
const MAX_QUANTITY = 10_000;

function invalid(en: string, ja: string) {
  return fail('invalid_offers', 'offers', en, ja);
}

/**
 * Parses `ID*QUANTITY;ID;…` (docs/contracts/csv.md §4). Only the format is checked here: catalog
 * membership is checked by the worker against Partner Center.
 *
 * @example checkOffers('cfq7ttc0lh18:0001:cfq7ttc0k5bf*5;') // ok, [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5 }]
 */
export function checkOffers(value: string): Checked<OfferItem[]> {
  if (value === '') return { ok: true, value: [] };
  const parts = value.split(';');
  if (parts.length > 1 && parts[parts.length - 1]?.trim() === '') parts.pop();
  const offers: OfferItem[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const item = part.trim();
    if (item === '') {
      return invalid(
        `Offers ${quote(value)} has an empty item between semicolons. Separate items with a single ";".`,
        `サブスクリプション ${quote(value)} のセミコロンの間に空の項目があります。項目は ";" 1 つで区切ってください。`,
      );
    }
    const star = item.indexOf('*');
    const id = (star < 0 ? item : item.slice(0, star)).trim().toUpperCase();
    const quantityText = star < 0 ? '1' : item.slice(star + 1).trim();
    if (!CATALOG_ITEM_ID.test(id) && !OFFER_GUID.test(id)) {
      return invalid(
        `Offer ${quote(id)} is not a catalog item id (PRODUCT:SKU:AVAILABILITY, e.g. CFQ7TTC0LH18:0001:CFQ7TTC0K5BF) or a legacy offer GUID.`,
        `オファー ${quote(id)} はカタログ アイテム ID（PRODUCT:SKU:AVAILABILITY、例: CFQ7TTC0LH18:0001:CFQ7TTC0K5BF）でもレガシー オファーの GUID でもありません。`,
      );
    }
    const quantity = QUANTITY.test(quantityText) ? Number(quantityText) : Number.NaN;
    if (!(quantity >= 1 && quantity <= MAX_QUANTITY)) {
      return invalid(
        `The quantity ${quote(quantityText)} of offer ${id} must be a whole number from 1 to 10000 (write ID*5 for five licences).`,
        `オファー ${id} の数量 ${quote(quantityText)} は 1～10000 の整数で入力してください（5 ライセンスなら ID*5）。`,
      );
    }
    if (seen.has(id)) {
      return invalid(
        `Offer ${id} appears twice in this row. List each offer once and put the total in its quantity.`,
        `オファー ${id} がこの行に 2 回あります。各オファーは 1 回だけ記載し、合計を数量に入力してください。`,
      );
    }
    seen.add(id);
    offers.push({ id, quantity });
  }
  return { ok: true, value: offers };
}
