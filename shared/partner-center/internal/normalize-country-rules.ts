import type { z } from 'zod';
import type { CountryValidationRules } from '../partner-center-client.ts';
import type { countryRulesSchema } from '../response-schemas.ts';

type RawRules = z.infer<typeof countryRulesSchema>;
type RawList = RawRules['states'];

function list(...candidates: RawList[]): string[] {
  for (const candidate of candidates) {
    if (Array.isArray(candidate)) return candidate;
    if (candidate && Array.isArray(candidate.value)) return candidate.value;
  }
  return [];
}

/** Reads either field-name variant of the country rules (SDK model or doc example, docs/contracts/partner-center-api.md §5 / §0.8). */
export function normalizeCountryRules(raw: RawRules, iso2: string): CountryValidationRules {
  const rules: CountryValidationRules = {
    iso2Code: (raw.iso2Code ?? iso2).toUpperCase(),
    isStateRequired: raw.isStateRequired ?? false,
    supportedStates: list(raw.supportedStatesList, raw.states),
    supportedLanguages: list(raw.supportedLanguagesList, raw.supportedLanguages),
    supportedCultures: list(raw.supportedCulturesList, raw.supportedCultures),
    isPostalCodeRequired: raw.isPostalCodeRequired ?? false,
    isCityRequired: raw.isCityRequired ?? true,
    countryCallingCodes: list(raw.countryCallingCodesList, raw.countryCallingCodes),
    isRegistrationNumberSupported: raw.isRegistrationNumberSupported ?? raw.isTaxIdSupported ?? raw.isVatIdSupported ?? false,
  };
  if (raw.defaultCulture) rules.defaultCulture = raw.defaultCulture;
  if (raw.postalCodeRegex) rules.postalCodeRegex = raw.postalCodeRegex;
  if (raw.phoneNumberRegex) rules.phoneNumberRegex = raw.phoneNumberRegex;
  return rules;
}
