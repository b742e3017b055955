// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { domainTakenVerdict, readDomainTaken } from './domain-taken.ts';

function domainField(status: string): HTMLInputElement {
  document.body.innerHTML = `<div class="field"><label for="d">Domain name *</label><div><input id="d" value="contoso" aria-describedby="suffix status"><span id="suffix">.onmicrosoft.com</span></div>
    <div id="status" aria-live="polite">${status}</div></div><div class="field"><label for="l">Language</label><input id="l"></div>`;
  return document.getElementById('d') as HTMLInputElement;
}

describe('readDomainTaken', () => {
  it.each([
    ['<span role="img" aria-label="Not available">⛔</span>', 'Not available'],
    ['<svg aria-label="使用できません"></svg>', '使用できません'],
    ['contoso.onmicrosoft.com is already in use', 'contoso.onmicrosoft.com is already in use'],
  ])('should read %s as taken', (status, said) => {
    expect(readDomainTaken(domainField(status))).toBe(said);
  });

  it.each(['This domain name is available.', 'このドメイン名は使用できます。', 'Checking availability…', ''])('should not read %j as taken', (status) => {
    expect(readDomainTaken(domainField(status))).toBeNull();
  });
});

describe('domainTakenVerdict', () => {
  it('should turn a read-back that looked filled into rejected, saying what to do', () => {
    const verdict = domainTakenVerdict(domainField('<span role="img" aria-label="Not available">⛔</span>'), { status: 'filled' }, 'en', 'global');
    expect(verdict).toEqual({ status: 'rejected', message: expect.stringMatching(/^The page shows contoso\.onmicrosoft\.com as taken \("Not available"\)\. .*reseller relationship request/) });
  });

  it('should leave the page its own words when it already refused the field', () => {
    expect(domainTakenVerdict(domainField('<span role="img" aria-label="Not available"></span>'), { status: 'rejected', message: 'Taken.' }, 'en', 'global')).toBeNull();
  });

  it("should name the domain with the cloud's own suffix (21Vianet)", () => {
    const verdict = domainTakenVerdict(domainField('<span role="img" aria-label="使用できません"></span>'), { status: 'filled' }, 'ja', 'china');
    expect(verdict?.message).toMatch(/^ページでは contoso\.partner\.onmschina\.cn は使用済みと表示されています/);
  });
});
