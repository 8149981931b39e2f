import { describe, expect, it } from 'vitest';
import {
  LineSplitter,
  Transcript,
  checkClaims,
  decodeAccessToken,
  explainMailFailure,
  mailEndpoint,
  maskXoauth2Blobs,
  parseEndpoint,
  parsePop3Status,
  parseStat,
  parseXoauth2,
  resourceOf,
  unstuffLine,
  xoauth2String,
} from '../../../electron/core/mail-check/index.js';
import type { ClaimExpectations } from '../../../electron/core/mail-check/index.js';
import { permissionFor } from '../../../electron/core/providers/microsoft/index.js';
import { smtpFailure } from '../../../electron/core/mail-check/smtp-login.js';
import { imapFailure } from '../../../electron/core/mail-check/imap-login.js';

const USER = 'printer@contoso.co.jp';
const TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const NOW = new Date('2025-06-01T00:00:00Z');

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const GOOD = {
  aud: 'https://outlook.office.com',
  scp: 'SMTP.Send IMAP.AccessAsUser.All',
  upn: USER,
  tid: TENANT,
  exp: NOW.getTime() / 1000 + 3599,
};
const EXPECT: ClaimExpectations = {
  cloud: 'global',
  protocols: ['smtp', 'imap'],
  userId: USER,
  tenant: TENANT,
  now: NOW,
};

