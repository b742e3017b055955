import { expect } from 'vitest';
import { REQUIRED_COLUMNS } from '../../../shared/customer/canonical-keys.ts';
import { createApp } from '../../../worker/api/create-app.ts';
import type { ApiDeps, HealthReport } from '../../../worker/api/api-deps.ts';
import { FakeImportService } from './fake-import-service.ts';

/** Shared set-up of the API's unit tests: the app on a fake service, and a problem+json matcher. */
export const TEST_TOKEN = 'test-token-0123456789abcdef';
export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const auth = { Authorization: `Bearer ${TEST_TOKEN}` };

export function setupApp(overrides: Partial<ApiDeps> = {}) {
  const service = new FakeImportService();
  const app = createApp({
    service,
    apiToken: TEST_TOKEN,
    extensionOrigins: [EXTENSION_ORIGIN],
    maxBodyBytes: 64 * 1024,
    checkHealth: async (): Promise<HealthReport> => ({ redis: 'up', partnerCenter: 'sandbox' }),
    ...overrides,
  });
  return { app, service };
}

/** Two valid rows under the required columns: the default file of `csvUpload`. */
const TWO_ROWS = [
  REQUIRED_COLUMNS.join(','),
  'Contoso,contoso,US,1 Microsoft Way,Redmond,Ana,Diaz,it@contoso.example.com',
  'Fabrikam,fabrikam,US,1 Main St,Seattle,Bo,Li,it@fabrikam.example.com',
].join('\r\n');

/** A `POST /imports` multipart upload of `text` (two rows by default) with these text fields. */
export function csvUpload(options: { text?: string; fileName?: string; fields?: Record<string, string> } = {}) {
  const body = new FormData();
  body.set('file', new File([options.text ?? TWO_ROWS], options.fileName ?? 'customers.csv', { type: 'text/csv' }));
  for (const [name, value] of Object.entries(options.fields ?? {})) body.set(name, value);
  return { method: 'POST', headers: { ...auth }, body };
}

/** Asserts a problem+json answer with this status and slug, and a detail that says something; returns the body. */
export async function expectProblem(response: Response, status: number, slug: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:pc-onboard:problem:${slug}`, status });
  expect(typeof body.title).toBe('string');
  expect(String(body.detail).length).toBeGreaterThan(20);
  return body;
}
