import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

describe('createLogger', () => {
  it('should redact passwords, tokens and secrets at the top level and nested', async () => {
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    logger.info(
      {
        password: 'P4ss-top',
        customer: { adminPassword: 'P4ss-nested', userCredentials: { userName: 'admin', password: 'P4ss-deep' } },
        request: { headers: { authorization: 'Bearer tok-123' } },
        config: { apiToken: 'api-456', clientSecret: 'cs-789', refreshToken: 'rt-000' },
        row: 3,
      },
      'created',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const output = lines.join('');
    expect(output).toContain('"row":3');
    expect(output).toContain('[redacted]');
    for (const secret of ['P4ss-top', 'P4ss-nested', 'P4ss-deep', 'tok-123', 'api-456', 'cs-789', 'rt-000']) {
      expect(output).not.toContain(secret);
    }
  });
});
