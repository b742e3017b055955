import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { runIdempotentPost } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { emailAddress } from '../internal/email-address.ts';
import { replyError } from '../internal/error-body.ts';
import { SANDBOX_USER_ID } from './token-routes.ts';

/** The MCA template id of docs/contracts/partner-center.md §7.1. */
const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
const MCA_LINK = 'https://aka.ms/customeragreement';
const TEMPLATES = [
  { templateId: MCA_TEMPLATE_ID, agreementType: 'MicrosoftCustomerAgreement', agreementLink: MCA_LINK, versionRank: 0 },
  { templateId: '998b88de-aa99-4388-a42c-1b3517d49490', agreementType: 'MicrosoftCloudAgreement', agreementLink: 'https://aka.ms/microsoftcloudagreement', versionRank: 0 },
];

const attestationSchema = z.object({
  primaryContact: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: emailAddress,
    phoneNumber: z.string().optional(),
  }),
  dateAgreed: z.iso.datetime({ offset: true }).or(z.iso.date()),
  templateId: z.string().min(1),
  type: z.literal('MicrosoftCustomerAgreement'),
});

/** Agreement metadata and MCA attestation (§7), with the 600002 / 600061 / 403 behaviours of §0.12. */
export function createAgreementRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/agreements', (c) => {
    const type = c.req.query('agreementType');
    const items = TEMPLATES.filter((template) => !type || template.agreementType.toLowerCase() === type.toLowerCase());
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });
  /** The customer's confirmed agreements (the GET of the same path), optionally by agreementType. */
  routes.get('/v1/customers/:customerId/agreements', (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
    const type = c.req.query('agreementType')?.toLowerCase();
    const items = state.agreements
      .filter((agreement) => agreement.customerId === customerId)
      .map((agreement) => agreement.resource)
      .filter((resource) => !type || String(resource.type).toLowerCase() === type);
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });
  routes.post('/v1/customers/:customerId/agreements', (c) =>
    runIdempotentPost(c, state, 'agreement', (raw) => {
      const customerId = c.req.param('customerId').toLowerCase();
      if (!state.customers.has(customerId)) return fail(404, 'NotFound', `No customer with id ${customerId}.`);
      if (c.get('tokenKind') !== 'app+user') {
        return fail(403, 600006, 'Confirming the Microsoft Customer Agreement requires an app+user token.');
      }
      const parsed = attestationSchema.safeParse(raw);
      if (!parsed.success) return badInput(parsed.error);
      const body = parsed.data;
      if (body.templateId.toLowerCase() !== MCA_TEMPLATE_ID) {
        return fail(400, 'BadInput', `templateId ${body.templateId} is not the Microsoft Customer Agreement template (${MCA_TEMPLATE_ID}).`);
      }
      if (Date.parse(body.dateAgreed) > Date.now()) {
        return fail(400, 600002, 'Date of agreement cannot be greater than the current date.');
      }
      const contact = body.primaryContact;
      const repeated = state.agreements.some(
        (agreement) =>
          agreement.customerId === customerId &&
          agreement.primaryContact.firstName === contact.firstName &&
          agreement.primaryContact.lastName === contact.lastName &&
          agreement.primaryContact.email.toLowerCase() === contact.email.toLowerCase() &&
          (agreement.primaryContact.phoneNumber ?? '') === (contact.phoneNumber ?? ''),
      );
      if (repeated) return fail(400, 600061, 'A partner confirmed agreement already exists for the customer.');
      const resource = {
        primaryContact: contact,
        dateAgreed: new Date(body.dateAgreed).toISOString(),
        templateId: MCA_TEMPLATE_ID,
        type: body.type,
        agreementLink: MCA_LINK,
        // The signed-in user of the app+user token (§7.2); the sandbox has one.
        userId: SANDBOX_USER_ID,
        attributes: { objectType: 'Agreement' },
      };
      state.agreements.push({ customerId, templateId: MCA_TEMPLATE_ID, dateAgreed: resource.dateAgreed, primaryContact: contact, resource });
      return { status: 201, committed: true, body: resource };
    }),
  );
  return routes;
}
