import { describe, expect, it } from 'vitest';
import { parseDelimitedText, pasteCustomers } from './parse-delimited-text.ts';

describe('parseDelimitedText', () => {
  it('should split a row copied from Excel on tabs, keeping quoted line breaks', () => {
    expect(parseDelimitedText('Contoso\tcontoso\t"1 Way\nSuite 2"\tJP\r\n')).toEqual({
      delimiter: '\t',
      hasHeader: false,
      rows: [['Contoso', 'contoso', '1 Way\nSuite 2', 'JP']],
    });
  });

  it('should detect a header and a semicolon-separated CSV line', () => {
    const parsed = parseDelimitedText('Company name;Domain;Country\r\n\r\n"A;B";ab;JP\n');
    expect(parsed).toEqual({ delimiter: ';', hasHeader: true, rows: [['Company name', 'Domain', 'Country'], ['A;B', 'ab', 'JP']] });
  });

  it('should undo formula escaping as the file reader does', () => {
    expect(parseDelimitedText("'=x,y").rows).toEqual([['=x', 'y']]);
  });
});

describe('pasteCustomers', () => {
  it('should map pasted columns by header name', () => {
    expect(pasteCustomers('ドメイン\t会社名\tCRM\ncontoso\tContoso\t42').customers).toEqual([{ domain: 'contoso', company_name: 'Contoso' }]);
  });

  it('should take the canonical column order without a header', () => {
    expect(pasteCustomers('Contoso\tcontoso\tJP').customers).toEqual([{ company_name: 'Contoso', domain: 'contoso', country: 'JP' }]);
  });
});
