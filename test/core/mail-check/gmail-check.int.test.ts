/**
 * The token check of a Google file, against the sandbox's Google (at Google's hostnames, through the CLI's own
 * transport) and Gmail-shaped servers that offer OAUTHBEARER beside XOAUTH2: XOAUTH2 on all three protocols as
 * the senders log in, the scope asked of Google's tokeninfo, and Gmail's refusals (the error challenge, the empty
 * line, the final reply) explained. And the same forced XOAUTH2 against Exchange-shaped servers offering
 * OAUTHBEARER.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkTokenFile,
  imapLogin,
  popLogin,
  smtpLogin,
  Transcript,
  xoauth2String,
} from '../../../electron/core/mail-check/index.js';
import type { CheckOptions, CheckReport } from '../../../electron/core/mail-check/index.js';
import type { IdpNetworkClient } from '../../../electron/core/transport/network-client.js';
import { RtwError } from '../../../electron/core/errors.js';
import { readTokenFile, writeTokenFile } from '../../../electron/core/token-file/token-file.js';
import { GMAIL_ERROR_CHALLENGE, startSandboxGmail, startSandboxMail } from '../../fixtures/mail/index.js';
import type { SandboxGmail, SandboxMail } from '../../fixtures/mail/index.js';
import { routeToSandbox } from '../../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { acquire, googleProfile, sandboxProfile, tempDir } from '../../helpers/acquisition.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../helpers/sandbox-network.js';
import type { SandboxRoute } from '../../helpers/sandbox-network.js';

const GMAIL_SCOPE = 'https://mail.google.com/';
const CHALLENGE = { status: '400', schemes: 'Bearer', scope: GMAIL_SCOPE };
const TIMEOUTS = { connect: 3000, greeting: 3000, command: 3000 };

let idp: SandboxIdp;
let route: SandboxRoute;
let gmail: SandboxGmail;
let exchange: SandboxMail;
let dir: string;
let cleanup: () => Promise<void>;
/** A Google token file for the Workspace admin, all three protocols. */
let googleFile: string;
/** A Microsoft token file, all three protocols. */
let microsoftFile: string;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  gmail = await startSandboxGmail({ idp });
  exchange = await startSandboxMail({ idp, offerOauthbearer: true });
  ({ dir, cleanup } = await tempDir());
  googleFile = path.join(dir, 'google.ini');
  microsoftFile = path.join(dir, 'microsoft.ini');
  const dispatcher = routeToSandbox(idp);
  const google = await acquire(idp, googleProfile(idp, googleFile, { protocols: ['smtp', 'imap', 'pop'] }), {
    dispatcher,
  });
  expect(google.result.ok, JSON.stringify(google.result)).toBe(true);
  const microsoft = await acquire(
    idp,
    sandboxProfile(idp, microsoftFile, { protocols: ['smtp', 'imap', 'pop'] }),
    { dispatcher },
  );
  expect(microsoft.result.ok, JSON.stringify(microsoft.result)).toBe(true);
});
afterAll(async () => {
  await Promise.all([gmail.close(), exchange.close()]);
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => {
  gmail.reset();
  exchange.reset();
  idp.clearRequests();
});

function check(
  file: string,
  servers: { smtp: unknown; imap: unknown; pop: unknown } = gmail,
  options: CheckOptions = {},
  network: IdpNetworkClient = sandboxNetworkClient(route),
): Promise<CheckReport> {
  const { smtp, imap, pop } = servers as SandboxGmail;
  return checkTokenFile(
    file,
    { endpoints: { smtp, imap, pop }, timeouts: TIMEOUTS, ...options },
    { network, extraCaPem: idp.caPem },
  );
}

function transcriptOf(report: CheckReport, protocol: 'smtp' | 'imap' | 'pop'): string[] {
  const result = report.results.find((r) => r.protocol === protocol);
  if (result === undefined) throw new Error(`no ${protocol} result`);
  return result.transcript;
}

/** A copy of a token file with some [OAUTH2] values changed. */
async function variant(name: string, from: string, oauth2: Record<string, string>): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(from, file);
  await writeTokenFile(file, { oauth2, meta: {} });
  return file;
}

