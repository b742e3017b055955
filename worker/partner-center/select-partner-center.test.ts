import { statSync, existsSync } from 'node:fs';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { SANDBOX_BANNER, selectPartnerCenter } from './select-partner-center.ts';

describe('selectPartnerCenter', () => {
  it('should start a sandbox once per data directory and let a second process share it', async () => {
    const dataDir = makeTempDir('pco-select-');
    const first = await selectPartnerCenter({ cloud: 'global', dataDir });
    try {
      expect(first).toMatchObject({ mode: 'sandbox', banner: SANDBOX_BANNER });
      expect(statSync(join(dataDir, 'sandbox.json')).mode & 0o777).toBe(0o600);
      const second = await selectPartnerCenter({ cloud: 'global', dataDir });
      expect(second.sandboxUrl).toBe(first.sandboxUrl);
      expect(await createPartnerCenterClient(second.clientOptions).checkDomainAvailability('taken.onmicrosoft.com')).toMatchObject({ available: false });
      await second.close();
      expect(await createPartnerCenterClient(first.clientOptions).checkDomainAvailability('free123.onmicrosoft.com')).toMatchObject({ available: true });
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'sandbox.json'))).toBe(false);
  });

  it('should start the built-in sandbox with the answers SANDBOX_DROP_ANSWERS asks it to lose', async () => {
    const selection = await selectPartnerCenter({ cloud: 'global', dataDir: makeTempDir('pco-select-'), sandboxLoseAnswers: { next: { checkout: 2 }, mode: '504' } });
    try {
      expect(await (await fetch(`${selection.sandboxUrl}/_sandbox/lose-answers`)).json()).toEqual({ customer: 0, agreement: 0, cart: 0, checkout: 2, order: 0, mode: '504' });
    } finally {
      await selection.close();
    }
  });

  it('should refuse Microsoft Cloud Germany', async () => {
    await expect(selectPartnerCenter({ cloud: 'germany', dataDir: makeTempDir('pco-select-') })).rejects.toThrow(/closed on 29 October 2021/);
  });

  it('should use the real Partner Center when credentials are configured', async () => {
    const selection = await selectPartnerCenter({
      cloud: 'global',
      dataDir: makeTempDir('pco-select-'),
      partnerCenter: { tenantId: '11111111-2222-3333-4444-555555555555', clientId: 'c', clientSecret: 's', refreshToken: 'r' },
    });
    expect(selection.mode).toBe('real');
    expect(selection.banner).toContain('https://api.partnercenter.microsoft.com');
    await selection.close();
  });
});
