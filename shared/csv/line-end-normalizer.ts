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

  /**
   * A chunk with quotes. Only quotes and CRs change anything, so the walk jumps from one to the
   * next with `indexOf` (native, and most of the text is neither) and looks at single characters
   * only around them: the one before a quote (does it start a cell?) and the ones after a quote
   * inside a quoted cell (does it close it?).
   */
  private scan(text: string): string {
    let out = '';
    let copiedUpTo = 0;
    let state = this.state;
    const length = text.length;
    // The next CR and the next quote at or after `at`, each found once and looked for again only
    // when passed (a CRLF file has a CR on every line, a quote only every few lines); -1: none left.
    let nextCr = text.indexOf('\r');
    let nextQuote = text.indexOf('"');
    let at = 0;
    while (at < length) {
      if (nextQuote >= 0 && nextQuote < at) nextQuote = text.indexOf('"', at);
      if (state === 'quoted') {
        if (nextQuote < 0) break;
        state = 'after-quote';
        at = nextQuote + 1;
        continue;
      }
      if (state === 'after-quote') {
        const code = text.charCodeAt(at);
        if (code !== CR) {
          if (code === QUOTE) state = 'quoted';
          else if (this.endsCell(code)) state = 'field-start';
          else if (!isSpace(code)) state = 'quoted';
          at++;
          continue;
        }
        // A CR closes the quoted cell and is a line end: handled below, outside quotes.
        state = 'field-start';
      }
      // Outside quotes: the next event is a CR (a line end) or a quote (which opens a cell only at its start).
      if (nextCr >= 0 && nextCr < at) nextCr = text.indexOf('\r', at);
      const quote = nextQuote;
      if (nextCr >= 0 && (quote < 0 || nextCr < quote)) {
        out += text.slice(copiedUpTo, nextCr);
        state = 'field-start';
        if (nextCr === length - 1) {
          this.heldCr = true;
          copiedUpTo = length;
          break;
        }
        out += '\n';
        at = text.charCodeAt(nextCr + 1) === LF ? nextCr + 2 : nextCr + 1;
        copiedUpTo = at;
        continue;
      }
      if (quote < 0) {
        // No event left: the state is that of the last character.
        if (at < length) state = this.endsCell(text.charCodeAt(length - 1)) ? 'field-start' : 'unquoted';
        break;
      }
      const startsCell = quote === at ? state === 'field-start' : this.endsCell(text.charCodeAt(quote - 1));
      state = startsCell ? 'quoted' : 'unquoted';
      at = quote + 1;
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
