/**
 * Whether what Partner Center shows is what the row sent, as a person would read it: full-width
 * forms, case and surrounding spaces aside. Missing text is never the same.
 */
export function sameText(shown: string | undefined, sent: string): boolean {
  return shown !== undefined && shown.normalize('NFKC').trim().toLowerCase() === sent.normalize('NFKC').trim().toLowerCase();
}
