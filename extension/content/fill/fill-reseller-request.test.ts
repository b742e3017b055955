// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';
import { detectResellerRequest } from '../finders/detect-reseller-request.ts';
import { fillResellerRequest } from './fill-reseller-request.ts';

const FABRIKAM = '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f';
const LITWARE = '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const LINK = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=4d6a1c2e-8b3f-4a5d-9e7c-1f2a3b4c5d6e&msppId=0&DAP=false';

/** The request page: a reseller list showing `entries`, and an invitation naming the chosen reseller's tenant (or `namedTenant`). */
function requestPage(entries: string[], namedTenant?: (chosen: string) => string): HTMLSelectElement {
  document.body.innerHTML = `<h1>Request a reseller relationship</h1><label for="r">Indirect reseller</label><select id="r"><option value="">None</option>${entries
    .map((text, index) => `<option value="r${index}">${text}</option>`)
    .join('')}</select><textarea readonly>${LINK}#/BillingAccounts/partner-invitation</textarea>`;
  const select = document.querySelector('select')!;
  select.addEventListener('change', () => {
    const tenant = namedTenant ? namedTenant(select.value) : (select.selectedOptions[0]!.text.match(/[0-9a-f-]{36}/)?.[0] ?? '');
    document.querySelector('textarea')!.value = `${LINK}&indirectCSPId=${tenant}#/BillingAccounts/partner-invitation`;
  });
  return select;
}

const record = { associated_partner_id: FABRIKAM } as CustomerRecord;

describe('fillResellerRequest', () => {
  it('should recognise the page by its heading, or by the invitation link it shows', () => {
    requestPage([]);
    expect(detectResellerRequest(document)).toEqual({ language: 'en' });
    document.querySelector('h1')!.textContent = 'Invite a customer';
    document.documentElement.lang = 'ja-JP';
    expect(detectResellerRequest(document)).toEqual({ language: 'ja' });
    document.body.innerHTML = '<h1>Customers</h1>';
    expect(detectResellerRequest(document)).toBeNull();
    document.documentElement.lang = '';
  });

  it('should choose the reseller whose entry shows the tenant id, and read it back from the invitation', async () => {
    const select = requestPage([`Litware Reseller (tenant ${LITWARE})`, `Fabrikam Reseller (tenant ${FABRIKAM})`]);
    const reports = await fillResellerRequest(record, stepOptions());
    expect(select.selectedOptions[0]!.text).toContain('Fabrikam');
    expect(reports).toEqual([{ key: 'associated_partner_id', label: 'Indirect reseller', status: 'filled', message: `Fabrikam Reseller (tenant ${FABRIKAM})` }]);
  });

  it('should choose nothing and ask a person when the list shows Partner IDs only', async () => {
    const select = requestPage(['Partner ID 5678901', 'Partner ID 4567890']);
    const reports = await fillResellerRequest(record, stepOptions());
    expect(select.value).toBe('');
    expect(reports).toMatchObject([{ status: 'to-check', message: expect.stringContaining(`only the reseller's tenant id ${FABRIKAM}: nothing was chosen`) }]);
  });

  it('should say "to check" when the invitation names another tenant than the one chosen', async () => {
    requestPage([`Fabrikam Reseller (tenant ${FABRIKAM})`], () => LITWARE);
    const reports = await fillResellerRequest(record, stepOptions());
    expect(reports).toMatchObject([{ status: 'to-check', message: `The invitation names the reseller tenant ${LITWARE}, not ${FABRIKAM}.` }]);
  });

  it('should not claim how a dropdown names resellers when it could not read its entries', async () => {
    document.body.innerHTML = `<h1>Request a reseller relationship</h1><label id="l">Indirect reseller</label>
      <div role="combobox" tabindex="0" aria-haspopup="listbox" aria-expanded="false" aria-labelledby="l">Select an option</div><textarea readonly>${LINK}</textarea>`;
    const reports = await fillResellerRequest(record, stepOptions());
    expect(reports).toMatchObject([{ status: 'to-check', message: `The reseller list could not be read, so nothing was chosen: choose the reseller whose tenant id is ${FABRIKAM} yourself.` }]);
  });

  it('should skip a record without an indirect reseller', async () => {
    requestPage([`Fabrikam Reseller (tenant ${FABRIKAM})`]);
    expect(await fillResellerRequest({} as CustomerRecord, stepOptions())).toEqual([{ key: 'associated_partner_id', label: 'Indirect reseller', status: 'skipped' }]);
  });
});
