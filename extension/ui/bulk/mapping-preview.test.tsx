// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { mapHeader } from '../../../shared/csv/map-header.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { MappingPreview } from './mapping-preview.tsx';

const COLUMNS = ['会社名', 'Domain name', 'CRM id', 'Country/region', 'Address', 'Town', 'First name', 'Surname', 'E-mail'];

let latest: (CanonicalKey | null)[] = [];

function Harness({ columns }: { columns: string[] }) {
  const [keys, setKeys] = useState(mapHeader(columns).keys);
  latest = keys;
  return <MappingPreview columns={columns} keys={keys} sample={columns.map((_, i) => `sample ${i}`)} onChange={setKeys} />;
}

function selectFor(column: string): HTMLSelectElement {
  return screen.getByLabelText(column) as HTMLSelectElement;
}

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('MappingPreview', () => {
  it('should show the automatic mapping of English and Japanese headers', () => {
    render(<Harness columns={COLUMNS} />);
    expect(selectFor('会社名').value).toBe('company_name');
    expect(selectFor('Domain name').value).toBe('domain');
    expect(selectFor('Country/region').value).toBe('country');
    expect(selectFor('Town').value).toBe('city');
    expect(selectFor('E-mail').value).toBe('contact_email');
    expect(selectFor('CRM id').value).toBe('');
    expect(screen.getByText('sample 2')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should let a column be mapped by hand and free the column that had that key', () => {
    render(<Harness columns={COLUMNS} />);
    fireEvent.change(selectFor('CRM id'), { target: { value: 'domain' } });
    expect(selectFor('CRM id').value).toBe('domain');
    expect(selectFor('Domain name').value).toBe('');
    expect(latest).toEqual(['company_name', null, 'domain', 'country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email']);
  });

  it('should name the required columns nobody maps, and stop naming one once it is mapped', () => {
    render(<Harness columns={['Company', 'Web name', 'Country', 'Street', 'City', 'Given name', 'Family name', 'Email']} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Domain name');
    fireEvent.change(selectFor('Web name'), { target: { value: 'domain' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
