import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RtwError, type ErrorCode, type ErrorParams } from '../../../electron/core/errors.js';
import { LANGS, type Localized } from '../../../electron/core/i18n.js';
import {
  CATALOGUE,
  contextParams,
  EXPLAINED_ERROR_CODES,
  KNOWN_PLACEHOLDERS,
  explainAadsts,
  explainError,
  explainMailReply,
  explainXoauth2Challenge,
  formatExplanation,
  parseEntraError,
  renderEntry,
  type DiagnoseContext,
  type Explanation,
  type MailProtocol,
} from '../../../electron/core/diagnose/index.js';
import { explainMailFailure } from '../../../electron/core/mail-check/failure.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const PLACEHOLDER = /\{(\w+)\}/g;
const TRACE = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CORRELATION = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
const FULL_CONTEXT: DiagnoseContext = {
  redirectUri: 'http://localhost:8001/myapp/',
  mailbox: 'sender@contoso.co.jp',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '3b1c2d3e-1111-4222-8333-444455556666',
  port: 8001,
  authorityHost: 'login.microsoftonline.com',
};

/** Every user-visible text of an explanation, both languages, plus the command. */
function allTexts(e: Explanation): string[] {
  const localized: Localized[] = [e.title, e.why, ...e.steps];
  return [...localized.flatMap((text) => LANGS.map((lang) => text[lang])), e.command ?? ''];
}

/** The keys of `interface ErrorParams` in errors.ts, read from the source so a new code cannot hide. */
function errorCodesInSource(): string[] {
  const source = readFileSync(
    fileURLToPath(new URL('../../../electron/core/errors.ts', import.meta.url)),
    'utf8',
  );
  const body = /export interface ErrorParams \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  // Only the interface's own members (two-space indent), not the fields of multi-line parameter types.
  return [...body.matchAll(/^ {2}'?([a-z][a-z-]*)'?\s*:/gm)].map((m) => m[1] ?? '');
}

