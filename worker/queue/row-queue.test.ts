import { describe, expect, it } from 'vitest';
import { parseRowJobId, rowJobId } from './row-queue.ts';

describe('rowJobId', () => {
  it('should build ids without ":" that parse back', () => {
    const id = rowJobId('8c1f6a2e-4b7d-4e0a-9f3c-2d5e6f7a8b9c', 42, 3);
    expect(id).not.toContain(':');
    expect(parseRowJobId(id)).toEqual({ importId: '8c1f6a2e-4b7d-4e0a-9f3c-2d5e6f7a8b9c', row: 42, gen: 3 });
  });

  it('should not parse an id of another shape', () => {
    expect(parseRowJobId('repeat:abc')).toBeUndefined();
  });
});