/** Every secret that must never appear in a report. */
async function expectNoSecret(file: string, text: string): Promise<void> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new Error('no file');
  const user = content.oauth2.UserID ?? '';
  const tokens = [...gmail.directory.seenTokens, ...exchange.directory.seenTokens];
  const secrets = [
    content.oauth2.RefreshToken ?? '',
    content.oauth2.ClientSecret ?? '',
    ...tokens,
    ...tokens.map((t) => xoauth2String(user, t)),
  ];
  expect(tokens.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 6)}… leaked`).toBe(false);
}

describe('checking a Google file against Gmail-shaped servers', () => {
  it('logs in with XOAUTH2 on SMTP, IMAP and POP though OAUTHBEARER is offered; tokeninfo confirms Gmail’s scope', async () => {
    const report = await check(googleFile, gmail, { sendTo: 'someone@example.com' });
    expect(report.failure).toBeUndefined();
    expect(report.results.map((r) => [r.protocol, r.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
      ['pop', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([]);
    expect(gmail.directory.logins.map((l) => `${l.protocol}:${l.mechanism}`).sort()).toEqual([
      'imap:XOAUTH2',
      'pop:XOAUTH2',
      'smtp:XOAUTH2',
    ]);
    expect(report.token?.claims).toMatchObject({
      readable: true,
      audience: idp.google.clients.desktop.clientId,
      user: idp.google.accounts.admin.email,
    });
    expect(report.token?.claims.scopes).toContain(GMAIL_SCOPE);
    expect(report.token?.rotated).toBe(false);
    expect(gmail.delivered).toEqual([
      expect.objectContaining({ from: idp.google.accounts.admin.email, to: ['someone@example.com'] }),
    ]);

    // The token went to tokeninfo in a POST's header: the log has the path and nothing else.
    expect(idp.requests().map((e) => [e.method, e.host, e.path, e.status])).toEqual([
      ['POST', 'oauth2.googleapis.com', '/token', 200],
      ['POST', 'oauth2.googleapis.com', '/tokeninfo', 200],
    ]);
    for (const protocol of ['smtp', 'imap', 'pop'] as const)
      expect(transcriptOf(report, protocol), protocol).toContain('# AUTH mechanism: XOAUTH2');
    const smtp = transcriptOf(report, 'smtp').join('\n');
    expect(smtp).toMatch(/S: 250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH/);
    expect(smtp).toMatch(/C: AUTH XOAUTH2 dXNl…\(\d+\)/);
    expect(smtp).toContain('S: 235 2.7.0 Accepted');
    const imap = transcriptOf(report, 'imap').join('\n');
    expect(imap).toContain('AUTH=OAUTHBEARER');
    expect(imap).toMatch(/C: \S+ AUTHENTICATE XOAUTH2/);
    expect(imap).toMatch(/authenticated \(Success\)/);
    expect(transcriptOf(report, 'pop')).toContain('S: +OK Welcome.');
    await expectNoSecret(googleFile, JSON.stringify(report));
  });

  it('a token of another account: the error challenge, the empty line, and Gmail’s three refusals explained', async () => {
    const other = await variant('other.ini', googleFile, { UserID: idp.google.accounts.personal.email });
    const report = await check(other);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([['google-token-other-account', 'error']]);
    expect(report.findings[0]?.explanation.title.en).toBe(
      `The token is ${idp.google.accounts.admin.email}’s, not ${idp.google.accounts.personal.email}’s`,
    );
    expect(report.results.map((r) => [r.protocol, r.ok, r.explanation?.id])).toEqual([
      ['smtp', false, 'gmail-smtp-535-5.7.8'],
      ['imap', false, 'gmail-imap-authenticationfailed'],
      ['pop', false, 'gmail-pop-invalid-credentials'],
    ]);
    expect(gmail.directory.rejections.map((r) => r.reason)).toEqual([
      'wrong-user',
      'wrong-user',
      'wrong-user',
    ]);
    expect(gmail.directory.logins.every((l) => l.mechanism === 'XOAUTH2')).toBe(true);
    const note = `# XOAUTH2 error challenge from the server: ${JSON.stringify(CHALLENGE)}; answered with an empty line, as the mechanism requires`;
    for (const protocol of ['smtp', 'imap', 'pop'] as const) {
      const lines = transcriptOf(report, protocol);
      expect(lines, protocol).toContain(note);
      expect(lines, protocol).toContain('C: ');
    }
    const smtp = transcriptOf(report, 'smtp');
    expect(smtp.indexOf('C: ')).toBeGreaterThan(smtp.findIndex((l) => l.startsWith('S: 334 ')));
    expect(smtp.join('\n')).toContain(
      'S: 535-5.7.8 Username and Password not accepted. For more information, go to',
    );
    expect(transcriptOf(report, 'pop')).toContain('S: -ERR [AUTH] Invalid credentials.');
    await expectNoSecret(other, JSON.stringify(report));
  });

  it('a token without Gmail’s scope: tokeninfo says so before Gmail refuses it', async () => {
    // A grant of the sign-in scopes only (the user unticked Gmail on the consent screen).
    const client = idp.google.clients.desktop;
    const verifier = randomBytes(40).toString('base64url');
    const redirectUri = 'http://127.0.0.1:5999/';
    const dispatcher = routeToSandbox(idp);
    const authorize = new URL('https://accounts.google.com/o/oauth2/v2/auth');
    for (const [k, v] of Object.entries({
      client_id: client.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      prompt: 'consent',
    }))
      authorize.searchParams.set(k, v);
    const redirect = await fetch(authorize, { redirect: 'manual', dispatcher });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const answer = (await (
      await fetch('https://oauth2.googleapis.com/token', {
        method: 'POST',
        body: new URLSearchParams({
          code,
          client_id: client.clientId,
          client_secret: client.secrets[0] ?? '',
          redirect_uri: redirectUri,
          grant_type: 'authorization_code',
          code_verifier: verifier,
        }),
        dispatcher,
      })
    ).json()) as { refresh_token: string };
    const noGmail = await variant('no-gmail.ini', googleFile, { RefreshToken: answer.refresh_token });

    const report = await check(noGmail);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([['google-token-scope-missing', 'error']]);
    expect(report.findings[0]?.explanation.why.en).toContain(
      'openid https://www.googleapis.com/auth/userinfo.email',
    );
    expect(report.token?.claims.scopes).not.toContain(GMAIL_SCOPE);
    expect(report.results.every((r) => !r.ok)).toBe(true);
    expect(gmail.directory.rejections.map((r) => r.reason)).toEqual([
      'missing-scope',
      'missing-scope',
      'missing-scope',
    ]);
  });

  it('IMAP and POP off in Gmail’s settings: NO [ALERT] at login, -ERR [SYS/PERM] at STAT; SMTP still works', async () => {
    const account = idp.google.accounts.admin;
    idp.google.setMailAccess(account, { imap: false, pop: false });
    try {
      const report = await check(googleFile);
      expect(report.results.map((r) => [r.protocol, r.ok, r.explanation?.id])).toEqual([
        ['smtp', true, undefined],
        ['imap', false, 'gmail-imap-disabled-domain'],
        ['pop', false, 'gmail-pop-disabled'],
      ]);
      // POP's login worked: only the command after it says POP is off, which is why the check runs STAT.
      const pop = transcriptOf(report, 'pop');
      expect(pop).toContain('S: +OK Welcome.');
      expect(pop.indexOf('C: STAT')).toBeGreaterThan(pop.indexOf('S: +OK Welcome.'));
    } finally {
      idp.google.setMailAccess(account, { imap: true, pop: true });
    }
  });

  it('tokeninfo out of reach: a note, and the logins decide', async () => {
    const network = sandboxNetworkClient(route);
    const blocked: IdpNetworkClient = {
      ...network,
      sendGetRequestAsync: (url, options) => network.sendGetRequestAsync(url, options),
      sendPostRequestAsync: (url, options) =>
        url.endsWith('/tokeninfo')
          ? Promise.reject(
              new RtwError('idp-unreachable', { host: 'oauth2.googleapis.com', reason: 'ECONNRESET' }),
            )
          : network.sendPostRequestAsync(url, options),
    };
    const report = await check(googleFile, gmail, {}, blocked);
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([
      ['google-tokeninfo-unavailable', 'info'],
    ]);
    expect(report.findings[0]?.explanation.why.en).toContain('idp-unreachable');
    expect(report.token?.claims.readable).toBe(false);
    expect(report.ok).toBe(true);
  });
});

