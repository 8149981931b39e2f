/**
 * Google behind the provider seam, without the network: the registration's validation (what was pasted instead),
 * which files are Google's, Google's error answers and which of them need a new sign-in, the INI values a sign-in
 * writes, and the health of a Google file (six months unused, seven days in Testing, a time-limited grant).
 */
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../../electron/core/errors.js';
import { providerOf, recognizeUri } from '../../../../electron/core/providers/index.js';
import { google } from '../../../../electron/core/providers/google/index.js';
import { validateProfile } from '../../../../electron/core/sign-in/profile.js';
import type { ProfileInput } from '../../../../electron/core/sign-in/profile.js';
import { issuedValues } from '../../../../electron/core/token-file/acquisition-output.js';
import { recordedProfile } from '../../../../electron/core/token-file/recorded-profile.js';
import type { TokenFileContent } from '../../../../electron/core/token-file/token-file.js';
import { tokenHealthOf } from '../../../../electron/core/upkeep/token-health.js';

const CLIENT_ID = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
const SECRET = 'GOCSPX-abcdefghijklmnopqrstuvwxyz12';
const INPUT: ProfileInput = {
  provider: 'google',
  clientId: CLIENT_ID,
  clientSecret: SECRET,
  userId: 'printer@example.co.jp',
};

