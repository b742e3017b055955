import { describe, expect, it } from 'vitest';
import { findDraftProblems } from './check-draft.ts';

describe('findDraftProblems', () => {
  it('should take the initial domain of any cloud, since the page has the last word on its cloud', () => {
    expect(findDraftProblems({ domain: 'contoso.partner.onmschina.cn' }).domain).toBeUndefined();
    expect(findDraftProblems({ domain: 'contoso.onmicrosoft.com' }).domain).toBeUndefined();
    expect(findDraftProblems({ domain: 'contoso.com' }).domain).toMatchObject({ code: 'invalid_domain' });
  });

  it('should ask for the agreement attestation of a customer with offers in the global cloud only', () => {
    const draft = { offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5' };
    expect(findDraftProblems(draft).mca_accepted).toMatchObject({ field: 'mca_accepted' });
    expect(findDraftProblems(draft, { cloud: 'usgov' }).mca_accepted).toBeUndefined();
    expect(findDraftProblems(draft, { cloud: 'china' }).mca_accepted).toBeUndefined();
  });
});
