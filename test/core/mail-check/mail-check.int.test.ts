/**
 * The token check against real servers on loopback: the sandbox IdP redeems the refresh token, the sandbox
 * SMTP/IMAP/POP servers validate the access token with it, and every failure mode comes back explained.
 */
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkTokenFile, xoauth2String } from '../../../electron/core/mail-check/index.js';
import type { CheckOptions, CheckReport } from '../../../electron/core/mail-check/index.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../helpers/sandbox-network.js';
import type { SandboxRoute } from '../../helpers/sandbox-network.js';
import { readTokenFile, writeTokenFile } from '../../../electron/core/token-file/token-file.js';
import { startSandboxMail, startSilentServer } from '../../fixtures/mail/index.js';
import type { SandboxMail } from '../../fixtures/mail/index.js';
import { routeToSandbox } from '../../fixtures/route-to-sandbox.js';
import { createTlsMaterial } from '../../fixtures/sandbox/tls.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { acquire, sandboxProfile, tempDir } from '../../helpers/acquisition.js';

const SHARED = 'shared@contoso.onmicrosoft.com';

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the CLI's node:https network client. */
let route: SandboxRoute;
let mail: SandboxMail;
let dir: string;
let cleanup: () => Promise<void>;
/** A token file for the admin's own mailbox, all three protocols. */
let ownFile: string;
/** A token file for a shared mailbox the admin signed in for (UserID = the shared mailbox). */
let sharedFile: string;
const rotated: string[] = [];

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  mail = await startSandboxMail({ idp });
  ({ dir, cleanup } = await tempDir());
  idp.registry.addUser({ upn: SHARED, tenantId: idp.defaults.tenants.work.id, displayName: 'Shared' });
  ownFile = path.join(dir, 'own.ini');
  sharedFile = path.join(dir, 'shared.ini');
  const trust = new Agent({ connect: { ca: idp.caPem } });
  for (const [file, userId] of [
    [ownFile, idp.users.admin.upn],
    [sharedFile, SHARED],
  ] as const) {
    const run = await acquire(
      idp,
      sandboxProfile(idp, file, { userId, protocols: ['smtp', 'imap', 'pop'] }),
      {
        dispatcher: routeToSandbox(idp),
      },
    );
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
  }
  await trust.close();
});
afterAll(async () => {
  await mail.close();
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => {
  mail.reset();
  rotated.length = 0;
});

function check(file: string, options: CheckOptions = {}): Promise<CheckReport> {
  return checkTokenFile(
    file,
    {
      endpoints: { smtp: mail.smtp, imap: mail.imap, pop: mail.pop },
      timeouts: { connect: 3000, greeting: 3000, command: 3000 },
      ...options,
    },
    {
      network: sandboxNetworkClient(route),
      extraCaPem: idp.caPem,
      onRotatedRefreshToken: (token) => rotated.push(token),
    },
  );
}

function resultOf(report: CheckReport, protocol: 'smtp' | 'imap' | 'pop') {
  const result = report.results.find((r) => r.protocol === protocol);
  if (result === undefined) throw new Error(`no ${protocol} result: ${JSON.stringify(report)}`);
  return result;
}

/** Every secret that must never appear: refresh tokens, client secret, access tokens and their XOAUTH2 strings. */
async function secretsFor(file: string): Promise<string[]> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new Error('no file');
  const user = content.oauth2.UserID ?? '';
  const tokens = [...mail.directory.seenTokens];
  return [
    content.oauth2.RefreshToken ?? '',
    content.oauth2.ClientSecret ?? '',
    ...rotated,
    ...tokens,
    ...tokens.map((t) => xoauth2String(user, t)),
  ].filter((s) => s.length >= 8);
}

async function expectNoSecret(file: string, text: string): Promise<void> {
  const secrets = await secretsFor(file);
  expect(secrets.length).toBeGreaterThan(2);
  for (const secret of secrets)
    expect(text.includes(secret), `secret ${secret.slice(0, 6)}… leaked`).toBe(false);
}

