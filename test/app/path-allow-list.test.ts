/**
 * The files the window may name (issue #15, item 8): every operation that reads, changes or acts on an existing file
 * refuses, through `dispatch`, a path the admin neither picked in the host's dialog this session nor lists among the
 * mailboxes (nor had a sign-in write), before anything runs: /etc/passwd, or a real token file nobody chose (another
 * user's). A picked file works, and a listed one works in the next session too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { OperationName } from '../../electron/shared/contract.js';
import { fakeKeepAliveHost, fakePlatform } from '../helpers/fake-platform.js';
import { useTempDir } from '../helpers/temp-dir.js';

const CLIENT = '3b1c2d3e-1111-4222-8333-444455556666';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'Qrs8Q~aVeryLongSecretValue0123456789';
const dir = useTempDir('path-allow-list');

async function tokenFile(name: string): Promise<string> {
  const file = path.join(dir.path, name);
  const base = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0`;
  const lines = ['[OAUTH2]', 'UserID=printer@contoso.co.jp', `ClientID=${CLIENT}`, `ClientSecret=${SECRET}`];
  lines.push(
    'RefreshToken=1.AXtoken',
    `TokenURI=${base}/token`,
    `OuthURI=${base}/authorize`,
    'Provider=1',
    '',
  );
  await writeFile(file, lines.join('\r\n'));
  return file;
}

function service() {
  const platform = fakePlatform({ userDataDir: path.join(dir.path, 'userdata') });
  const keepAlive = fakeKeepAliveHost();
  platform.keepAliveHost.mockImplementation(() => keepAlive);
  const service = createWizardService({
    platform,
    createNetworkClient: () => {
      throw new Error('no network in this test');
    },
    emit: () => undefined,
  });
  return { service, platform, keepAlive };
}

/** Each operation that takes a path, with an input naming `file`. */
const inputs = (file: string): Array<[OperationName, unknown]> => [
  ['tokenHealth', { path: file }],
  ['checkTokenFile', { file }],
  ['refreshFiles', { paths: [file] }],
  ['readReissueFile', { path: file }],
  ['startReissue', { path: file, changes: {}, keepFileSecret: true }],
  ['keepAliveStatus', { paths: [file] }],
  ['keepAliveAdd', { paths: [file], everyDays: 7, at: '03:00', loggedOut: false }],
  ['keepAliveRemove', { paths: [file] }],
  ['testAlerts', { paths: [file] }],
  ['setAlertSettings', { email: { to: 'admin@contoso.co.jp', via: file } }],
  ['addMailbox', { path: file }],
  ['setSecretExpiry', { path: file, expiresAt: '2027-01-31' }],
  ['showInFolder', { path: file }],
];

describe('paths the window names', () => {
  it.each(['/etc/passwd', 'another user’s token file'])(
    'refuses %s for every operation that takes a path, before it runs',
    async (which) => {
      const h = service();
      const file = which === '/etc/passwd' ? '/etc/passwd' : await tokenFile('not-chosen.ini');
      const before = which === '/etc/passwd' ? undefined : await readFile(file);
      for (const [name, input] of inputs(file)) {
        const result = await h.service.dispatch(name, input);
        expect({ name, result }).toMatchObject({
          name,
          result: { ok: false, error: { code: 'path-not-allowed', explanation: { id: 'path-not-allowed' } } },
        });
        const { explanation } = (result as { error: { explanation: { title: { ja: string; en: string } } } })
          .error;
        expect(explanation.title.ja).not.toBe('');
        expect(explanation.title.en).not.toBe('');
        expect(JSON.stringify(result)).not.toContain(SECRET);
      }
      // Nothing ran: no folder shown, no scheduler asked, the file unchanged, nothing listed.
      expect(h.platform.showInFolder).not.toHaveBeenCalled();
      expect(h.keepAlive.tools.calls).toEqual([]);
      if (before !== undefined) expect(await readFile(file)).toEqual(before);
      expect(await h.service.dispatch('listMailboxes', undefined)).toMatchObject({
        ok: true,
        value: { mailboxes: [] },
      });
    },
  );

  it('accepts a file picked in the dialog, and in the next session the one the list holds', async () => {
    const h = service();
    const file = await tokenFile('chosen.ini');
    h.platform.chooseTokenFile.mockResolvedValue(file);
    expect(await h.service.dispatch('chooseTokenFile', undefined)).toBe(file);
    expect(await h.service.dispatch('tokenHealth', { path: file })).toMatchObject({
      ok: true,
      value: { mailbox: 'printer@contoso.co.jp' },
    });
    expect(await h.service.dispatch('addMailbox', { path: file })).toMatchObject({ ok: true });
    expect(await h.service.dispatch('showInFolder', { path: file })).toBeUndefined();
    expect(h.platform.showInFolder).toHaveBeenCalledWith(file);
    // Another file of the same folder was not picked.
    const other = await tokenFile('other.ini');
    expect(await h.service.dispatch('tokenHealth', { path: other })).toMatchObject({
      ok: false,
      error: { code: 'path-not-allowed' },
    });

    // A new session (the app started again): nothing picked yet, the listed file still works.
    const next = service();
    expect(
      await next.service.dispatch('setSecretExpiry', { path: file, expiresAt: '2027-01-31' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await readFile(file, 'utf8')).toContain('2027-01-31');
    expect(await next.service.dispatch('tokenHealth', { path: other })).toMatchObject({
      ok: false,
      error: { code: 'path-not-allowed' },
    });
  });

  it('accepts an output file picked in the save dialog', async () => {
    const h = service();
    const file = await tokenFile('saved-as.ini');
    h.platform.chooseOutputFile.mockResolvedValue(file);
    expect(await h.service.dispatch('chooseOutputFile', { suggestedPath: '' })).toBe(file);
    expect(await h.service.dispatch('tokenHealth', { path: file })).toMatchObject({ ok: true });
  });
});
