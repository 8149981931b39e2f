/**
 * `checkTokenFile`: does the token in this INI file work with the mail servers? Reads the file, redeems the
 * refresh token (one request per resource), checks the access token's claims, and logs in to each protocol's
 * server with XOAUTH2, every failure explained. It never writes the file (see redeem.ts for the rotated token).
 */
import { PROTOCOLS, providerOf } from '../providers/index.js';
import type { Protocol, ProviderId } from '../providers/index.js';
import { explainCheck, explainError } from '../diagnose/index.js';
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { Localized } from '../i18n.js';
import { authorityFromUri, maskSecret, readTokenFile, recordedProfile } from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { checkClaims } from './claims.js';
import type { ClaimsSummary } from './claims.js';
import { explainMailFailure } from './failure.js';
import { mailEndpoint } from './hosts.js';
import { imapLogin } from './imap-login.js';
import { popLogin } from './pop-login.js';
import { redeemRefreshToken, resourceOf } from './redeem.js';
import type { RedeemSettings } from './redeem.js';
import { loginSentence, redeemSentence } from './sender-view.js';
import { smtpLogin } from './smtp-login.js';
import { askTokenInfo, tokenInfoFindings } from './token-info.js';
import type { TestMessage } from './smtp-login.js';
import { Transcript } from './transcript.js';
import { DEFAULT_STEP_TIMEOUTS } from './types.js';
import type {
  Finding,
  LoginOutcome,
  LoginParams,
  MailEndpoint,
  ProtocolResult,
  StepTimeouts,
} from './types.js';

/** What to check, beyond what the file says. */
export interface CheckOptions {
  /** Protocols to log in with; default: those recorded in the file, else SMTP. */
  protocols?: readonly Protocol[];
  /** Servers to use instead of the cloud's (a relay, a test server). */
  endpoints?: Partial<Record<Protocol, MailEndpoint>>;
  /** Sends a test message from UserID to this address after the SMTP login. */
  sendTo?: string;
  timeouts?: Partial<StepTimeouts>;
  /**
   * Scopes to request instead of the fully qualified ones, per protocol: reproduces a sender that requests
   * its own (a bare `SMTP.Send` gets a Graph token). Protocols whose scopes name one resource share a request.
   */
  scopes?: Partial<Record<Protocol, string>>;
}

/** Progress of a check, for the wizard's Check step and the CLI. */
export type CheckEvent =
  | { type: 'redeeming'; scopes: string[] }
  | { type: 'connecting'; protocol: Protocol; host: string; port: number }
  | { type: 'result'; result: ProtocolResult };

/** What a check needs from the outside world. */
export interface CheckDeps {
  network: IdpNetworkClient;
  /** Extra CA certificates (PEM) for the mail servers (tests; the CLI relies on NODE_EXTRA_CA_CERTS). */
  extraCaPem?: string;
  now?: () => Date;
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  /** Receives the refresh token Entra rotated to; the check itself never writes it (see redeem.ts). */
  onRotatedRefreshToken?: (refreshToken: string) => void;
}

/** The access token as the check saw it. */
export interface TokenReport {
  claims: ClaimsSummary;
  /** Scopes Entra reported granting. */
  grantedScopes: string[];
  /** Entra issued a new refresh token while redeeming; the file's token stays valid and was not replaced. */
  rotated: boolean;
  /** The new refresh token, masked. */
  rotatedMasked?: string;
}

/** The whole check. */
export interface CheckReport {
  /** True when every protocol logged in and no finding is an error. */
  ok: boolean;
  file: string;
  userId: string;
  protocols: Protocol[];
  /** Absent when the token could not be redeemed. */
  token?: TokenReport;
  /** Claims findings and notes (shared mailbox, opaque token). */
  findings: Finding[];
  results: ProtocolResult[];
  /** Why nothing could be checked (file unreadable, token refused by Entra…). */
  failure?: { code: ErrorCode | 'unexpected' | 'not-a-token-file'; explanation: Explanation };
  /** Where the refresh token was redeemed: the file's TokenURI, as the sender redeems it. */
  tokenEndpoint?: string;
  /** The redemption as the sender will do it, for a ticket ("SMAIL will redeem … at … — this worked"). */
  senderView?: Localized;
}

/** The test message: says what it is in both languages, so whoever receives it knows it can be ignored. */
export const TEST_MESSAGE: Omit<TestMessage, 'to'> = {
  subject: 'Refresh Token Wizard: テスト メッセージ / test message',
  text: [
    'Refresh Token Wizard のトークン確認で送信したテスト メッセージです。返信は不要です。',
    'This is a test message sent by the token check of Refresh Token Wizard. No reply is needed.',
    '',
  ].join('\r\n'),
};

/** Settings read from the INI file. */
interface FileSettings extends RedeemSettings {
  provider: ProviderId;
  userId: string;
  tenant: string | undefined;
  cloud: string;
  protocols: Protocol[];
  /** `[RefreshTokenWizard] Authority` when it names another authority than TokenURI (the sender uses TokenURI). */
  disagreeingAuthority?: string;
}

