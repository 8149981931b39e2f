/**
 * The decisions of a client secret rotation (electron/core/upkeep/rotate-secret.ts), over real files and the
 * product's network client with a scripted identity provider (Entra- and Google-shaped answers): what stops it
 * before any file is touched, which file proves the secret, what a dead token or another app's file gets, what is
 * written and in which order the outcomes come. The sandbox round trip: rotate-secret.int.test.ts and the CLI's.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import { readTokenFile } from '../../../electron/core/token-file/token-file.js';
import { createNetworkClient } from '../../../electron/core/transport/network-client.js';
import type { RawResponse } from '../../../electron/core/transport/network-client.js';
import {
  planSecretRotation,
  rotateClientSecret,
  summarizeRotation,
} from '../../../electron/core/upkeep/rotate-secret.js';
import type {
  NewClientSecret,
  RotationOutcome,
  SecretRotationDeps,
} from '../../../electron/core/upkeep/rotate-secret.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const ENTRA_APP = '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
const OTHER_APP = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const GOOGLE_APP = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
const OLD_SECRET = 'Old8Q~oldoldoldoldoldoldoldoldoldoldold1';
const NEW_SECRET = 'New8Q~newnewnewnewnewnewnewnewnewnewnew1';
const GOOGLE_OLD = 'GOCSPX-oldoldoldoldoldoldoldoldoldo';
const GOOGLE_NEW = 'GOCSPX-newnewnewnewnewnewnewnewnewn';
const ENTRA_TOKEN_URI = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

const dir = useTempDir('rotate-secret');

/** What the scripted identity provider does with a refresh token. */
type TokenFate = 'ok' | 'dead';

interface FileSpec {
  name: string;
  clientId?: string;
  secret?: string;
  token: string;
  google?: boolean;
}

/** Writes a token file as a sign-in would have: the SMAIL keys, and our scopes and secret expiry. */
async function tokenFile(spec: FileSpec): Promise<string> {
  const google = spec.google === true;
  const file = path.join(dir.path, spec.name);
  const tokenUri = google ? GOOGLE_TOKEN_URI : ENTRA_TOKEN_URI;
  await writeFile(
    file,
    [
      '[OAUTH2]',
      `UserID=${spec.name.replace('.ini', '')}@contoso.com`,
      `ClientID=${spec.clientId ?? (google ? GOOGLE_APP : ENTRA_APP)}`,
      `ClientSecret=${spec.secret ?? (google ? GOOGLE_OLD : OLD_SECRET)}`,
      `RefreshToken=${spec.token}`,
      `TokenURI=${tokenUri}`,
      `OuthURI=${tokenUri.replace('token', 'authorize')}`,
      'OAUTH2_TIME_OUT=30',
      `Provider=${google ? '0' : '1'}`,
      '[RefreshTokenWizard]',
      `Scopes=${google ? 'https://mail.google.com/' : 'https://outlook.office.com/SMTP.Send offline_access'}`,
      'ClientSecretExpiresAt=2026-01-31',
      'Note=kept',
      '',
    ].join('\r\n'),
  );
  return file;
}

/**
 * An identity provider answering refresh grants as Entra or Google do: the client first (a secret it does not
 * know is `invalid_client`), then the token (`invalid_grant` for a dead one). Entra rotates the token, Google
 * does not. `hold` keeps answers back until released, to decide the order in which they arrive.
 */
