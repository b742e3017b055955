// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fieldNames } from './field-names.ts';

const namesOf = (html: string): string[] => {
  document.body.innerHTML = html;
  return fieldNames(document.querySelector('[data-field]')!);
};

describe('fieldNames', () => {
  it.each([
    ['label for', '<label for="a">City</label><input id="a" data-field>', ['City']],
    ['aria-labelledby, each part and all', '<span id="l">Country/region</span><span id="v">Japan</span><div role="combobox" aria-labelledby="l v" data-field></div>', ['Country/region', 'Japan', 'Country/region Japan']],
    ['table header cell', '<table><tr><th>Postal code</th><td><input data-field></td></tr></table>', ['Postal code']],
    ['checkbox text after the box', '<div><input type="checkbox" data-field><span>Opt-in</span></div>', ['Opt-in']],
    ['placeholder as a last resort', '<div><input placeholder="Company name" data-field></div>', ['Company name']],
  ])('should read a name from %s', (_, html, expected) => {
    expect(namesOf(html as string)).toEqual(expected);
  });

  it('should not let a labelled control borrow the text before it', () => {
    expect(namesOf('<div><span>Customer has accepted</span><label for="d">Date of acceptance</label><input id="d" data-field></div>')).toEqual(['Date of acceptance']);
  });

  it('should not take the text of a neighbouring field container', () => {
    expect(namesOf('<div><div><label>City</label><input></div><input data-field></div>')).toEqual([]);
  });
});
