import { hc } from 'hono/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ImportSummary, RowPage } from '../../shared/imports/import-types.ts';
import type { AppType } from './create-app.ts';
import { auth, setupApp } from '../../test/support/api/api-test-setup.ts';
import { companyNamesSource } from '../../test/support/worker/csv-source.ts';

describe('AppType', () => {
  it('should give a typed hono client the shapes the shared wire types promise', async () => {
    const { app, service } = setupApp();
    const client = hc<AppType>('http://pc-onboard.test', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
      headers: auth,
    });
    const created = await service.createImport({
      source: companyNamesSource(1),
      dryRun: false,
      cloud: 'global',
    });

    const health = await (await client.health.$get()).json();
    expectTypeOf(health.status).toEqualTypeOf<'ok' | 'degraded'>();
    expect(health.status).toBe('ok');

    const list = await (await client.imports.$get()).json();
    expectTypeOf(list.items).toEqualTypeOf<ImportSummary[]>();
    expect(list.items.map((item) => item.id)).toEqual([created.id]);

    const one = await client.imports[':id'].$get({ param: { id: created.id } });
    expect(one.status).toBe(200);
    const summary = await one.json();
    expectTypeOf(summary).toMatchTypeOf<ImportSummary>();
    expect(summary.total).toBe(1);

    const rows = await (await client.imports[':id'].rows.$get({ param: { id: created.id } })).json();
    expectTypeOf(rows).toEqualTypeOf<RowPage>();
    expect(rows.items).toHaveLength(1);
  });
});
