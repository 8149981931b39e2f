/**
 * The device code flow, in process, against the sandbox reached at Entra's production hostnames: our RFC 8628
 * client and polling loop, our network client and the INI writer, with the sandbox's 1-second interval. Time is
 * one fake clock shared by the flow and the sandbox (which judges "too early" polls and expiry by it): the tests
 * move it, nothing waits for real time to pass.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fetch } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_CODE_GRANT_TYPE } from '../../../electron/core/oauth/index.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../helpers/sandbox-network.js';
import type { SandboxRoute } from '../../helpers/sandbox-network.js';
import { runDeviceCodeAcquisition } from '../../../electron/core/sign-in/device-code.js';
import type { DeviceCodeDeps, DeviceCodeEvent } from '../../../electron/core/sign-in/device-code.js';
import { validateProfile } from '../../../electron/core/sign-in/profile.js';
import type { Profile, ProfileInput } from '../../../electron/core/sign-in/profile.js';
import { routeToSandbox } from '../../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../../helpers/acquisition.js';
import { fakeClock } from '../../helpers/fake-clock.js';
import type { FakeClock } from '../../helpers/fake-clock.js';

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the CLI's node:https network client. */
let route: SandboxRoute;
let dir: string;
let cleanup: () => Promise<void>;
/** This test's time, for the flow and the sandbox alike. */
let clock: FakeClock = fakeClock();

beforeAll(async () => {
  idp = await createSandboxIdp({
    deviceCode: { intervalSeconds: 1, expiresInSeconds: 30 },
    now: () => new Date(clock.now()),
  });
  route = await startSandboxRoute(idp);
});
afterAll(async () => {
  await route.close();
  await idp.close();
});
beforeEach(async () => {
  clock = fakeClock();
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.signInAs(null);
  idp.forceSlowDown(0);
  idp.setDeviceCodeTiming({ intervalSeconds: 1, expiresInSeconds: 30, slowDownStepSeconds: 5 });
});
afterEach(async () => {
  await cleanup();
});

function profileFor(overrides: ProfileInput = {}): Profile {
  const result = validateProfile({
    clientId: idp.apps.public.clientId,
    publicClient: true,
    userId: idp.users.admin.upn,
    outFile: path.join(dir, 'smail_refresh_token.ini'),
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.map((i) => i.key)));
  return result.profile;
}

type DeviceCodeShown = Extract<DeviceCodeEvent, { type: 'device-code' }>;

/**
 * Runs the flow; `user` plays the person at https://microsoft.com/devicelogin once the code is shown, and moves
 * the clock (`poll` below) when the story needs time to pass.
 */
async function run(
  profile: Profile,
  user: (shown: DeviceCodeShown) => void | Promise<void>,
  deps: Partial<DeviceCodeDeps> = {},
): Promise<{ events: DeviceCodeEvent[]; result: Awaited<ReturnType<typeof runDeviceCodeAcquisition>> }> {
  const events: DeviceCodeEvent[] = [];
  let acting: Promise<void> = Promise.resolve();
  const result = await runDeviceCodeAcquisition(profile, {
    network: sandboxNetworkClient(route),
    clock,
    ...deps,
    onEvent: (event) => {
      events.push(event);
      if (event.type === 'device-code') acting = Promise.resolve(user(event));
      deps.onEvent?.(event);
    },
  });
  await acting;
  return { events, result };
}

/** Lets the flow's next poll happen: waits until it sleeps (its poll answered), then moves time by `ms`. */
async function poll(ms = 1000): Promise<void> {
  // Two sleepers while polling: the countdown's tick and the poll loop's wait.
  await clock.waitForSleepers(2);
  await clock.advance(ms);
}

function polls(): Array<{ at: number; error: string | undefined }> {
  return (
    idp
      .requests()
      // RFC 8628's grant type, which Entra documents (MSAL sent a short form, `device_code`, that Entra also takes).
      .filter((r) => r.grantType === DEVICE_CODE_GRANT_TYPE)
      .map((r) => ({ at: Date.parse(r.at), error: r.error }))
  );
}

