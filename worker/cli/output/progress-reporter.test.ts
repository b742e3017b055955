import { describe, expect, it } from 'vitest';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { captureIo } from '../../../test/support/cli/capture-io.ts';
import { createProgressReporter, formatCounts } from './progress-reporter.ts';
import { callsPerRow, estimateRemainingMs, formatDuration } from './estimate-eta.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({
  pending: 0,
  created: 0,
  exists: 0,
  invalid: 0,
  failed: 0,
  skipped: 0,
  ready: 0,
  ordered: 0,
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

describe('the ETA from the rate budget', () => {
  it('should be rows left × calls per row ÷ the per-minute budget, and not swing with the measured rate', () => {
    // 196 226 rows of 7 calls at 500 a minute: the 200 000-row file.
    expect(formatDuration(estimateRemainingMs(196_226, callsPerRow(false), 500), 'en')).toBe('45 h 47 min');
    expect(formatDuration(estimateRemainingMs(40, callsPerRow(true), 500), 'en')).toBe('14 s');
    const io = captureIo({ tty: false });
    const reporter = createProgressReporter(io.stderr, 1000, { remainingMs: (pending) => estimateRemainingMs(pending, 7, 500) });
    reporter.update(counts({ created: 1000 - 300, pending: 300 }));
    reporter.stop();
    expect(io.err()).toContain('ETA 4 min');
  });

  it('should speak Japanese with --lang ja', () => {
    expect(formatDuration(3 * 3600_000 + 5 * 60_000, 'ja')).toBe('3 時間 5 分');
    const io = captureIo({ tty: false });
    const reporter = createProgressReporter(io.stderr, 2, { language: 'ja', remainingMs: () => 90_000 });
    reporter.update(counts({ created: 1, pending: 1 }));
    reporter.update(counts({ created: 2 }));
    reporter.stop();
    expect(io.err()).toContain('進捗: 1/2 行 (作成済み (created) 1)、残り約 2 分');
    expect(io.err()).not.toContain('rows');
  });
});

