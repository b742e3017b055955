/**
 * Event ids are Redis stream ids (`<ms>-<seq>`): increasing per import, so a client that
 * reconnects with `Last-Event-ID` can be sent exactly what came after it.
 */
export function isEventId(value: string): boolean {
  return /^\d{1,20}-\d{1,20}$/.test(value);
}

/** Orders two event ids (negative when `a` came first). */
export function compareEventIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/** The id before any event: a snapshot taken before the first event carries it. */
export const NO_EVENT_ID = '0-0';
