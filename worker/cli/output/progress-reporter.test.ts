import { describe, expect, it } from 'vitest';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { captureIo } from '../../../test/support/cli/capture-io.ts';
import { createProgressReporter, formatCounts } from './progress-reporter.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({
  pending: 0,
  created: 0,
  exists: 0,
  invalid: 0,
  failed: 0,
  skipped: 0,
  ready: 0,
  ...partial,
});

describe('formatCounts', () => {
  it.each([
    [counts({ pending: 3 }), 'nothing finished yet'],
    [counts({ created: 2, invalid: 1, pending: 1 }), 'created 2 · invalid 1'],
    [counts({ ready: 5, skipped: 1, exists: 2 }), 'exists 2 · skipped 1 · ready 5'],
  ])('should list only the statuses that occurred, in contract order', (input, expected) => {
    expect(formatCounts(input)).toBe(expected);
  });
});

describe('createProgressReporter', () => {
  it('should draw a bar with counts, rate and ETA on a TTY', async () => {
    const io = captureIo({ tty: true });
    const reporter = createProgressReporter(io.stderr, 10);
    reporter.update(counts({ created: 4, invalid: 1, pending: 5 }));
    reporter.stop();
    const text = io.err();
    expect(text).toContain('5/10 rows');
    expect(text).toContain('created 4 · invalid 1');
    expect(text).toMatch(/rows\/s \| ETA/);
  });

  it.each([true, false])('should show nothing for a file without rows (tty: %s)', (tty) => {
    const io = captureIo({ tty });
    const reporter = createProgressReporter(io.stderr, 0);
    reporter.update(counts({}));
    reporter.stop();
    expect(io.err()).toBe('');
  });

  it('should print plain lines without a TTY, and always the final one', () => {
    const io = captureIo({ tty: false });
    const reporter = createProgressReporter(io.stderr, 3);
    reporter.update(counts({ created: 1, pending: 2 }));
    reporter.update(counts({ created: 2, pending: 1 }));
    reporter.update(counts({ created: 2, failed: 1 }));
    reporter.stop();
    const lines = io.err().trim().split('\n');
    // No rate yet on the first line: nothing has been timed.
    expect(lines[0]).toBe('progress: 1/3 rows (created 1)');
    expect(lines.at(-1)).toMatch(/^progress: 3\/3 rows \(created 2 · failed 1\)/);
    expect(io.err()).not.toContain('\u001b[');
  });
});