function scriptedIdp(options: {
  secrets: string[];
  fates: Record<string, TokenFate>;
  expiredSecrets?: string[];
}) {
  const sent: Array<{ token: string; secret: string | null }> = [];
  const held: Array<() => void> = [];
  let hold = false;
  const answer = (url: string, form: URLSearchParams): RawResponse => {
    const google = url === GOOGLE_TOKEN_URI;
    const token = form.get('refresh_token') ?? '';
    const secret = form.get('client_secret');
    sent.push({ token, secret });
    const json = (status: number, body: object): RawResponse => ({
      status,
      headers: {},
      text: JSON.stringify(body),
    });
    if (secret === null || !options.secrets.includes(secret)) {
      if (google) return json(401, { error: 'invalid_client', error_description: 'Unauthorized' });
      const expired = secret !== null && (options.expiredSecrets ?? []).includes(secret);
      const code = expired ? 7000222 : 7000215;
      return json(401, {
        error: 'invalid_client',
        error_description: `AADSTS${code}: ${expired ? 'The provided client secret keys are expired.' : 'Invalid client secret provided.'}`,
        error_codes: [code],
      });
    }
    if (options.fates[token] !== 'ok') {
      if (google)
        return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return json(400, {
        error: 'invalid_grant',
        error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
        error_codes: [700082],
      });
    }
    return json(200, {
      token_type: 'Bearer',
      access_token: `at-${token}`,
      expires_in: 3599,
      scope: form.get('scope') ?? '',
      ...(google ? {} : { refresh_token: `${token}-next` }),
    });
  };
  const network = () =>
    createNetworkClient(
      async (url, init) => {
        const raw = answer(url, new URLSearchParams(init.body));
        if (hold) await new Promise<void>((resolve) => held.push(resolve));
        return raw;
      },
      {
        timeoutMs: 5000,
        classify: (error, host) => new RtwError('idp-unreachable', { host, reason: String(error) }),
      },
    );
  return {
    network,
    sent,
    held,
    holdAnswers(on: boolean) {
      hold = on;
    },
  };
}

function deps(
  idp: ReturnType<typeof scriptedIdp>,
  extra: Partial<SecretRotationDeps> = {},
): SecretRotationDeps {
  return {
    createNetworkClient: idp.network,
    now: () => new Date('2026-03-01T09:00:00Z'),
    lock: { waitMs: 0 },
    ...extra,
  };
}

async function rotate(
  files: string[],
  idp: ReturnType<typeof scriptedIdp>,
  secret: NewClientSecret = { value: NEW_SECRET, expiresAt: '2027-03-01' },
  clientId = ENTRA_APP,
  extra: Partial<SecretRotationDeps> = {},
) {
  const plan = await planSecretRotation(clientId, files);
  return rotateClientSecret(plan, secret, deps(idp, extra));
}

async function values(
  file: string,
): Promise<{ oauth2: Record<string, string>; meta: Record<string, string> }> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new Error(`no ${file}`);
  return content;
}

async function bytes(files: string[]): Promise<Buffer[]> {
  return Promise.all(files.map((f) => readFile(f)));
}

