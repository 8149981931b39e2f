import { describe, expect, it } from 'vitest';
import { tokenHealthOf } from '../../../electron/core/upkeep/token-health.js';
import type { TokenFileContent } from '../../../electron/core/token-file/token-file.js';

const TOKEN = `1.AXsandbox${'x'.repeat(120)}`;
const SECRET = 'Qrs8Q~aVeryLongSecretValue0123456789';

function file(meta: Record<string, string>): TokenFileContent {
  return {
    oauth2: {
      UserID: 'printer@contoso.co.jp',
      ClientID: '3b1c2d3e-1111-4222-8333-444455556666',
      ClientSecret: SECRET,
      RefreshToken: TOKEN,
      TokenURI: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    },
    meta: { Protocols: 'smtp,imap', SignedInAs: 'admin@contoso.co.jp', ...meta },
  };
}

const at = (iso: string): Date => new Date(iso);

describe('tokenHealthOf (injected clock)', () => {
  it('counts 90 days from the later of IssuedAt and LastRefreshedAt; masks secrets', () => {
    const h = tokenHealthOf(
      'a.ini',
      file({ IssuedAt: '2025-01-01T00:00:00.000Z', LastRefreshedAt: '2025-03-01T00:00:00.000Z' }),
      at('2025-03-11T12:00:00Z'),
    );
    expect(h).toMatchObject({
      mailbox: 'printer@contoso.co.jp',
      tenant: 'contoso.onmicrosoft.com',
      cloud: 'global',
      protocols: ['smtp', 'imap'],
      signedInAs: 'admin@contoso.co.jp',
      issuedAt: '2025-01-01T00:00:00.000Z',
      lastRefreshedAt: '2025-03-01T00:00:00.000Z',
      inactivityDeadline: '2025-05-30T00:00:00.000Z',
      daysLeft: 79,
      token: 'ok',
      secret: 'unknown',
      warnings: [],
    });
    expect(h.refreshTokenMasked).toBe(`1.AX…(${TOKEN.length})`);
    expect(h.clientSecretMasked).toBe(`Qrs8…(${SECRET.length})`);
    expect(JSON.stringify(h)).not.toContain(TOKEN);
    expect(JSON.stringify(h)).not.toContain(SECRET);
  });

  it('an IssuedAt later than LastRefreshedAt (a re-issue after refreshes) counts from IssuedAt', () => {
    const h = tokenHealthOf(
      'a.ini',
      file({ IssuedAt: '2025-06-01T00:00:00Z', LastRefreshedAt: '2025-03-01T00:00:00Z' }),
      at('2025-06-02T00:00:00Z'),
    );
    expect(h.daysLeft).toBe(89);
  });

  it('warns within 30 days, and says the token expired after 90 days without a refresh', () => {
    const issued = { IssuedAt: '2025-01-01T00:00:00Z' };
    const soon = tokenHealthOf('a.ini', file(issued), at('2025-03-05T00:00:00Z'));
    expect(soon).toMatchObject({ daysLeft: 27, token: 'warning' });
    expect(soon.warnings[0]?.en).toContain('expires in 27 days');
    expect(soon.warnings[0]?.ja).toContain('27 日後');
    const lastHours = tokenHealthOf('a.ini', file(issued), at('2025-03-31T18:00:00Z'));
    expect(lastHours).toMatchObject({ daysLeft: 0, token: 'warning' });
    const gone = tokenHealthOf('a.ini', file(issued), at('2025-04-01T00:00:00Z'));
    expect(gone).toMatchObject({ daysLeft: 0, token: 'expired' });
    expect(gone.warnings[0]?.en).toContain('rtw acquire --from "a.ini"');
  });

  it('the client secret: ok, warning at ≤ 30 days, expired the day after its date', () => {
    const meta = { IssuedAt: '2025-03-01T00:00:00Z', ClientSecretExpiresAt: '2025-03-31' };
    expect(tokenHealthOf('a.ini', file(meta), at('2025-02-01T00:00:00Z'))).toMatchObject({
      secretExpiresAt: '2025-03-31',
      secretDaysLeft: 59,
      secret: 'ok',
    });
    const close = tokenHealthOf('a.ini', file(meta), at('2025-03-02T00:00:00Z'));
    expect(close).toMatchObject({ secretDaysLeft: 30, secret: 'warning' });
    expect(close.warnings.map((w) => w.en).join()).toContain('client secret expires in 30 days (2025-03-31)');
    expect(tokenHealthOf('a.ini', file(meta), at('2025-03-31T23:00:00Z'))).toMatchObject({
      secret: 'warning',
    });
    const past = tokenHealthOf('a.ini', file(meta), at('2025-04-01T00:00:00Z'));
    expect(past.secret).toBe('expired');
    expect(past.warnings[0]?.en).toContain('client secret expired on 2025-03-31');
  });

  it('nothing recorded (a SMAIL file): unknown, with the advice to refresh once', () => {
    const h = tokenHealthOf(
      's.ini',
      { oauth2: { RefreshToken: TOKEN }, meta: {} },
      at('2025-01-01T00:00:00Z'),
    );
    expect(h).toMatchObject({ token: 'unknown', secret: 'unknown', daysLeft: undefined, protocols: [] });
    expect(h.warnings[0]?.en).toContain('rtw refresh "s.ini"');
    const bad = tokenHealthOf(
      's.ini',
      file({ IssuedAt: 'yesterday', ClientSecretExpiresAt: '31/03/2025' }),
      at('2025-01-01T00:00:00Z'),
    );
    expect(bad).toMatchObject({ token: 'unknown', secret: 'unknown' });
  });
});
