import type { Language } from '../../../shared/i18n/localized-message.ts';

/**
 * Partner Center requests a row makes, on average: domain check, address validation, a catalog
 * lookup per offer, then (real runs) create customer, agreement, cart and checkout. A dry run
 * makes only the read-only ones. The budget of requests per minute, not the machine, is what
 * bounds a big import, so the ETA is computed from it instead of from a rate that swings.
 */
export function callsPerRow(dryRun: boolean): number {
  return dryRun ? 3 : 7;
}

/** Milliseconds the rows left need at `perMinute` requests a minute (the rate budget). */
export function estimateRemainingMs(rowsLeft: number, rowCalls: number, perMinute: number): number {
  return (Math.max(0, rowsLeft) * rowCalls * 60_000) / Math.max(1, perMinute);
}

/** `45 s`, `12 min`, `3 h 05 min`; in Japanese `45 秒`, `12 分`, `3 時間 5 分`. */
export function formatDuration(ms: number, language: Language): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const ja = language === 'ja';
  if (seconds < 60) return ja ? `${seconds} 秒` : `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return ja ? `${minutes} 分` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return ja ? `${hours} 時間 ${rest} 分` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}
