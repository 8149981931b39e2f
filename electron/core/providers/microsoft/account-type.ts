/**
 * Personal Microsoft accounts (Outlook.com) versus work or school accounts: they sign in through different
 * tenants and send through different SMTP hosts, and some combinations cannot work at all.
 */

/** Entra's fixed tenant ID of personal Microsoft accounts (the `/consumers` tenant). */
export const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/**
 * Domains of Microsoft's consumer mail service. A mailbox there is a personal account; a custom domain can be
 * either, so only these decide.
 */
export const PERSONAL_MAIL_DOMAINS: readonly string[] = [
  'outlook.com',
  'outlook.jp',
  'hotmail.com',
  'hotmail.co.jp',
  'live.com',
  'live.jp',
  'msn.com',
];

/** True for an address at one of Microsoft's consumer mail domains. */
export function isPersonalMailbox(address: string): boolean {
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  return PERSONAL_MAIL_DOMAINS.includes(domain);
}
