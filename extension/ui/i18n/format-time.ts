import { uiLanguage } from './translate.ts';

/** In the UI language, not the browser's: a Japanese panel shows 2026/11/25 13:22 in an English browser too. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(uiLanguage.value, { dateStyle: 'medium', timeStyle: 'short' });
}
