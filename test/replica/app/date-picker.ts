import { controlledText } from './controlled.ts';
import { parseLocaleDate, state, type TextField } from './store.ts';

/**
 * A date picker's text box as Fluent draws it: what is typed stays while typing; leaving the box
 * commits it (parsed in the page's locale format) and the box then shows the date as `display`
 * writes it — `toDateString()` for Fluent v8 (`Thu Mar 05 2026`), a long date for v9.
 */
export function datePickerInput(field: TextField, display: (isoDate: string) => string, attributes: Record<string, string | undefined>): HTMLInputElement {
  let typing: string | null = null;
  const shown = (): string => {
    const value = state.values[field];
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? display(value) : value;
  };
  return controlledText({
    get: () => typing ?? shown(),
    set: (value) => {
      typing = value;
    },
    onBlur: () => {
      state.touched.add(field);
      if (typing === null) return;
      state.values[field] = parseLocaleDate(typing.trim()) ?? typing;
      typing = null;
    },
    attributes,
  });
}

/** `2026-03-05` → `Thu Mar 05 2026` (Fluent v8 DatePicker's default formatDate). */
export function toDateString(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year!, month! - 1, day!).toDateString();
}

/** `2026-03-05` → `March 5, 2026` / `2026年3月5日` in the page's language. */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(state.lang === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
}
