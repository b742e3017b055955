import { createHash } from 'node:crypto';

/**
 * A deterministic, UUID-shaped `MS-RequestId` for one step of one row: a retried or stalled job
 * sends the same id, so Partner Center replays its first answer instead of creating twice
 * (docs/contracts/partner-center.md §0.1). Shaped as a version-5-style UUID from SHA-256.
 *
 * @example deriveRequestId('4b1c…', 12, 'customer') // '9f0c2a1e-…-5…'
 */
export function deriveRequestId(importId: string, row: number, step: string): string {
  const hex = createHash('sha256').update(`pc-onboard\n${importId}\n${row}\n${step}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
