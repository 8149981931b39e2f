/**
 * Recording when a token file's client secret expires, without signing in: the portal shows the date when the
 * secret is created, and health can only warn in time about a date it knows. Only `ClientSecretExpiresAt` in the
 * wizard's own section changes; the sender's keys and every other line stay byte for byte, the previous file is
 * kept as `.bak`, and the write holds the file's lock like every other writer.
 */
import { RtwError } from '../errors.js';
import { isCalendarDate } from '../sign-in/index.js';
import { readTokenFile, withFileLock, writeTokenFile } from '../token-file/index.js';

/**
 * Writes the expiry (`YYYY-MM-DD`, or '' for "unknown") into the token file at `path`. Refuses a file that is no
 * token file (no UserID or ClientID) or holds no secret (a public client has none to expire), and a date that is
 * not a calendar date.
 */
export async function recordSecretExpiry(path: string, expiresAt: string): Promise<{ expiresAt: string }> {
  const date = expiresAt.trim();
  if (date !== '' && !isCalendarDate(date))
    throw new RtwError('invalid-input', { fields: 'clientSecretExpiresAt' });
  return withFileLock(path, async () => {
    const content = await readTokenFile(path);
    if (!content.exists) throw new RtwError('not-a-token-file', { path, key: 'UserID' });
    for (const key of ['UserID', 'ClientID', 'ClientSecret'] as const)
      if ((content.oauth2[key] ?? '').trim() === '') throw new RtwError('not-a-token-file', { path, key });
    await writeTokenFile(path, { oauth2: {}, meta: { ClientSecretExpiresAt: date } });
    return { expiresAt: date };
  });
}
