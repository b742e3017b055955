import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auth, setupApp } from '../../test/support/api/api-test-setup.ts';

// Bodies up to 256 KiB, so the fuzzed uploads are read rather than refused for size.
const setup = () => setupApp({ maxBodyBytes: 256 * 1024 });

async function expectClientProblem(response: Response) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
}

describe('untrusted input never makes a 500', () => {
  it('should answer any JSON body to POST /imports with 201 or a 4xx problem', async () => {
    const { app } = setup();
    const nearlyValid = fc.record(
      {
        fileName: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        columns: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), fc.string(), fc.array(fc.anything(), { maxLength: 3 })),
        keys: fc.oneof(fc.array(fc.oneof(fc.constant(null), fc.constantFrom('domain', 'company_name', 'nope')), { maxLength: 5 }), fc.anything()),
        rows: fc.oneof(
          fc.array(fc.record({ row: fc.integer(), line: fc.integer(), cells: fc.array(fc.string(), { maxLength: 5 }) }, { requiredKeys: [] }), { maxLength: 5 }),
          fc.anything(),
        ),
        dryRun: fc.anything(),
        cloud: fc.oneof(fc.constantFrom('global', 'usgov', 'china', 'germany', 'mars'), fc.anything()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearlyValid, fc.anything()), async (body) => {
        const response = await app.request('/imports', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(body) ?? 'undefined',
        });
        await expectClientProblem(response);
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
      source: { kind: 'rows', fileName: 'a.csv', columns: ['company_name'], rows: [{ row: 1, line: 2, cells: ['x'] }] },
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
