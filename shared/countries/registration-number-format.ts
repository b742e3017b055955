/** How a country's organization registration number is checked; returns the stored form or undefined. */
export interface RegistrationNumberFormat {
  normalize: (value: string) => string | undefined;
  /** Shown in error messages. */
  example: string;
  description: string;
}

const CNPJ_PUNCTUATION = /[.\-/\s]/g;
const FOURTEEN_DIGITS = /^\d{14}$/;
// 00000000000000 and the like pass the check-digit test but are not real numbers.
const ONE_DIGIT_REPEATED = /^(\d)\1{13}$/;
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** The value of the digit at `index` (`digits` holds ASCII digits only). */
function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - 48;
}

function cnpjCheckDigit(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * (weights[i] ?? 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** Brazil's CNPJ: 14 digits (punctuation allowed), both check digits verified; stored as digits. */
export const BRAZIL_CNPJ: RegistrationNumberFormat = {
  normalize(value) {
    const compact = value.replace(CNPJ_PUNCTUATION, '');
    if (!FOURTEEN_DIGITS.test(compact) || ONE_DIGIT_REPEATED.test(compact)) return undefined;
    if (cnpjCheckDigit(compact, CNPJ_WEIGHTS_1) !== digitAt(compact, 12)) return undefined;
    if (cnpjCheckDigit(compact, CNPJ_WEIGHTS_2) !== digitAt(compact, 13)) return undefined;
    return compact;
  },
  example: '11.222.333/0001-81',
  description: 'a CNPJ of 14 digits with valid check digits',
};

/** Anywhere else: 1–50 characters (docs/contracts/partner-center.md §0.11). */
export const ANY_REGISTRATION_NUMBER: RegistrationNumberFormat = {
  normalize: (value) => (value.length >= 1 && value.length <= 50 ? value : undefined),
  example: '1234567890',
  description: '1–50 characters',
};
