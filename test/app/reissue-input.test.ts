/**
 * A re-issue that keeps the file's client secret (issue #15, item 8): the secret goes only to the token endpoint the
 * file names. The renderer chooses `changes`, so a changed authority, tenant or cloud must not carry the secret to
 * another host: it has to be entered again.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reissueProfileInput } from '../../electron/app/reissue-input.js';
import { useTempDir } from '../helpers/temp-dir.js';

const CLIENT = '3b1c2d3e-1111-4222-8333-444455556666';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'Qrs8Q~aVeryLongSecretValue0123456789';
const dir = useTempDir('reissue-input');

async function tokenFile(): Promise<string> {
  const file = path.join(dir.path, 'smail_refresh_token.ini');
  const lines = [
    '[OAUTH2]',
    'UserID=printer@contoso.co.jp',
    `ClientID=${CLIENT}`,
    `ClientSecret=${SECRET}`,
    'RefreshToken=1.AXtoken',
    `TokenURI=https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    `OuthURI=https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    'Provider=1',
    '',
  ];
  await writeFile(file, lines.join('\r\n'));
  return file;
}

describe('reissueProfileInput with the file’s secret kept', () => {
  it('keeps the secret for the file’s own token endpoint (other changes are fine)', async () => {
    const file = await tokenFile();
    const input = await reissueProfileInput(file, { userId: 'scanner@contoso.co.jp' }, true);
    expect(input).toMatchObject({ clientSecret: SECRET, tenant: TENANT, userId: 'scanner@contoso.co.jp' });
  });

  it.each([
    ['an authority on another host', { authority: 'https://attacker.example/common' }, 'attacker.example'],
    ['another tenant', { tenant: 'fabrikam.onmicrosoft.com' }, 'login.microsoftonline.com/fabrikam'],
    ['another cloud', { cloud: 'usgov' }, 'login.microsoftonline.us'],
  ])('refuses to send it to %s: the secret must be entered again', async (_name, changes, to) => {
    const file = await tokenFile();
    const error: unknown = await reissueProfileInput(file, changes, true).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'secret-reentry-required',
      params: { from: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token` },
    });
    expect((error as { params: { to: string } }).params.to).toContain(to);
    // The secret is in no part of what the caller sees.
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error)).not.toContain(SECRET);
  });

  it('with the secret entered again, the new authority is used with the new secret only', async () => {
    const file = await tokenFile();
    const input = await reissueProfileInput(
      file,
      { authority: 'https://attacker.example/common', clientSecret: 'typed-again' },
      false,
    );
    expect(input.clientSecret).toBe('typed-again');
  });
});
