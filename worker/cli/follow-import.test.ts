import { describe, expect, it } from 'vitest';
import type { ImportSummary, StatusCounts } from '../../shared/imports/import-types.ts';
import { PAUSED_FOR_SIGN_IN } from '../../shared/partner-center/sign-in-required-error.ts';
import type { ImportService } from '../imports/import-service.ts';
import { followImport } from './follow-import.ts';

const counts = (pending: number, created: number): StatusCounts => ({ pending, created, exists: 0, ready: 0, invalid: 0, failed: 0, skipped: 0, ordered: 0 });
const paused = { reason: 'sign-in-required', message: { ...PAUSED_FOR_SIGN_IN } };

describe('followImport', () => {
  it('should say once when the import starts waiting for a sign-in, and once when it goes on', async () => {
    // What the service answers on each poll: running, paused twice, running again, done.
    const answers = [
      { counts: counts(3, 0), state: 'running' },
      { counts: counts(3, 0), state: 'running', paused },
      { counts: counts(3, 0), state: 'running', paused },
      { counts: counts(1, 2), state: 'running' },
      { counts: counts(0, 3), state: 'done' },
    ];
    let poll = 0;
    const service = {
      subscribe: async () => () => undefined,
      getImport: async () => ({ id: 'imp', ...answers[Math.min(poll++, answers.length - 1)] }) as unknown as ImportSummary,
    } as unknown as ImportService;
    const notices: unknown[] = [];
    const final = await followImport(service, 'imp', { onProgress: () => undefined, onPaused: (notice) => notices.push(notice), pollMs: 1 });
    expect(final).toEqual(counts(0, 3));
    expect(notices).toEqual([paused, undefined]);
  });
});
