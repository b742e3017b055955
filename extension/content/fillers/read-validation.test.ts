// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { readValidation } from './read-validation.ts';

const byId = (id: string): Element => document.getElementById(id)!;

describe('readValidation (validation.html)', () => {
  beforeEach(() => loadHtmlFixture('validation.html'));

  it('should read the error text tied by aria-describedby, not the help text next to it', () => {
    expect(readValidation(byId('email'))).toBe('Enter a valid email address.');
  });

  it('should take a valid field with only help text as valid', () => {
    expect(readValidation(byId('domain'))).toBeNull();
  });

  it('should read a role=alert inside the field container', () => {
    expect(readValidation(byId('zip'))).toBe('Enter a valid postal code.');
  });

  it('should reject a field marked aria-invalid even without any text', () => {
    expect(readValidation(byId('city'))).toBe('The page marked this field invalid.');
  });

  it('should read aria-errormessage', () => {
    expect(readValidation(byId('phone'))).toBe('The number is not valid for the country.');
  });

  it('should ignore an error element that is hidden', () => {
    (byId('phone-err') as HTMLElement).hidden = true;
    expect(readValidation(byId('phone'))).toBeNull();
  });
});
