import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auth, csvUpload, expectProblem, setupApp as setup } from '../../test/support/api/api-test-setup.ts';

describe('creating an import', () => {
  it('should create an import from an uploaded file, point at it and record the SHA-256 of its bytes', async () => {
    const { app, service } = setup();
    const upload = csvUpload({ fields: { dryRun: 'true', cloud: 'usgov' } });
    const bytes = new Uint8Array(await (upload.body.get('file') as File).arrayBuffer());
    const response = await app.request('/imports', upload);
    expect(response.status).toBe(201);
    const summary = (await response.json()) as { id: string; total: number; contentHash?: string };
    expect(response.headers.get('location')).toBe(`/imports/${summary.id}`);
    expect(summary.total).toBe(2);
    expect(summary.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(service.created[0]).toMatchObject({ dryRun: true, cloud: 'usgov', source: { kind: 'csv', fileName: 'customers.csv' } });
  });

  it('should create an import from a multipart CSV upload with its options', async () => {
    const { app, service } = setup();
    const form = new FormData();
    form.set('file', new File(['company_name,domain\r\nContoso,contoso\r\n'], 'クライアント.csv', { type: 'text/csv' }));
    form.set('dryRun', 'true');
    form.set('cloud', 'china');
    form.set('encoding', 'shift_jis');
    const response = await app.request('/imports', { method: 'POST', headers: auth, body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ fileName: 'クライアント.csv', total: 1, dryRun: true, cloud: 'china' });
    expect(service.created[0]).toMatchObject({ dryRun: true, cloud: 'china', source: { kind: 'csv', encoding: 'shift_jis' } });
  });

  it('should answer 422 with the reader message when the CSV file is refused', async () => {
    const { app } = setup();
    const form = new FormData();
    form.set('file', new File(['company,domain\r\nContoso,contoso\r\n'], 'bad.csv'));
    const response = await app.request('/imports', { method: 'POST', headers: auth, body: form });
    const body = await expectProblem(response, 422, 'csv-file-refused');
    expect(body.detail).toContain('closest header is "company"');
    expect(body).toMatchObject({ reason: 'missing_column', columns: ['company_name'], suggestion: 'company' });
    expect((body.localizedDetail as { ja: string }).ja).toContain('company_name');
  });

  it('should pass the person\'s mapping (keys) for headers it does not recognise to the reader', async () => {
    const { app, service } = setup();
    const keys = ['company_name', 'domain', 'country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email'];
    const text = 'Firma,Dom,Land,Straße,Stadt,Vorname,Nachname,Mail\r\nContoso,contoso,DE,Hauptstr. 1,Berlin,Ana,Diaz,it@contoso.example.com';
    const response = await app.request('/imports', csvUpload({ text, fields: { keys: JSON.stringify(keys) } }));
    expect(response.status).toBe(201);
    expect(service.created[0]?.source.keys).toEqual(keys);
  });

  it('should refuse rows sent as JSON with 415, saying to upload the file', async () => {
    const { app, service } = setup();
    const body = JSON.stringify({ fileName: 'a.csv', columns: ['company_name'], rows: [{ row: 1, line: 2, cells: ['x'] }] });
    const response = await app.request('/imports', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body });
    expect((await expectProblem(response, 415, 'unsupported-media-type')).detail).toContain('Upload the CSV file itself as multipart/form-data');
    expect(service.created).toHaveLength(0);
  });

  it.each([
    ['an unknown cloud', { cloud: 'mars' }, 'form.cloud'],
    ['keys that are not JSON', { keys: 'company_name,domain' }, 'form.keys'],
    ['keys that are not canonical keys', { keys: '["company_name", "nope"]' }, 'form.keys[1]'],
    ['keys that are not an array', { keys: '{"company_name": 0}' }, 'form.keys'],
    ['a dry-run flag that is no boolean', { dryRun: 'maybe' }, 'form.dryRun'],
  ])('should answer 400, never 500, for %s, naming the field', async (_name, fields, path) => {
    const { app, service } = setup();
    const body = await expectProblem(await app.request('/imports', csvUpload({ fields })), 400, 'invalid-request');
    expect((body.errors as { path: string }[]).map((error) => error.path)).toContain(path);
    expect(service.created).toHaveLength(0);
  });

  it('should refuse a multipart upload without a file or with unknown fields', async () => {
    const { app } = setup();
    const noFile = new FormData();
    noFile.set('file', 'company_name,domain');
    await expectProblem(await app.request('/imports', { method: 'POST', headers: auth, body: noFile }), 400, 'invalid-request');
    const unknown = new FormData();
    unknown.set('file', new File(['company_name\r\n'], 'a.csv'));
    unknown.set('concurrency', '5');
    const body = await expectProblem(await app.request('/imports', { method: 'POST', headers: auth, body: unknown }), 400, 'invalid-request');
    expect(JSON.stringify(body.errors)).toContain('form');
    const badFlag = new FormData();
    badFlag.set('file', new File(['company_name\r\n'], 'a.csv'));
    badFlag.set('dryRun', 'maybe');
    await expectProblem(await app.request('/imports', { method: 'POST', headers: auth, body: badFlag }), 400, 'invalid-request');
  });
});

