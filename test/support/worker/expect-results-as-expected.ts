import { expect } from 'vitest';
import type { HundredRowFile } from './hundred-row-file.ts';

/** Checks a results file (parsed) row by row against the file's expectations. */
export function expectResultsAsExpected(results: Record<string, string>[], file: Pick<HundredRowFile, 'rows' | 'expected'>): void {
  expect(results).toHaveLength(file.rows.length);
  results.forEach((result, index) => {
    const want = file.expected[index]!;
    const label = `row ${index + 1}`;
    expect(result.pc_row, label).toBe(String(index + 1));
    expect(result['CRM id'], label).toBe(file.rows[index]!['CRM id']);
    expect(result.pc_status, label).toBe(want.status);
    expect(result.pc_error_code, label).toBe(want.code ?? '');
    if (want.field) expect(result.pc_error_field, label).toBe(want.field);
    if (want.status === 'created') {
      expect(result.pc_customer_id, label).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.pc_admin_user, label).toBe(`admin@${file.rows[index]!.Domain}.onmicrosoft.com`);
      expect((result.pc_orders ?? '').split(';').filter(Boolean), label).toHaveLength(want.orders!);
    } else {
      expect(result.pc_error, label).not.toBe('');
    }
    if (want.status === 'exists') expect(result.pc_relationship_url, label).toMatch(/^https:\/\/admin\.microsoft\.com\//);
    if (want.status === 'failed') expect(result.pc_customer_id, label).not.toBe('');
  });
}