describe('checkTokenFile against the sandbox mail servers', () => {
  it('logs in with SMTP, IMAP and POP; transcripts and the report hold no secret', async () => {
    const report = await check(ownFile);
    expect(report.failure).toBeUndefined();
    expect(report.results.map((r) => [r.protocol, r.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
      ['pop', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.token?.claims).toMatchObject({
      readable: true,
      audience: 'https://outlook.office.com',
      user: idp.users.admin.upn,
    });
    expect(report.token?.claims.scopes).toEqual([
      'SMTP.Send',
      'IMAP.AccessAsUser.All',
      'POP.AccessAsUser.All',
    ]);
    // The refresh token rotated; the check reported it (masked) and handed it over, never wrote it.
    expect(report.token?.rotated).toBe(true);
    expect(rotated).toHaveLength(1);
    const file = await readTokenFile(ownFile);
    expect(file.exists && file.oauth2.RefreshToken).not.toBe(rotated[0]);

    const smtp = resultOf(report, 'smtp').transcript.join('\n');
    expect(smtp).toMatch(/S: 220 .*Microsoft ESMTP MAIL Service ready/);
    expect(smtp).toContain('C: STARTTLS');
    expect(smtp).toMatch(/C: AUTH XOAUTH2 /);
    expect(smtp).toMatch(/S: 235 /);
    const imap = resultOf(report, 'imap').transcript.join('\n');
    expect(imap).toMatch(/C: \S+ AUTHENTICATE XOAUTH2/);
    expect(imap).toMatch(/S: \S+ OK AUTHENTICATE completed\./);
    expect(imap).toMatch(/C: \S+ LIST "" "\*"/);
    const pop = resultOf(report, 'pop').transcript;
    expect(pop).toContain('C: AUTH XOAUTH2');
    expect(pop).toContain('S: + ');
    expect(pop[pop.indexOf('S: + ') + 1]).toMatch(
      /^C: \[XOAUTH2 user=admin@contoso\.onmicrosoft\.com, token masked\]$|^C: dXNl…\(\d+\)$/,
    );
    expect(pop).toContain('S: +OK User successfully authenticated.');
    expect(pop).toContain('C: STAT');
    await expectNoSecret(ownFile, JSON.stringify(report));
  });

  it('sends a test message from the mailbox when asked', async () => {
    const report = await check(ownFile, { protocols: ['smtp'], sendTo: 'someone@example.com' });
    expect(resultOf(report, 'smtp')).toMatchObject({ ok: true, messageSent: true });
    expect(mail.delivered).toEqual([
      expect.objectContaining({
        from: idp.users.admin.upn,
        to: ['someone@example.com'],
        upn: idp.users.admin.upn,
      }),
    ]);
  });

  it('SMTP AUTH disabled for the mailbox: 535 5.7.139 with the Set-CASMailbox fix', async () => {
    mail.directory.setMailbox(idp.users.admin.upn, { smtpAuthDisabled: true });
    const report = await check(ownFile, { protocols: ['smtp'] });
    const smtp = resultOf(report, 'smtp');
    expect(smtp.ok).toBe(false);
    expect(report.ok).toBe(false);
    expect(smtp.explanation?.id).toBe('smtp-535-5.7.139-smtp-auth-disabled');
    expect(smtp.explanation?.command).toBe(
      `Set-CASMailbox -Identity ${idp.users.admin.upn} -SmtpClientAuthenticationDisabled $false`,
    );
    expect(smtp.transcript.join('\n')).toContain(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox',
    );
  });

  it('a bare scope gets a Graph token: the claims say so, and the server answers 535 5.7.3', async () => {
    const report = await check(ownFile, { protocols: ['smtp'], scopes: { smtp: 'SMTP.Send' } });
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([['token-audience-graph', 'error']]);
    expect(report.token?.claims.audience).toBe('https://graph.microsoft.com');
    expect(resultOf(report, 'smtp').explanation?.id).toBe('smtp-535-5.7.3-authentication-unsuccessful');
    expect(mail.directory.rejections).toEqual([{ protocol: 'smtp', reason: 'wrong-audience' }]);
  });

  it('one token request per resource: Outlook scopes share one, a Graph scope needs its own', async () => {
    const network = sandboxNetworkClient(route);
    idp.clearRequests();
    await checkTokenFile(
      ownFile,
      { protocols: ['smtp', 'imap', 'pop'], endpoints: { smtp: mail.smtp, imap: mail.imap, pop: mail.pop } },
      { network, extraCaPem: idp.caPem },
    );
    expect(idp.requests().filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
    idp.clearRequests();
    await checkTokenFile(
      ownFile,
      {
        protocols: ['smtp', 'imap'],
        scopes: { smtp: 'SMTP.Send' },
        endpoints: { smtp: mail.smtp, imap: mail.imap },
      },
      { network, extraCaPem: idp.caPem },
    );
    expect(idp.requests().filter((r) => r.grantType === 'refresh_token')).toHaveLength(2);
  });

  it('a shared mailbox with Full Access: a note on what to grant, and the logins work', async () => {
    mail.directory.setMailbox(SHARED, { fullAccess: [idp.users.admin.upn], sendAs: [idp.users.admin.upn] });
    const report = await check(sharedFile);
    expect(report.results.every((r) => r.ok)).toBe(true);
    expect(report.ok).toBe(true);
    const note = report.findings.find((f) => f.id === 'token-other-user');
    expect(note?.severity).toBe('info');
    expect(note?.explanation.command).toContain(
      `Add-MailboxPermission -Identity ${SHARED} -User ${idp.users.admin.upn}`,
    );
    expect(note?.explanation.command).toContain('-AccessRights SendAs');
  });

  it('a shared mailbox without Full Access: NO AUTHENTICATE failed. and -ERR Authentication failure', async () => {
    const report = await check(sharedFile, { protocols: ['imap', 'pop'] });
    expect(resultOf(report, 'imap').explanation?.id).toBe('imap-no-authenticate-failed');
    expect(resultOf(report, 'pop').explanation?.id).toBe('pop-err-authentication-failure');
    expect(resultOf(report, 'pop').transcript).toContain(
      'S: -ERR Authentication failure: unknown user name or bad password.',
    );
  });

  it('Send As missing: 550 5.7.60 at MAIL FROM, or 554 5.2.252 after DATA', async () => {
    mail.directory.setMailbox(SHARED, { fullAccess: [idp.users.admin.upn] });
    const atMailFrom = await check(sharedFile, { protocols: ['smtp'], sendTo: 'someone@example.com' });
    expect(resultOf(atMailFrom, 'smtp').explanation?.id).toBe('smtp-550-5.7.60-send-as-denied');
    expect(resultOf(atMailFrom, 'smtp').explanation?.command).toContain(`-Trustee ${SHARED}`);
    mail.directory.sendAsCheck = 'data';
    const afterData = await check(sharedFile, { protocols: ['smtp'], sendTo: 'someone@example.com' });
    expect(resultOf(afterData, 'smtp').explanation?.id).toBe('smtp-554-5.2.252-send-as-denied');
    expect(mail.delivered).toEqual([]);
  });

  it('IMAP answers OK to AUTHENTICATE but fails the next command: the check does not call it working', async () => {
    mail.imapBehaviour.authenticatedButNotConnected = true;
    const report = await check(sharedFile, { protocols: ['imap'] });
    const imap = resultOf(report, 'imap');
    expect(imap.transcript.join('\n')).toMatch(/S: \S+ OK AUTHENTICATE completed\./);
    expect(imap.ok).toBe(false);
    expect(imap.explanation?.id).toBe('imap-bad-authenticated-but-not-connected');
  });

  it('an untrusted server certificate is a TLS failure, for each protocol', async () => {
    const other = await startSandboxMail({ idp, tls: await createTlsMaterial() });
    try {
      const report = await check(ownFile, {
        endpoints: { smtp: other.smtp, imap: other.imap, pop: other.pop },
      });
      for (const result of report.results) {
        expect(result.ok).toBe(false);
        expect(result.explanation?.id, result.protocol).toBe('mail-tls');
      }
      expect(resultOf(report, 'pop').explanation?.raw?.message).toMatch(/CERT|SIGNATURE|certificate/i);
    } finally {
      await other.close();
    }
  });

  it('a server that accepts and never greets times out at the greeting', async () => {
    const tlsSilent = await startSilentServer(idp.serverTls);
    const tcpSilent = await startSilentServer();
    try {
      const started = Date.now();
      const report = await check(ownFile, {
        endpoints: { smtp: tcpSilent, imap: tlsSilent, pop: tlsSilent },
        timeouts: { connect: 1000, greeting: 1000, command: 1000 },
      });
      // A real socket that never greets (the OS is under test here, so real time): each login ends at its 1 s
      // greeting time-out, not at the 20 s defaults. The bound only catches that; the step is asserted below.
      expect(Date.now() - started).toBeLessThan(15_000);
      for (const result of report.results) {
        expect(result.explanation?.id, result.protocol).toBe('mail-timeout');
        expect(result.explanation?.title.en, result.protocol).toContain('(waiting for the greeting)');
      }
    } finally {
      await tlsSilent.close();
      await tcpSilent.close();
    }
  });

  it('a check stopped while it redeems connects to no mail server', async () => {
    const silent = await startSilentServer();
    try {
      const controller = new AbortController();
      const stopped = checkTokenFile(
        ownFile,
        {
          // POP alone honours a signal that is already aborted; SMTP and IMAP are the ones to watch.
          protocols: ['smtp', 'imap'],
          endpoints: { smtp: silent, imap: silent },
          timeouts: { connect: 2000, greeting: 2000, command: 2000 },
        },
        {
          network: sandboxNetworkClient(route),
          extraCaPem: idp.caPem,
          signal: controller.signal,
          // Stopped as a newer check replaces it: its token request is already on its way.
          onEvent: (event) => {
            if (event.type === 'redeeming') controller.abort();
          },
        },
      );
      await expect(stopped).rejects.toThrow();
      expect(silent.accepted).toBe(0);
    } finally {
      await silent.close();
    }
  });

  it('a check stopped while a server keeps it waiting ends at once, its connection closed', async () => {
    // POP's own client already ends at once; SMTP (plain TCP until STARTTLS) and IMAP (TLS) are the ones to watch.
    for (const protocol of ['smtp', 'imap'] as const) {
      const silent = await startSilentServer(protocol === 'imap' ? idp.serverTls : undefined);
      try {
        const controller = new AbortController();
        const stopped = checkTokenFile(
          ownFile,
          {
            protocols: [protocol],
            endpoints: { [protocol]: silent },
            timeouts: { connect: 20_000, greeting: 20_000, command: 20_000 },
          },
          {
            network: sandboxNetworkClient(route),
            extraCaPem: idp.caPem,
            signal: controller.signal,
          },
        ).then(
          () => 'ended',
          () => 'stopped',
        );
        await expect.poll(() => silent.open).toBe(1);
        const stoppedAt = Date.now();
        controller.abort();
        await expect(stopped).resolves.toBe('stopped');
        // Well inside the 20 s the server could keep the login waiting (a generous bound on a loaded machine).
        expect(Date.now() - stoppedAt, protocol).toBeLessThan(10_000);
        await expect.poll(() => silent.open).toBe(0);
      } finally {
        await silent.close();
      }
    }
  });

  it('a closed port is unreachable', async () => {
    const closed = await startSilentServer();
    const endpoint = { host: closed.host, port: closed.port };
    await closed.close();
    const report = await check(ownFile, { endpoints: { smtp: endpoint, imap: endpoint, pop: endpoint } });
    for (const result of report.results) {
      expect(result.explanation?.id, result.protocol).toBe('mail-unreachable');
      expect(result.explanation?.why.en).toContain('ECONNREFUSED');
    }
  });

  it('a revoked refresh token: explained by its AADSTS code, no login attempted', async () => {
    const copy = path.join(dir, 'revoked.ini');
    const content = await readTokenFile(ownFile);
    if (!content.exists) throw new Error('no file');
    await writeTokenFile(copy, { oauth2: content.oauth2, meta: content.meta });
    idp.revokeRefreshToken(content.oauth2.RefreshToken ?? '');
    const report = await check(copy);
    expect(report.ok).toBe(false);
    expect(report.results).toEqual([]);
    expect(report.failure).toMatchObject({ code: 'aadsts', explanation: { id: 'AADSTS50173' } });
    expect(JSON.stringify(report)).not.toContain(content.oauth2.RefreshToken);
  });

  it('a file without a refresh token says which key is missing', async () => {
    const copy = path.join(dir, 'empty.ini');
    await writeTokenFile(copy, {
      oauth2: { UserID: idp.users.admin.upn, ClientID: idp.apps.confidential.clientId },
    });
    const report = await check(copy);
    expect(report.failure?.code).toBe('not-a-token-file');
    expect(report.failure?.explanation.why.en).toContain('RefreshToken');
  });
});