const LOGIN: Readonly<
  Record<Protocol, (p: LoginParams, t: Transcript, m?: TestMessage) => Promise<LoginOutcome>>
> = { smtp: smtpLogin, imap: imapLogin, pop: popLogin };

/**
 * The file's settings, read as the sender reads them (the token endpoint is the file's `TokenURI`), or the name of
 * the first key that is missing or unusable.
 */
function settingsOf(content: TokenFileContent, file: string): FileSettings | { missing: string } {
  const o = content.oauth2;
  for (const key of ['UserID', 'ClientID', 'RefreshToken'] as const)
    if ((o[key] ?? '').trim() === '') return { missing: key };
  const recorded = recordedProfile(content, file);
  if (recorded.authority === undefined) return { missing: 'TokenURI' };
  const secret = (o.ClientSecret ?? '').trim();
  const metaAuthority = authorityFromUri(content.meta.Authority, content.meta.Cloud);
  const fromTokenUri = authorityFromUri(o.TokenURI, content.meta.Cloud);
  const disagree =
    metaAuthority !== undefined &&
    fromTokenUri !== undefined &&
    metaAuthority.authority.toLowerCase() !== fromTokenUri.authority.toLowerCase();
  return {
    ...(disagree ? { disagreeingAuthority: (content.meta.Authority ?? '').trim() } : {}),
    provider: recorded.provider,
    userId: (o.UserID ?? '').trim(),
    clientId: (o.ClientID ?? '').trim(),
    clientSecret: secret === '' ? undefined : secret,
    refreshToken: (o.RefreshToken ?? '').trim(),
    authority: recorded.authority,
    tenant: (content.meta.Tenant ?? '').trim() || recorded.authority.tenant || undefined,
    cloud: recorded.cloud,
    protocols: recorded.protocols.length > 0 ? recorded.protocols : ['smtp'],
  };
}

/** Groups protocols by the resource of their scopes: one token request per resource. */
function requestsFor(
  settings: Pick<FileSettings, 'provider' | 'cloud'>,
  protocols: readonly Protocol[],
  overrides: Partial<Record<Protocol, string>> = {},
): Array<{ scopes: string[]; protocols: Protocol[] }> {
  const groups = new Map<string, { scopes: string[]; protocols: Protocol[] }>();
  for (const protocol of protocols) {
    const scope =
      overrides[protocol] ?? providerOf(settings.provider).mailScopes(settings, [protocol])[0] ?? '';
    const resource = resourceOf(scope);
    const group = groups.get(resource) ?? { scopes: [], protocols: [] };
    group.scopes.push(scope);
    group.protocols.push(protocol);
    groups.set(resource, group);
  }
  return [...groups.values()];
}

function failed(
  file: string,
  userId: string,
  protocols: Protocol[],
  code: NonNullable<CheckReport['failure']>['code'],
  explanation: Explanation,
  extra: Pick<CheckReport, 'findings' | 'tokenEndpoint' | 'senderView'> = { findings: [] },
): CheckReport {
  return { ok: false, file, userId, protocols, results: [], failure: { code, explanation }, ...extra };
}

