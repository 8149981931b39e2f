import { describe, expect, it } from 'vitest';
import {
  CLOUDS,
  authorityFor,
  endpointsFor,
  mailScopes,
} from '../../../../electron/core/providers/microsoft/clouds.js';

describe('clouds', () => {
  it('qualifies mail scopes with the Outlook resource (a bare SMTP.Send would mean Microsoft Graph)', () => {
    expect(mailScopes(CLOUDS.global, ['pop', 'smtp', 'imap'])).toEqual([
      'https://outlook.office.com/SMTP.Send',
      'https://outlook.office.com/IMAP.AccessAsUser.All',
      'https://outlook.office.com/POP.AccessAsUser.All',
    ]);
    expect(mailScopes(CLOUDS.usgov, ['smtp'])).toEqual(['https://outlook.office365.us/SMTP.Send']);
    expect(mailScopes(CLOUDS.china, ['imap'])).toEqual(['https://partner.outlook.cn/IMAP.AccessAsUser.All']);
  });

  it('derives the INI endpoints from the authority', () => {
    expect(endpointsFor(authorityFor(CLOUDS.global, 'common'))).toEqual({
      tokenUri: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      authorizeUri: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    });
    expect(endpointsFor('https://login.microsoftonline.us/contoso.onmicrosoft.us/').tokenUri).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token',
    );
  });

  it('has the mail hosts Microsoft documents', () => {
    expect(CLOUDS.global.mail.smtp).toEqual({ host: 'smtp.office365.com', port: 587, security: 'starttls' });
    expect(CLOUDS.global.personalSmtp?.host).toBe('smtp-mail.outlook.com');
    expect(CLOUDS.global.mail.imap).toEqual({ host: 'outlook.office365.com', port: 993, security: 'tls' });
    expect(CLOUDS.global.mail.pop).toEqual({ host: 'outlook.office365.com', port: 995, security: 'tls' });
    expect(CLOUDS['usgov-dod'].mail.smtp.host).toBe('outlook-dod.office365.us');
  });
});
