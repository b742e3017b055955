import { describe, expect, it } from 'vitest';
import { CellMemo } from './cell-memo.ts';

describe('CellMemo', () => {
  it('should give back what was remembered for a cell, and nothing for another', () => {
    const memo = new CellMemo<string>();
    memo.set('日本', 'JP');
    expect(memo.get('日本')).toBe('JP');
    expect(memo.get('日本 ')).toBeUndefined();
  });

  it('should start over once it holds 2 000 cells', () => {
    const memo = new CellMemo<number>();
    for (let index = 0; index < 2_000; index++) memo.set(`cell ${index}`, index);
    expect(memo.get('cell 0')).toBe(0);
    expect(memo.get('cell 1999')).toBe(1_999);
    memo.set('one more', 2_000);
    expect(memo.get('cell 0')).toBeUndefined();
    expect(memo.get('cell 1999')).toBeUndefined();
    expect(memo.get('one more')).toBe(2_000);
  });
});