describe('XOAUTH2', () => {
  it('encodes Microsoft’s example exactly', () => {
    expect(xoauth2String('test@contoso.onmicrosoft.com', 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA')).toBe(
      'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
    );
    expect(parseXoauth2(xoauth2String(USER, 'tok-123'))).toEqual({ user: USER, accessToken: 'tok-123' });
    expect(parseXoauth2('bm90IGFuIHhvYXV0aDIgc3RyaW5n')).toBeUndefined();
  });

  it('masks any base64 XOAUTH2 blob, wherever it appears, naming only the user', () => {
    const blob = xoauth2String(USER, 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.');
    expect(maskXoauth2Blobs(`AUTH XOAUTH2 ${blob}`)).toBe(
      `AUTH XOAUTH2 [XOAUTH2 user=${USER}, token masked]`,
    );
    expect(maskXoauth2Blobs('AUTH XOAUTH2 dGVzdA==')).toBe('AUTH XOAUTH2 dGVzdA==');
  });
});

describe('Transcript', () => {
  it('stays bounded however much a server sends (issue #15, item 15)', () => {
    const t = new Transcript();
    // Text with spaces: a long run of one character would be masked as a possible token.
    t.add('S', 'ok '.repeat(2000));
    for (let i = 0; i < 999; i += 1) t.add('S', `* OK flood ${i}`);
    expect(t.lines).toHaveLength(400);
    expect(t.lines[0]).toBe(`S: ${'ok '.repeat(2000).slice(0, 2000)}…`);
    expect(t.lines[398]).toBe('S: * OK flood 397');
    expect(t.lines[399]).toBe('# … 601 more lines not kept');
  });

  it('masks known secrets, XOAUTH2 strings, bearer tokens and JWTs in every line', () => {
    const access = jwt(GOOD);
    const refresh = `1.AXsandbox${'r'.repeat(100)}`;
    const t = new Transcript([refresh]);
    t.addSecret(access);
    t.add('C', `AUTH XOAUTH2 ${xoauth2String(USER, access)}`);
    t.add('S', `echo ${access}\r\nrefresh=${refresh}`);
    t.add('#', 'Authorization: Bearer abc.def.ghi');
    const text = t.lines.join('\n');
    expect(text).not.toContain(access);
    expect(text).not.toContain(refresh);
    expect(text).not.toContain(xoauth2String(USER, access));
    expect(text).not.toContain('abc.def.ghi');
    expect(t.lines[0]).toMatch(/^C: AUTH XOAUTH2 /);
    expect(t.lines).toHaveLength(4);
  });
});

describe('access token claims', () => {
  it('decodes the payload without a signature check; opaque tokens are undefined', () => {
    expect(decodeAccessToken(jwt(GOOD))).toMatchObject({ aud: GOOD.aud, upn: USER, exp: GOOD.exp });
    expect(decodeAccessToken('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA')).toBeUndefined();
    expect(decodeAccessToken('a.!!!.c')).toBeUndefined();
  });

  it('a token for the mail servers, with every scope, for the user: no finding', () => {
    const { summary, findings } = checkClaims(jwt(GOOD), EXPECT);
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({
      readable: true,
      audience: GOOD.aud,
      user: USER,
      scopes: ['SMTP.Send', 'IMAP.AccessAsUser.All'],
    });
  });

  it.each(['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'])(
    'Graph audience %s: the classic mistake',
    (aud) => {
      const { findings } = checkClaims(jwt({ ...GOOD, aud }), EXPECT);
      expect(findings.map((f) => [f.id, f.severity])).toEqual([['token-audience-graph', 'error']]);
      expect(findings[0]?.explanation.why.en).toContain(
        'SMTP.Send instead of https://outlook.office.com/SMTP.Send',
      );
    },
  );

  it('Exchange’s other names for itself are accepted; another cloud’s audience is not', () => {
    for (const aud of ['https://outlook.office365.com/', '00000002-0000-0ff1-ce00-000000000000'])
      expect(checkClaims(jwt({ ...GOOD, aud }), EXPECT).findings).toEqual([]);
    const other = checkClaims(jwt({ ...GOOD, aud: 'https://outlook.office365.us' }), EXPECT).findings;
    expect(other.map((f) => f.id)).toEqual(['token-audience-other']);
    expect(other[0]?.explanation.why.en).toContain('https://outlook.office.com');
  });

  it('a missing scope is named per protocol, with what was granted', () => {
    const { findings } = checkClaims(jwt({ ...GOOD, scp: 'SMTP.Send' }), {
      ...EXPECT,
      protocols: ['smtp', 'imap', 'pop'],
    });
    expect(findings.map((f) => [f.id, f.protocol])).toEqual([
      ['token-scope-missing', 'imap'],
      ['token-scope-missing', 'pop'],
    ]);
    expect(findings[0]?.explanation.title.en).toBe(
      'The access token does not include https://outlook.office.com/IMAP.AccessAsUser.All',
    );
    expect(findings[0]?.explanation.why.ja).toContain('SMTP.Send');
  });

  it('another user is a shared-mailbox note with the grants, not an error', () => {
    const { findings } = checkClaims(jwt({ ...GOOD, upn: 'admin@contoso.co.jp' }), EXPECT);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['token-other-user', 'info']]);
    expect(findings[0]?.explanation.command).toBe(
      `Add-MailboxPermission -Identity ${USER} -User admin@contoso.co.jp -AccessRights FullAccess -AutoMapping $false; Add-RecipientPermission -Identity ${USER} -Trustee admin@contoso.co.jp -AccessRights SendAs`,
    );
    // unique_name / preferred_username stand in for upn.
    const v2 = checkClaims(jwt({ ...GOOD, upn: undefined, preferred_username: USER.toUpperCase() }), EXPECT);
    expect(v2.findings).toEqual([]);
  });

  it('tenant and expiry', () => {
    const other = checkClaims(jwt({ ...GOOD, tid: '11111111-2222-4333-8444-555555555555' }), EXPECT).findings;
    expect(other.map((f) => [f.id, f.severity])).toEqual([['token-tenant-mismatch', 'warning']]);
    // An alias or a domain cannot be compared with an ID.
    expect(checkClaims(jwt({ ...GOOD, tid: 'x' }), { ...EXPECT, tenant: 'common' }).findings).toEqual([]);
    const expired = checkClaims(jwt({ ...GOOD, exp: NOW.getTime() / 1000 - 1 }), EXPECT).findings;
    expect(expired.map((f) => f.id)).toEqual(['token-expired']);
  });

  it('an opaque token (personal account) skips the claims with a note', () => {
    const { summary, findings } = checkClaims('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA', EXPECT);
    expect(summary).toEqual({ readable: false });
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['token-opaque', 'info']]);
  });

  it('permission names and resources', () => {
    expect(permissionFor('china', 'pop')).toBe('POP.AccessAsUser.All');
    expect(resourceOf('https://outlook.office.com/SMTP.Send')).toBe('https://outlook.office.com');
    expect(resourceOf('SMTP.Send')).toBe('https://graph.microsoft.com');
  });
});

