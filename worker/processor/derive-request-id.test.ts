import { describe, expect, it } from 'vitest';
import { deriveRequestId } from './derive-request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deriveRequestId', () => {
  it('should give the same UUID-shaped id for the same import, row and step', () => {
    const id = deriveRequestId('d3b07384-d113-4ec6-a1c4-4e4f3c1a7b2e', 7, 'customer');
    expect(id).toMatch(UUID);
    expect(deriveRequestId('d3b07384-d113-4ec6-a1c4-4e4f3c1a7b2e', 7, 'customer')).toBe(id);
  });

  it.each([
    ['another row', 'd3b07384-d113-4ec6-a1c4-4e4f3c1a7b2e', 8, 'customer'],
    ['another step', 'd3b07384-d113-4ec6-a1c4-4e4f3c1a7b2e', 7, 'cart'],
    ['another import', '00000000-d113-4ec6-a1c4-4e4f3c1a7b2e', 7, 'customer'],
  ])('should differ for %s', (_label, importId, row, step) => {
    expect(deriveRequestId(importId, row, step)).not.toBe(deriveRequestId('d3b07384-d113-4ec6-a1c4-4e4f3c1a7b2e', 7, 'customer'));
  });
});
