import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auth, setupApp } from '../../test/support/api/api-test-setup.ts';
import { companyNamesSource } from '../../test/support/worker/csv-source.ts';

// Bodies up to 256 KiB, so the fuzzed uploads are read rather than refused for size.
const setup = () => setupApp({ maxBodyBytes: 256 * 1024 });

async function expectClientProblem(response: Response) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
}

describe('untrusted input never makes a 500', () => {
  it('should answer any upload (file bytes and text fields) to POST /imports with 201 or a 4xx problem', async () => {
    const { app } = setup();
    const fields = fc.record(
      {
        dryRun: fc.oneof(fc.constantFrom('true', 'false', 'yes'), fc.string({ maxLength: 10 })),
        cloud: fc.oneof(fc.constantFrom('global', 'usgov', 'china', 'germany', 'mars'), fc.string({ maxLength: 10 })),
        encoding: fc.oneof(fc.constantFrom('utf-8', 'shift_jis', 'windows-1252', 'ebcdic'), fc.string({ maxLength: 10 })),
        keys: fc.oneof(
          fc.array(fc.oneof(fc.constant(null), fc.constantFrom('domain', 'company_name', 'nope')), { maxLength: 5 }).map((keys) => JSON.stringify(keys)),
          fc.string({ maxLength: 20 }),
        ),
        extra: fc.string({ maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    const text = fc.oneof(fc.constant('company_name,domain\r\nContoso,contoso'), fc.string({ maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(text, fields, async (csv, values) => {
        const body = new FormData();
        body.set('file', new File([csv], 'fuzz.csv'));
        for (const [name, value] of Object.entries(values)) body.set(name, value);
        await expectClientProblem(await app.request('/imports', { method: 'POST', headers: auth, body }));
      }),
      { numRuns: 300 },
    );
  });

  it('should answer any raw body and content type with a 4xx problem, never a 500', async () => {
    const { app } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('application/json', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', 'application/x-www-form-urlencoded', ''),
        async (body, type) => {
          const response = await app.request('/imports', { method: 'POST', headers: { ...auth, 'Content-Type': type }, body });
          await expectClientProblem(response);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should answer any path id and query on the read routes with 200 or a 4xx problem', async () => {
    const { app, service } = setup();
    const { id } = await service.createImport({
      source: companyNamesSource(1),
      dryRun: false,
      cloud: 'global',
    });
    const segment = fc.oneof(fc.constant(id), fc.string({ maxLength: 20 }).map(encodeURIComponent));
    const query = fc.dictionary(fc.constantFrom('status', 'cursor', 'limit', 'lang', 'x'), fc.string({ maxLength: 10 }), { maxKeys: 3 });
    const route = fc.constantFrom('', '/rows', '/results.csv', '/failed.csv', '/rows/1/reveal', '/retry', '/cancel');
    await fc.assert(
      fc.asyncProperty(segment, route, query, async (importId, suffix, params) => {
        const method = /reveal|retry|cancel/.test(suffix) ? 'POST' : 'GET';
        const response = await app.request(`/imports/${importId}${suffix}?${new URLSearchParams(params)}`, { method, headers: auth });
        await expectClientProblem(response);
      }),
      { numRuns: 300 },
    );
  });
});