describe('mail hosts', () => {
  it('per cloud and account type, overridable', () => {
    const work = { cloud: 'global', tenant: 'common', userId: USER };
    const personal = { cloud: 'global', tenant: 'common', userId: 'someone@outlook.jp' };
    expect(mailEndpoint('microsoft', work, 'smtp')).toEqual({ host: 'smtp.office365.com', port: 587 });
    expect(mailEndpoint('microsoft', personal, 'smtp')).toEqual({
      host: 'smtp-mail.outlook.com',
      port: 587,
    });
    // A custom domain signed in through consumers is a personal account too.
    expect(mailEndpoint('microsoft', { ...work, tenant: 'consumers' }, 'smtp')).toEqual({
      host: 'smtp-mail.outlook.com',
      port: 587,
    });
    expect(mailEndpoint('microsoft', personal, 'pop')).toEqual({
      host: 'outlook.office365.com',
      port: 995,
    });
    expect(mailEndpoint('microsoft', { ...work, cloud: 'usgov' }, 'imap')).toEqual({
      host: 'outlook.office365.us',
      port: 993,
    });
    expect(mailEndpoint('microsoft', work, 'imap', { host: 'relay', port: 1993 })).toEqual({
      host: 'relay',
      port: 1993,
    });
  });

  it('parses host:port', () => {
    expect(parseEndpoint('127.0.0.1:2525', 587)).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(parseEndpoint('smtp.example.com', 587)).toEqual({ host: 'smtp.example.com', port: 587 });
    expect(parseEndpoint('[::1]:993', 993)).toEqual({ host: '::1', port: 993 });
    for (const bad of ['a:b:c', 'host:99999', '', 'host:']) expect(parseEndpoint(bad, 1)).toBeUndefined();
  });
});

describe('POP3 parsing', () => {
  it('status lines', () => {
    expect(parsePop3Status('+OK User successfully authenticated.')).toEqual({
      status: '+OK',
      text: 'User successfully authenticated.',
    });
    expect(parsePop3Status('-ERR Authentication failure: unknown user name or bad password.')).toEqual({
      status: '-ERR',
      text: 'Authentication failure: unknown user name or bad password.',
    });
    expect(parsePop3Status('+ ')).toEqual({ status: '+', text: '' });
    expect(parsePop3Status('+')).toEqual({ status: '+', text: '' });
    expect(parsePop3Status('+ eyJzdGF0dXMiOiI0MDEifQ==')).toEqual({
      status: '+',
      text: 'eyJzdGF0dXMiOiI0MDEifQ==',
    });
    expect(parsePop3Status('* OK not pop')).toBeUndefined();
    expect(parsePop3Status('+OKAY')).toBeUndefined();
  });

  it('lines across chunks, CRLF or LF; byte-stuffing; STAT', () => {
    const buffer = new LineSplitter();
    expect(buffer.push(Buffer.from('+OK Micro'))).toEqual([]);
    expect(buffer.push(Buffer.from('soft\r\n+OK 2 40'))).toEqual(['+OK Microsoft']);
    expect(buffer.push(Buffer.from('96\n..dot\r\n.\r\n'))).toEqual(['+OK 2 4096', '..dot', '.']);
    // A multi-byte character split across chunks comes out whole.
    const kana = Buffer.from('+OK あ\r\n');
    expect(buffer.push(kana.subarray(0, 5))).toEqual([]);
    expect(buffer.push(kana.subarray(5))).toEqual(['+OK あ']);
    expect(unstuffLine('..dot')).toBe('.dot');
    expect(unstuffLine('plain')).toBe('plain');
    expect(parseStat('2 4096')).toEqual({ messages: 2, octets: 4096 });
    expect(parseStat('nope')).toBeUndefined();
  });
});