/** Checks the token in an INI file against the mail servers; never throws for expected failures. */
export async function checkTokenFile(
  path: string,
  options: CheckOptions,
  deps: CheckDeps,
): Promise<CheckReport> {
  const now = deps.now ?? (() => new Date());
  let content: Awaited<ReturnType<typeof readTokenFile>>;
  try {
    content = await readTokenFile(path);
  } catch (error) {
    return failed(path, '', [], RtwError.is(error) ? error.code : 'unexpected', explainError(error));
  }
  if (!content.exists) {
    const error = new RtwError('file-unreadable', { path, reason: 'ENOENT' });
    return failed(path, '', [], error.code, explainError(error));
  }
  let settings: ReturnType<typeof settingsOf>;
  try {
    settings = settingsOf(content, path);
  } catch (error) {
    // An unusable endpoint (file-value-invalid), named by its key.
    return failed(path, '', [], RtwError.is(error) ? error.code : 'unexpected', explainError(error));
  }
  if ('missing' in settings)
    return failed(
      path,
      '',
      [],
      'not-a-token-file',
      explainCheck('token-not-redeemable', { path, key: settings.missing }),
    );

  const protocols = PROTOCOLS.filter((p) => (options.protocols ?? settings.protocols).includes(p));
  const context: DiagnoseContext = {
    provider: settings.provider,
    mailbox: settings.userId,
    clientId: settings.clientId,
    authorityHost: settings.authority.host,
    ...(settings.tenant === undefined ? {} : { tenant: settings.tenant }),
  };
  const secrets = [settings.refreshToken, settings.clientSecret ?? ''];
  const timeouts: StepTimeouts = { ...DEFAULT_STEP_TIMEOUTS, ...options.timeouts };

  const findings: Finding[] = [];
  // The check redeems where the sender does, at TokenURI; a different authority in our own section means the file
  // was edited or re-issued by something else, and whoever reads that section is told another story.
  if (settings.disagreeingAuthority !== undefined)
    findings.push({
      id: 'token-uri-authority-mismatch',
      severity: 'warning',
      explanation: explainCheck(
        'token-uri-authority-mismatch',
        { tokenUri: content.oauth2.TokenURI ?? '', recordedAuthority: settings.disagreeingAuthority },
        context,
      ),
    });
  const tokenEndpoint = providerOf(settings.provider).tokenEndpoint(settings.authority);
  const tokens = new Map<Protocol, string>();
  let token: TokenReport | undefined;
  for (const request of requestsFor(settings, protocols, options.scopes)) {
    deps.onEvent?.({ type: 'redeeming', scopes: request.scopes });
    let redeemed: Awaited<ReturnType<typeof redeemRefreshToken>>;
    try {
      redeemed = await redeemRefreshToken(settings, request.scopes, deps.network);
    } catch (error) {
      const code = RtwError.is(error) ? error.code : 'unexpected';
      const explanation = explainError(error, context);
      return failed(path, settings.userId, protocols, code, explanation, {
        findings,
        tokenEndpoint,
        senderView: redeemSentence(tokenEndpoint, settings.clientId, explanation),
      });
    }
    secrets.push(redeemed.accessToken);
    if (redeemed.rotatedRefreshToken !== undefined) {
      secrets.push(redeemed.rotatedRefreshToken);
      deps.onRotatedRefreshToken?.(redeemed.rotatedRefreshToken);
    }
    for (const protocol of request.protocols) tokens.set(protocol, redeemed.accessToken);
    const provider = providerOf(settings.provider);
    // A provider's opaque tokens are described by the provider itself (Google's tokeninfo); readable ones by their claims.
    const checked =
      provider.accessToken === undefined && provider.tokenInfo !== undefined
        ? tokenInfoFindings(
            await askTokenInfo(provider.tokenInfo, deps.network, redeemed.accessToken),
            { mailScope: provider.mailScope, userId: settings.userId },
            context,
          )
        : checkClaims(
            redeemed.accessToken,
            {
              provider: settings.provider,
              cloud: settings.cloud,
              protocols: request.protocols,
              userId: settings.userId,
              ...(settings.tenant === undefined ? {} : { tenant: settings.tenant }),
              now: now(),
            },
            context,
          );
    // The same note twice (two resources, one user) says nothing new.
    for (const finding of checked.findings)
      if (!findings.some((f) => f.id === finding.id && f.protocol === finding.protocol))
        findings.push(finding);
    token ??= {
      claims: checked.summary,
      grantedScopes: redeemed.scopes,
      rotated: redeemed.rotatedRefreshToken !== undefined,
      ...(redeemed.rotatedRefreshToken === undefined
        ? {}
        : { rotatedMasked: maskSecret(redeemed.rotatedRefreshToken) }),
    };
  }

  // Stopped while redeeming (a newer check replaced this one): no login. SMTP and IMAP would not notice a signal
  // that is already aborted, and would connect and wait out their timeouts while the newer check waits for them.
  deps.signal?.throwIfAborted();
  const results = await Promise.all(
    protocols.map(async (protocol): Promise<ProtocolResult> => {
      const endpoint = mailEndpoint(
        settings.provider,
        { cloud: settings.cloud, tenant: settings.tenant ?? '', userId: settings.userId },
        protocol,
        options.endpoints?.[protocol],
      );
      deps.onEvent?.({ type: 'connecting', protocol, ...endpoint });
      const transcript = new Transcript(secrets);
      const started = Date.now();
      const outcome = await LOGIN[protocol](
        {
          endpoint,
          user: settings.userId,
          accessToken: tokens.get(protocol) ?? '',
          timeouts,
          ...(deps.extraCaPem === undefined ? {} : { extraCaPem: deps.extraCaPem }),
          ...(deps.signal === undefined ? {} : { signal: deps.signal }),
        },
        transcript,
        protocol === 'smtp' && options.sendTo !== undefined
          ? { ...TEST_MESSAGE, to: options.sendTo }
          : undefined,
      );
      const explanation = outcome.ok
        ? undefined
        : explainMailFailure(protocol, endpoint, outcome.failure, context);
      const sent = outcome.ok && outcome.messageSent === true;
      const result: ProtocolResult = {
        protocol,
        ok: outcome.ok,
        host: endpoint.host,
        port: endpoint.port,
        transcript: transcript.lines,
        elapsedMs: Date.now() - started,
        ...(sent ? { messageSent: true } : {}),
        ...(explanation === undefined ? {} : { explanation }),
        senderView: loginSentence(
          {
            protocol,
            user: settings.userId,
            ...endpoint,
            ...(sent && options.sendTo !== undefined ? { sentTo: options.sendTo } : {}),
          },
          explanation,
        ),
      };
      deps.onEvent?.({ type: 'result', result });
      return result;
    }),
  );

  return {
    ok: results.every((r) => r.ok) && !findings.some((f) => f.severity === 'error'),
    file: path,
    userId: settings.userId,
    protocols,
    ...(token === undefined ? {} : { token }),
    findings,
    results,
    tokenEndpoint,
    senderView: redeemSentence(tokenEndpoint, settings.clientId),
  };
}
