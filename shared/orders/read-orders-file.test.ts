import { describe, expect, it } from 'vitest';
import { chunked, textSource } from '../../test/support/byte-sources.ts';
import { isCsvFileError, type CsvFileError } from '../csv/csv-file-error.ts';
import { fileKindOf } from './order-header.ts';
import { readOrdersFile } from './read-orders-file.ts';

const TENANT = '3f1c6a2e-8b4d-4c5e-9a7f-0123456789ab';
const SUBSCRIPTION = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const M365 = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';

async function fileError(text: string): Promise<CsvFileError> {
  try {
    await readOrdersFile(textSource(text));
  } catch (error) {
    if (isCsvFileError(error)) return error;
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

async function outcomeOf(cells: string) {
  const file = await readOrdersFile(textSource(`customer,offers,term,billing_cycle,subscription_id\n${cells}\n`));
  expect(file.rows).toHaveLength(1);
  return file.rows[0]!.outcome;
}

describe('fileKindOf', () => {
  it('should call a header with a customer column and no company name an orders file', () => {
    expect(fileKindOf(['Customer', 'Offers'])).toBe('orders');
    expect(fileKindOf(['Tenant ID', 'Subscriptions', 'Term'])).toBe('orders');
    expect(fileKindOf(['顧客 ID', 'サブスクリプション'])).toBe('orders');
    expect(fileKindOf(['テナント ID', 'プラン'])).toBe('orders');
    expect(fileKindOf(['ドメイン', 'プラン'])).toBe('orders');
  });

  it('should call a header with a company name a customer file, even with a domain column', () => {
    expect(fileKindOf(['company_name', 'domain', 'country'])).toBe('customers');
    expect(fileKindOf(['会社名', 'ドメイン', '国'])).toBe('customers');
    expect(fileKindOf(['Company', 'Customer', 'Offers'])).toBe('customers');
    expect(fileKindOf(['offers', 'term'])).toBe('customers');
  });
});

describe('readOrdersFile', () => {
  it('should read a UTF-8 file with defaults, blank lines, pc_ and unknown columns carried', async () => {
    const text = [
      '',
      'Customer,Offers,pc_status,Note',
      `${TENANT},${M365.toLowerCase()}*5,ok,first`,
      ',,,',
      'Contoso.onmicrosoft.com,DZH318Z0BQ3Q:0001:DZH318Z0BQ3R;f30db892-07e9-47e9-837c-80727f46fd3d*2,invalid,second',
      '',
    ].join('\r\n');
    const file = await readOrdersFile(textSource(text, [7, 13]));
    expect(file.encoding).toBe('utf-8');
    expect(file.keys).toEqual(['customer', 'offers', null, null]);
    expect(file.blankLines).toBe(2);
    expect(file.rows.map(({ row, line }) => [row, line])).toEqual([[1, 3], [2, 5]]);
    expect(file.rows[0]!.cells).toEqual([TENANT, `${M365.toLowerCase()}*5`, 'ok', 'first']);
    expect(file.rows[0]!.outcome).toEqual({
      ok: true,
      order: { customer: { kind: 'tenant', value: TENANT }, items: [{ id: M365, quantity: 5, term: 'P1M', billingCycle: 'monthly' }] },
    });
    // The Azure plan and a legacy offer have no term and are billed monthly; the domain becomes its prefix.
    expect(file.rows[1]!.outcome).toEqual({
      ok: true,
      order: {
        customer: { kind: 'domain', value: 'contoso' },
        items: [
          { id: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', quantity: 1, billingCycle: 'monthly' },
          { id: 'F30DB892-07E9-47E9-837C-80727F46FD3D', quantity: 2, billingCycle: 'monthly' },
        ],
      },
    });
  });

  it('should read a CP932 file with Japanese headers and a semicolon delimiter', async () => {
    const header = Buffer.from('83658369839383672049442c835483758358834e838a83768356838783932c8afa8ad42c90bf8b8183548343834e838b2c838183820d0a', 'hex')
      .toString('latin1')
      .replaceAll(',', ';');
    const body = `contoso;${M365}*3;p1y;ANNUAL;\r\n`;
    const bytes = Uint8Array.from(Buffer.from(header + body, 'latin1'));
    const file = await readOrdersFile(chunked(bytes));
    expect(file.encoding).toBe('shift_jis');
    expect(file.delimiter).toBe(';');
    expect(file.columns).toEqual(['テナント ID', 'サブスクリプション', '期間', '請求サイクル', 'メモ']);
    expect(file.rows[0]!.outcome).toEqual({
      ok: true,
      order: { customer: { kind: 'domain', value: 'contoso' }, items: [{ id: M365, quantity: 3, term: 'P1Y', billingCycle: 'annual' }] },
    });
  });

  it('should take the customer\'s initial domain of any cloud (the file does not know its cloud)', async () => {
    for (const domain of ['contoso.onmicrosoft.com', 'Contoso.partner.onmschina.cn']) {
      expect(await outcomeOf(`${domain},${M365},P1M,monthly,`)).toMatchObject({ ok: true, order: { customer: { kind: 'domain', value: 'contoso' } } });
    }
  });

  it('should keep a subscription id', async () => {
    expect(await outcomeOf(`${TENANT},${M365},P3Y,monthly,${SUBSCRIPTION.toUpperCase()}`)).toEqual({
      ok: true,
      order: { customer: { kind: 'tenant', value: TENANT }, items: [{ id: M365, quantity: 1, term: 'P3Y', billingCycle: 'monthly' }], subscriptionId: SUBSCRIPTION },
    });
  });

  it.each([
    [`,${M365},,,`, 'required', 'customer', 'The customer is empty.', '顧客が空です。'],
    [`contoso.com,${M365},,,`, 'invalid_customer', 'customer', 'Customer "contoso.com" is neither a tenant id (GUID) nor an initial domain.', '顧客 "contoso.com" はテナント ID（GUID）でも初期ドメインでもありません。'],
    [`${TENANT},,,,`, 'required', 'offers', 'The offers are empty.', 'サブスクリプションが空です。'],
    [`${TENANT},${M365}*0,,,`, 'invalid_offers', 'offers', 'must be a whole number from 1 to 10000', '1～10000 の整数'],
    [`${TENANT},${M365}*10001,,,`, 'invalid_offers', 'offers', 'must be a whole number from 1 to 10000', '1～10000 の整数'],
    [`${TENANT},NOT-AN-OFFER,,,`, 'invalid_offers', 'offers', 'is not a catalog item id', 'カタログ アイテム ID'],
    [`${TENANT},${M365},P2Y,,`, 'invalid_term', 'term', 'Term "P2Y" is not P1M, P1Y or P3Y.', '期間 "P2Y" は P1M、P1Y、P3Y のいずれでもありません。'],
    [`${TENANT},${M365},,weekly,`, 'invalid_billing_cycle', 'billing_cycle', 'Billing cycle "weekly" is not monthly or annual.', '請求サイクル "weekly" は monthly または annual ではありません。'],
    [`${TENANT},${M365},P1M,annual,`, 'invalid_billing_cycle', 'billing_cycle', 'A one-month term (P1M) cannot be billed annually.', '1 か月の期間（P1M）は年払いにできません。'],
    [`${TENANT},${M365},,,sub-1`, 'invalid_subscription_id', 'subscription_id', 'Subscription id "sub-1" is not a GUID.', 'サブスクリプション ID "sub-1" は GUID ではありません。'],
  ])('should refuse %s with %s', async (cells, code, field, en, ja) => {
    const outcome = await outcomeOf(cells);
    if (outcome.ok) throw new Error('expected an invalid row');
    expect(outcome.status).toBe('invalid');
    expect(outcome.problem.code).toBe(code);
    expect(outcome.problem.field).toBe(field);
    expect(outcome.problem.message.en).toContain(en);
    expect(outcome.problem.message.ja).toContain(ja);
  });

  it('should refuse a file without an offers column, naming it', async () => {
    const error = await fileError(`Customer,Term\n${TENANT},P1Y\n`);
    expect(error.reason).toBe('missing_column');
    expect(error.columns).toEqual(['offers']);
    expect(error.message).toContain('The required column offers ("Offers") is missing');
    expect(error.localized.ja).toContain('必須の列 offers（サブスクリプション）がありません');
  });

  it('should refuse a file without a customer column, and a column given twice', async () => {
    expect((await fileError(`Offers\n${M365}\n`)).columns).toEqual(['customer']);
    const doubled = await fileError(`Customer,Tenant ID,Offers\n${TENANT},${TENANT},${M365}\n`);
    expect(doubled.reason).toBe('duplicate_column');
    expect(doubled.message).toContain('The column customer is given twice: "Customer" (column 1) and "Tenant ID" (column 2).');
  });

  it('should refuse a row with a non-empty cell beyond the header', async () => {
    const file = await readOrdersFile(textSource(`Customer,Offers\n${TENANT},${M365},stray\n`));
    const outcome = file.rows[0]!.outcome;
    expect(outcome.ok === false && outcome.problem.code).toBe('extra_cells');
    expect(file.rows[0]!.cells).toEqual([TENANT, M365, 'stray']);
  });

  it('should read a file of over 1 MB in one chunk (as the side panel reads it) whose rows start with a quoted cell holding a comma', async () => {
    const row = `"Tokyo office, 3rd floor",contoso,${M365}*5\n`;
    const rows = Math.ceil((1024 * 1024) / row.length) + 1;
    const file = await readOrdersFile(textSource(`Note,customer,offers\n${row.repeat(rows)}`));
    expect(file.delimiter).toBe(',');
    expect(file.rows).toHaveLength(rows);
    expect(file.rows.at(-1)!.cells[0]).toBe('Tokyo office, 3rd floor');
    expect(file.rows.every((read) => read.outcome.ok)).toBe(true);
  });

  it('should refuse an empty file', async () => {
    expect((await fileError('\n\n')).reason).toBe('empty_file');
  });
});
