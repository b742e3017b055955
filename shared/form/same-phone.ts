/**
 * Whether a phone number shown by the page is the one meant: the same digits, or the same number
 * written nationally (`(425) 555-0101`, `03-1234-5678`) and internationally (`+14255550101`,
 * `+81 3 1234 5678`): the international digits are a 1–3 digit country code followed by the national
 * digits without their trunk `0`.
 *
 * @example samePhone('03-1234-5678', '+81312345678') === true
 * @example samePhone('+1 425 555 0199', '+14255550101') === false
 */
export function samePhone(shown: string, meant: string): boolean {
  const a = digitsOf(shown);
  const b = digitsOf(meant);
  if (a.digits === '' || b.digits === '') return a.digits === b.digits;
  if (a.digits === b.digits) return true;
  if (a.international === b.international) return false;
  const international = a.international ? a.digits : b.digits;
  const national = (a.international ? b.digits : a.digits).replace(/^0/, '');
  const codeLength = international.length - national.length;
  return national.length >= 6 && codeLength >= 1 && codeLength <= 3 && international.endsWith(national);
}

function digitsOf(text: string): { digits: string; international: boolean } {
  const trimmed = text.normalize('NFKC').trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return { digits, international: true };
  // `00` is the international call prefix in most countries.
  if (digits.startsWith('00')) return { digits: digits.slice(2), international: true };
  return { digits, international: false };
}
