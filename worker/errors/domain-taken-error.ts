import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import { RowOutcomeError } from './row-outcome-error.ts';

/** The domain already belongs to a tenant: the row ends `exists` with the relationship link. */
export class DomainTakenError extends RowOutcomeError {
  readonly relationshipUrl: string;

  constructor(domain: string, relationshipUrl: string) {
    super('domain_taken', domainTakenMessage(domain), 'domain');
    this.name = 'DomainTakenError';
    this.relationshipUrl = relationshipUrl;
  }
}

export function isDomainTakenError(error: unknown): error is DomainTakenError {
  return error instanceof DomainTakenError;
}

function domainTakenMessage(domain: string): LocalizedMessage {
  return {
    en: `The domain ${domain} already belongs to a tenant; nothing was created. Send the customer the reseller relationship link in pc_relationship_url.`,
    ja: `ドメイン ${domain} は既存のテナントが使用しています。何も作成していません。pc_relationship_url のリセラー関係リンクをお客様に送ってください。`,
  };
}
