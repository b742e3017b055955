import { randomUUID } from 'node:crypto';
import type { CreateCustomerRequest } from '../../../shared/partner-center/to-create-customer-request.ts';
import type { SandboxOptions } from '../../../sandbox/sandbox-options.ts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/start-sandbox.ts';
import { createPartnerCenterClient, type PartnerCenterClient, type PartnerCenterClientOptions } from '../../../shared/partner-center/create-partner-center-client.ts';

export const TEST_TOKEN = 'test-token-app-user';

export interface SandboxClient {
  sandbox: RunningSandbox;
  client: PartnerCenterClient;
  /** Every request the client sent, headers lower-cased. */
  sent: { method: string; url: string; headers: Record<string, string>; body?: string }[];
  close(): Promise<void>;
}

/** Test helper: a sandbox on a free port and a client pointed at it, recording what it sends. */
export async function startSandboxClient(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<PartnerCenterClientOptions> = {},
): Promise<SandboxClient> {
  // The client tests buy for customers they create directly, without an attestation (§0.14 is tested in test/sandbox).
  const sandbox = await startSandbox({ testToken: TEST_TOKEN, requireAgreementForPurchases: false, ...sandboxOptions });
  const sent: SandboxClient['sent'] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([key, value]) => [key.toLowerCase(), value]));
    sent.push({ method: init?.method ?? 'GET', url: String(input), headers, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
    return fetch(input, init);
  };
  const client = createPartnerCenterClient({
    cloud: 'global',
    baseUrl: sandbox.url,
    getAccessToken: async () => TEST_TOKEN,
    fetch: recordingFetch,
    timeoutMs: 5_000,
    ...clientOptions,
  });
  return { sandbox, client, sent, close: () => sandbox.close() };
}

/** A valid create-customer body with a fresh domain prefix (letters and digits only). */
export function sampleCustomerRequest(overrides: Partial<CreateCustomerRequest> = {}): CreateCustomerRequest {
  const prefix = `test${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return {
    companyProfile: { domain: `${prefix}.onmicrosoft.com` },
    billingProfile: {
      email: 'it@contoso.example',
      culture: 'en-US',
      language: 'en',
      companyName: 'Contoso Ltd',
      firstName: 'Ana',
      lastName: 'Diaz',
      defaultAddress: {
        firstName: 'Ana',
        lastName: 'Diaz',
        addressLine1: 'One Microsoft Way',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
        phoneNumber: '+14255550101',
      },
    },
    enableGDAPByDefault: true,
    ...overrides,
  };
}
