/**
 * The most events within any window of `windowMs` (a window starting at each event): how the
 * pacer's tests and the chaos tests see whether requests bunched up.
 */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}
