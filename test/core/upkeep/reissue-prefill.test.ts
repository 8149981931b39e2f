import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../electron/core/sign-in/profile.js';
import { authorityFromUri, recordedProfile } from '../../../electron/core/token-file/recorded-profile.js';
import { prefillFromContent } from '../../../electron/core/upkeep/reissue.js';
import type { TokenFileContent } from '../../../electron/core/token-file/token-file.js';

const CLIENT = '3b1c2d3e-1111-4222-8333-444455556666';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'Qrs8Q~aVeryLongSecretValue0123456789';

function content(oauth2: Record<string, string>, meta: Record<string, string> = {}): TokenFileContent {
  return { oauth2, meta };
}

function smailFile(host: string, tenant = TENANT, meta: Record<string, string> = {}): TokenFileContent {
  return content(
    {
      UserID: 'printer@contoso.co.jp',
      ClientID: CLIENT,
      ClientSecret: SECRET,
      RefreshToken: '1.AXtoken',
      TokenURI: `https://${host}/${tenant}/oauth2/v2.0/token`,
      OuthURI: `https://${host}/${tenant}/oauth2/v2.0/authorize`,
      OAUTH2_TIME_OUT: '30',
      Provider: '1',
    },
    meta,
  );
}

describe('prefillFromContent: the form filled from a token file', () => {
  it('global cloud: tenant from the TokenURI path, client ID, secret, mailbox; out = the file', () => {
    const prefill = prefillFromContent(smailFile('login.microsoftonline.com'), '/srv/a.ini');
    expect(prefill.input).toEqual({
      outFile: '/srv/a.ini',
      tenant: TENANT,
      cloud: 'global',
      clientId: CLIENT,
      userId: 'printer@contoso.co.jp',
      clientSecret: SECRET,
    });
    expect(prefill).toMatchObject({ secretInFile: true, missing: [], secretExpiresAt: undefined });
    const valid = validateProfile(prefill.input);
    expect(valid.ok && valid.profile.authority).toBe(`https://login.microsoftonline.com/${TENANT}`);
  });

  it.each([
    ['login.microsoftonline.us', {}, 'usgov'],
    ['login.microsoftonline.us', { Cloud: 'usgov-dod' }, 'usgov-dod'],
    ['login.partner.microsoftonline.cn', {}, 'china'],
    ['login.chinacloudapi.cn', {}, 'china'],
  ] as const)('national cloud host %s (meta %j) → %s', (host, meta, cloud) => {
    const prefill = prefillFromContent(smailFile(host, 'contoso.partner.onmschina.cn', meta), 'x.ini');
    expect(prefill.input).toMatchObject({ tenant: 'contoso.partner.onmschina.cn', cloud });
    const valid = validateProfile(prefill.input);
    expect(valid.ok && valid.profile.cloud).toBe(cloud);
  });

  it('the URIs win over the meta section (the sender uses them), which is the fallback', () => {
    const withBoth = smailFile('login.microsoftonline.com', 'organizations', { Tenant: 'old.example.com' });
    expect(prefillFromContent(withBoth, 'x').input.tenant).toBe('organizations');
    const noUris = content(
      { UserID: 'a@contoso.com', ClientID: CLIENT, ClientSecret: SECRET },
      { Tenant: 'contoso.com', Cloud: 'usgov' },
    );
    expect(prefillFromContent(noUris, 'x').input).toMatchObject({ tenant: 'contoso.com', cloud: 'usgov' });
  });

  it('another host (a private cloud, the sandbox) becomes the authority', () => {
    const prefill = prefillFromContent(smailFile('127.0.0.1:8443', 'common'), 'x');
    expect(prefill.input.authority).toBe('https://127.0.0.1:8443/common');
    expect(prefill.input.tenant).toBeUndefined();
  });

  it('protocols from meta Protocols, else from meta Scopes', () => {
    const a = smailFile('login.microsoftonline.com', TENANT, { Protocols: 'smtp,pop' });
    expect(prefillFromContent(a, 'x').input.protocols).toEqual(['smtp', 'pop']);
    const b = smailFile('login.microsoftonline.com', TENANT, {
      Scopes: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
    });
    expect(prefillFromContent(b, 'x').input.protocols).toEqual(['imap']);
    expect(recordedProfile(b, 'x').scopes).toEqual(['https://outlook.office.com/IMAP.AccessAsUser.All']);
    // Nothing recorded: refresh for SMTP of the file's cloud.
    expect(recordedProfile(smailFile('login.microsoftonline.us'), 'x').scopes).toEqual([
      'https://outlook.office365.us/SMTP.Send',
    ]);
  });

  it('an empty secret we wrote means a public client; missing fields are listed', () => {
    const ours = content(
      { ClientID: CLIENT, ClientSecret: '', UserID: 'a@contoso.com' },
      { IssuedAt: '2025-01-01' },
    );
    expect(prefillFromContent(ours, 'x').input.publicClient).toBe(true);
    expect(prefillFromContent(ours, 'x').missing).toEqual([]);
    const foreign = content({ RefreshToken: 'x' });
    expect(prefillFromContent(foreign, 'x').missing).toEqual(['clientId', 'userId', 'clientSecret']);
  });

  it('reads authorities from TokenURI, OuthURI or an authority URL, and refuses anything else', () => {
    expect(authorityFromUri('https://login.microsoftonline.com/common/oauth2/v2.0/token')).toMatchObject({
      authority: 'https://login.microsoftonline.com/common',
      tenant: 'common',
      cloud: 'global',
    });
    expect(authorityFromUri('https://login.microsoftonline.com/contoso.com')?.tenant).toBe('contoso.com');
    for (const bad of [
      '',
      'http://login.microsoftonline.com/common',
      'not a url',
      'https://host/oauth2/v2.0/token',
    ])
      expect(authorityFromUri(bad), bad).toBeUndefined();
  });
});
