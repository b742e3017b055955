/** A date-only value becomes midnight UTC; anything later than now is sent as now (600002 otherwise). */
export function toAgreementDate(value: string | Date, now = new Date()): string {
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`The agreement date "${String(value)}" is not a date; use YYYY-MM-DD.`);
  return (date.getTime() > now.getTime() ? now : date).toISOString();
}
