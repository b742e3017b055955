import { describe, expect, it } from 'vitest';
import { checkDomain, GLOBAL_INITIAL_DOMAINS } from '../customer/check-domain.ts';
import { ANY_CLOUD_INITIAL_DOMAINS, initialDomainRule } from './initial-domain-rules.ts';

describe('initialDomainRule', () => {
  it('should build the global rule the validator uses by default', () => {
    expect(initialDomainRule('global')).toEqual(GLOBAL_INITIAL_DOMAINS);
  });

  it('should give one object per cloud, the same each time (nothing is built per row)', () => {
    expect(initialDomainRule('china')).toBe(initialDomainRule('china'));
    expect(initialDomainRule('germany')).toBe(initialDomainRule('global'));
  });

  it('should accept each cloud\'s own suffix only', () => {
    expect(checkDomain('contoso.partner.onmschina.cn', initialDomainRule('china'))).toEqual({ ok: true, value: 'contoso' });
    expect(checkDomain('contoso.onmicrosoft.com', initialDomainRule('china')).ok).toBe(false);
    expect(checkDomain('contoso.onmicrosoft.com', initialDomainRule('usgov'))).toEqual({ ok: true, value: 'contoso' });
    expect(checkDomain('contoso.partner.onmschina.cn', initialDomainRule('usgov')).ok).toBe(false);
    expect(checkDomain('contoso.partner.onmschina.cn').ok).toBe(false);
  });

  it('should accept every live cloud\'s suffix with the any-cloud rule (orders file, extension)', () => {
    expect(checkDomain('contoso.partner.onmschina.cn', ANY_CLOUD_INITIAL_DOMAINS)).toEqual({ ok: true, value: 'contoso' });
    expect(checkDomain('contoso.onmicrosoft.com', ANY_CLOUD_INITIAL_DOMAINS)).toEqual({ ok: true, value: 'contoso' });
    expect(checkDomain('contoso.com', ANY_CLOUD_INITIAL_DOMAINS).ok).toBe(false);
  });
});