describe('reading imports', () => {
  it('should serve one import, its rows filtered by status, and 404 for an unknown id', async () => {
    const { app, service } = setup();
    const { id } = (await (await app.request('/imports', csvUpload())).json()) as { id: string };
    service.finishRow(id, 1, 'created');
    expect(await (await app.request(`/imports/${id}`, { headers: auth })).json()).toMatchObject({ id, counts: { created: 1, pending: 1 } });
    const page = await (await app.request(`/imports/${id}/rows?status=pending&limit=10`, { headers: auth })).json();
    expect(page).toEqual({ items: [{ row: 2, line: 3, status: 'pending' }] });
    await expectProblem(await app.request('/imports/nope/rows', { headers: auth }), 404, 'import-not-found');
    await expectProblem(await app.request('/imports/bad%20id', { headers: auth }), 400, 'invalid-request');
    await expectProblem(await app.request(`/imports/${id}/rows?status=done`, { headers: auth }), 400, 'invalid-request');
    await expectProblem(await app.request(`/imports/${id}/rows?limit=0`, { headers: auth }), 400, 'invalid-request');
    await expectProblem(await app.request(`/imports/${id}/rows?page=2`, { headers: auth }), 400, 'invalid-request');
    await expectProblem(await app.request('/nowhere', { headers: auth }), 404, 'route-not-found');
  });

  it.each([
    ['/imports?limit=abc', 'query.limit: limit is a whole number from 1 to 500'],
    ['/imports/imp-1/rows?limit=5000', 'query.limit: limit is a whole number from 1 to 1000'],
  ])('should say which numbers %s accepts', async (path, message) => {
    const { app } = setup();
    expect((await expectProblem(await app.request(path, { headers: auth }), 400, 'invalid-request')).detail).toContain(message);
  });

  it('should say what a row number is when it is not one', async () => {
    const { app } = setup();
    const response = await app.request('/imports/imp-1/rows/abc/reveal', { method: 'POST', headers: auth });
    expect((await expectProblem(response, 400, 'invalid-request')).detail).toContain('path.row: a row number (pc_row in the results file) is a whole number from 1');
  });
});

describe('results downloads', () => {
  it('should send the results and failed files as attachments in the asked language', async () => {
    const { app, service } = setup();
    const { id } = (await (await app.request('/imports', csvUpload({ fileName: '顧客.csv' }))).json()) as { id: string };
    service.finishRow(id, 1, 'created');
    service.finishRow(id, 2, 'failed');
    const results = await app.request(`/imports/${id}/results.csv?lang=ja`, { headers: auth });
    expect(results.status).toBe(200);
    expect(results.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(results.headers.get('content-disposition')).toBe(
      `attachment; filename="__.results.csv"; filename*=UTF-8''${encodeURIComponent('顧客.results.csv')}`,
    );
    const bytes = new Uint8Array(await results.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFpc_row,pc_status,kind,lang\r\n1,created,results,ja\r\n2,failed,results,ja\r\n');
    const failed = await app.request(`/imports/${id}/failed.csv`, { headers: auth });
    expect(failed.headers.get('content-disposition')).toContain('.failed.csv');
    // Response.text() drops the BOM, as any UTF-8 decoder does.
    expect(await failed.text()).toBe('pc_row,pc_status,kind,lang\r\n2,failed,failed,en\r\n');
    await expectProblem(await app.request(`/imports/${id}/results.csv?lang=fr`, { headers: auth }), 400, 'invalid-request');
    await expectProblem(await app.request('/imports/nope/results.csv', { headers: auth }), 404, 'import-not-found');
  });
});

describe('retry, cancel and reveal', () => {
  it('should reveal a password once, then answer 410 Gone', async () => {
    const { app, service } = setup();
    const { id } = (await (await app.request('/imports', csvUpload())).json()) as { id: string };
    service.finishRow(id, 1, 'created', 'Secret-Pa55word!');
    const first = await app.request(`/imports/${id}/rows/1/reveal`, { method: 'POST', headers: auth });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ importId: id, row: 1, adminUser: 'admin@row1.onmicrosoft.com', password: 'Secret-Pa55word!' });
    const second = await app.request(`/imports/${id}/rows/1/reveal`, { method: 'POST', headers: auth });
    const body = await expectProblem(second, 410, 'password-gone');
    expect(JSON.stringify(body)).not.toContain('Secret-Pa55word!');
    await expectProblem(await app.request(`/imports/${id}/rows/x/reveal`, { method: 'POST', headers: auth }), 400, 'invalid-request');
  });

  it('should cancel the queued rows and report how many', async () => {
    const { app, service } = setup();
    const { id } = (await (await app.request('/imports', csvUpload())).json()) as { id: string };
    service.finishRow(id, 1, 'failed');
    expect(await (await app.request(`/imports/${id}/retry`, { method: 'POST', headers: auth })).json()).toEqual({ importId: id, requeued: 1 });
    expect(await (await app.request(`/imports/${id}/cancel`, { method: 'POST', headers: auth })).json()).toEqual({ importId: id, skipped: 1 });
    await expectProblem(await app.request('/imports/nope/cancel', { method: 'POST', headers: auth }), 404, 'import-not-found');
  });
});

describe('errors', () => {
  it('should hide internals of unexpected errors behind a 500 problem and report them', async () => {
    const reported: unknown[] = [];
    const { app, service } = setup({ reportError: (error) => reported.push(error) });
    service.listImports = async () => {
      throw new Error('redis exploded at 10.0.0.5');
    };
    const response = await app.request('/imports', { headers: auth });
    const body = await expectProblem(response, 500, 'internal-error');
    expect(JSON.stringify(body)).not.toContain('10.0.0.5');
    expect(reported).toHaveLength(1);
  });
});