/** A sample of every RtwError code: the mapped type makes a new code without a sample a compile error. */
const SAMPLES: { [C in ErrorCode]: ErrorParams[C] } = {
  'invalid-input': { fields: 'clientId' },
  'port-busy': { port: 8001 },
  'listener-failed': { port: 80, reason: 'EACCES' },
  timeout: { seconds: 300 },
  cancelled: {},
  'authorization-denied': { error: 'access_denied', description: 'The user cancelled.' },
  aadsts: {
    aadsts: 7000215,
    error: 'invalid_client',
    description: 'AADSTS7000215: Invalid client secret provided.',
  },
  'oauth-error': { error: 'invalid_grant', description: 'Bad grant.' },
  'idp-unreachable': { host: 'login.microsoftonline.com', reason: 'ENOTFOUND' },
  'proxy-refused': { proxy: 'proxy.contoso.com:8080', host: 'login.microsoftonline.com', status: 403 },
  'proxy-auth-required': {
    proxy: 'proxy.contoso.com:8080',
    host: 'login.microsoftonline.com',
    credentialsGiven: false,
  },
  'idp-tls': { host: 'login.microsoftonline.com', reason: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
  'idp-timeout': { host: 'login.microsoftonline.com', seconds: 30 },
  'idp-http': { host: 'login.microsoftonline.com', status: 502 },
  'idp-bad-response': { host: 'login.microsoftonline.com', status: 200 },
  'no-refresh-token': {},
  'device-code-expired': { seconds: 900 },
  'device-code-declined': {},
  'device-code-unsupported': { provider: 'google' },
  'device-code-not-public': { aadsts: 7000218 },
  'file-unreadable': { path: 'C:\\smail\\smail_refresh_token.ini', reason: 'ENOENT' },
  'file-unwritable': { path: 'C:\\smail\\smail_refresh_token.ini', reason: 'EPERM' },
  'file-format': { path: 'C:\\smail\\smail_refresh_token.ini', reason: 'UTF-16' },
  'value-unwritable': { key: 'ClientSecret', reason: 'contains a line break' },
  'file-busy': { path: 'C:\\smail\\smail_refresh_token.ini', seconds: 30 },
  'not-a-token-file': { path: 'C:\\smail\\smail_refresh_token.ini', key: 'RefreshToken' },
  'file-unsafe': {
    path: '/srv/smail/smail_refresh_token.ini',
    reason: 'link-not-owned',
    target: '/etc/x',
    owner: 1001,
  },
  'file-changed': { path: '/srv/smail/smail_refresh_token.ini' },
  'file-read-only': { path: 'C:\\smail\\smail_refresh_token.ini' },
  'file-owner': { path: '/srv/smail/smail_refresh_token.ini', uid: 65534, gid: 65534, reason: 'EPERM' },
  'file-value-invalid': {
    path: 'C:\\smail\\smail_refresh_token.ini',
    key: 'TokenURI',
    reason: 'malformed-percent-escape',
  },
  'start-link-reused': {},
  'secret-reentry-required': {
    from: 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token',
    to: 'https://attacker.example/common/oauth2/v2.0/token',
  },
  'delegate-not-confirmed': { signedInAs: 'someone@contoso.com', userId: 'printer@contoso.com' },
  'id-token-invalid': { host: 'login.microsoftonline.com', claim: 'aud' },
  'path-not-allowed': { path: '/etc/passwd' },
};

const AADSTS_CODES = [
  7000215, 7000222, 7000218, 700025, 50011, 700016, 50194, 65001, 90094, 65004, 50076, 50079, 53003, 530035,
  50020, 54005, 501481, 90002, 90038, 700022, 700082, 70008, 50173, 70043, 9002313, 50126, 50034, 50057,
  50055, 70018, 70019,
  // Issue #16: the codes admins meet most.
  70000, 70011, 500011, 500113, 9002326, 700054, 50058, 50053, 50105, 90072, 50133, 50158, 50199, 16000,
  90014, 900144, 50059, 50128, 7000112, 700027, 50097, 530003, 53000, 53001, 50072, 50074,
];

describe('catalogue', () => {
  it('has unique ids', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CATALOGUE.map((entry) => [entry.id, entry] as const))(
    '%s: complete in both languages',
    (_id, entry) => {
      const texts: Localized[] = [entry.title, entry.why, ...entry.steps];
      expect(entry.steps.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text.ja.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.ja).toMatch(JAPANESE);
        expect(text.en).not.toMatch(JAPANESE);
      }
      expect(entry.title.ja).not.toContain('\n');
      expect(entry.title.en).not.toContain('\n');
      if (entry.docsUrl !== undefined) expect(entry.docsUrl).toMatch(/^https:\/\//);
      if (entry.command !== undefined) expect(entry.command).not.toMatch(JAPANESE);
      if (entry.aadsts !== undefined) expect(entry.id).toBe(`AADSTS${entry.aadsts}`);
    },
  );

  it('uses only placeholders that have a default, and none survives rendering', () => {
    for (const entry of CATALOGUE) {
      const templates = [entry.title, entry.why, ...entry.steps]
        .flatMap((t) => [t.ja, t.en])
        .concat(entry.command ?? '');
      for (const template of templates) {
        for (const [, name] of template.matchAll(PLACEHOLDER)) expect(KNOWN_PLACEHOLDERS).toContain(name);
      }
      for (const context of [{}, FULL_CONTEXT] as const) {
        for (const text of allTexts(renderEntry(entry, contextParams(context))))
          expect(text).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('is plain data the renderer can import: no Node-only APIs in the diagnose folder', () => {
    const folder = fileURLToPath(new URL('../../../electron/core/diagnose/', import.meta.url));
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(`${folder}${file}`, 'utf8');
      expect(source, file).not.toMatch(/from ['"](node:|fs|path|os|electron)/);
      expect(source, file).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  });
});

describe('RtwError codes', () => {
  it('explains exactly the codes errors.ts declares', () => {
    expect([...EXPLAINED_ERROR_CODES].sort()).toEqual(errorCodesInSource().sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(errorCodesInSource().sort());
  });

  it.each(Object.keys(SAMPLES) as ErrorCode[])('%s maps to a specific entry', (code) => {
    const explanation = explainError(new RtwError(code, SAMPLES[code]), FULL_CONTEXT);
    const entry = CATALOGUE.find((candidate) => candidate.id === explanation.id);
    expect(entry).toBeDefined();
    expect(entry?.generic).not.toBe(true);
    for (const text of allTexts(explanation)) expect(text).not.toMatch(PLACEHOLDER);
  });

  it('port-busy names the port and suggests another without changing the registration', () => {
    const e = explainError(new RtwError('port-busy', { port: 8001, suggestedPort: 8123 }), FULL_CONTEXT);
    expect(e.id).toBe('port-busy');
    expect(e.title.ja).toContain('8001');
    expect(e.title.en).toContain('8001');
    expect(e.steps[0]?.en).toContain('8123');
    expect(e.steps[0]?.en).toContain('http://localhost:8001/myapp/');
    expect(e.command).toBe('netstat -ano | findstr :8001');
    const derived = explainError(new RtwError('port-busy', { port: 8001 }));
    expect(derived.steps[0]?.ja).toContain('8002');
  });

  it('authorization-denied goes by AADSTS code first, then by OAuth error', () => {
    const byCode = explainError(
      new RtwError('authorization-denied', {
        error: 'access_denied',
        description: 'AADSTS65004: User declined to consent to access the app.',
        aadsts: 65004,
        traceId: TRACE,
        correlationId: CORRELATION,
      }),
    );
    expect(byCode.id).toBe('AADSTS65004');
    expect(byCode.raw).toMatchObject({ aadsts: 65004, traceId: TRACE, correlationId: CORRELATION });

    const fromDescription = explainError(
      new RtwError('authorization-denied', {
        error: 'invalid_request',
        description: `AADSTS50011: The redirect URI 'http://localhost:8001/myapp/' specified in the request does not match.\r\nTrace ID: ${TRACE}`,
      }),
    );
    expect(fromDescription.id).toBe('AADSTS50011');
    expect(fromDescription.steps.some((s) => s.en.includes('http://localhost:8001/myapp/'))).toBe(true);

    for (const error of [
      'access_denied',
      'invalid_scope',
      'consent_required',
      'interaction_required',
      'login_required',
      'server_error',
      'temporarily_unavailable',
    ]) {
      const e = explainError(new RtwError('authorization-denied', { error, description: 'Something.' }));
      expect(e.id).toBe(`oauth-${error}`);
      expect(e.raw?.message).toBe(`${error}: Something.`);
    }
    expect(
      explainError(new RtwError('authorization-denied', { error: 'access_denied', description: '' }))
        .retryable,
    ).toBeUndefined();
    expect(
      explainError(new RtwError('authorization-denied', { error: 'server_error', description: '' }))
        .retryable,
    ).toBe(true);

    const unknown = explainError(
      new RtwError('authorization-denied', { error: 'odd_error', description: 'Odd.' }),
    );
    expect(unknown.id).toBe('authorization-denied');
    expect(unknown.title.en).toContain('odd_error');
    expect(unknown.why.ja).toContain('Odd.');
  });

  it('oauth-error without AADSTS goes by error, else its own fallback', () => {
    expect(explainError(new RtwError('oauth-error', { error: 'invalid_grant', description: 'x' })).id).toBe(
      'oauth-invalid_grant',
    );
    expect(explainError(new RtwError('oauth-error', { error: 'invalid_client', description: 'x' })).id).toBe(
      'oauth-invalid_client',
    );
    expect(explainError(new RtwError('oauth-error', { error: 'weird', description: 'x' })).id).toBe(
      'oauth-error',
    );
  });

  it('Google’s answers go to Google’s entries, by error and description; Entra’s are unchanged', () => {
    const google = (error: string, description: string): string =>
      explainError(new RtwError('oauth-error', { error, description, provider: 'google' }), FULL_CONTEXT).id;
    expect(google('invalid_grant', 'Token has been expired or revoked.')).toBe(
      'google-invalid_grant-expired-or-revoked',
    );
    expect(google('invalid_grant', 'Bad Request')).toBe('google-invalid_grant-bad-request');
    expect(google('invalid_grant', 'Malformed auth code.')).toBe('google-invalid_grant-bad-request');
    expect(google('invalid_grant', 'Invalid code verifier.')).toBe('google-invalid_grant-code-verifier');
    expect(google('invalid_grant', 'Missing code verifier.')).toBe('google-invalid_grant-code-verifier');
    expect(google('invalid_grant', 'code_verifier or verifier is not needed.')).toBe(
      'google-invalid_grant-code-verifier',
    );
    expect(google('invalid_grant', 'reauth related error (invalid_rapt)')).toBe('google-invalid_grant');
    expect(google('invalid_client', 'Unauthorized')).toBe('google-invalid_client-secret');
    expect(google('invalid_client', 'The OAuth client was not found.')).toBe(
      'google-invalid_client-not-found',
    );
    expect(google('deleted_client', 'The OAuth client was deleted.')).toBe('google-deleted_client');
    expect(google('unauthorized_client', 'Unauthorized')).toBe('google-unauthorized_client');
    expect(google('invalid_request', 'client_secret is missing.')).toBe('google-client-secret-missing');
    expect(google('redirect_uri_mismatch', 'Bad Request')).toBe('google-redirect_uri_mismatch');
    expect(google('invalid_scope', 'Bad Request')).toBe('google-invalid_scope');
    expect(google('something_new', 'x')).toBe('google-oauth-error');
    // Without the provider, the same answer is Entra-shaped.
    expect(explainError(new RtwError('oauth-error', { error: 'invalid_grant', description: 'x' })).id).toBe(
      'oauth-invalid_grant',
    );
  });

  it('a Google sign-in’s decline, timeout and missing refresh token say Google’s causes', () => {
    const context: DiagnoseContext = { ...FULL_CONTEXT, provider: 'google' };
    const denied = explainError(
      new RtwError('authorization-denied', { error: 'access_denied', description: '' }),
      context,
    );
    expect(denied.id).toBe('google-access_denied');
    expect(denied.steps.map((s) => s.en).join(' ')).toContain('Manage Third-Party App Access');
    const timeout = explainError(new RtwError('timeout', { seconds: 300 }), context);
    expect(timeout.id).toBe('google-sign-in-timeout');
    const text = timeout.steps.map((s) => s.en).join(' ');
    for (const pageError of ['redirect_uri_mismatch', 'org_internal', 'access_denied', 'deleted_client'])
      expect(text).toContain(pageError);
    expect(explainError(new RtwError('no-refresh-token', {}), context).id).toBe('google-no-refresh-token');
    expect(explainError(new RtwError('timeout', { seconds: 300 }), FULL_CONTEXT).id).toBe('timeout');
    const expired = explainError(
      new RtwError('oauth-error', {
        error: 'invalid_grant',
        description: 'Token has been expired or revoked.',
        provider: 'google',
      }),
      context,
    );
    // Every cause Google documents, and where to look, in both languages.
    for (const cause of ['seven days', 'password', 'six months', 'myaccount.google.com/permissions', '100'])
      expect(expired.why.en).toContain(cause);
    for (const cause of ['7 日', 'パスワード', '6 か月', 'myaccount.google.com/permissions', '100'])
      expect(expired.why.ja).toContain(cause);
    expect(expired.raw?.message).toBe('invalid_grant: Token has been expired or revoked.');
  });

  it('idp-http distinguishes throttling, server errors and the rest', () => {
    const throttled = explainError(
      new RtwError('idp-http', { host: 'login.microsoftonline.com', status: 429, retryAfter: '120' }),
    );
    expect(throttled.id).toBe('idp-http-429');
    expect(throttled.retryable).toBe(true);
    expect(throttled.steps[0]?.en).toContain('120 seconds');
    expect(throttled.steps[0]?.ja).toContain('120 秒');
    const noHeader = explainError(
      new RtwError('idp-http', { host: 'login.microsoftonline.com', status: 429 }),
    );
    expect(noHeader.steps[0]?.en).toContain('about a minute');
    expect(explainError(new RtwError('idp-http', { host: 'h', status: 503 })).id).toBe('idp-http-5xx');
    const proxy = explainError(new RtwError('idp-http', { host: 'login.microsoftonline.com', status: 407 }));
    expect(proxy.id).toBe('idp-http');
    expect(proxy.retryable).toBeUndefined();
  });

  it('idp-unreachable and idp-tls mention the proxy settings of the CLI and the app', () => {
    const unreachable = explainError(
      new RtwError('idp-unreachable', { host: 'login.microsoftonline.com', reason: 'ENOTFOUND' }),
    );
    expect(unreachable.steps.map((s) => s.en).join(' ')).toContain('HTTPS_PROXY');
    expect(unreachable.command).toBe('Test-NetConnection login.microsoftonline.com -Port 443');
    const tls = explainError(
      new RtwError('idp-tls', { host: 'login.microsoftonline.com', reason: 'self-signed' }),
    );
    expect(tls.steps.map((s) => s.ja).join(' ')).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('accepts the structured clone of an RtwError (IPC drops the class)', () => {
    const clone: unknown = JSON.parse(
      JSON.stringify({ name: 'RtwError', code: 'timeout', params: { seconds: 120 } }),
    );
    const e = explainError(clone);
    expect(e.id).toBe('timeout');
    expect(e.title.en).toContain('120');
  });
});

describe('AADSTS', () => {
  it.each(AADSTS_CODES)('AADSTS%i has its own entry', (code) => {
    const e = explainAadsts(code, { message: 'Some message.', traceId: TRACE }, FULL_CONTEXT);
    expect(e.id).toBe(`AADSTS${code}`);
    expect(e.raw).toMatchObject({ aadsts: code, traceId: TRACE });
    const viaError = explainError(
      new RtwError('aadsts', { aadsts: code, error: 'invalid_grant', description: `AADSTS${code}: x` }),
    );
    expect(viaError.id).toBe(`AADSTS${code}`);
  });

  it('7000215: a Value cut short, another app’s or deleted (the form already refuses a Secret ID); compare its start', () => {
    const e = explainAadsts(7000215, { message: 'Invalid client secret provided.' }, FULL_CONTEXT);
    expect(e.why.en).not.toMatch(/Secret ID/);
    for (const cause of [/copied only in part/, /another app/, /deleted/, /first three characters/])
      expect(e.why.en).toMatch(cause);
    for (const cause of ['途中までしか', '別のアプリ', '削除', '先頭 3 文字'])
      expect(e.why.ja).toContain(cause);
    expect(e.steps.map((s) => s.ja).join()).toContain('[値]');
    expect(e.steps[0]?.en).toContain(FULL_CONTEXT.clientId);
  });

  it('65001 and 90094 give the admin consent URL with tenant and client ID', () => {
    for (const code of [65001, 90094]) {
      const e = explainAadsts(code, { message: 'consent' }, FULL_CONTEXT);
      const url = `https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=${FULL_CONTEXT.clientId}`;
      expect(e.steps[0]?.en).toContain(url);
      expect(e.steps[0]?.ja).toContain(url);
    }
    const placeholders = explainAadsts(65001, { message: 'consent' });
    expect(placeholders.steps[0]?.en).toContain('/<tenant-id>/adminconsent?client_id=<client-id>');
  });

  it('50011 takes the redirect URI from Entra’s message when the caller did not know it', () => {
    const e = explainAadsts(50011, {
      message:
        "The redirect URI 'http://localhost:9000/cb/' specified in the request does not match the redirect URIs configured for the application '3b1c'.",
    });
    expect(e.steps[1]?.en).toContain('http://localhost:9000/cb/');
  });

  it('an unknown code shows the raw message, the IDs and the lookup link', () => {
    const e = explainAadsts(123456, {
      message: 'Something new happened.',
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2024-06-22 05:13:49Z',
    });
    expect(e.id).toBe('unknown-aadsts');
    expect(e.why.ja).toContain('Something new happened.');
    expect(e.why.en).toContain('Something new happened.');
    expect(e.title.en).toContain('AADSTS123456');
    expect(e.docsUrl).toBe('https://login.microsoftonline.com/error?code=123456');
    expect(e.steps[0]?.en).toContain('https://login.microsoftonline.com/error?code=123456');
    expect(e.raw).toEqual({
      message: 'Something new happened.',
      aadsts: 123456,
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2024-06-22 05:13:49Z',
    });
    const text = formatExplanation(e, 'en');
    expect(text).toContain('AADSTS123456: Something new happened.');
    expect(text).toContain(`Trace ID: ${TRACE}`);
    expect(text).toContain(`Correlation ID: ${CORRELATION}`);
    expect(text).toContain('Timestamp: 2024-06-22 05:13:49Z');
  });

  it('an unknown code with a known OAuth error keeps that advice, and links the code’s look-up page', () => {
    const e = explainError(
      new RtwError('authorization-denied', {
        aadsts: 7654321,
        error: 'interaction_required',
        description: 'Something new happened.',
        traceId: TRACE,
        correlationId: CORRELATION,
        timestamp: '2026-01-09 02:02:12Z',
      }),
    );
    expect(e.id).toBe('oauth-interaction_required');
    expect(e.docsUrl).toBe('https://login.microsoftonline.com/error?code=7654321');
    expect(e.raw).toMatchObject({
      aadsts: 7654321,
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2026-01-09 02:02:12Z',
    });
    expect(formatExplanation(e, 'ja')).toContain('Timestamp: 2026-01-09 02:02:12Z');
  });

  it('an unwrapped MSAL error is still explained by its AADSTS code', () => {
    const msal = new Error(
      `invalid_client: Error(s): 7000215 - Timestamp: 2024-06-22 05:13:49Z - Description: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3b1c'. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2024-06-22 05:13:49Z - Correlation ID: ${CORRELATION} - Trace ID: ${TRACE}`,
    );
    const e = explainError(msal);
    expect(e.id).toBe('AADSTS7000215');
    expect(e.raw?.message).toMatch(/^Invalid client secret provided\. .*for a secret added to app '3b1c'\.$/);
    expect(e.raw?.traceId).toBe(TRACE);
  });
});

describe('parseEntraError', () => {
  it('splits a description with trace, correlation and timestamp on separate lines', () => {
    const text =
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3b1c2d3e-1111-4222-8333-444455556666'.\r\n" +
      `Trace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2024-06-22 05:13:49Z`;
    expect(parseEntraError(text)).toEqual({
      aadsts: 7000215,
      message:
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3b1c2d3e-1111-4222-8333-444455556666'.",
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2024-06-22 05:13:49Z',
    });
  });

  it('handles a multi-line message and IDs on one line', () => {
    const text = `AADSTS50011: The redirect URI 'http://localhost:8001/myapp/' specified in the request\ndoes not match the redirect URIs configured for the application.\nNavigate to https://aka.ms/redirectUriMismatchError to learn more. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2024-06-22T05:13:49.1234567Z`;
    const parts = parseEntraError(text);
    expect(parts.aadsts).toBe(50011);
    expect(parts.message).toBe(
      "The redirect URI 'http://localhost:8001/myapp/' specified in the request does not match the redirect URIs configured for the application. Navigate to https://aka.ms/redirectUriMismatchError to learn more.",
    );
    expect(parts.traceId).toBe(TRACE);
    expect(parts.correlationId).toBe(CORRELATION);
    expect(parts.timestamp).toBe('2024-06-22T05:13:49.1234567Z');
  });

  it('handles a description without IDs', () => {
    expect(parseEntraError('AADSTS65004: User declined to consent to access the app.')).toEqual({
      aadsts: 65004,
      message: 'User declined to consent to access the app.',
    });
  });

  it('handles text without an AADSTS code', () => {
    expect(
      parseEntraError('The user has denied access to the scope requested by the client application.'),
    ).toEqual({
      message: 'The user has denied access to the scope requested by the client application.',
    });
  });

  it('reads the JSON error body of the token endpoint', () => {
    const body = JSON.stringify({
      error: 'invalid_grant',
      error_description: `AADSTS700082: The refresh token has expired due to inactivity.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2024-06-22 05:13:49Z`,
      error_codes: [700082],
      timestamp: '2024-06-22 05:13:49Z',
      trace_id: TRACE,
      correlation_id: CORRELATION,
    });
    expect(parseEntraError(body)).toEqual({
      aadsts: 700082,
      message: 'The refresh token has expired due to inactivity.',
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2024-06-22 05:13:49Z',
    });
  });
});

describe('mail replies', () => {
  const cases: readonly (readonly [MailProtocol, string, string])[] = [
    [
      'smtp',
      '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      'smtp-535-5.7.3-authentication-unsuccessful',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [OS3PR01CA0017.jpnprd01.prod.outlook.com]',
      'smtp-535-5.7.139-smtp-auth-disabled',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
      'smtp-535-5.7.139-smtp-auth-disabled',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      'smtp-535-5.7.139-basic-auth-disabled',
    ],
    [
      'smtp',
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
      'smtp-535-5.7.139-security-defaults',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
      'smtp-535-5.7.139-conditional-access',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful [FR4P281CA0258.DEUP281.PROD.OUTLOOK.COM 2026-05-17T18:38:18.362Z 08DEB430F51D1974]',
      'smtp-535-5.7.139-authentication-unsuccessful',
    ],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [CH2PR15CA0029.namprd15.prod.outlook.com]',
      'smtp-535-5.7.139-credentials-incorrect',
    ],
    [
      'smtp',
      "535 5.7.139 Authentication unsuccessful, the organization configuration doesn't allow this authentication request.",
      'smtp-535-5.7.139-organization-configuration',
    ],
    [
      'smtp',
      // Postfix's words; Gmail's (below) have an entry of their own.
      '535 5.7.8 Error: authentication failed: authentication failure',
      'smtp-535-5.7.8-credentials-invalid',
    ],
    ['smtp', '530 5.7.0 Must issue a STARTTLS command first. x1sm', 'smtp-5.7.0-security'],
    ['smtp', '550 5.7.1 Unable to relay', 'smtp-5.7.1-not-authorized'],
    ['smtp', '454 4.7.0 Temporary authentication failure', 'smtp-4.7.0-temporary'],
    ['smtp', '535 5.5.127 Token will expire soon', 'smtp-5.5.127-token-expires-soon'],
    [
      'smtp',
      '550 5.7.30 Basic authentication is not supported for Client Submission.',
      'smtp-550-5.7.30-basic-auth-not-supported',
    ],
    ['smtp', '421 4.3.2 Service not available, closing transmission channel', 'smtp-421-4.3.2-not-accepting'],
    [
      'smtp',
      '451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)',
      'smtp-4.7.500-699-throttled',
    ],
    ['smtp', '452 4.7.699 Throttled', 'smtp-4.7.500-699-throttled'],
    ['imap', 'A0 NO [AUTHENTICATIONFAILED] Authentication failed.', 'imap-authenticationfailed'],
    ['imap', 'c1 NO [AUTHORIZATIONFAILED] No such authorization-ID', 'imap-authorizationfailed'],
    ['imap', "d NO [EXPIRED] That password isn't valid any more", 'imap-expired'],
    ['imap', "a NO [UNAVAILABLE] User's backend down for maintenance", 'imap-unavailable'],
    ['imap', 'd NO [PRIVACYREQUIRED] Connection offers no privacy', 'imap-privacyrequired'],
    ['imap', 'e NO [CONTACTADMIN] Account suspended', 'imap-contactadmin'],
    ['imap', 'm NO [LIMIT] Too many connections', 'imap-limit'],
    ['imap', 'A3 NO [OVERQUOTA] Sorry', 'imap-response-code'],
    ['pop', '-ERR [AUTH] Username and password not accepted.', 'pop-auth'],
    ['pop', '-ERR [SYS/TEMP] Try again later', 'pop-sys-temp'],
    ['pop', '-ERR [SYS/PERM] Mailbox is disabled', 'pop-sys-perm'],
    ['pop', '-ERR [IN-USE] Mailbox locked', 'pop-in-use'],
    ['pop', '-ERR [LOGIN-DELAY] Wait 15 minutes between logins', 'pop-login-delay'],
    ['pop', '-ERR [UTF8] Not supported', 'pop-response-code'],
    [
      'smtp',
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      'smtp-550-5.7.60-send-as-denied',
    ],
    [
      'smtp',
      '554 5.2.252 SendAsDenied; a@contoso.co.jp not allowed to send as b@contoso.co.jp; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
      'smtp-554-5.2.252-send-as-denied',
    ],
    ['smtp', '530 5.7.57 Client not authenticated to send mail.', 'smtp-530-5.7.57-not-authenticated'],
    ['smtp', '421 4.7.66 TLS 1.0 and 1.1 are not supported.', 'smtp-421-4.7.66-tls-version'],
    ['smtp', '504 5.7.4 Unrecognized authentication type', 'smtp-504-5.7.4-unrecognized-auth'],
    ['imap', 'A01 NO AUTHENTICATE failed.', 'imap-no-authenticate-failed'],
    ['imap', 'a2 bad user is authenticated but not connected.', 'imap-bad-authenticated-but-not-connected'],
    [
      'pop',
      '-ERR Authentication failure: unknown user name or bad password.',
      'pop-err-authentication-failure',
    ],
    [
      'smtp',
      '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials d9443c01a7336-2b0e1d3 - gsmtp',
      'gmail-smtp-535-5.7.8',
    ],
    ['imap', 'A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', 'gmail-imap-authenticationfailed'],
    ['pop', '-ERR [AUTH] Invalid credentials.', 'gmail-pop-invalid-credentials'],
    [
      'imap',
      'A1 NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)',
      'gmail-imap-disabled',
    ],
    [
      'imap',
      'A1 NO [ALERT] IMAP access is disabled for your domain. Please contact your domain administrator for questions about this feature. (Failure)',
      'gmail-imap-disabled-domain',
    ],
    [
      'pop',
      '-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.',
      'gmail-pop-disabled',
    ],
  ];

  it.each(cases)('%s %s', (protocol, reply, id) => {
    const e = explainMailReply(protocol, reply, FULL_CONTEXT);
    expect(e.id).toBe(id);
    // Quoted on one line, whitespace collapsed (Gmail's 535 comes in two lines, with two spaces after 5.7.8).
    expect(e.raw?.message).toBe(reply.replace(/\s+/g, ' '));
    for (const text of allTexts(e)) expect(text).not.toMatch(PLACEHOLDER);
  });

  it('matches each entry’s own example', () => {
    for (const entry of CATALOGUE) {
      if (entry.reply !== undefined)
        expect(explainMailReply(entry.reply.protocol, entry.reply.example).id).toBe(entry.id);
    }
  });

  it('matches case-insensitively, across line breaks, and status codes as whole tokens', () => {
    expect(
      explainMailReply(
        'smtp',
        '535 5.7.139 Authentication unsuccessful,\r\n  SMTPCLIENTAUTHENTICATION is disabled for the Mailbox',
      ).id,
    ).toBe('smtp-535-5.7.139-smtp-auth-disabled');
    // 5.7.3's entry must not take 5.7.39: the code is explained by its parts instead.
    const other = explainMailReply('smtp', '535 5.7.39 Authentication unsuccessful');
    expect(other.id).toBe('smtp-enhanced-status');
    expect(other.title.en).toContain('5.7.39');
    expect(explainMailReply('imap', '535 5.7.3 Authentication unsuccessful').id).toBe('unknown-mail-reply');
    expect(explainMailReply('pop', '-ERR [AUTH-RESP-CODE] x').id).toBe('pop-response-code');
    expect(explainMailReply('pop', '-ERR [SYS/TEMP/LOCKED] x').id).toBe('pop-sys-temp');
    expect(explainMailReply('smtp', '451 4.7.499 x').id).toBe('smtp-enhanced-status');
    expect(explainMailReply('smtp', '451 4.7.700 x').id).toBe('smtp-enhanced-status');
  });

  it('keeps the code in the explanation of every standard code', () => {
    const codes: readonly (readonly [MailProtocol, string, string])[] = [
      ['imap', 'A1 NO [AUTHENTICATIONFAILED] Authentication failed.', '[AUTHENTICATIONFAILED]'],
      ['imap', 'A1 NO [LIMIT] x', '[LIMIT]'],
      ['pop', '-ERR [IN-USE] x', '[IN-USE]'],
      ['smtp', '535 5.7.8 x', '5.7.8'],
      ['smtp', '451 4.7.512 x', '4.7.5'],
    ];
    for (const [protocol, reply, code] of codes) {
      const e = explainMailReply(protocol, reply);
      for (const lang of LANGS) expect(e.title[lang]).toContain(code);
      expect(e.raw?.message).toBe(reply);
    }
  });

  it('a code with phrases beats the code alone, which beats phrases alone', () => {
    // Exchange's code-less wording with an RFC 5530 code: the code says more.
    expect(explainMailReply('imap', 'A1 NO [UNAVAILABLE] AUTHENTICATE failed.').id).toBe('imap-unavailable');
    expect(explainMailReply('imap', 'A1 NO AUTHENTICATE failed.').id).toBe('imap-no-authenticate-failed');
    expect(
      explainMailReply('smtp', '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.')
        .id,
    ).toBe('smtp-535-5.7.139-basic-auth-disabled');
  });

  it('explains any other enhanced status code by its class, subject and detail, in both languages', () => {
    const permanent = explainMailReply('smtp', '550 5.2.2 Mailbox full', FULL_CONTEXT);
    expect(permanent.id).toBe('smtp-enhanced-status');
    expect(permanent.why.en).toContain('Permanent failure');
    expect(permanent.why.en).toContain('Mailbox status');
    expect(permanent.why.en).toContain('Mailbox full');
    expect(permanent.why.ja).toContain('恒久的な失敗');
    expect(permanent.why.ja).toContain('メールボックスが一杯です');
    expect(permanent.steps[0]?.en).toContain('Retrying will not help');
    const transient = explainMailReply('smtp', '452 4.3.1 Insufficient system storage');
    expect(transient.why.en).toContain('Persistent transient failure');
    expect(transient.why.en).toContain('Mail system full');
    expect(transient.steps[0]?.ja).toContain('一時的な問題です');
    const unregistered = explainMailReply('smtp', '550 5.7.606 Access denied, banned sending IP');
    expect(unregistered.why.en).toContain('not in the IANA registry');
    expect(unregistered.why.ja).toContain('IANA の一覧にありません');
    for (const e of [permanent, transient, unregistered])
      for (const text of allTexts(e)) expect(text).not.toMatch(PLACEHOLDER);
  });

  it('fills the mailbox into the Set-CASMailbox command, or a placeholder', () => {
    const reply =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.';
    expect(explainMailReply('smtp', reply, { mailbox: 'sender@contoso.co.jp' }).command).toBe(
      'Set-CASMailbox -Identity sender@contoso.co.jp -SmtpClientAuthenticationDisabled $false',
    );
    expect(explainMailReply('smtp', reply).command).toBe(
      'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false',
    );
  });

  it('an unknown reply keeps the raw reply, without any token in it', () => {
    const token =
      'dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==';
    const e = explainMailReply('pop', `C: ${token}\nS: -ERR Something odd`);
    expect(e.id).toBe('unknown-mail-reply');
    expect(e.title.en).toContain('POP');
    expect(e.why.en).toContain('-ERR Something odd');
    expect(JSON.stringify(e)).not.toContain(token);
  });
});

describe('XOAUTH2 error challenge', () => {
  it.each([
    ['400', 'xoauth2-challenge-400'],
    ['401', 'xoauth2-challenge-401'],
    ['403', 'xoauth2-challenge-403'],
    ['500', 'xoauth2-challenge'],
  ])('status %s is explained with the decoded challenge and the final reply', (status, id) => {
    const e = explainXoauth2Challenge(
      'imap',
      { status, schemes: 'Bearer', scope: 'https://mail.google.com/' },
      // Not Gmail's words (those have an entry of their own, below).
      'A1 NO [AUTHENTICATIONFAILED] Authentication failed.',
      FULL_CONTEXT,
    );
    expect(e.id).toBe(id);
    for (const lang of LANGS) {
      expect(e.title[lang]).toContain(`status ${status}`);
      expect(e.title[lang]).toContain('IMAP');
      expect(e.why[lang]).toContain('https://mail.google.com/');
      expect(e.why[lang]).toContain('[AUTHENTICATIONFAILED] Authentication failed.');
    }
    expect(e.raw?.message).toBe(
      `XOAUTH2 {"status":"${status}","schemes":"Bearer","scope":"https://mail.google.com/"} → A1 NO [AUTHENTICATIONFAILED] Authentication failed.`,
    );
    for (const text of allTexts(e)) expect(text).not.toMatch(PLACEHOLDER);
  });

  it('a provider’s own words for the final reply explain it, the decoded challenge kept beside them', () => {
    const e = explainXoauth2Challenge(
      'imap',
      { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' },
      'A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
      FULL_CONTEXT,
    );
    expect(e.id).toBe('gmail-imap-authenticationfailed');
    expect(e.raw?.message).toBe(
      'XOAUTH2 {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"} → A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    );
  });

  it('a mail failure with a challenge is explained by it, without one by the reply', () => {
    const endpoint = { host: 'smtp.example.net', port: 587 };
    const reply = '535 5.7.8 Error: authentication failed: authentication failure';
    const withChallenge = explainMailFailure(
      'smtp',
      endpoint,
      {
        kind: 'reply',
        step: 'auth',
        reply,
        xoauth2Challenge: { status: '400', scope: 'https://mail.google.com/' },
      },
      FULL_CONTEXT,
    );
    expect(withChallenge.id).toBe('xoauth2-challenge-400');
    expect(withChallenge.why.en).toContain('(none)');
    expect(withChallenge.why.ja).toContain('(なし)');
    const without = explainMailFailure(
      'smtp',
      endpoint,
      { kind: 'reply', step: 'auth', reply },
      FULL_CONTEXT,
    );
    expect(without.id).toBe('smtp-535-5.7.8-credentials-invalid');
  });
});

describe('unexpected errors and secrets', () => {
  it('shows the message of an unknown Error, never its stack', () => {
    const error = new Error('boom');
    const e = explainError(error);
    expect(e.id).toBe('unexpected');
    expect(e.why.en).toContain('boom');
    expect(e.raw).toEqual({ message: 'boom' });
    expect(JSON.stringify(e)).not.toContain('at ');
    expect(formatExplanation(e, 'ja')).not.toContain(error.stack?.split('\n')[1]?.trim() ?? '\u0000');
  });

  it('handles thrown non-errors', () => {
    expect(explainError('plain string').why.en).toContain('plain string');
    expect(explainError(undefined).id).toBe('unexpected');
    expect(explainError(null).id).toBe('unexpected');
  });

  it('redacts secrets that a foreign message might carry', () => {
    const secret = 'Abc8Q~secretvalue0123456789abcdefghijklm';
    const e = explainError(
      new Error(
        `POST failed: client_secret=${secret}&refresh_token=0.AXoA-long&code=xyz Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig`,
      ),
    );
    const json = JSON.stringify(e);
    expect(json).not.toContain(secret);
    expect(json).not.toContain('0.AXoA-long');
    expect(json).not.toContain('eyJ0eXAiOiJKV1Qi');
    expect(json).toContain('client_secret=[redacted]');
  });
});

describe('formatExplanation', () => {
  const e = explainMailReply(
    'smtp',
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
    FULL_CONTEXT,
  );

  it('renders Japanese with title, why, numbered steps, command and docs', () => {
    const text = formatExplanation(e, 'ja');
    expect(text.startsWith(e.title.ja)).toBe(true);
    expect(text).toContain(e.why.ja);
    expect(text).toContain('対処方法:');
    expect(text).toMatch(/^ {2}1\. /m);
    expect(text).toContain(`  ${e.steps.length}. `);
    expect(text).toContain(
      '実行するコマンド:\n  Set-CASMailbox -Identity sender@contoso.co.jp -SmtpClientAuthenticationDisabled $false',
    );
    expect(text).toContain(`参考情報: ${e.docsUrl}`);
    expect(text).toContain('診断 ID: smtp-535-5.7.139-smtp-auth-disabled');
    expect(text).not.toMatch(PLACEHOLDER);
  });

  it('renders English without Japanese from the catalogue', () => {
    const text = formatExplanation(e, 'en');
    expect(text).toContain('How to fix:');
    expect(text).toContain('Command:');
    expect(text).toContain('Diagnostic ID: smtp-535-5.7.139-smtp-auth-disabled');
    expect(text).not.toMatch(JAPANESE);
  });

  it('says when retrying later may help', () => {
    const retry = explainError(
      new RtwError('idp-timeout', { host: 'login.microsoftonline.com', seconds: 30 }),
    );
    expect(formatExplanation(retry, 'en')).toContain('Trying again later may work.');
    expect(formatExplanation(retry, 'ja')).toContain('時間をおいて再試行すると解決する場合があります。');
  });

  it('renders every entry in both languages', () => {
    for (const entry of CATALOGUE) {
      for (const lang of LANGS) {
        const text = formatExplanation(renderEntry(entry), lang);
        expect(text).toContain(renderEntry(entry).title[lang]);
        expect(text).not.toMatch(PLACEHOLDER);
      }
    }
  });
});
