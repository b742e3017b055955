import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import { generateAdminPassword } from '../secrets/generate-admin-password.ts';
import { asNotYetVisible } from './customer-visibility.ts';
import { readPartnerCenterFailure } from './partner-center-failure.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';

/**
 * The admin password of a customer found again after a lost create answer was lost with it:
 * reset it (docs/contracts/partner-center.md §0.17) and vault the new one, revealed once like
 * any other. Returns the row's note: the password was reset, or, when Partner Center refuses the
 * reset (no GDAP role for it, an app-only token…), that the partner must reset it in Partner Center.
 * A 404 while the customer is new, or a retryable failure, is thrown: the step runs again.
 */
export async function resetAdminPassword(context: RowContext, customerId: string, adminUser: string): Promise<LocalizedMessage> {
  try {
    const users = await context.partnerCenter.listCustomerUsers(customerId, context.call());
    const wanted = adminUser.toLowerCase();
    const admin = users.find((user) => user.userPrincipalName.toLowerCase() === wanted);
    if (!admin) return ROW_MESSAGES.adminPasswordNotReset(adminUser, 'the admin user is not in the list of users');
    const password = generateAdminPassword();
    await context.partnerCenter.resetCustomerUserPassword(customerId, admin.id, password, context.call());
    await context.vault.store(context.importId, context.row, { adminUser: admin.userPrincipalName, password });
    return ROW_MESSAGES.adminPasswordReset(admin.userPrincipalName);
  } catch (error) {
    const notYet = asNotYetVisible(error, context.state.customerAt ?? context.state.createStartedAt);
    if (notYet !== error) throw notYet;
    const failure = readPartnerCenterFailure(error);
    if (failure.kind === 'final') return ROW_MESSAGES.adminPasswordNotReset(adminUser, failure.code);
    throw error;
  }
}
