import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureIo } from '../../../test/support/cli/capture-io.ts';
import { createReadingReporter } from './reading-reporter.ts';

const BATCH = 1000;
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('createReadingReporter (plain output)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['performance'] }));
  afterEach(() => vi.useRealTimers());

  it('should show the first batch at once, then the first line with a rate at once, then one line per gap', async () => {
    const io = captureIo();
    const reporter = createReadingReporter(io.stderr, 'big.csv', 'en');
    const report = (rows: number, afterMs: number) => {
      vi.advanceTimersByTime(afterMs);
      reporter.onProgress({ phase: 'reading', rows, batch: BATCH });
    };

    report(1000, 10); // the first batch: no rate yet
    report(2000, 100); // still too early for a rate: within the gap, not shown
    report(5000, 400); // the first rate: shown without waiting for the gap
    report(9000, 1000); // within the gap
    report(40_000, 4000); // the gap has passed
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines(io.err())).toEqual([
      'Reading and checking big.csv: 1,000 rows read',
      'Reading and checking big.csv: 5,000 rows read (9,804 rows/s)',
      'Reading and checking big.csv: 40,000 rows read (7,260 rows/s)',
    ]);
  });
});