describe('failures', () => {
  const timeouts = { connect: 15_000, greeting: 15_000, command: 20_000 };
  const endpoint = { host: 'smtp.office365.com', port: 587 };

  it('nodemailer errors: a reply wins, then system codes, then timeouts', () => {
    const reply = Object.assign(new Error('Invalid login'), {
      code: 'EAUTH',
      response: '535 5.7.3 Authentication unsuccessful [X]',
      command: 'AUTH XOAUTH2',
    });
    expect(smtpFailure(reply, timeouts)).toEqual({
      kind: 'reply',
      step: 'auth',
      reply: '535 5.7.3 Authentication unsuccessful [X]',
    });
    const tls = Object.assign(new Error('unable to verify'), {
      code: 'ESOCKET',
      originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      command: 'CONN',
    });
    expect(smtpFailure(tls, timeouts)).toEqual({
      kind: 'tls',
      step: 'connect',
      reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    const greeting = Object.assign(new Error('Greeting never received'), {
      code: 'ETIMEDOUT',
      timeoutType: 'GREETING_TIMEOUT',
    });
    expect(smtpFailure(greeting, timeouts)).toEqual({ kind: 'timeout', step: 'greeting', seconds: 15 });
  });

  it('imapflow errors: the tagged reply with its status', () => {
    const auth = Object.assign(new Error('Authentication failed'), {
      authenticationFailed: true,
      response: 'AUTHENTICATE failed.',
    });
    expect(imapFailure(auth, 'auth', timeouts)).toEqual({
      kind: 'reply',
      step: 'auth',
      reply: 'AUTHENTICATE failed.',
    });
    const list = Object.assign(new Error('Command failed'), {
      responseStatus: 'BAD',
      responseText: 'User is authenticated but not connected.',
    });
    expect(imapFailure(list, 'command', timeouts)).toEqual({
      kind: 'reply',
      step: 'command',
      reply: 'BAD User is authenticated but not connected.',
    });
  });

  it('each kind has its own explanation, with host, port and step', () => {
    expect(
      explainMailFailure('smtp', endpoint, { kind: 'tls', step: 'starttls', reason: 'CERT_HAS_EXPIRED' }, {})
        .id,
    ).toBe('mail-tls');
    const timeout = explainMailFailure(
      'imap',
      endpoint,
      { kind: 'timeout', step: 'greeting', seconds: 15 },
      {},
    );
    expect(timeout.title.ja).toBe(
      'IMAP サーバー smtp.office365.com:587 が 15 秒以内に応答しませんでした (サーバーの応答 (グリーティング) 待ち)',
    );
    expect(timeout.command).toBe('Test-NetConnection smtp.office365.com -Port 587');
    expect(
      explainMailFailure('pop', endpoint, { kind: 'unreachable', step: 'connect', reason: 'ENOTFOUND' }, {})
        .id,
    ).toBe('mail-unreachable');
    expect(explainMailFailure('pop', endpoint, { kind: 'closed', step: 'auth' }, {}).id).toBe(
      'mail-connection-closed',
    );
    expect(
      explainMailFailure(
        'pop',
        endpoint,
        {
          kind: 'reply',
          step: 'auth',
          reply: '-ERR Authentication failure: unknown user name or bad password.',
        },
        {},
      ).id,
    ).toBe('pop-err-authentication-failure');
  });
});
