/** The UI and error languages pc-onboard speaks. */
export type Language = 'en' | 'ja';

/** A sentence in every supported language; rows and reports carry both and pick one at the edge. */
export interface LocalizedMessage {
  en: string;
  ja: string;
}

export function pickMessage(message: LocalizedMessage, language: Language): string {
  return message[language];
}