describe('a wrong secret stops the rotation before any file is touched', () => {
  it('a Value Entra refuses (AADSTS7000215) is tried on the first file only, and nothing is written', async () => {
    const files = [
      await tokenFile({ name: 'a.ini', token: 'tok-a' }),
      await tokenFile({ name: 'b.ini', token: 'tok-b' }),
    ];
    const before = await bytes(files);
    const idp = scriptedIdp({ secrets: [OLD_SECRET], fates: { 'tok-a': 'ok', 'tok-b': 'ok' } });
    const result = await rotate(files, idp);
    expect(result).toMatchObject({ status: 'refused', file: files[0], code: 'aadsts' });
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.explanation.title.en).toContain('secret');
    expect(idp.sent).toEqual([{ token: 'tok-a', secret: NEW_SECRET }]);
    expect(await bytes(files)).toEqual(before);
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('an expired new secret (AADSTS7000222) is refused too, not taken for a dead token of the first file', async () => {
    const files = [await tokenFile({ name: 'a.ini', token: 'tok-a' })];
    const before = await bytes(files);
    const idp = scriptedIdp({ secrets: [], fates: { 'tok-a': 'ok' }, expiredSecrets: [NEW_SECRET] });
    const result = await rotate(files, idp);
    expect(result).toMatchObject({ status: 'refused', code: 'aadsts' });
    expect(await bytes(files)).toEqual(before);
  });

  it('a secret Google does not know (invalid_client) stops it the same way', async () => {
    const files = [await tokenFile({ name: 'g.ini', token: 'tok-g', google: true })];
    const before = await bytes(files);
    const idp = scriptedIdp({ secrets: [GOOGLE_OLD], fates: { 'tok-g': 'ok' } });
    const result = await rotate(files, idp, { value: GOOGLE_NEW, expiresAt: '' }, GOOGLE_APP);
    expect(result).toMatchObject({ status: 'refused', code: 'oauth-error' });
    expect(await bytes(files)).toEqual(before);
  });

  it('a secret of the wrong shape is refused by the provider’s own rules, without a request', async () => {
    const entra = [await tokenFile({ name: 'a.ini', token: 'tok-a' })];
    const google = [await tokenFile({ name: 'g.ini', token: 'tok-g', google: true })];
    const idp = scriptedIdp({ secrets: [NEW_SECRET], fates: { 'tok-a': 'ok', 'tok-g': 'ok' } });
    // The secret's ID (a GUID) pasted instead of its Value, and a date that is not one.
    const asId = await rotate(entra, idp, {
      value: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      expiresAt: '2027-02-30',
    });
    expect(asId.status).toBe('invalid-secret');
    if (asId.status !== 'invalid-secret') throw new Error('unreachable');
    expect(asId.issues.map((i) => [i.field, i.key])).toEqual([
      ['clientSecret', 'secretLooksLikeId'],
      ['clientSecretExpiresAt', 'secretExpiryInvalid'],
    ]);
    // An Entra Value given for a Google client.
    const entraForGoogle = await rotate(google, idp, { value: NEW_SECRET, expiresAt: '' }, GOOGLE_APP);
    expect(entraForGoogle).toMatchObject({
      status: 'invalid-secret',
      issues: [{ field: 'clientSecret', key: 'googleSecretLooksLikeEntraValue' }],
    });
    expect(idp.sent).toEqual([]);
  });
});

describe('a fleet of files', () => {
  it('rotates the app’s files, records the secret in a dead one, skips others, reports the unreadable', async () => {
    const other = await tokenFile({ name: '1-other.ini', token: 'tok-other', clientId: OTHER_APP });
    const dead = await tokenFile({ name: '2-dead.ini', token: 'tok-dead' });
    const good = await tokenFile({ name: '3-good.ini', token: 'tok-good' });
    const publicClient = await tokenFile({ name: '4-public.ini', token: 'tok-public', secret: '' });
    const broken = path.join(dir.path, '5-broken.ini');
    await writeFile(broken, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const good2 = await tokenFile({
      name: '6-good.ini',
      token: 'tok-good2',
      clientId: ENTRA_APP.toUpperCase(),
    });
    const untouched = await bytes([other, publicClient]);
    const idp = scriptedIdp({
      secrets: [OLD_SECRET, NEW_SECRET],
      fates: { 'tok-good': 'ok', 'tok-good2': 'ok', 'tok-other': 'ok', 'tok-public': 'ok' },
    });
    const order: string[] = [];
    const result = await rotate([other, dead, good, publicClient, broken, good2], idp, undefined, ENTRA_APP, {
      onOutcome: (o, i) => order.push(`${i}:${o.status}`),
    });
    expect(result.status).toBe('done');
    if (result.status !== 'done') throw new Error('unreachable');
    expect(result.verified).toBe(true);
    expect(result.outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['1-other.ini', 'skipped'],
      ['2-dead.ini', 'needs-sign-in'],
      ['3-good.ini', 'rotated'],
      ['4-public.ini', 'skipped'],
      ['5-broken.ini', 'failed'],
      ['6-good.ini', 'rotated'],
    ]);
    expect(order).toEqual(result.outcomes.map((o, i) => `${i}:${o.status}`));
    expect(result.outcomes[0]).toMatchObject({ reason: 'other-app', clientId: OTHER_APP });
    expect(result.outcomes[3]).toMatchObject({ reason: 'public-client' });
    expect(result.outcomes[1]).toMatchObject({
      secretRecorded: true,
      reissueCommand: `rtw acquire --from "${dead}"`,
      code: 'aadsts',
    });
    expect(summarizeRotation(result.outcomes)).toEqual({
      total: 6,
      rotated: 2,
      needsSignIn: 1,
      failed: 1,
      skipped: 2,
    });
    // The dead file was tried first (it proved nothing), then the good one proved the secret; the rest once each;
    // nothing was sent for the files of another app or the public client.
    expect(idp.sent.map((s) => s.token)).toEqual(['tok-dead', 'tok-good', 'tok-good2']);
    expect(idp.sent.every((s) => s.secret === NEW_SECRET)).toBe(true);

    for (const [file, token] of [
      [good, 'tok-good-next'],
      [good2, 'tok-good2-next'],
    ] as const) {
      const { oauth2, meta } = await values(file);
      expect(oauth2).toMatchObject({ ClientSecret: NEW_SECRET, RefreshToken: token });
      expect(meta).toMatchObject({
        ClientSecretExpiresAt: '2027-03-01',
        LastRefreshedAt: '2026-03-01T09:00:00.000Z',
        Note: 'kept',
      });
      expect((await readTokenFile(`${file}.bak`)).exists).toBe(true);
    }
    // The dead file: the new secret, its old token, no refresh recorded.
    const deadNow = await values(dead);
    expect(deadNow.oauth2).toMatchObject({ ClientSecret: NEW_SECRET, RefreshToken: 'tok-dead' });
    expect(deadNow.meta.ClientSecretExpiresAt).toBe('2027-03-01');
    expect(deadNow.meta.LastRefreshedAt).toBeUndefined();
    expect(await bytes([other, publicClient])).toEqual(untouched);
  });

  it('when every token is dead the secret is unproven: each file is tried once and none is written', async () => {
    const files = [
      await tokenFile({ name: 'a.ini', token: 'tok-a' }),
      await tokenFile({ name: 'b.ini', token: 'tok-b' }),
    ];
    const before = await bytes(files);
    const idp = scriptedIdp({ secrets: [NEW_SECRET], fates: {} });
    const result = await rotate(files, idp);
    expect(result).toMatchObject({
      status: 'done',
      verified: false,
      outcomes: [
        { status: 'needs-sign-in', secretRecorded: false },
        { status: 'needs-sign-in', secretRecorded: false },
      ],
    });
    expect(idp.sent.map((s) => s.token)).toEqual(['tok-a', 'tok-b']);
    expect(await bytes(files)).toEqual(before);
  });

  it('Google: the token is not rotated, so the file keeps its own, with the new secret; no expiry given is unknown', async () => {
    const file = await tokenFile({ name: 'g.ini', token: 'tok-g', google: true });
    const idp = scriptedIdp({ secrets: [GOOGLE_NEW], fates: { 'tok-g': 'ok' } });
    const result = await rotate([file], idp, { value: ` ${GOOGLE_NEW} ` }, GOOGLE_APP);
    expect(result).toMatchObject({ status: 'done', verified: true, outcomes: [{ status: 'rotated' }] });
    if (result.status !== 'done' || result.outcomes[0]?.status !== 'rotated') throw new Error('unreachable');
    expect(result.outcomes[0].fingerprint).toBe(result.outcomes[0].previousFingerprint);
    const { oauth2, meta } = await values(file);
    expect(oauth2).toMatchObject({ ClientSecret: GOOGLE_NEW, RefreshToken: 'tok-g' });
    expect(meta.ClientSecretExpiresAt).toBe('');
  });

  it('says when none of the files belongs to the app, without a request', async () => {
    const files = [await tokenFile({ name: 'a.ini', token: 'tok-a', clientId: OTHER_APP })];
    const idp = scriptedIdp({ secrets: [NEW_SECRET], fates: { 'tok-a': 'ok' } });
    const result = await rotate(files, idp);
    expect(result).toMatchObject({
      status: 'no-files',
      outcomes: [{ status: 'skipped', reason: 'other-app' }],
    });
    expect(idp.sent).toEqual([]);
  });

  it('hands the outcomes on in the files’ order however the answers arrive', async () => {
    const files: string[] = [];
    for (let i = 0; i < 6; i++) files.push(await tokenFile({ name: `f${i}.ini`, token: `tok-${i}` }));
    const idp = scriptedIdp({
      secrets: [NEW_SECRET],
      fates: Object.fromEntries(files.map((_, i) => [`tok-${i}`, 'ok' as const])),
    });
    const order: number[] = [];
    const plan = await planSecretRotation(ENTRA_APP, files);
    // The first file proves the secret at once; the other five are answered last-sent first.
    let sentBefore = 0;
    const running = rotateClientSecret(
      plan,
      { value: NEW_SECRET },
      deps(idp, {
        parallel: 5,
        onOutcome: (_o: RotationOutcome, index) => order.push(index),
        createNetworkClient: () => {
          if (idp.sent.length >= 1) idp.holdAnswers(true);
          return idp.network();
        },
      }),
    );
    await expect.poll(() => idp.held.length).toBe(5);
    sentBefore = idp.sent.length;
    expect(order).toEqual([0]);
    for (const release of [...idp.held].reverse()) {
      release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await running;
    expect(sentBefore).toBe(6);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.status === 'done' && result.outcomes.every((o) => o.status === 'rotated')).toBe(true);
  });
});
