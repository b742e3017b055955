import { CATALOG_NAMES, catalogName } from './catalog-names.ts';
import { normalizeLabel } from './normalize-label.ts';

/** A note in brackets at the end of a name: `(Plan 1)`, `（日本語版）`. */
const TRAILING_NOTE = /[(（][^()（）]*[)）]\s*$/u;

/** A page's name of our offer: the same name, or the same but for a note in brackets. */
export type NameFit = 'same' | 'but-a-note';

interface NameParts {
  /** The whole name, normalised like a label (case, spacing and brackets dropped). */
  whole: string;
  /** The name without its trailing note, normalised; equal to `whole` when it has none. */
  base: string;
  hasNote: boolean;
}

function nameParts(name: string): NameParts {
  const trimmed = name.trim();
  const note = TRAILING_NOTE.exec(trimmed);
  const whole = normalizeLabel(trimmed);
  return note ? { whole, base: normalizeLabel(trimmed.slice(0, note.index)), hasNote: true } : { whole, base: whole, hasNote: false };
}

/**
 * How a name shown on the page fits the catalog offer, for a list that shows no ids
 * (docs/wizard-filling.md): `same` once normalised like a label — case, spacing and brackets do not
 * count, so "Exchange Online Plan 1" is "Exchange Online (Plan 1)"; `but-a-note` when equal but for a
 * note in brackets only one of the two carries ("Microsoft 365 E3 (no Teams)" — a note may make
 * another product, so such a row is never ticked, only shown to a person); else null. Two different
 * notes are two products ("Plan 1", "Plan 2"), and a name that is exactly another catalog offer's is
 * that offer. Returns the test for one offer (built once: it is asked of every text on the page), or
 * null for an offer our catalog has no name for.
 *
 * @example offerNameFits('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF')?.('microsoft 365  business basic') === 'same'
 * @example offerNameFits('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF')?.('Microsoft 365 Business Basic (日本語版)') === 'but-a-note'
 * @example offerNameFits('CFQ7TTC0LH16:0001:CFQ7TTC0K5BL')?.('Exchange Online (Plan 2)') === null
 */
export function offerNameFits(offerId: string): ((shown: string) => NameFit | null) | null {
  const name = catalogName(offerId);
  if (!name) return null;
  const ours = nameParts(name);
  const own = offerId.toUpperCase();
  const others = new Set(Object.entries(CATALOG_NAMES).flatMap(([id, other]) => (id === own ? [] : [normalizeLabel(other)])));
  return (shown) => {
    const page = nameParts(shown);
    if (page.whole === '') return null;
    if (page.whole === ours.whole) return 'same';
    if (others.has(page.whole) || page.hasNote === ours.hasNote) return null;
    return (page.hasNote ? page.base === ours.whole : page.whole === ours.base) ? 'but-a-note' : null;
  };
}

/** The catalog name without its trailing note, to search a list that words the note differently; null when it has none. */
export function catalogBaseName(offerId: string): string | null {
  const name = catalogName(offerId);
  const note = name ? TRAILING_NOTE.exec(name.trim()) : null;
  return name && note ? name.trim().slice(0, note.index).trim() : null;
}
