import type { FormValue } from './form-values.ts';
import { normalizeLabel } from './normalize-label.ts';
import { showsDate } from './same-date.ts';
import { samePhone } from './same-phone.ts';

/** What a control shows when it is read back: a checkbox state, or the text (and, for a list, the chosen value). */
export type ShownValue = { kind: 'checkbox'; checked: boolean } | { kind: 'text'; text: string; value?: string };

/**
 * Whether the page shows what was meant, by meaning: free text exactly as typed (trimmed), a
 * choice by any of its names or codes (normalised like labels), a phone by its digits, an email
 * without regard to case, a date in any format the page may show it.
 */
export function agrees(meant: FormValue, shown: ShownValue): boolean {
  if (meant.type === 'boolean') return shown.kind === 'checkbox' && shown.checked === meant.checked;
  if (shown.kind === 'checkbox') return false;
  const texts = [shown.text, ...(shown.value === undefined ? [] : [shown.value])].map((text) => text.trim());
  if (meant.type === 'date') return texts.some((text) => text === meant.iso || showsDate(text, meant.iso));
  switch (meant.meaning ?? 'free') {
    case 'free':
      return texts.includes(meant.text.trim());
    case 'email':
      return texts.some((text) => text.toLowerCase() === meant.text.trim().toLowerCase());
    case 'phone':
      return texts.some((text) => samePhone(text, meant.text));
    case 'choice': {
      const wanted = new Set(meant.matches.map(normalizeLabel));
      return texts.some((text) => text !== '' && wanted.has(normalizeLabel(text)));
    }
  }
}

/** The meant value as a person reads it, for a "the page shows …" message. */
export function describeMeant(meant: FormValue): string {
  if (meant.type === 'boolean') return meant.checked ? '☑' : '☐';
  return meant.text;
}
