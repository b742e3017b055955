/**
 * Try the Partner Center client against the sandbox: creates one customer with two offers and an
 * MCA attestation, then prints what happened (never the admin password).
 *
 *   npx node examples/try-sandbox.ts                 # starts a sandbox in-process
 *   SANDBOX_URL=http://127.0.0.1:8090 npx node examples/try-sandbox.ts   # uses `npm run sandbox`
 *
 * Tokens come from the sandbox's sign-in endpoint through MSAL, as they would from Entra ID.
 */
import { randomUUID } from 'node:crypto';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { createPartnerCenterClient } from '../shared/partner-center/create-partner-center-client.ts';
import { createTokenProvider } from '../shared/partner-center/create-token-provider.ts';
import { isPartnerCenterError } from '../shared/partner-center/partner-center-error.ts';

const sandboxUrl = process.env.SANDBOX_URL || undefined;
const sandbox = sandboxUrl ? undefined : await startSandbox();
const baseUrl = sandboxUrl ?? sandbox!.url;

try {
  const tokens = createTokenProvider({
    cloud: 'global',
    tenantId: 'sandboxpartner.onmicrosoft.com',
    clientId: 'pc-onboard-try-sandbox',
    clientSecret: 'any-secret-works-in-the-sandbox',
    refreshToken: 'any-refresh-token-works-in-the-sandbox',
    authorityHost: baseUrl,
  });
  const client = createPartnerCenterClient({ cloud: 'global', baseUrl, getAccessToken: tokens.getAccessToken });
  const correlationId = randomUUID();
  const prefix = `trysandbox${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const address = { addressLine1: 'One Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' };

  const { domain, available } = await client.checkDomainAvailability(prefix, { correlationId });
  console.log(`Domain ${domain}: ${available ? 'available' : 'taken'}`);
  const check = await client.validateAddress(address, { correlationId });
  console.log(`Address: ${check.status}`);

  const customer = await client.createCustomer(
    {
      companyProfile: { domain },
      billingProfile: {
        email: 'it@contoso.example',
        culture: 'en-US',
        language: 'en',
        companyName: 'Contoso Sandbox Ltd',
        firstName: 'Ana',
        lastName: 'Diaz',
        defaultAddress: { ...address, firstName: 'Ana', lastName: 'Diaz', phoneNumber: '+14255550101' },
      },
      enableGDAPByDefault: true,
    },
    { requestId: randomUUID(), correlationId },
  );
  console.log(`Customer ${customer.id} created; admin ${customer.adminUserName} (its one-time sign-in secret is deliberately not printed)`);

  const agreement = await client.confirmCustomerAgreement(
    customer.id,
    { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: new Date().toISOString().slice(0, 10) },
    { requestId: randomUUID(), correlationId },
  );
  console.log(`MCA attestation: ${agreement.alreadyConfirmed ? 'already confirmed' : `confirmed for ${agreement.dateAgreed}`}`);

  // Offer 1, new commerce: Microsoft 365 Business Premium ×10, one-year term billed monthly, via cart + checkout.
  const cart = await client.createCart(customer.id, [{ id: 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM', quantity: 10, term: 'P1Y', billingCycle: 'monthly' }], { requestId: randomUUID(), correlationId });
  const checkedOut = await client.checkoutCart(customer.id, cart.id, { requestId: randomUUID(), correlationId });
  // Offer 2, legacy: Office 365 E1 ×5, as an order.
  const legacy = await client.createOrder(customer.id, [{ id: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 5 }], { requestId: randomUUID(), correlationId });
  for (const order of [...checkedOut, legacy]) {
    console.log(`Order ${order.id} (${order.status}): ${order.lineItems.map((line) => `${line.offerId} ×${line.quantity}${line.termDuration ? ` ${line.termDuration}` : ''}`).join(', ')}`);
  }
  console.log(`Reseller relationship link for existing tenants: ${await client.getRelationshipRequestUrl({ correlationId })}`);
  const stats = (await (await fetch(`${baseUrl}/_sandbox/stats`)).json()) as { creationsPerDomain: Record<string, number> };
  console.log(`Sandbox creations of ${domain}: ${stats.creationsPerDomain[domain]}`);
} catch (error) {
  if (isPartnerCenterError(error)) console.error(`Partner Center call failed (${error.errorCode}): ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
} finally {
  await sandbox?.close();
}
