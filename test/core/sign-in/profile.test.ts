import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../../electron/core/sign-in/validation-messages.js';
import { profileEndpoints, redirectUriOf, validateProfile } from '../../../electron/core/sign-in/profile.js';
import type { ProfileInput } from '../../../electron/core/sign-in/profile.js';

const VALID: ProfileInput = {
  clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
  clientSecret: 'Abc8Q~abcdefghijklmnopqrstuvwxyz012345678',
  userId: 'printer@contoso.com',
};

function issuesOf(input: ProfileInput): string[] {
  const result = validateProfile(input);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.key}`);
}

describe('validateProfile', () => {
  it('applies the SMAIL defaults', () => {
    const result = validateProfile(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toMatchObject({
      tenant: 'common',
      cloud: 'global',
      authority: 'https://login.microsoftonline.com/common',
      protocols: ['smtp'],
      redirectPort: 8001,
      redirectPath: '/myapp/',
      outFile: 'smail_refresh_token.ini',
      timeoutSeconds: 300,
    });
    expect(redirectUriOf(result.profile)).toBe('http://localhost:8001/myapp/');
    expect(profileEndpoints(result.profile)).toEqual({
      tokenUri: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      authorizeUri: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    });
  });

  it('tells a secret ID (a GUID) from a secret Value', () => {
    const result = validateProfile({ ...VALID, clientSecret: 'd1b7f4a0-5c3e-4e5b-8a1f-2b3c4d5e6f70' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ field: 'clientSecret', key: 'secretLooksLikeId' });
    expect(result.issues[0]?.message.en).toMatch(/secret's ID.*Value/);
    expect(result.issues[0]?.message.ja).toContain('シークレット ID');
  });

  it('reports every problem at once, each with a message in both languages', () => {
    const result = validateProfile({
      clientId: 'not-a-guid',
      userId: 'nobody',
      tenant: 'bad tenant!',
      protocols: ['smtp', 'pop3'],
      redirectPort: 70000,
      redirectPath: 'myapp',
      timeoutSeconds: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.field}:${i.key}`).sort()).toEqual(
      [
        'clientId:clientIdInvalid',
        'clientSecret:secretRequired',
        'protocols:protocolInvalid',
        'redirectPath:pathInvalid',
        'redirectPort:portInvalid',
        'tenant:tenantInvalid',
        'timeoutSeconds:timeoutInvalid',
        'userId:mailboxInvalid',
      ].sort(),
    );
    for (const issue of result.issues) {
      expect(issue.message.en).not.toMatch(/\{\w+\}/);
      expect(issue.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    }
  });

  it('accepts every tenant form Entra does', () => {
    for (const tenant of [
      'common',
      'organizations',
      'consumers',
      'Organizations',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'contoso.onmicrosoft.com',
      'mail.example.co.jp',
    ]) {
      expect(issuesOf({ ...VALID, tenant })).toEqual([]);
    }
  });

  it('refuses a secret for a public client and requires one otherwise', () => {
    expect(issuesOf({ ...VALID, publicClient: true })).toEqual(['clientSecret:secretWithPublicClient']);
    expect(issuesOf({ ...VALID, publicClient: true, clientSecret: '' })).toEqual([]);
    expect(issuesOf({ ...VALID, clientSecret: '   ' })).toEqual(['clientSecret:secretRequired']);
    expect(issuesOf({ ...VALID, clientSecret: 'abc def ghi jkl mno pqr' })).toEqual([
      'clientSecret:secretHasSpace',
    ]);
    expect(issuesOf({ ...VALID, clientSecret: 'short' })).toEqual(['clientSecret:secretTooShort']);
  });

  it('trims a pasted secret and keeps it out of a public profile', () => {
    const result = validateProfile({ ...VALID, clientSecret: `  ${VALID.clientSecret}\n` });
    expect(result.ok && result.profile.clientSecret).toBe(VALID.clientSecret);
    const pub = validateProfile({ ...VALID, clientSecret: undefined, publicClient: true });
    expect(pub.ok && pub.profile.clientSecret).toBeUndefined();
  });

  it('knows personal accounts live only in the global cloud', () => {
    expect(issuesOf({ ...VALID, tenant: 'consumers', cloud: 'usgov' })).toEqual([
      'tenant:consumersOnlyGlobal',
    ]);
    expect(issuesOf({ ...VALID, cloud: 'mars' })).toEqual(['cloud:cloudInvalid']);
  });

  it('uses the national cloud sign-in host', () => {
    const result = validateProfile({ ...VALID, cloud: 'china', tenant: 'contoso.partner.onmschina.cn' });
    expect(result.ok && result.profile.authority).toBe(
      'https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn',
    );
  });

  it('takes the tenant from an authority URL and refuses insecure or malformed ones', () => {
    const result = validateProfile({ ...VALID, authority: 'https://127.0.0.1:4443/organizations/' });
    expect(result.ok && result.profile).toMatchObject({
      authority: 'https://127.0.0.1:4443/organizations',
      tenant: 'organizations',
    });
    for (const authority of [
      'http://login.microsoftonline.com/common',
      'https://login.microsoftonline.com/',
      'https://login.microsoftonline.com/a/b',
      'not a url',
    ]) {
      expect(issuesOf({ ...VALID, authority })).toEqual(['authority:authorityInvalid']);
    }
  });

  it('normalises protocols and refuses an empty list', () => {
    const result = validateProfile({ ...VALID, protocols: ['POP', 'smtp', 'pop', ' imap '] });
    expect(result.ok && result.profile.protocols).toEqual(['pop', 'smtp', 'imap']);
    expect(issuesOf({ ...VALID, protocols: [] })).toEqual(['protocols:protocolsRequired']);
  });

  it('has every validation message in both languages', () => {
    for (const [key, text] of Object.entries(VALIDATION_MESSAGES)) {
      expect(text.en, key).not.toBe('');
      expect(text.ja, key).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    }
  });
});
