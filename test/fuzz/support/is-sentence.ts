/**
 * A message a person can read: not empty, no stray whitespace at the ends, not starting with a
 * lower-case letter (a code or a fragment), ending with sentence punctuation (optionally followed
 * by a closing quote or bracket). English ends with . ? !, Japanese with 。 ？ or . after Latin text.
 */
export function isSentence(text: string, language: 'en' | 'ja'): boolean {
  if (text.length === 0 || text.trim() !== text) return false;
  if (/^[a-z]/.test(text)) return false;
  const end = language === 'en' ? /[.?!]["')\]」]?$/ : /[。？！.?!]["')\]」）]?$/;
  return end.test(text);
}
