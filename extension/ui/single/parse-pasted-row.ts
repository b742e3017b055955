import { CANONICAL_KEYS, type CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { mapHeader } from '../../../shared/csv/map-header.ts';
import { parseDelimitedText } from '../../../shared/csv/parse-delimited-text.ts';
import { draftFromCells, type CustomerDraft } from '../state/customer-draft.ts';

/** What a paste gave: a draft to load into the form, or why nothing could be read. */
export type PastedRowResult =
  | { ok: true; draft: CustomerDraft; withHeader: boolean }
  | { ok: false; reason: 'empty' | 'header-only' };

/**
 * Reads a row copied from Excel (tab-separated) or a CSV line, with or without its header line.
 * With a header, columns are matched by name like a CSV file (csv-format.md §3); without one, the
 * cells are taken in the contract's column order (`CANONICAL_KEYS`).
 */
export function parsePastedRow(text: string): PastedRowResult {
  const rows = parseDelimitedText(text).rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const first = rows[0];
  if (!first) return { ok: false, reason: 'empty' };
  const header = mapHeader(first);
  // Two recognised names mean a header: one could be a value that happens to read like a name ("Tokyo" is not, "City" is).
  const isHeader = header.recognized >= 2;
  if (isHeader) {
    const data = rows[1];
    if (!data) return { ok: false, reason: 'header-only' };
    return { ok: true, draft: draftFromCells(header.keys, data), withHeader: true };
  }
  return { ok: true, draft: draftFromCells(CANONICAL_KEYS as readonly CanonicalKey[], first), withHeader: false };
}
