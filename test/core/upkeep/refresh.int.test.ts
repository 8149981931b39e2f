import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findTokenFiles, refreshTokenFile, tokenFingerprint } from '../../../electron/core/upkeep/refresh.js';
import type { RefreshOutcome } from '../../../electron/core/upkeep/refresh.js';
import { readTokenFile } from '../../../electron/core/token-file/token-file.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { bytesOf, tempDir } from '../../helpers/acquisition.js';
import { issueTokenFile, sandboxNetwork, tokenIn, worksAtSandbox } from '../../helpers/token-files.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp({ now: () => NOW });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.setFault(null);
});
afterEach(async () => {
  await cleanup();
});

const NOW = new Date('2031-05-06T07:08:09.000Z');
const deps = () => ({ createNetworkClient: () => sandboxNetwork(idp), now: () => NOW });

function file(name = 'smail_refresh_token.ini'): string {
  return path.join(dir, name);
}

/** Adds what an admin or another program put into the file: it must survive every rewrite. */
async function addForeignContent(target: string): Promise<void> {
  const text = await readFile(target, 'utf8');
  await writeFile(
    target,
    `; written by hand\r\n${text.replace('[OAUTH2]\r\n', '[OAUTH2]\r\nLogLevel=3 ; not a comment for Windows\r\n')}[Printer]\r\nModel=MFP-9000\r\n`,
  );
}

describe('refreshTokenFile (in process, against the sandbox)', () => {
  it('writes the rotated token back: it works, .bak holds the previous one, IssuedAt and foreign keys kept', async () => {
    const target = file();
    const original = await issueTokenFile(idp, target, {}, () => NOW);
    await addForeignContent(target);
    const before = await readTokenFile(target);
    idp.clearRequests();

    const outcome = await refreshTokenFile(target, deps());

    expect(outcome).toMatchObject({
      status: 'refreshed',
      mailbox: idp.users.admin.upn,
      refreshedAt: NOW.toISOString(),
    });
    const after = await readTokenFile(target);
    const rotated = await tokenIn(target);
    expect(rotated).not.toBe(original);
    expect(outcome.status === 'refreshed' && outcome.previousFingerprint).toBe(tokenFingerprint(original));
    expect(outcome.status === 'refreshed' && outcome.fingerprint).toBe(tokenFingerprint(rotated));
    // One request in all: the refresh_token POST (no discovery, not even for the sandbox's own host).
    expect(idp.requests()).toMatchObject([{ method: 'POST', grantType: 'refresh_token', status: 200 }]);
    expect(await worksAtSandbox(idp, rotated)).toBe(true);
    expect(await tokenIn(`${target}.bak`)).toBe(original);
    expect(after.exists && after.meta).toMatchObject({
      LastRefreshedAt: NOW.toISOString(),
      IssuedAt: before.exists ? before.meta.IssuedAt : 'missing',
    });
    const text = await readFile(target, 'utf8');
    expect(
      text.startsWith('; written by hand\r\n[OAUTH2]\r\nLogLevel=3 ; not a comment for Windows\r\n'),
    ).toBe(true);
    expect(text).toContain('[Printer]\r\nModel=MFP-9000\r\n');
    // No secret in what the caller can print.
    expect(JSON.stringify(outcome)).not.toContain(rotated);
    expect(JSON.stringify(outcome)).not.toContain(original);
  });

  it.each([
    ['expired through inactivity', 'expireRefreshToken', 'AADSTS700082'],
    ['revoked', 'revokeRefreshToken', 'AADSTS50173'],
  ] as const)(
    'a token %s: needs re-issue, with the command, and the file is untouched',
    async (_n, control, id) => {
      const target = file();
      const token = await issueTokenFile(idp, target, {}, () => NOW);
      idp[control](token);
      const before = await readFile(target);

      const outcome = await refreshTokenFile(target, deps());

      expect(outcome.status).toBe('needs-reissue');
      const reissue = outcome as Extract<RefreshOutcome, { status: 'needs-reissue' }>;
      expect(reissue.explanation.id).toBe(id);
      expect(reissue.reissueCommand).toBe(`rtw acquire --from "${target}"`);
      expect(reissue.explanation.command).toBe(reissue.reissueCommand);
      expect(reissue.explanation.steps[0]?.en).toContain(`rtw acquire --from "${target}"`);
      expect(reissue.explanation.steps[0]?.ja).toContain('再発行');
      expect(await readFile(target)).toEqual(before);
      expect(await bytesOf(`${target}.bak`)).toBeUndefined();
    },
  );

  it('a file without a refresh token is reported, not redeemed', async () => {
    const target = file('other.ini');
    await writeFile(target, '[OAUTH2]\r\nUserID=a@contoso.com\r\n');
    const outcome = await refreshTokenFile(target, deps());
    expect(outcome).toMatchObject({ status: 'failed', code: 'not-a-token-file' });
    expect(idp.requests()).toHaveLength(0);
  });

  it('finds the token files of a folder and skips other INI files', async () => {
    const a = file('a.ini');
    await issueTokenFile(idp, a, {}, () => NOW);
    await writeFile(file('settings.ini'), '[General]\r\nColor=blue\r\n');
    await copyFile(a, file('b.INI'));
    await writeFile(file('notes.txt'), 'x');
    const found = await findTokenFiles([dir]);
    expect(found.files).toEqual([file('a.ini'), file('b.INI')]);
    expect(found.skipped).toEqual([file('settings.ini')]);
  });
});

describe('the point of refreshing (sandbox clock)', () => {
  it('a token refreshed every 80 days keeps working while the never-refreshed one expires', async () => {
    let clock = Date.parse('2031-01-01T00:00:00Z');
    const timed = await createSandboxIdp({ now: () => new Date(clock) });
    try {
      // The default secret expires within these months; a long-lived one keeps the test about the token.
      const secret = timed.registry.addSecret(
        timed.apps.confidential.clientId,
        new Date('2099-01-01T00:00:00Z'),
      );
      const client = { clientId: timed.apps.confidential.clientId, clientSecret: secret.value };
      const target = file();
      const original = await issueTokenFile(
        timed,
        target,
        { clientSecret: secret.value },
        () => new Date(clock),
      );
      for (let round = 0; round < 3; round++) {
        clock += 80 * 86_400_000;
        const outcome = await refreshTokenFile(target, {
          createNetworkClient: () => sandboxNetwork(timed),
          now: () => new Date(clock),
        });
        expect(outcome.status, JSON.stringify(outcome)).toBe('refreshed');
      }
      expect(await worksAtSandbox(timed, await tokenIn(target), client)).toBe(true);
      expect(await worksAtSandbox(timed, original, client)).toBe(false);
      const copy = file('never-refreshed.ini');
      await writeFile(copy, (await readFile(target, 'utf8')).replace(await tokenIn(target), original));
      const stale = await refreshTokenFile(copy, { createNetworkClient: () => sandboxNetwork(timed) });
      expect(stale.status === 'needs-reissue' && stale.explanation.id).toBe('AADSTS700082');
    } finally {
      await timed.close();
    }
  });
});
