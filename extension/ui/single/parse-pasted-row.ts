import { parseDelimitedText, pasteCustomers } from '../../../shared/csv/parse-delimited-text.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';

/** What a paste gave: a draft to load into the form, or why nothing could be read. */
export type PastedRowResult =
  | { ok: true; draft: CustomerDraft; withHeader: boolean }
  | { ok: false; reason: 'empty' | 'header-only' };

/**
 * Reads a row copied from Excel (tab-separated) or a CSV line, with or without its header line,
 * through the shared paste reader: with a header, columns are matched by name like a CSV file
 * (docs/contracts/csv.md §3); without one, the cells are taken in the contract's column order.
 * Only the first data row is used; empty cells are left out so the form shows them empty.
 */
export function parsePastedRow(text: string): PastedRowResult {
  const { hasHeader, rows } = parseDelimitedText(text);
  if (rows.length === 0) return { ok: false, reason: 'empty' };
  const first = pasteCustomers(text).customers[0];
  if (!first) return { ok: false, reason: hasHeader ? 'header-only' : 'empty' };
  const draft: CustomerDraft = {};
  for (const [key, value] of Object.entries(first) as [keyof CustomerDraft, string | undefined][]) {
    if (value !== undefined && value.trim() !== '') draft[key] = value.trim();
  }
  return { ok: true, draft, withHeader: hasHeader };
}