describe('device code flow', () => {
  it('shows the code, polls at the interval Entra gives, and writes the INI with an empty ClientSecret', async () => {
    const profile = profileFor({ protocols: ['smtp', 'imap'] });
    // The "user" signs in after a couple of polls have been answered authorization_pending.
    const { events, result } = await run(profile, async (shown) => {
      await poll();
      await poll();
      idp.approveDeviceCode(shown.userCode);
      await poll();
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);

    const shown = events.find((e): e is DeviceCodeShown => e.type === 'device-code');
    expect(shown).toMatchObject({
      verificationUri: 'https://microsoft.com/devicelogin',
      expiresIn: 30,
      interval: 1,
    });
    expect(shown?.userCode).toMatch(/^[A-Z0-9]{9}$/);
    expect(shown?.message).toContain(shown?.userCode ?? '?');
    expect(events.at(-1)).toMatchObject({ type: 'written', userId: idp.users.admin.upn, created: true });
    expect(events.some((e) => e.type === 'polling')).toBe(true);

    const bytes = (await bytesOf(profile.outFile)) ?? Buffer.alloc(0);
    const read = (key: string): string | undefined => getPrivateProfileString(bytes, 'OAUTH2', key);
    expect(read('ClientSecret')).toBe('');
    expect(read('ClientID')).toBe(idp.apps.public.clientId);
    expect(read('TokenURI')).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Scopes')).toBe(
      'https://outlook.office.com/SMTP.Send https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
    );
    expect(((await stat(profile.outFile)).mode & 0o777).toString(8)).toBe('600');

    // One device code request, then polls: pending ones, spaced by the interval, never too early, then tokens.
    const requests = idp.requests();
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/common/oauth2/v2.0/devicecode',
      status: 200,
    });
    expect(requests[0]?.scope).toContain('https://outlook.office.com/SMTP.Send');
    const seen = polls();
    // The first at once, then one a second: the interval Entra gave, never sooner.
    expect(seen.map((p) => p.error)).toEqual([
      'authorization_pending',
      'authorization_pending',
      'authorization_pending',
      undefined,
    ]);
    expect(seen.map((p) => p.at - (seen[0]?.at ?? 0))).toEqual([0, 1000, 2000, 3000]);

    // The token works without a secret, and a sender that adds one is refused: AADSTS700025, as the note says.
    const redeem = (extra: Record<string, string>) =>
      fetch('https://login.microsoftonline.com/common/oauth2/v2.0/token', {
        method: 'POST',
        dispatcher: routeToSandbox(idp),
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: idp.apps.public.clientId,
          refresh_token: read('RefreshToken') ?? '',
          ...extra,
        }),
      });
    expect((await redeem({})).status).toBe(200);
    const withSecret = (await (
      await redeem({ client_secret: 'Abc8Q~anySecretASenderMightSend' })
    ).json()) as {
      error_codes: number[];
    };
    expect(withSecret.error_codes).toEqual([700025]);
  });

  it('backs off on slow_down (RFC 8628: the interval grows) and still completes', async () => {
    idp.setDeviceCodeTiming({ slowDownStepSeconds: 5 });
    idp.forceSlowDown(1);
    const { result } = await run(profileFor(), async (shown) => {
      // Slowed down: the next poll comes only after interval + step (1 + 5 s).
      await poll(5999);
      expect(polls()).toHaveLength(1);
      await clock.advance(1);
      await poll(6000);
      idp.approveDeviceCode(shown.userCode);
      await poll(6000);
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const seen = polls();
    expect(seen.map((p) => p.error)).toEqual([
      'slow_down',
      'authorization_pending',
      'authorization_pending',
      undefined,
    ]);
    // After slow_down, interval + step between polls, and the sandbox never had to say it again.
    expect(seen.map((p) => p.at - (seen[0]?.at ?? 0))).toEqual([0, 6000, 12000, 18000]);
  });

  it('a declined sign-in fails as declined and writes nothing', async () => {
    const profile = profileFor();
    const { result } = await run(profile, (shown) => idp.declineDeviceCode(shown.userCode));
    expect(result).toMatchObject({ ok: false, code: 'device-code-declined' });
    if (result.ok) return;
    expect(result.explanation.id).toBe('device-code-declined');
    expect(await bytesOf(profile.outFile)).toBeUndefined();
  });

  it('an expired code fails as expired (exit 6 in the CLI) and writes nothing', async () => {
    idp.setDeviceCodeTiming({ expiresInSeconds: 2 });
    const profile = profileFor();
    const { result } = await run(profile, async () => {
      await poll();
      await poll();
    });
    expect(result).toMatchObject({ ok: false, code: 'device-code-expired' });
    if (result.ok) return;
    expect(result.explanation.title.en).toContain('2 seconds');
    expect(await bytesOf(profile.outFile)).toBeUndefined();
  });

  it('an app that does not allow public client flows: AADSTS7000218 explained as that setting', async () => {
    const profile = profileFor({ clientId: idp.apps.confidential.clientId });
    const { result, events } = await run(profile, () => undefined);
    expect(result).toMatchObject({ ok: false, code: 'device-code-not-public' });
    if (result.ok) return;
    expect(result.explanation.raw?.aadsts).toBe(7000218);
    expect(result.explanation.steps.map((s) => s.en).join(' ')).toContain('Allow public client flows');
    expect(result.explanation.steps.map((s) => s.ja).join(' ')).toContain(
      'パブリック クライアント フローを許可する',
    );
    // Caught at the first poll, not after the code expired.
    expect(polls()).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['device-code', 'failed']);
  });

  it('an unknown app is refused at the device code endpoint, before any code is shown', async () => {
    const { result, events } = await run(
      profileFor({ clientId: '0b1c2d3e-0000-4000-8000-000000000000' }),
      () => undefined,
    );
    expect(result).toMatchObject({ ok: false, code: 'aadsts' });
    if (result.ok) return;
    expect(result.explanation.id).toBe('AADSTS700016');
    expect(events.map((e) => e.type)).toEqual(['failed']);
    expect(polls()).toHaveLength(0);
  });

  it('cancels at once, stops polling and writes nothing', async () => {
    const controller = new AbortController();
    const profile = profileFor();
    const { result, events } = await run(
      profile,
      async () => {
        await clock.waitForSleepers(2);
        // Cancelled while it waits between polls: it ends without waiting for the interval to pass.
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
    expect(events.at(-1)).toEqual({ type: 'cancelled' });
    const count = polls().length;
    expect(clock.pending).toBe(0);
    await clock.advance(10_000);
    expect(polls().length).toBe(count);
    expect(await bytesOf(profile.outFile)).toBeUndefined();
  });

  it('a personal Outlook.com account signs in through consumers; work tenants by ID or domain', async () => {
    const personal = profileFor({ tenant: 'consumers', userId: idp.users.personal.upn });
    const { result } = await run(personal, (shown) =>
      idp.approveDeviceCode(shown.userCode, idp.users.personal.upn),
    );
    expect(result).toMatchObject({ ok: true, signedInAs: idp.users.personal.upn });
    const bytes = (await bytesOf(personal.outFile)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      'https://login.microsoftonline.com/consumers/oauth2/v2.0/token',
    );

    for (const tenant of [idp.defaults.tenants.work.id, 'contoso.onmicrosoft.com']) {
      const work = profileFor({ tenant, outFile: path.join(dir, `${tenant}.ini`) });
      // Entra's page refuses a personal account for a work tenant; the code stays pending for the right one.
      const { result: ok } = await run(work, (shown) => {
        expect(() => idp.approveDeviceCode(shown.userCode, idp.users.personal.upn)).toThrow(/AADSTS50020/);
        idp.approveDeviceCode(shown.userCode, idp.users.printer.upn);
      });
      expect(ok).toMatchObject({ ok: true, signedInAs: idp.users.printer.upn });
    }
  });

  it('refuses a profile with a secret: device code writes none', async () => {
    const profile = profileFor({
      publicClient: false,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    const { result } = await run(profile, () => undefined);
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(idp.requests()).toEqual([]);
  });
});

describe('the sandbox device code endpoints, as RFC 8628 and Entra speak them', () => {
  it('takes the RFC grant type too, and answers pending, too-early and unknown codes like Entra', async () => {
    const post = async (pathName: string, body: Record<string, string>) => {
      const res = await fetch(`https://login.microsoftonline.com/common/oauth2/v2.0/${pathName}`, {
        method: 'POST',
        dispatcher: routeToSandbox(idp),
        body: new URLSearchParams(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const clientId = idp.apps.public.clientId;
    const code = await post('devicecode', {
      client_id: clientId,
      scope: 'https://outlook.office.com/SMTP.Send',
    });
    expect(code.status).toBe(200);
    const poll = (deviceCode: string) =>
      post('token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: clientId,
        device_code: deviceCode,
      });
    const deviceCode = String(code.body.device_code);
    expect((await poll(deviceCode)).body).toMatchObject({
      error: 'authorization_pending',
      error_codes: [70016],
    });
    expect((await poll(deviceCode)).body).toMatchObject({ error: 'slow_down', error_codes: [] });
    expect((await poll('DAQABnot-a-code')).body).toMatchObject({
      error: 'bad_verification_code',
      error_codes: [70018],
    });
  });
});
