// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FillReportMessage } from '../../../shared/form/fill-messages.ts';
import { uiLanguage } from '../i18n/translate.ts';
import { customerDraftItem } from '../state/customer-draft.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { SingleCustomerTab } from './single-customer-tab.tsx';

async function renderTab() {
  render(<SingleCustomerTab />);
  return screen.findByRole('button', { name: uiLanguage.value === 'ja' ? 'ページに入力' : 'Fill page' });
}

function type(label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('SingleCustomerTab live validation', () => {
  it('should mark a bad email invalid with an English message tied to the field', async () => {
    await renderTab();
    const email = type(/^Email address/, 'not-an-email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(email)).toMatch(/email/i);
    type(/^Email address/, 'ops@contoso.com');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('false'));
  });

  it('should label the fields and explain the problem in Japanese', async () => {
    setupUiTest('ja');
    await renderTab();
    const domain = type(/^ドメイン名/, 'contoso.com');
    await waitFor(() => expect(domain.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(domain)).toContain('onmicrosoft.com');
    expect(describedText(domain)).toMatch(/[ぁ-んァ-ン]/);
  });

  it('should not flag an untouched empty field until the person tries to fill the page', async () => {
    const fill = await renderTab();
    const company = screen.getByLabelText(/Company name/);
    expect(company.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(fill);
    await waitFor(() => expect(company.getAttribute('aria-invalid')).toBe('true'));
    const message = await screen.findByText(/Fields to fix: \d+, marked in red/);
    // The outcome is announced by the live region that sits in the sticky bar with the button.
    expect(message.closest('[role="status"]')?.closest('.sticky-actions')).toBeTruthy();
    expect(document.activeElement).toBe(company);
  });

  it('should show the agreement fields only once the agreement checkbox is ticked', async () => {
    await renderTab();
    expect(screen.queryByLabelText('Date of acceptance')).toBeNull();
    fireEvent.click(screen.getByLabelText('Customer has accepted the Microsoft Customer Agreement'));
    expect(await screen.findByLabelText('Date of acceptance')).toBeTruthy();
  });
});

describe('SingleCustomerTab drafts', () => {
  it('should keep the draft in extension storage and restore it in a new panel', async () => {
    await renderTab();
    type(/Company name/, 'Contoso Ltd');
    await waitFor(async () => expect((await customerDraftItem.getValue()).company_name).toBe('Contoso Ltd'));
    cleanup();
    await renderTab();
    expect((screen.getByLabelText(/Company name/) as HTMLInputElement).value).toBe('Contoso Ltd');
  });

  it('should empty the draft on Clear', async () => {
    await customerDraftItem.setValue({ company_name: 'Fabrikam' });
    await renderTab();
    expect((screen.getByLabelText(/Company name/) as HTMLInputElement).value).toBe('Fabrikam');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(async () => expect(await customerDraftItem.getValue()).toEqual({}));
  });
});

const VALID_JP = {
  company_name: '株式会社コントソ',
  domain: 'contosojp',
  country: 'JP',
  address_line1: '千代田区丸の内1-1-1',
  city: '千代田区',
  state: '東京都',
  postal_code: '100-0005',
  contact_first_name: '太郎',
  contact_last_name: '山田',
  contact_email: 'taro@contoso.co.jp',
  contact_phone: '03-1234-5678',
};

describe('SingleCustomerTab paste a row', () => {
  async function paste(text: string) {
    await renderTab();
    fireEvent.click(screen.getByText('Prefill from a spreadsheet'));
    fireEvent.input(screen.getByLabelText('Paste a row'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Prefill form' }));
    // The row reader loads on first use: wait for its answer, however busy the machine.
    await waitFor(() => expect(document.querySelector('.paste-box .notice')).not.toBeNull(), { timeout: 10_000 });
  }

  it('should prefill from a tab-separated row copied with its header', async () => {
    const headers = ['会社名', 'ドメイン', '国/地域', '住所 1', '市区町村', '都道府県', '郵便番号', '名', '姓', 'メール アドレス', '電話番号'];
    await paste(`${headers.join('\t')}\n${Object.values(VALID_JP).join('\t')}\n`);
    await waitFor(() => expect((screen.getByLabelText(/Company name/) as HTMLInputElement).value).toBe('株式会社コントソ'));
    expect((screen.getByLabelText(/Domain name/) as HTMLInputElement).value).toBe('contosojp');
    expect((screen.getByLabelText('Postal code') as HTMLInputElement).value).toBe('100-0005');
    expect(screen.getByText(/matched by the header/)).toBeTruthy();
    expect(screen.getByLabelText(/Email address/).getAttribute('aria-invalid')).toBe('false');
  });

  it('should prefill from a comma-separated line without header in the CSV column order', async () => {
    await paste('"Contoso, Inc.",contoso,US,1 Microsoft Way,,,Redmond,WA,98052,Ana,Lopez,ana@contoso.com');
    await waitFor(() => expect((screen.getByLabelText(/Company name/) as HTMLInputElement).value).toBe('Contoso, Inc.'));
    expect((screen.getByLabelText(/City/) as HTMLInputElement).value).toBe('Redmond');
    expect((screen.getByLabelText(/Last name/) as HTMLInputElement).value).toBe('Lopez');
    expect(screen.getByText(/Loaded \d+ fields in CSV column order/)).toBeTruthy();
  });

  it('should prefill from a tab-separated row without header', async () => {
    await paste('Fabrikam\tfabrikam\tGB\t1 High St\t\t\tLondon\t\tSW1A 1AA\tJo\tBloggs\tjo@fabrikam.co.uk\n');
    await waitFor(() => expect((screen.getByLabelText(/Country/) as HTMLInputElement).value).toBe('GB'));
    expect((screen.getByLabelText('Postal code') as HTMLInputElement).value).toBe('SW1A 1AA');
  });

  it('should say so when only a header was pasted', async () => {
    await paste('Company name,Domain,Country\n');
    expect(await screen.findByText(/Only a header line was pasted/)).toBeTruthy();
  });
});

describe('SingleCustomerTab fill', () => {
  it('should explain that no Partner Center tab is open', async () => {
    await customerDraftItem.setValue({ ...VALID_JP });
    const fill = await renderTab();
    fireEvent.click(fill);
    expect(await screen.findByText(/No Partner Center tab is open/)).toBeTruthy();
  });
});

describe('SingleCustomerTab Subscriptions report sent by the content script', () => {
  const SUBSCRIPTIONS: FillReportMessage = {
    type: 'fill-report',
    report: {
      step: 'subscriptions',
      fields: [
        { key: 'offers', label: 'Microsoft 365 Business Basic', status: 'filled', offerId: 'CFQ7TTC0LH18:0001' },
        { key: 'offers', label: 'Exchange Online (Plan 1)', status: 'not-found', offerId: 'CFQ7TTC0LH16:0001' },
      ],
    },
  };

  it('should show the Subscriptions report when it arrives, with each offer by name and id', async () => {
    await renderTab();
    await fakeBrowser.runtime.onMessage.trigger(SUBSCRIPTIONS, {}, () => {});
    // The message schemas load with the first report.
    const report = await screen.findByRole('region', { name: 'Subscriptions: what was filled' }, { timeout: 10_000 });
    expect(report.textContent).toContain('Exchange Online (Plan 1)');
    expect(report.textContent).toContain('CFQ7TTC0LH16:0001');
    expect(screen.getByText('Subscriptions: 1 filled, 1 to check (listed below).')).toBeTruthy();
    await fakeBrowser.runtime.onMessage.trigger({ ...SUBSCRIPTIONS, report: { ...SUBSCRIPTIONS.report, fields: [SUBSCRIPTIONS.report.fields[0]!] } }, {}, () => {});
    // A newer report of the same step replaces the older one.
    expect(await screen.findByText('Subscriptions: 1 filled, nothing to check.')).toBeTruthy();
    expect(screen.getAllByRole('region', { name: 'Subscriptions: what was filled' })).toHaveLength(1);
  });

  it('should ignore runtime messages that are not fill reports', async () => {
    await renderTab();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fill-report', report: { step: 'nowhere' } }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'confirmation' }, {}, () => {});
    expect(screen.queryByRole('region', { name: /what was filled/ })).toBeNull();
  });

  it('should name the step in Japanese', async () => {
    setupUiTest('ja');
    await renderTab();
    await fakeBrowser.runtime.onMessage.trigger(SUBSCRIPTIONS, {}, () => {});
    expect(await screen.findByRole('region', { name: 'サブスクリプション: 入力結果' }, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('SingleCustomerTab CSV rows one after another', () => {
  it('should load the first row of an opened CSV and step with Next and Previous row', async () => {
    await renderTab();
    fireEvent.click(screen.getByText('Prefill from a spreadsheet'));
    const csv = [
      'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email',
      'Contoso,contoso,US,1 Microsoft Way,Redmond,WA,98052,Ana,Lopez,ana@contoso.com',
      '',
      'Fabrikam,fabrikam,US,2 Main St,Seattle,WA,98101,Bo,Li,bo@fabrikam.com',
    ].join('\n');
    const file = new File([csv], 'two.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Open a CSV and fill its rows one by one'), { target: { files: [file] } });
    const company = () => (screen.getByLabelText(/^Company name/) as HTMLInputElement).value;
    // The CSV reader loads when the first file is opened.
    await waitFor(() => expect(company()).toBe('Contoso'), { timeout: 10_000 });
    expect(screen.getByText('Row 1 of 2 (two.csv)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous row' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next row' }));
    await waitFor(() => expect(company()).toBe('Fabrikam'));
    expect((screen.getByLabelText(/^City/) as HTMLInputElement).value).toBe('Seattle');
    expect((screen.getByRole('button', { name: 'Next row' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous row' }));
    await waitFor(() => expect(company()).toBe('Contoso'));
    expect(await customerDraftItem.getValue()).toMatchObject({ company_name: 'Contoso', domain: 'contoso' });
  });
});

describe('SingleCustomerTab offers copied from the wizard', () => {
  it('should accept the PRODUCT:SKU the wizard shows and say which offer it is', async () => {
    await renderTab();
    const offers = type(/^Offers$/, 'CFQ7TTC0LCHC:0001*2');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Offers found in the catalog' }).textContent)
      .toBe('CFQ7TTC0LCHC:0001 = Microsoft Defender for Business (CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ)'));
    expect(offers.getAttribute('aria-invalid')).toBe('false');
    // The other SKU of the same product is another offer.
    type(/^Offers$/, 'CFQ7TTC0LCHC:0002');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Offers found in the catalog' }).textContent).toContain('Microsoft 365 Business Premium'));
  });

  it('should ask which offer a PRODUCT with several SKUs means, and write the chosen full id', async () => {
    await renderTab();
    const offers = type(/^Offers$/, 'CFQ7TTC0LH18:0001; CFQ7TTC0LCHC*3') as HTMLInputElement;
    await waitFor(() => expect(offers.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(offers)).toMatch(/"CFQ7TTC0LCHC" matches 2 offers of the catalog: choose the one you mean below/);
    const question = screen.getByRole('group', { name: 'Which offer do you mean by CFQ7TTC0LCHC?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Microsoft 365 Business Premium (CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM)' }));
    await waitFor(() => expect(offers.value).toBe('CFQ7TTC0LH18:0001; CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM*3'));
    await waitFor(() => expect(offers.getAttribute('aria-invalid')).toBe('false'));
    expect(screen.queryByRole('group', { name: /Which offer/ })).toBeNull();
    expect((await customerDraftItem.getValue()).offers).toBe('CFQ7TTC0LH18:0001; CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM*3');
  });

  it('should ask in Japanese too', async () => {
    setupUiTest('ja');
    await renderTab();
    const offers = type(/^オファー/, 'CFQ7TTC0LCHC');
    await waitFor(() => expect(offers.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(offers)).toContain('2 件のオファーに一致します');
    expect(screen.getByRole('group', { name: 'CFQ7TTC0LCHC はどのオファーですか？' })).toBeTruthy();
  });

  it('should not fill the page while a short id is unknown or ambiguous, and say why', async () => {
    await customerDraftItem.setValue({ ...VALID_JP, offers: 'CFQ7TTC0ZZZZ:0001', mca_accepted: 'true', mca_date: '2025-01-15' });
    const fill = await renderTab();
    fireEvent.click(fill);
    expect(await screen.findByText(/Fields to fix: 1, marked in red/)).toBeTruthy();
    expect(describedText(screen.getByLabelText(/^Offers$/))).toMatch(/"CFQ7TTC0ZZZZ:0001" is not an offer of the catalog.*PRODUCT:SKU:AVAILABILITY/);
  });
});
