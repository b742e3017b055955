import { describe, expect, it } from 'vitest';
import { CLOUD_NAMES, CLOUDS, resolveCloud } from './clouds.ts';
import { isCloudRetiredError } from './cloud-retired-error.ts';
import { isPartnerCenterError } from './partner-center-error.ts';
import { createPartnerCenterClient } from './create-partner-center-client.ts';

describe('resolveCloud', () => {
  it.each([
    ['global', 'https://api.partnercenter.microsoft.com', 'https://login.microsoftonline.com', 'onmicrosoft.com', true],
    ['usgov', 'https://api.partnercenter.microsoft.com', 'https://login.microsoftonline.us', 'onmicrosoft.com', false],
    ['china', 'https://partner.partnercenterapi.microsoftonline.cn', 'https://login.chinacloudapi.cn', 'partner.onmschina.cn', false],
  ] as const)('should describe %s', (name, api, authority, suffix, mca) => {
    const cloud = resolveCloud(name);
    expect(cloud).toMatchObject({ name, apiBaseUrl: api, authorityHost: authority, initialDomainSuffix: suffix, mcaSupported: mca });
    expect(cloud.userScope).toBe(`${api}/user_impersonation`);
    expect(cloud.appScope).toBe(`${api}/.default`);
  });

  it('should explain that Microsoft Cloud Germany closed and where its customers went', () => {
    let thrown: unknown;
    try {
      resolveCloud('germany');
    } catch (error) {
      thrown = error;
    }
    expect(isCloudRetiredError(thrown)).toBe(true);
    expect(isPartnerCenterError(thrown) && thrown.errorCode).toBe('cloud_retired');
    expect((thrown as Error).message).toContain('closed on 29 October 2021');
    expect((thrown as Error).message).toContain('global cloud');
  });

  it('should refuse to build a client for Germany before any call', () => {
    expect(() => createPartnerCenterClient({ cloud: 'germany', getAccessToken: async () => 't' })).toThrow(/Microsoft Cloud Germany closed/);
  });

  it('should keep the table frozen and cover every live cloud name', () => {
    expect(Object.isFrozen(CLOUDS)).toBe(true);
    expect(Object.isFrozen(CLOUDS.global)).toBe(true);
    expect(Object.keys(CLOUDS).sort()).toEqual(CLOUD_NAMES.filter((name) => name !== 'germany').sort());
  });
});
