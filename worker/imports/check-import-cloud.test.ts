import { describe, expect, it } from 'vitest';
import { isUnsupportedCloudError } from '../errors/unsupported-cloud-error.ts';
import { checkImportCloud } from './check-import-cloud.ts';

describe('checkImportCloud', () => {
  it.each([
    ['global', undefined],
    ['china', undefined],
    ['usgov', 'usgov'],
  ] as const)('should accept %s when serving %s', (cloud, served) => {
    expect(() => checkImportCloud(cloud, served)).not.toThrow();
  });

  it('should refuse Germany with where its customers went', () => {
    expect(() => checkImportCloud('germany', undefined)).toThrow(/closed on 29 October 2021.*global/);
  });

  it('should refuse a cloud the real credentials do not serve, saying what to do', () => {
    let caught: unknown;
    try {
      checkImportCloud('china', 'global');
    } catch (error) {
      caught = error;
    }
    expect(isUnsupportedCloudError(caught)).toBe(true);
    expect((caught as Error).message).toContain('PC_ONBOARD_CLOUD=china');
  });
});
