import { z } from 'zod';
import type { CallContext } from '../partner-center-client.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';

/** A user of a customer tenant as GET /v1/customers/{id}/users lists it (docs/contracts/partner-center.md §0.17). */
export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  displayName?: string;
}

const usersSchema = z.looseObject({
  items: z.array(z.looseObject({ id: z.string().min(1), userPrincipalName: z.string().min(1), displayName: z.string().nullish() })),
});

const enc = encodeURIComponent;

/** GET /v1/customers/{id}/users (§0.17; app+user only). */
export async function listCustomerUsers(core: RequestCore, customerId: string, context: CallContext = {}): Promise<CustomerUser[]> {
  const answer = await sendRequest(core, { method: 'GET', path: `/v1/customers/${enc(customerId)}/users`, kind: 'other' }, context);
  return readAnswer(answer, usersSchema).items.map((item) => ({
    id: item.id,
    userPrincipalName: item.userPrincipalName,
    ...(item.displayName ? { displayName: item.displayName } : {}),
  }));
}

/**
 * PATCH /v1/customers/{id}/users/{userId}/resetpassword (§0.17): sets `password`, to be changed at
 * the next sign-in. The password travels in the body only; the answer is the user, without it.
 */
export async function resetCustomerUserPassword(
  core: RequestCore,
  customerId: string,
  userId: string,
  password: string,
  context: CallContext = {},
): Promise<void> {
  const body = { passwordProfile: { password, forceChangePassword: true }, attributes: { objectType: 'CustomerUser' } };
  await sendRequest(core, { method: 'PATCH', path: `/v1/customers/${enc(customerId)}/users/${enc(userId)}/resetpassword`, body, kind: 'other' }, context);
}
