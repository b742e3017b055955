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

/** A `POST /imports` JSON request of two rows, with fields overridden by `body`. */
export function jsonImport(body: Record<string, unknown> = {}) {
  return {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      fileName: 'customers.csv',
      columns: [...REQUIRED_COLUMNS],
      rows: [
        { row: 1, line: 2, cells: ['Contoso', 'contoso', 'US', '1 Microsoft Way', 'Redmond', 'Ana', 'Diaz', 'it@contoso.example.com'] },
        { row: 2, line: 3, cells: ['Fabrikam', 'fabrikam', 'US', '1 Main St', 'Seattle', 'Bo', 'Li', 'it@fabrikam.example.com'] },
      ],
      dryRun: false,
      cloud: 'global',
      ...body,
    }),
  };
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