function issues(input: ProfileInput): string[] {
  const result = validateProfile(input);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.key}`);
}

describe('a Google registration', () => {
  it('validates to a profile with a free loopback port on 127.0.0.1 and Google as the authority', () => {
    const result = validateProfile(INPUT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toMatchObject({
      provider: 'google',
      providerValue: '0',
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authority: 'https://accounts.google.com',
      redirectPort: 0,
      redirectPath: '/',
      tenant: '',
      cloud: 'global',
    });
  });

  it.each([
    [{ clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c' }, 'clientId:googleClientIdIsGuid'],
    [{ clientId: 'myapp.apps.googleusercontent.com' }, 'clientId:googleClientIdInvalid'],
    [{ clientId: '' }, 'clientId:googleClientIdRequired'],
    [{ clientSecret: CLIENT_ID }, 'clientSecret:googleSecretIsClientId'],
    [{ clientSecret: '5d1f2e3a-0b4c-4d5e-8f60-718293a4b5c6' }, 'clientSecret:googleSecretLooksLikeEntraId'],
    [
      { clientSecret: 'Abc8Q~abcdefghijklmnopqrstuvwxyz01234567' },
      'clientSecret:googleSecretLooksLikeEntraValue',
    ],
    [{ clientSecret: 'GOCSPX-short' }, 'clientSecret:googleSecretInvalid'],
    [{ clientSecret: '' }, 'clientSecret:googleSecretRequired'],
    [{ clientSecret: '', publicClient: true }, 'clientSecret:googleNoPublicClient'],
    [{ tenant: 'contoso.onmicrosoft.com' }, 'tenant:googleNoTenant'],
    [{ cloud: 'china' }, 'cloud:googleNoTenant'],
    [{ providerValue: 'two' }, 'providerValue:providerValueInvalid'],
    [{ appAudience: 'staging' }, 'appAudience:appAudienceInvalid'],
  ])('names what was pasted instead: %o', (change, expected) => {
    expect(issues({ ...INPUT, ...change })).toEqual([expected]);
  });

  it('takes an older client secret (24 characters, no prefix) and the form’s Microsoft defaults', () => {
    expect(
      issues({ ...INPUT, clientSecret: 'abcdefghijklmnopqrstuvwx', tenant: 'common', cloud: 'global' }),
    ).toEqual([]);
  });

  it('writes Google’s endpoints, the unconfirmed Provider=0 or the admin’s value, and no tenant', () => {
    const result = validateProfile({ ...INPUT, appAudience: 'testing' });
    if (!result.ok) throw new Error('invalid');
    const values = issuedValues(
      result.profile,
      { refreshToken: '1//0gRefresh', username: 'printer@example.co.jp' },
      ['https://mail.google.com/', 'openid', 'email'],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(values.oauth2).toMatchObject({
      TokenURI: 'https://oauth2.googleapis.com/token',
      OuthURI: 'https://accounts.google.com/o/oauth2/v2/auth',
      Provider: '0',
      ClientSecret: SECRET,
    });
    expect(values.meta).not.toHaveProperty('Tenant');
    expect(values.meta).toMatchObject({ AppAudience: 'testing', Authority: 'https://accounts.google.com' });
    const overridden = validateProfile({ ...INPUT, providerValue: '2' });
    if (!overridden.ok) throw new Error('invalid');
    expect(
      issuedValues(overridden.profile, { refreshToken: 'r', username: '' }, [], new Date()).oauth2.Provider,
    ).toBe('2');
  });
});

describe('Google token files', () => {
  it.each([
    ['https://oauth2.googleapis.com/token', 'https://oauth2.googleapis.com/token'],
    ['https://accounts.google.com/o/oauth2/token', 'https://accounts.google.com/o/oauth2/token'],
    ['https://www.googleapis.com/oauth2/v4/token', 'https://www.googleapis.com/oauth2/v4/token'],
    ['https://accounts.google.com/o/oauth2/v2/auth', 'https://oauth2.googleapis.com/token'],
  ])('%s is Google’s: redeemed at %s, as the sender does', (uri, tokenUri) => {
    expect(recognizeUri(uri)).toMatchObject({ provider: 'google', tokenUri });
  });

  it('a Microsoft or private authority stays Microsoft’s', () => {
    expect(recognizeUri('https://login.microsoftonline.com/common/oauth2/v2.0/token')?.provider).toBe(
      'microsoft',
    );
    expect(recognizeUri('https://127.0.0.1:8443/common/oauth2/v2.0/token')?.provider).toBe('microsoft');
    expect(recognizeUri('https://oauth2.googleapis.com.evil.example/token')?.provider).toBe('microsoft');
  });

  it('redeems for the one mail scope whatever the protocols', () => {
    const recorded = recordedProfile(googleFile({ Protocols: 'smtp,imap,pop' }), 'g.ini');
    expect(recorded).toMatchObject({
      provider: 'google',
      protocols: ['smtp', 'imap', 'pop'],
      scopes: ['https://mail.google.com/'],
    });
  });

  it('reads Google’s error answers, and only a dead grant needs a new sign-in', () => {
    const dead = google.tokenError({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
    expect(dead).toMatchObject({
      code: 'oauth-error',
      params: { error: 'invalid_grant', provider: 'google' },
    });
    expect(google.needsReissue(dead)).toBe(true);
    expect(
      google.needsReissue(
        google.tokenError({ error: 'unauthorized_client', error_description: 'Unauthorized' }),
      ),
    ).toBe(true);
    expect(
      google.needsReissue(google.tokenError({ error: 'invalid_client', error_description: 'Unauthorized' })),
    ).toBe(false);
    expect(
      google.needsReissue(new RtwError('idp-timeout', { host: 'oauth2.googleapis.com', seconds: 30 })),
    ).toBe(false);
    // Entra's AADSTS codes are Microsoft's: Google never says re-issue for them.
    expect(
      google.needsReissue(
        new RtwError('aadsts', { aadsts: 700082, error: 'invalid_grant', description: '' }),
      ),
    ).toBe(false);
    expect(providerOf('microsoft').needsReissue(dead)).toBe(true);
  });

  it('sends each protocol to Gmail’s servers', () => {
    const account = { cloud: 'global', tenant: '', userId: 'printer@example.co.jp' };
    expect(google.mailHost(account, 'smtp')).toEqual({
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls',
    });
    expect(google.mailHost(account, 'imap')).toEqual({ host: 'imap.gmail.com', port: 993, security: 'tls' });
    expect(google.mailHost(account, 'pop')).toEqual({ host: 'pop.gmail.com', port: 995, security: 'tls' });
  });
});

function googleFile(meta: Record<string, string>): TokenFileContent {
  return {
    oauth2: {
      UserID: 'printer@example.co.jp',
      ClientID: CLIENT_ID,
      ClientSecret: SECRET,
      RefreshToken: '1//0gRefreshToken',
      TokenURI: 'https://oauth2.googleapis.com/token',
      Provider: '0',
    },
    meta,
  };
}

describe('the health of a Google file (injected clock)', () => {
  it('counts six months of inactivity, not Entra’s 90 days', () => {
    const h = tokenHealthOf(
      'g.ini',
      googleFile({ IssuedAt: '2026-01-01T00:00:00Z' }),
      new Date('2026-04-15T00:00:00Z'),
    );
    expect(h).toMatchObject({ provider: 'google', token: 'ok', deadlineReason: 'inactivity' });
    expect(h.inactivityDeadline).toBe('2026-07-03T00:00:00.000Z');
  });

  it('a consent screen in Testing: the token dies seven days after consent, and refreshing does not help', () => {
    const meta = {
      IssuedAt: '2026-12-01T00:00:00Z',
      LastRefreshedAt: '2026-12-05T00:00:00Z',
      AppAudience: 'testing',
    };
    const soon = tokenHealthOf('g.ini', googleFile(meta), new Date('2026-12-06T00:00:00Z'));
    expect(soon).toMatchObject({ token: 'warning', deadlineReason: 'testing', daysLeft: 2 });
    expect(soon.inactivityDeadline).toBe('2026-12-08T00:00:00.000Z');
    expect(soon.warnings[0]?.en).toContain('Testing');
    expect(soon.warnings[0]?.ja).toContain('テスト中');
    const dead = tokenHealthOf('g.ini', googleFile(meta), new Date('2026-12-09T00:00:00Z'));
    expect(dead).toMatchObject({ token: 'expired', deadlineReason: 'testing' });
    // In production the same dates are six months of life.
    const published = tokenHealthOf(
      'g.ini',
      googleFile({ ...meta, AppAudience: 'production' }),
      new Date('2026-12-09T00:00:00Z'),
    );
    expect(published).toMatchObject({ token: 'ok', deadlineReason: 'inactivity' });
  });

  it('a time-limited grant ends when Google said', () => {
    const h = tokenHealthOf(
      'g.ini',
      googleFile({ IssuedAt: '2026-12-01T00:00:00Z', RefreshTokenExpiresAt: '2026-12-20T00:00:00Z' }),
      new Date('2026-12-06T00:00:00Z'),
    );
    expect(h).toMatchObject({
      token: 'warning',
      deadlineReason: 'granted',
      inactivityDeadline: '2026-12-20T00:00:00.000Z',
    });
  });
});

describe('what Google answers about itself', () => {
  it('reads tokeninfo’s answer (numbers as strings), and has no device code, saying why', () => {
    expect(
      google.tokenInfo?.read({
        azp: '1-x.apps.googleusercontent.com',
        aud: '1-x.apps.googleusercontent.com',
        scope: 'https://mail.google.com/ openid',
        exp: '1796000000',
        expires_in: '3599',
        email: 'printer@example.co.jp',
      }),
    ).toEqual({
      scopes: ['https://mail.google.com/', 'openid'],
      audience: '1-x.apps.googleusercontent.com',
      expiresAt: new Date(1796000000 * 1000).toISOString(),
      user: 'printer@example.co.jp',
    });
    expect(google.tokenInfo?.read({ error: 'invalid_token' })).toBeUndefined();
    expect(google.tokenInfo?.endpoint).toBe('https://oauth2.googleapis.com/tokeninfo');
    expect(google.deviceCode).toBeUndefined();
    expect(google.noDeviceCode?.en).toContain('https://mail.google.com/');
    expect(google.noDeviceCode?.ja).toContain('デバイス コード');
    expect(google.refreshToken).toEqual({ inactivityDays: 183, rotates: false, scopeOnRefresh: false });
  });

  it('the health report notes a Provider= other than Google’s, and not Google’s own', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const own = tokenHealthOf('g.ini', googleFile({ IssuedAt: '2026-12-01T00:00:00Z' }), now);
    expect(own.warnings).toEqual([]);
    const other = googleFile({ IssuedAt: '2026-12-01T00:00:00Z' });
    other.oauth2.Provider = '3';
    const h = tokenHealthOf('g.ini', other, now);
    expect(h.warnings.map((w) => w.en)).toEqual([
      expect.stringContaining('Provider= is 3, not 0, which this tool writes for Google'),
    ]);
    expect(h.warnings[0]?.ja).toContain('--provider-value 0');
  });
});
