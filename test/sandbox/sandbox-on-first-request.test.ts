import { describe, expect, it } from 'vitest';
import { startSandboxOnFirstRequest } from '../../sandbox/start-sandbox-on-first-request.ts';

describe('startSandboxOnFirstRequest', () => {
  it('should answer requests that arrive together before its routes are loaded, with the options it was given, and free its port on close', async () => {
    const sandbox = await startSandboxOnFirstRequest({ loseAnswers: { next: { order: 3 } } });
    let closed = false;
    try {
      const answers = await Promise.all([1, 2, 3].map(async () => (await fetch(`${sandbox.url}/_sandbox/lose-answers`)).json()));
      for (const answer of answers) expect(answer).toMatchObject({ order: 3 });
      await sandbox.close();
      closed = true;
      await expect(fetch(`${sandbox.url}/_sandbox/lose-answers`)).rejects.toThrow();
    } finally {
      if (!closed) await sandbox.close();
    }
  });
});
