const CR = 13;
const LF = 10;
const QUOTE = 34;

/** Where the text read so far has left off, as PapaParse's quoting sees it. */
type QuoteState = 'field-start' | 'unquoted' | 'quoted' | 'after-quote';

/**
 * Turns every CRLF and lone CR that ends a line into LF, chunk by chunk, so that each physical line
 * end outside quotes (docs/contracts/csv.md §1: CR, LF and CRLF) is exactly one LF, the one
 * newline PapaParse is given. A line break inside a quoted cell is left as written (CR, LF or
 * CRLF): it is part of the cell and the results file echoes it unchanged.
 *
 * Quotes are followed the way PapaParse reads them: a `"` opens a quoted cell only at the start of
 * a cell; inside one, `""` is a quote and a `"` followed by optional spaces and a delimiter or a
 * line end closes it. A CR that ends a chunk outside quotes is held back until the next chunk
 * shows whether an LF follows it.
 *
 * @example const lines = new LineEndNormalizer(','); lines.push('a\r') + lines.push('\n"b\rc"\r') + lines.end() // 'a\n"b\rc"\n'
 */
export class LineEndNormalizer {
  private readonly delimiter: number;
  private state: QuoteState = 'field-start';
  private heldCr = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Normalises one chunk of text; may hold back a trailing CR. */
  push(text: string): string {
    if (this.heldCr) {
      text = `\r${text}`;
      this.heldCr = false;
    }
    // The usual chunk: no quotes in play, so only the line ends matter.
    if (this.state !== 'quoted' && this.state !== 'after-quote' && text.indexOf('"') < 0) return this.plain(text);
    return this.scan(text);
  }

  /** Ends the input: a CR held back is a line end of its own. */
  end(): string {
    const rest = this.heldCr ? '\n' : '';
    this.heldCr = false;
    this.state = 'field-start';
    return rest;
  }

  /** A chunk without quotes, read outside quotes: every CR line end becomes LF. */
  private plain(text: string): string {
    if (text.length === 0) return text;
    if (text.charCodeAt(text.length - 1) === CR) {
      this.heldCr = true;
      text = text.slice(0, -1);
    }
    this.state = text.length === 0 || this.endsCell(text.charCodeAt(text.length - 1)) ? 'field-start' : 'unquoted';
    if (text.indexOf('\r') < 0) return text;
    // CRLF files need one replaceAll; a second pass only when lone CRs remain.
    const crlfDone = text.replaceAll('\r\n', '\n');
    return crlfDone.indexOf('\r') < 0 ? crlfDone : crlfDone.replaceAll('\r', '\n');
  }

  /** A chunk with quotes: walked character by character, converting only line ends outside quotes. */
  private scan(text: string): string {
    let out = '';
    let copiedUpTo = 0;
    let state = this.state;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (state === 'quoted') {
        if (code === QUOTE) state = 'after-quote';
        continue;
      }
      if (state === 'after-quote') {
        if (code === QUOTE) state = 'quoted';
        else if (code === this.delimiter || code === LF) state = 'field-start';
        else if (code === CR) state = 'field-start';
        else if (!isSpace(code)) state = 'quoted';
        if (code !== CR) continue;
      }
      if (code === CR) {
        out += text.slice(copiedUpTo, at);
        if (at === text.length - 1) {
          this.heldCr = true;
          copiedUpTo = text.length;
          state = 'field-start';
          break;
        }
        out += '\n';
        if (text.charCodeAt(at + 1) === LF) at++;
        copiedUpTo = at + 1;
        state = 'field-start';
      } else if (code === QUOTE && state === 'field-start') {
        state = 'quoted';
      } else {
        state = this.endsCell(code) ? 'field-start' : 'unquoted';
      }
    }
    this.state = state;
    return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
  }

  private endsCell(code: number): boolean {
    return code === this.delimiter || code === LF;
  }
}

/** Whitespace PapaParse allows between a closing quote and the delimiter (what `trim` removes), line ends aside. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}
