/** A pasted block: a row copied from Excel (tab-separated), or CSV lines, with or without header. */
export interface DelimitedText {
  delimiter: ',' | ';' | '\t';
  rows: string[][];
}

/** Splits pasted text into rows and cells (RFC 4180 quoting, CR/LF/CRLF line ends). */
export function parseDelimitedText(_text: string): DelimitedText {
  throw new Error('parseDelimitedText: not implemented yet');
}
