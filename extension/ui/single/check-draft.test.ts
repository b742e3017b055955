import { describe, expect, it } from 'vitest';
import { findDraftProblems } from './check-draft.ts';

describe('findDraftProblems', () => {
  it('should take the initial domain of any cloud, since the side panel does not know which dashboard it fills', () => {
    expect(findDraftProblems({ domain: 'contoso.partner.onmschina.cn' }).domain).toBeUndefined();
    expect(findDraftProblems({ domain: 'contoso.onmicrosoft.com' }).domain).toBeUndefined();
    expect(findDraftProblems({ domain: 'contoso.com' }).domain).toMatchObject({ code: 'invalid_domain' });
  });
});
