import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError } from './partner-center-error.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A client whose Partner Center answers every call with this status and body. */
async function clientAnswering(status: number, body: string) {
  const server = createServer((_request, response) => {
    response.writeHead(status, body === '' ? {} : { 'Content-Type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return createPartnerCenterClient({ cloud: 'global', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, getAccessToken: async () => 't' });
}

const ADDRESS = { addressLine1: 'One Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98000', country: 'US' };

describe('client.validateAddress, legacy answers (§5)', () => {
  it('should read an empty 200 as a verified address', async () => {
    const client = await clientAnswering(200, '');
    await expect(client.validateAddress(ADDRESS)).resolves.toEqual({ status: 'Verified', suggestedAddresses: [] });
  });

  it('should read 400/2007 with a corrected address as a suggestion and its reason as the message', async () => {
    const description = JSON.stringify({
      code: 60071,
      errors: [{ field: 'postal_code', reason: 'ZipCityInvalid' }],
      corrected_address: { line1: 'One Microsoft Way', city: 'Redmond', region: 'WA', postal_code: '98052-6399', country: 'us' },
    });
    const client = await clientAnswering(400, JSON.stringify({ code: 2007, description, data: [], source: 'PartnerFD' }));
    await expect(client.validateAddress(ADDRESS)).resolves.toEqual({
      status: 'StreetPartial',
      suggestedAddresses: [{ addressLine1: 'One Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052-6399', country: 'US' }],
      validationMessage: 'ZipCityInvalid',
    });
  });

  it('should read 400/2007 without a readable correction as a wrong address', async () => {
    const client = await clientAnswering(400, JSON.stringify({ code: 2007, description: 'Address is invalid.', data: [], source: 'PartnerFD' }));
    await expect(client.validateAddress(ADDRESS)).resolves.toEqual({ status: 'None', suggestedAddresses: [], validationMessage: 'Address is invalid.' });
  });

  it('should still fail on any other 400', async () => {
    const client = await clientAnswering(400, JSON.stringify({ code: 'BadInput', description: 'city: required', data: [], source: 'PartnerFD' }));
    const error = await client.validateAddress(ADDRESS).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('request_rejected');
  });
});