describe('the logins themselves against Gmail’s refusal', () => {
  const params = (endpoint: { host: string; port: number }) => ({
    endpoint,
    user: idp.google.accounts.admin.email,
    accessToken: `ya29.not-issued-${randomBytes(8).toString('hex')}`,
    timeouts: TIMEOUTS,
    extraCaPem: idp.caPem,
  });

  it.each([
    [
      'smtp',
      () => smtpLogin(params(gmail.smtp), new Transcript()),
      /^535-5\.7\.8 Username and Password not accepted/,
    ],
    [
      'imap',
      () => imapLogin(params(gmail.imap), new Transcript()),
      /^NO \[AUTHENTICATIONFAILED\] Invalid credentials/,
    ],
    ['pop', () => popLogin(params(gmail.pop), new Transcript()), /^-ERR \[AUTH\] Invalid credentials\.$/],
  ] as const)(
    '%s keeps the decoded challenge on the failure, with the final reply',
    async (_protocol, login, reply) => {
      const outcome = await login();
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.failure).toMatchObject({ kind: 'reply', step: 'auth', xoauth2Challenge: CHALLENGE });
      expect(outcome.failure.kind === 'reply' && outcome.failure.reply).toMatch(reply);
      expect(Buffer.from(GMAIL_ERROR_CHALLENGE, 'base64').toString()).toBe(JSON.stringify(CHALLENGE));
    },
  );
});

describe('checking a Microsoft file against Exchange-shaped servers that also offer OAUTHBEARER', () => {
  it('uses XOAUTH2 on SMTP, IMAP and POP, as the senders do', async () => {
    const report = await check(microsoftFile, exchange);
    expect(report.results.map((r) => [r.protocol, r.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
      ['pop', true],
    ]);
    expect(exchange.directory.logins.map((l) => `${l.protocol}:${l.mechanism}`).sort()).toEqual([
      'imap:XOAUTH2',
      'pop:XOAUTH2',
      'smtp:XOAUTH2',
    ]);
    const imap = transcriptOf(report, 'imap').join('\n');
    expect(imap).toContain('AUTH=OAUTHBEARER');
    expect(imap).toMatch(/C: \S+ AUTHENTICATE XOAUTH2/);
    for (const protocol of ['smtp', 'imap', 'pop'] as const)
      expect(transcriptOf(report, protocol), protocol).toContain('# AUTH mechanism: XOAUTH2');
  });
});
