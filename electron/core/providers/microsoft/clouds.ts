/**
 * Microsoft clouds: where each signs in, which resource its mail scopes name, and its mail hosts.
 * Values from Microsoft's national-cloud documentation (see FACTS.md, "National clouds").
 */
import { PROTOCOLS } from '../types.js';
import type { MailHost, Protocol } from '../types.js';

export const CLOUD_NAMES = ['global', 'usgov', 'usgov-dod', 'china'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

/** One Microsoft cloud. */
export interface Cloud {
  name: CloudName;
  /** Host of the sign-in service (authority host). */
  loginHost: string;
  /**
   * Resource prefix of the delegated mail scopes. Scopes must be fully qualified: a bare `SMTP.Send`
   * resolves to Microsoft Graph and the mail login then fails with 535 5.7.3.
   */
  mailResource: string;
  mail: Record<Protocol, MailHost>;
  /** Outlook.com personal accounts send through another SMTP host (global cloud only). */
  personalSmtp?: MailHost;
}

const GLOBAL_OFFICE = 'outlook.office365.com';

/** Every cloud the product supports, by name. */
export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    loginHost: 'login.microsoftonline.com',
    mailResource: 'https://outlook.office.com/',
    mail: {
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
      imap: { host: GLOBAL_OFFICE, port: 993, security: 'tls' },
      pop: { host: GLOBAL_OFFICE, port: 995, security: 'tls' },
    },
    personalSmtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
  },
  usgov: {
    name: 'usgov',
    loginHost: 'login.microsoftonline.us',
    mailResource: 'https://outlook.office365.us/',
    mail: {
      smtp: { host: 'smtp.office365.us', port: 587, security: 'starttls' },
      imap: { host: 'outlook.office365.us', port: 993, security: 'tls' },
      pop: { host: 'outlook.office365.us', port: 995, security: 'tls' },
    },
  },
  'usgov-dod': {
    name: 'usgov-dod',
    loginHost: 'login.microsoftonline.us',
    mailResource: 'https://outlook.office365.us/',
    mail: {
      smtp: { host: 'outlook-dod.office365.us', port: 587, security: 'starttls' },
      imap: { host: 'outlook-dod.office365.us', port: 993, security: 'tls' },
      pop: { host: 'outlook-dod.office365.us', port: 995, security: 'tls' },
    },
  },
  china: {
    name: 'china',
    loginHost: 'login.partner.microsoftonline.cn',
    mailResource: 'https://partner.outlook.cn/',
    mail: {
      smtp: { host: 'partner.outlook.cn', port: 587, security: 'starttls' },
      imap: { host: 'partner.outlook.cn', port: 993, security: 'tls' },
      pop: { host: 'partner.outlook.cn', port: 995, security: 'tls' },
    },
  },
};

const SCOPE_NAMES: Readonly<Record<Protocol, string>> = {
  smtp: 'SMTP.Send',
  imap: 'IMAP.AccessAsUser.All',
  pop: 'POP.AccessAsUser.All',
};

/** The scope that lets a refresh token be issued; Entra omits the refresh token without it. */
export const OFFLINE_ACCESS = 'offline_access';

/** Fully qualified delegated scopes for the given protocols, in protocol order, without duplicates. */
export function mailScopes(cloud: Cloud, protocols: readonly Protocol[]): string[] {
  return PROTOCOLS.filter((p) => protocols.includes(p)).map((p) => `${cloud.mailResource}${SCOPE_NAMES[p]}`);
}

/** The authority URL for a tenant in a cloud, e.g. `https://login.microsoftonline.com/common`. */
export function authorityFor(cloud: Cloud, tenant: string): string {
  return `https://${cloud.loginHost}/${tenant}`;
}

/** Host names MSAL knows without instance discovery; any other authority host triggers discovery requests. */
export const WELL_KNOWN_LOGIN_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.usgovcloudapi.net',
];

/** The two endpoint URLs written to the INI file for an authority. */
export function endpointsFor(authority: string): { tokenUri: string; authorizeUri: string } {
  const base = authority.replace(/\/+$/, '');
  return { tokenUri: `${base}/oauth2/v2.0/token`, authorizeUri: `${base}/oauth2/v2.0/authorize` };
}
