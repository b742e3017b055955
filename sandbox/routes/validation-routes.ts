import { Hono } from 'hono';
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { normalizeKeys } from '../internal/normalize-keys.ts';
import {
  ADDRESS_VERIFIED_COUNTRIES,
  DEFAULT_CULTURES,
  LISTED_STATES,
  POSTAL_CODE_PATTERNS,
  REGISTRATION_REQUIRED_COUNTRIES,
} from '../country-data.ts';
import { stateOfZip } from '../us-zip-prefixes.ts';

const addressSchema = z.object({
  addressLine1: z.string().min(1),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().min(1),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().length(2),
});

type Address = z.infer<typeof addressSchema>;

/** `POST /v1/validations/address` (docs/contracts/partner-center.md §5, rules of §0.7) and `GET /v1/countryvalidationrules/{iso2}` (§0.8). */
export function createValidationRoutes(_state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.post('/v1/validations/address', async (c) => {
    const parsed = addressSchema.safeParse(normalizeKeys(await c.req.json().catch(() => undefined)));
    if (!parsed.success) {
      return replyError(c, 400, 'BadInput', `The address is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    return c.json(validateAddress({ ...parsed.data, country: parsed.data.country.toUpperCase() }));
  });
  routes.get('/v1/countryvalidationrules/:country', (c) => {
    const country = c.req.param('country').toUpperCase();
    if (!countries.isValid(country)) {
      return replyError(c, 404, 'NotFound', `No validation rules were found for the country/region ${c.req.param('country')}`);
    }
    return c.json(countryRules(country));
  });
  return routes;
}

/** The deterministic address rules of §0.7; the first that applies wins. */
function validateAddress(address: Address) {
  const line1 = address.addressLine1.toLowerCase();
  const answer = (status: string, suggestedAddresses: Address[], validationMessage?: string) => ({
    originalAddress: address,
    suggestedAddresses,
    status,
    ...(validationMessage ? { validationMessage } : {}),
  });
  if (line1.includes('nowhere')) return answer('None', [], 'The address could not be found.');
  if (line1.includes('partial')) {
    const street = address.addressLine1.replace(/partial/gi, '').replace(/\s{2,}/g, ' ').trim() || address.addressLine1;
    return answer('StreetPartial', [{ ...address, addressLine1: street }], "Address field invalid for property: 'AddressLine1'");
  }
  if (!ADDRESS_VERIFIED_COUNTRIES.has(address.country)) return answer('NotValidated', []);
  if (address.country === 'US') {
    const zipState = stateOfZip(address.postalCode ?? '');
    if (zipState !== (address.state ?? '').toUpperCase()) {
      const suggestion = zipState ? [{ ...address, state: zipState }] : [];
      return answer('StreetPartial', suggestion, "Address field invalid for property: 'Region', 'PostalCode', 'City'");
    }
  }
  return answer('VerifiedShippable', [address]);
}

/** Country rules in the SDK model's field names (§5, §0.8). */
function countryRules(country: string) {
  const culture = DEFAULT_CULTURES[country] ?? 'en-US';
  const postalCodeRegex = POSTAL_CODE_PATTERNS[country] ?? '';
  const states = LISTED_STATES[country] ?? [];
  const registration = REGISTRATION_REQUIRED_COUNTRIES.has(country);
  return {
    iso2Code: country,
    defaultCulture: culture,
    isStateRequired: states.length > 0,
    supportedStatesList: [...states],
    supportedLanguagesList: [...new Set([culture.slice(0, 2), 'en'])],
    supportedCulturesList: [...new Set([culture, 'en-US'])],
    isPostalCodeRequired: postalCodeRegex !== '',
    postalCodeRegex,
    isCityRequired: true,
    isVatIdSupported: registration,
    taxIdFormat: registration ? (country === 'BR' ? 'XX.XXX.XXX/XXXX-XX' : '1-50 characters') : '',
    taxIdSample: country === 'BR' ? '11.222.333/0001-81' : '',
    vatIdRegex: country === 'BR' ? '^\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}$' : '',
    phoneNumberRegex: '^[+]?[0-9 ()-]{4,30}$',
    isTaxIdSupported: registration,
    isTaxIdOptional: !registration,
    countryCallingCodesList: isSupportedCountry(country) ? [getCountryCallingCode(country)] : [],
    attributes: { objectType: 'CountryValidationRules' },
  };
}
