import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROW_STATUSES } from '../status/row-status.ts';
import { ERROR_CODES, isErrorCode } from './error-codes.ts';

const SHARED = fileURLToPath(new URL('../', import.meta.url));
// rowProblem('code', …) and fail('code', …) are how the shared core raises a row problem.
const PROBLEM_CALL = /\b(?:rowProblem|fail)\(\s*'([a-z_]+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('ERROR_CODES', () => {
  it('should give every code a row status and a description', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(ROW_STATUSES, code).toContain(entry.status);
      expect(entry.description.length, code).toBeGreaterThan(10);
    }
  });

  it('should list every code the shared core raises', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SHARED)) for (const match of readFileSync(file, 'utf8').matchAll(PROBLEM_CALL)) used.add(match[1]!);
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((code) => !isErrorCode(code))).toEqual([]);
  });
});
