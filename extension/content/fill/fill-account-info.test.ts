// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillAccountInfo } from './fill-account-info.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';

const record: CustomerRecord = {
  company_name: '株式会社コントソ',
  domain: 'contosojp',
  country: 'JP',
  address_line1: '丸の内1-1-1',
  city: '千代田区',
  state: '東京都',
  postal_code: '100-0005',
  contact_first_name: '花子',
  contact_last_name: '山田',
  contact_email: 'hanako@contoso.example',
  culture: 'ja-JP',
  language: 'ja',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: true,
  mca: { date: '2026-03-05', first_name: '太郎', last_name: '佐藤', email: 'taro@contoso.example' },
};

const value = (id: string): string => (document.getElementById(id) as HTMLInputElement).value;
const fill = () => fillAccountInfo(record, stepOptions('ja'));

describe('fillAccountInfo on a Japanese page without headings (account-info-ja-no-headings.html)', () => {
  beforeEach(() => loadHtmlFixture('account-info-ja-no-headings.html'));

  it('should fill contact and agreement fields that share labels into the right boxes', async () => {
    const reports = await fill();
    expect([value('c'), value('co'), value('st'), value('pc'), value('fn'), value('em'), value('dm')]).toEqual([
      'JP', '株式会社コントソ', '東京都', '100-0005', '花子', 'hanako@contoso.example', 'contosojp',
    ]);
    expect([value('md'), value('mfn'), value('mln'), value('mem')]).toEqual(['2026/03/05', '太郎', '佐藤', 'taro@contoso.example']);
    expect((document.getElementById('mca') as HTMLInputElement).checked).toBe(true);
    const byKey = Object.fromEntries(reports.map((report) => [report.key, report]));
    expect(byKey.address_line1).toMatchObject({ status: 'not-found', label: '住所 1' });
    expect(byKey.address_line2).toMatchObject({ status: 'skipped' });
    expect(byKey.mca_first_name).toMatchObject({ status: 'filled', label: '名' });
  });

  it('should accept a country fixed to the right market and ask to check one fixed to another, never filling it', async () => {
    const select = document.getElementById('c') as HTMLSelectElement;
    select.value = 'JP';
    select.disabled = true;
    expect((await fill()).find((report) => report.key === 'country')).toMatchObject({ status: 'filled' });
    select.value = 'NZ';
    const country = (await fill()).find((report) => report.key === 'country');
    expect(country).toMatchObject({ status: 'to-check', message: 'この欄はページで「ニュージーランド」に固定されており、ここでは変更できません。レコードの値は「日本」です。どちらが正しいか確認してください。' });
    expect(select.value).toBe('NZ');
    expect(select.getAttribute('data-pc-onboard-attention')).toBe('to-check');
  });
});
