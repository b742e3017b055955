import { CsvFileError } from './csv-file-error.ts';

/** The encodings the reader decodes, as WHATWG TextDecoder labels (the override drop-down's choices). */
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

// Names people pass to --encoding or pick in the drop-down, mapped to a TextDecoder label.
const ENCODING_NAMES: ReadonlyMap<string, CsvEncoding> = new Map([
  ['utf8', 'utf-8'], ['utf-8', 'utf-8'], ['utf-8-bom', 'utf-8'], ['utf8bom', 'utf-8'],
  ['utf16le', 'utf-16le'], ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['ucs-2', 'utf-16le'],
  ['utf16be', 'utf-16be'], ['utf-16be', 'utf-16be'],
  ['shift_jis', 'shift_jis'], ['shift-jis', 'shift_jis'], ['sjis', 'shift_jis'], ['cp932', 'shift_jis'],
  ['ms932', 'shift_jis'], ['windows-31j', 'shift_jis'],
  ['windows-1252', 'windows-1252'], ['cp1252', 'windows-1252'], ['latin1', 'windows-1252'],
  ['iso-8859-1', 'windows-1252'], ['ansi', 'windows-1252'],
]);

/** An encoding as the messages name it: CP932 is what Japanese Excel calls its Shift_JIS. */
function encodingLabel(encoding: CsvEncoding): string {
  return encoding === 'shift_jis' ? 'shift_jis (CP932)' : encoding;
}

/** Maps a user-given encoding name to the decoder's; throws `CsvFileError` (`unknown_encoding`) otherwise. */
export function resolveEncodingName(name: string): CsvEncoding {
  const encoding = ENCODING_NAMES.get(name.trim().toLowerCase());
  if (!encoding) {
    throw new CsvFileError({
      reason: 'unknown_encoding',
      message: {
        en: `Unknown encoding "${name}". Use ${CSV_ENCODINGS.slice(0, -1).map(encodingLabel).join(', ')} or ${encodingLabel(CSV_ENCODINGS.at(-1)!)}.`,
        ja: `文字コード「${name}」は使用できません。${CSV_ENCODINGS.map(encodingLabel).join('、')} のいずれかを指定してください。`,
      },
    });
  }
  return encoding;
}

/** The byte-order mark of an encoding at the start of `bytes`, if any. */
export function bomLengthFor(encoding: CsvEncoding, bytes: Uint8Array): number {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return 2;
  return 0;
}

function decodes(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // stream: true, so a character cut at the end of the sample is not an error.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

// Kana and kanji not glued to an ASCII letter: Western accented letters read as CP932 turn into
// half-width katakana inside words ("Über" → "ﾜber", "Straße" → "Straﾟe").
const KANA_OR_KANJI = /(?<![A-Za-z])[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e\uff61-\uff9f](?![A-Za-z])/gu;
// CP932's user-defined area (lead bytes F0–F9): Western text such as "Köln" (F6 6C) lands there, Japanese text does not.
const PRIVATE_USE = /[\ue000-\uf8ff]/u;
// An accented letter next to an ASCII letter, as in "Crème" or "Ñandú": how Western text looks.
const LATIN_IN_WORD = /[A-Za-z][\u00c0-\u00ff]|[\u00c0-\u00ff](?=[A-Za-z])/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** UTF-16 without a BOM shows as NUL bytes in every other position for ASCII-heavy text. */
function utf16ByNulPattern(bytes: Uint8Array): CsvEncoding | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function undecodable(cause?: unknown): CsvFileError {
  return new CsvFileError(
    {
    reason: 'undecodable',
    message: {
      en: 'The file is not text in a supported encoding (UTF-8, UTF-16, Shift_JIS/CP932 or Windows-1252). Save it from Excel as "CSV UTF-8" and try again.',
      ja: 'ファイルが対応している文字コード（UTF-8、UTF-16、Shift_JIS/CP932、Windows-1252）のテキストではありません。Excel で「CSV UTF-8」形式で保存し直してください。',
    },
    },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Detects the encoding from the first bytes of a file (docs/contracts/csv.md §1): BOM; UTF-16 by its NUL
 * pattern; valid UTF-8; otherwise CP932 or Windows-1252, whichever decodes more plausibly.
 * Throws `CsvFileError` (`not_text`/`undecodable`) when nothing fits.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16ByNulPattern(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (sample.includes(0)) {
    throw new CsvFileError({
      reason: 'not_text',
      message: {
        en: 'The file is not a text file (it contains binary data). Export the spreadsheet as CSV, not as .xlsx.',
        ja: 'ファイルがテキスト ファイルではありません（バイナリ データを含みます）。.xlsx ではなく CSV 形式で保存してください。',
      },
    });
  }
  return { encoding: detectTextEncoding(sample), bomLength: 0 };
}

/**
 * The last steps of `detectEncoding`, for bytes known not to be UTF-16 or binary (also used on
 * the first non-ASCII bytes of a file whose first 64 KB were ASCII): valid UTF-8, else CP932 or
 * Windows-1252, whichever decodes more plausibly. Throws `undecodable` when neither does.
 */
export function detectTextEncoding(sample: Uint8Array): CsvEncoding {
  if (decodes('utf-8', sample) !== undefined) return 'utf-8';
  const shiftJis = decodes('shift_jis', sample);
  const western = decodes('windows-1252', sample) ?? '';
  const undefinedBytes = count(western, /[\u0081\u008d\u008f\u0090\u009d]/gu);
  if (shiftJis !== undefined) {
    // Japanese text decodes to kana and kanji; Western text's accented letters sit inside words.
    if (undefinedBytes > 0 || (!PRIVATE_USE.test(shiftJis) && count(shiftJis, KANA_OR_KANJI) > count(western, LATIN_IN_WORD))) {
      return 'shift_jis';
    }
  }
  if (undefinedBytes > 0) throw undecodable();
  return 'windows-1252';
}

export { undecodable as undecodableFileError };
