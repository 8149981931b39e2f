import { describe, expect, it } from 'vitest';
import { extractRefreshToken } from '../../../../electron/core/providers/microsoft/token-cache.js';

const CLIENT = '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';

function cache(entries: Record<string, object>): string {
  return JSON.stringify({
    Account: {},
    IdToken: {},
    AccessToken: {},
    RefreshToken: entries,
    AppMetadata: {},
  });
}

describe('extractRefreshToken', () => {
  it("takes the signed-in account's token and no other", () => {
    const serialized = cache({
      a: {
        home_account_id: 'other.tenant',
        environment: 'login.microsoftonline.com',
        credential_type: 'RefreshToken',
        client_id: CLIENT,
        secret: 'RT-OTHER',
      },
      b: {
        home_account_id: 'uid.utid',
        environment: 'login.microsoftonline.com',
        credential_type: 'RefreshToken',
        client_id: CLIENT,
        secret: 'RT-MINE',
      },
    });
    expect(extractRefreshToken(serialized, 'uid.utid', CLIENT)).toBe('RT-MINE');
  });

  it('ignores tokens of another client and malformed caches', () => {
    const serialized = cache({
      b: {
        home_account_id: 'uid.utid',
        credential_type: 'RefreshToken',
        client_id: 'someone-else',
        secret: 'RT',
      },
    });
    expect(extractRefreshToken(serialized, 'uid.utid', CLIENT)).toBeUndefined();
    expect(extractRefreshToken('not json', 'uid.utid', CLIENT)).toBeUndefined();
    expect(extractRefreshToken('{}', 'uid.utid', CLIENT)).toBeUndefined();
    expect(
      extractRefreshToken(
        cache({
          b: { home_account_id: 'uid.utid', credential_type: 'RefreshToken', client_id: CLIENT, secret: '' },
        }),
        'uid.utid',
        CLIENT,
      ),
    ).toBeUndefined();
  });
});
